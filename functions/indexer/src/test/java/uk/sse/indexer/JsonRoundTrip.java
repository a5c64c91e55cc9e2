package uk.sse.indexer;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;

/** A document as it comes back from the index: numbers and lists as JSON parsing makes them. */
final class JsonRoundTrip {

    private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();

    private JsonRoundTrip() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> document) {
        StringWriter out = new StringWriter();
        try (var generator = MAPPER.jsonProvider().createGenerator(out)) {
            MAPPER.serialize(document, generator);
        }
        try (var parser = MAPPER.jsonProvider().createParser(new StringReader(out.toString()))) {
            return MAPPER.deserialize(parser, Map.class);
        }
    }
}
