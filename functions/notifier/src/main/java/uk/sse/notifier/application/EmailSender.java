package uk.sse.notifier.application;

import uk.sse.notifier.model.SendResult;

/** Sends one email through GOV.UK Notify and reports what came of it, as a webhook's POST is reported. Never throws. */
public interface EmailSender {

    SendResult send(EmailMessage message);
}
