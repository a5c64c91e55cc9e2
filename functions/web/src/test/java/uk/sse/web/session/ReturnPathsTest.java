package uk.sse.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** After signing in a person goes back to a page of this site, never to another site. */
class ReturnPathsTest {

    @Test
    void onlyPathsOfThisSite() {
        assertThat(ReturnPaths.orHome("/visit/119788?x=1")).isEqualTo("/visit/119788?x=1");
        for (String elsewhere : new String[] {
            "//evil.example/", "/\\evil.example", "https://evil.example/", "evil", "", null, "/a\nLocation: x"
        }) {
            assertThat(ReturnPaths.orHome(elsewhere))
                    .as(String.valueOf(elsewhere))
                    .isEqualTo("/");
        }
    }
}
