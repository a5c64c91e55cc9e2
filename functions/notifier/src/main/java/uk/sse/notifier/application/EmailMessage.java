package uk.sse.notifier.application;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * An email as a delivery keeps it (its body, as JSON): to whom, the Notify template, what fills the template's
 * placeholders, and a reference (the delivery's id) that Notify keeps with it.
 */
@Serdeable
public record EmailMessage(String to, String templateId, Map<String, String> personalisation, String reference) {

    public EmailMessage {
        personalisation = Map.copyOf(personalisation);
    }
}
