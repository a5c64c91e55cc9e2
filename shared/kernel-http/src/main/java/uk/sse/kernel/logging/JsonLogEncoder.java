package uk.sse.kernel.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;

/**
 * Every function's log lines as one JSON object each, for CloudWatch Logs Insights: {@code timestamp} (epoch ms),
 * {@code level}, {@code loggerName}, {@code mdc} (the request's {@link LogFields}), {@code formattedMessage} and
 * {@code throwable}. Left out: the message's template and arguments (the formatted message says it once), thread
 * names, sequence numbers and the logger context.
 */
public class JsonLogEncoder extends JsonEncoder {

    public JsonLogEncoder() {
        setWithSequenceNumber(false);
        setWithNanoseconds(false);
        setWithThreadName(false);
        setWithContext(false);
        setWithMessage(false);
        setWithArguments(false);
        setWithKVPList(false);
        setWithMarkers(false);
        setWithTimestamp(true);
        setWithLevel(true);
        setWithLoggerName(true);
        setWithMDC(true);
        setWithFormattedMessage(true);
        setWithThrowable(true);
    }
}
