package uk.sse.notifier.delivery;

import jakarta.inject.Singleton;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.sse.notifier.EmailSettings;
import uk.sse.notifier.application.EmailMessage;
import uk.sse.notifier.application.EmailSender;
import uk.sse.notifier.model.SendResult;

/**
 * Sends through GOV.UK Notify's own Java client, which signs each request with a JWT made from the API key (issuer the
 * service id, HS256 with the key's secret). Its answers become {@link SendResult}s: Notify's status with the start of
 * its message, or no answer when the request did not get through.
 */
@Singleton
public class NotifyEmailSender implements EmailSender {

    private static final int EXCERPT = 1024;

    private final EmailSettings settings;
    private volatile NotificationClient client;

    public NotifyEmailSender(EmailSettings settings) {
        this.settings = settings;
    }

    @Override
    public SendResult send(EmailMessage m) {
        long start = System.nanoTime();
        try {
            client().sendEmail(m.templateId(), m.to(), m.personalisation(), m.reference());
            return new SendResult.Answered(201, null, null, millisSince(start));
        } catch (NotificationClientException refused) {
            String message = refused.getMessage() == null ? "" : refused.getMessage();
            String excerpt = message.length() > EXCERPT ? message.substring(0, EXCERPT) : message;
            return refused.getHttpResult() > 0
                    ? new SendResult.Answered(refused.getHttpResult(), null, excerpt, millisSince(start))
                    : new SendResult.NoAnswer(SendResult.Failure.CONNECTION, excerpt, millisSince(start));
        } catch (RuntimeException broken) {
            return new SendResult.NoAnswer(SendResult.Failure.PROTOCOL, broken.toString(), millisSince(start));
        }
    }

    private NotificationClient client() {
        NotificationClient c = client;
        if (c == null) {
            c = new NotificationClient(settings.apiKey(), settings.baseUrl());
            client = c;
        }
        return c;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
