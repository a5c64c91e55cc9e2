package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.SecretRing;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionRules;

/**
 * Subscribes a URL to an area's events, in the caller's own area, with a new signing secret, answered once. With an
 * Idempotency-Key, a retry of the same request answers the subscription the first one made, secret and all (the
 * client never saw the first answer); with another request, 422.
 */
@Singleton
public class Subscribe {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final Destinations destinations;
    private final Clock clock;
    private final int maxPerArea;

    public Subscribe(SubscriptionStore store, Destinations destinations, Clock clock, NotifierSettings settings) {
        this.store = store;
        this.destinations = destinations;
        this.clock = clock;
        this.maxPerArea = settings.maxSubscriptionsPerArea();
    }

    /** The subscription, its current secret (to be shown now and never again), and whether a retry found it made. */
    public record Subscribed(Subscription subscription, SigningSecret secret, boolean replayed) {}

    public Outcome<Subscribed> subscribe(Caller caller, Subscription.Choice choice, String idempotencyKey) {
        if (!SubscriptionPolicy.managesArea(caller, caller.area())) {
            return Outcome.forbidden("only an area's brokers and admins subscribe to its events");
        }
        IdempotencyKey key = idempotencyKey == null
                ? null
                : IdempotencyKey.of(caller.subject(), idempotencyKey, caller.area() + choice);
        if (key != null) {
            Optional<Outcome<Subscribed>> replay = replay(key);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        List<Outcome.Violation> violations =
                check(choice, SubscriptionPolicy.isAdminOf(caller, caller.area()), destinations);
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        if (store.allInArea(caller.area()).size() >= maxPerArea) {
            return Outcome.conflict(
                    "area " + caller.area() + " has " + maxPerArea
                            + " subscriptions, the most it may have; delete one first",
                    List.of());
        }
        Instant now = clock.instant();
        SigningSecret secret = SigningSecret.generate(RANDOM);
        Subscription s = Subscription.of(
                Ids.newId("sub", clock), caller.area(), choice, SecretRing.of(secret, now), caller.subject(), now);
        if (!store.create(s, key)) {
            return replay(key)
                    .orElseGet(() ->
                            Outcome.conflict("the idempotency key was claimed by a concurrent request", List.of()));
        }
        return Outcome.done(new Subscribed(s, secret, false));
    }

    /** Every rule a subscriber's choice breaks, the URL's included (its host looked up now). */
    static List<Outcome.Violation> check(Subscription.Choice choice, boolean admin, Destinations destinations) {
        List<Outcome.Violation> violations = new ArrayList<>();
        if (destinations.check(choice.url()) instanceof Destinations.Checked.Refused refused) {
            violations.add(new Outcome.Violation("/url", refused.reason()));
        }
        violations.addAll(SubscriptionRules.check(choice, admin, Taxonomy.standard()));
        return violations;
    }

    private Optional<Outcome<Subscribed>> replay(IdempotencyKey key) {
        return store.priorRequest(key)
                .map(prior -> key.sameRequestAs(prior.requestHash())
                        ? store.find(prior.resultId())
                                .<Outcome<Subscribed>>map(s -> Outcome.done(
                                        new Subscribed(s, s.secrets().current().secret(), true)))
                                .orElseGet(() -> Outcome.notFound("subscription " + prior.resultId()))
                        : Outcome.invalid(IdempotencyKey.HEADER, "was already used for a different request"));
    }
}
