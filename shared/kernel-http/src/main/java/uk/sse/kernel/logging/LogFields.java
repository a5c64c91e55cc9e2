package uk.sse.kernel.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;

/**
 * What every log line of one request says about it, kept on the request ({@link #ATTRIBUTE}) and carried into the
 * logging context (MDC) of every thread that works on it through Micronaut's propagated context. Names:
 * {@code correlationId}, {@code requestId} (API Gateway's), {@code function}, {@code caller} (the token's subject),
 * {@code role}, {@code area}; on Lambda the framework adds {@code AWSRequestId} and {@code AWS-XRAY-TRACE-ID}.
 */
public final class LogFields {

    public static final String ATTRIBUTE = "sse.log-fields";
    public static final String REQUEST_ID = "requestId";
    public static final String FUNCTION = "function";
    public static final String CALLER = "caller";
    public static final String ROLE = "role";
    public static final String AREA = "area";

    private final long startedNanos;
    private final Map<String, String> fields = new ConcurrentHashMap<>();

    LogFields(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    long startedNanos() {
        return startedNanos;
    }

    void put(String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    String get(String name) {
        return fields.get(name);
    }

    /** The thread's context (e.g. the Lambda request id the framework put there) with these fields over it. */
    Map<String, String> withContextOf(Map<String, String> context) {
        Map<String, String> all = context == null ? new HashMap<>() : new HashMap<>(context);
        all.putAll(fields);
        return all;
    }

    /** Makes these fields the logging context of the rest of the request, replacing what an earlier filter set. */
    void propagate(MutablePropagatedContext propagated) {
        MdcPropagationContext next = new MdcPropagationContext(withContextOf(MDC.getCopyOfContextMap()));
        propagated
                .getContext()
                .find(MdcPropagationContext.class)
                .ifPresentOrElse(previous -> propagated.replace(previous, next), () -> propagated.add(next));
    }
}
