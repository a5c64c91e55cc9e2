package uk.sse.notifier;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import uk.sse.notifier.application.SendRate;

/** The notifier's plain classes that need their settings as beans. */
@Factory
public class NotifierBeans {

    /** One per function instance: the rate is kept per URL across every send the instance makes. */
    @Singleton
    SendRate sendRate(NotifierSettings settings) {
        return new SendRate(settings.slackInterval());
    }
}
