package uk.sse.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two moves, on their own; through the handler they are tested in the web (CookiesThroughTheHttpApiTest). */
class HttpApiFunctionTest {

    @Test
    void theCookiesBecomeOneCookieHeaderAndAPairAlsoInAHeaderIsSentOnce() {
        Map<String, String> headers = HttpApiFunction.withCookieHeader(
                Map.of("accept", "text/html", "Cookie", "a=1; b=2"), List.of("b=2", "c=3"));
        assertThat(headers).containsOnly(Map.entry("accept", "text/html"), Map.entry("cookie", "a=1; b=2; c=3"));
        assertThat(HttpApiFunction.withCookieHeader(null, List.of("a=1", " ", "b=2")))
                .containsOnly(Map.entry("cookie", "a=1; b=2"));
    }

    @Test
    void everySetCookieMovesWholeToTheCookiesAndNoneIsLeftInTheHeaders() {
        String first = "first=1; Path=/; HTTPOnly";
        String second = "second=2; Max-Age=60; Expires=Mon, 07 Dec 2026 05:17:27 GMT; Path=/b";
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withHeaders(Map.of("Set-Cookie", first, "Content-Type", "text/html"))
                .withMultiValueHeaders(
                        Map.of("Set-Cookie", List.of(first, second), "Content-Type", List.of("text/html")))
                .build();
        HttpApiFunction.moveSetCookiesToCookies(response);
        assertThat(response.getCookies()).containsExactly(first, second);
        assertThat(response.getHeaders()).containsOnly(Map.entry("Content-Type", "text/html"));
        assertThat(response.getMultiValueHeaders()).containsOnlyKeys("Content-Type");

        APIGatewayV2HTTPResponse none = APIGatewayV2HTTPResponse.builder()
                .withHeaders(Map.of("Content-Type", "text/html"))
                .build();
        HttpApiFunction.moveSetCookiesToCookies(none);
        assertThat(none.getCookies()).isNull();
    }
}
