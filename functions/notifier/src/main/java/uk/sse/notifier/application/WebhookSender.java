package uk.sse.notifier.application;

import java.util.Map;
import uk.sse.notifier.model.SendResult;

/** POSTs a signed body to a checked destination, without following redirects, and reports what came of it. Never throws. */
public interface WebhookSender {

    SendResult post(Destination destination, Map<String, String> headers, String body);
}
