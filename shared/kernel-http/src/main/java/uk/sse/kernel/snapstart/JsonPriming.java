package uk.sse.kernel.snapstart;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.problem.Problem;

/** Warms JSON (serde's introspection and Jackson's parser and generator) with made-up values, so the first request does not pay for it. */
@Singleton
public class JsonPriming implements SnapshotHook {

    private final JsonMapper json;

    public JsonPriming(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void prime() throws Exception {
        Problem problem = new Problem(
                "about:blank",
                "Priming",
                400,
                "made up before the snapshot",
                "/",
                List.of(new Problem.FieldError("/field", "message")),
                List.of("GET"));
        byte[] written = json.writeValueAsBytes(problem);
        json.readValue(written, Problem.class);
        json.readValue(
                json.writeValueAsBytes(Map.of("text", "x", "number", 1, "list", List.of(true))),
                Argument.mapOf(String.class, Object.class));
    }
}
