package uk.sse.web.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.kernel.problem.Problem;

/**
 * An API's answer: its status, headers and body. {@link #as} reads a successful body as the record the page needs;
 * {@link #problem} reads a refusal's problem+json, whose field errors become the form's error messages.
 */
public final class ApiReply {

    private final String call;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final JsonMapper json;
    private final Throwable failure;

    ApiReply(String call, int status, Map<String, List<String>> headers, byte[] body, JsonMapper json) {
        this(call, status, headers, body, json, null);
    }

    private ApiReply(
            String call,
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            JsonMapper json,
            Throwable failure) {
        this.call = call;
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
        this.json = json;
        this.failure = failure;
    }

    static ApiReply unanswered(String call, Throwable failure, JsonMapper json) {
        return new ApiReply(call, 0, Map.of(), null, json, failure);
    }

    public int status() {
        return status;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** 404: the thing does not exist, or the person may not know of it (the APIs answer both alike). */
    public boolean missing() {
        return status == 404;
    }

    /** 4xx other than 404: the API refused what was asked, saying why in its problem. */
    public boolean refused() {
        return status >= 400 && status < 500 && status != 404;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    /** The body as {@code type}; an answer that is not a success is the service being unavailable to this page. */
    public <T> T as(Class<T> type) {
        return as(Argument.of(type));
    }

    public <T> T as(Argument<T> type) {
        if (!ok()) {
            throw unavailable();
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new ApiUnavailable(call + " answered an empty body", null);
            }
            return value;
        } catch (IOException e) {
            throw new ApiUnavailable(
                    call + " answered a body that could not be read as "
                            + type.getType().getSimpleName(),
                    e);
        }
    }

    /** The body as it came, for an answer passed on as it is (a report's CSV). */
    public byte[] bytes() {
        return body.clone();
    }

    /** The problem a refusal carries (an empty one if it carried none). */
    public Problem problem() {
        if (body.length > 0) {
            try {
                Problem problem = json.readValue(body, Problem.class);
                if (problem != null) {
                    return problem;
                }
            } catch (IOException | RuntimeException notAProblem) {
                // fall through
            }
        }
        return new Problem(null, null, status, null, null, List.of(), List.of());
    }

    /** The last part of the problem's type, e.g. {@code insufficient-credits}. */
    public String problemCode() {
        String type = problem().type();
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    /** For an answer the page cannot use: the service (or this part of it) is unavailable. */
    public ApiUnavailable unavailable() {
        return new ApiUnavailable(
                call + " answered " + (status == 0 ? "nothing (" + failure + ")" : String.valueOf(status)), failure);
    }
}
