package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.sse.directory.web.LambdaTest;
import uk.sse.engines.Engines;
import uk.sse.testing.Api;

/** A Lambda test that also has indices of its own in the embedded OpenSearch node, made from the kernel's definitions. */
public abstract class SearchTest extends LambdaTest {

    protected final String suffix = getClass().getSimpleName().toLowerCase() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    protected final String offersIndex = "offers-" + suffix;
    protected final String schoolsIndex = "schools-" + suffix;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("sse.opensearch.url", Engines.openSearch().endpoint().toString());
        properties.put("sse.search.offers-index", offersIndex);
        properties.put("sse.search.schools-index", schoolsIndex);
        return properties;
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> hits(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.map().get("hits");
    }

    protected static List<Object> ids(Api.Reply reply) {
        return hits(reply).stream().map(h -> h.get("id")).toList();
    }
}
