package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionStatus;

/**
 * Changes a subscription: replace what it asks for (If-Match required), pause, resume (which also re-enables one the
 * notifier disabled, once its URL passes the checks again), rotate its signing secret, delete it. Each write is
 * conditioned on the version read: a change that lost a race is a 412 if the caller named a version, else it is
 * tried again on the new state.
 */
@Singleton
public class ChangeSubscription {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RACES = 3;

    private final SubscriptionStore store;
    private final Destinations destinations;
    private final Clock clock;
    private final Duration grace;

    public ChangeSubscription(
            SubscriptionStore store, Destinations destinations, Clock clock, NotifierSettings settings) {
        this.store = store;
        this.destinations = destinations;
        this.clock = clock;
        this.grace = settings.secretGrace();
    }

    /** A rotation's result: the subscription and its new secret, shown now only. */
    public record Rotated(Subscription subscription, SigningSecret secret) {}

    public Outcome<Subscription> replace(Caller caller, String id, long version, Subscription.Choice choice) {
        return change(caller, id, OptionalLong.of(version), s -> {
            List<Outcome.Violation> violations =
                    Subscribe.check(choice, SubscriptionPolicy.isAdminOf(caller, s.area()), destinations);
            return violations.isEmpty() ? Outcome.done(s.chosen(choice, clock.instant())) : Outcome.invalid(violations);
        });
    }

    public Outcome<Subscription> pause(Caller caller, String id, OptionalLong version) {
        return change(
                caller,
                id,
                version,
                s -> s.status() == SubscriptionStatus.ACTIVE
                        ? Outcome.done(s.paused(clock.instant()))
                        : Outcome.done(s));
    }

    public Outcome<Subscription> resume(Caller caller, String id, OptionalLong version) {
        return change(caller, id, version, s -> {
            if (s.status() == SubscriptionStatus.ACTIVE) {
                return Outcome.done(s);
            }
            if (destinations.check(s.url()) instanceof Destinations.Checked.Refused refused) {
                return Outcome.invalid("/url", refused.reason() + "; change the URL to resume");
            }
            return Outcome.done(s.resumed(clock.instant()));
        });
    }

    public Outcome<Rotated> rotate(Caller caller, String id) {
        SigningSecret fresh = SigningSecret.generate(RANDOM);
        return change(
                        caller,
                        id,
                        OptionalLong.empty(),
                        s -> Outcome.done(
                                s.rotated(s.secrets().rotate(fresh, clock.instant(), grace), clock.instant())))
                .map(s -> new Rotated(s, fresh));
    }

    public Outcome<Subscription> delete(Caller caller, String id, OptionalLong version) {
        for (int race = 0; race < RACES; race++) {
            Outcome<Subscription> found = current(caller, id, version);
            if (!(found instanceof Outcome.Done<Subscription> done)
                    || store.delete(id, done.value().version())) {
                return found;
            }
        }
        return Outcome.conflict("subscription " + id + " kept changing; try again", List.of());
    }

    private Outcome<Subscription> change(
            Caller caller, String id, OptionalLong version, Function<Subscription, Outcome<Subscription>> how) {
        for (int race = 0; race < RACES; race++) {
            Outcome<Subscription> found = current(caller, id, version);
            if (!(found instanceof Outcome.Done<Subscription> done)) {
                return found;
            }
            Subscription s = done.value();
            Outcome<Subscription> changed = how.apply(s);
            if (!(changed instanceof Outcome.Done<Subscription> next) || next.value() == s) {
                return changed;
            }
            if (store.update(next.value())) {
                return changed;
            }
            if (version.isPresent()) {
                return store.find(id)
                        .<Outcome<Subscription>>map(now -> new Outcome.Stale<>(now.version()))
                        .orElseGet(() -> Outcome.notFound("subscription " + id));
            }
        }
        return Outcome.conflict("subscription " + id + " kept changing; try again", List.of());
    }

    /** The subscription as stored, if the caller may manage it and it is at {@code version} (when one is named). */
    private Outcome<Subscription> current(Caller caller, String id, OptionalLong version) {
        return store.find(id)
                .filter(s -> SubscriptionPolicy.manages(caller, s))
                .<Outcome<Subscription>>map(s -> version.isPresent() && version.getAsLong() != s.version()
                        ? new Outcome.Stale<>(s.version())
                        : Outcome.done(s))
                .orElseGet(() -> Outcome.notFound("subscription " + id));
    }
}
