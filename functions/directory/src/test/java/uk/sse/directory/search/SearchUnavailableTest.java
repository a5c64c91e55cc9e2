package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;

/** With no index behind the names (the indexer has not run yet), search answers 503 problem+json, not 500. */
@MicronautTest(environments = "test")
class SearchUnavailableTest extends SearchTest {

    @Test
    void aMissingIndexIsServiceUnavailable() {
        String adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
        for (String path :
                new String[] {"/search/offers?q=phonics", "/search/suggest?q=pho", "/schools/search?q=argyle"}) {
            var reply = api.get(path, adviser);
            assertThat(reply.status()).as(path).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.header("Retry-After")).isEqualTo("5");
            assertThat(reply.body()).doesNotContain("offers-", "schools-", "opensearch");
        }
    }
}
