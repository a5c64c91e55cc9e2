package uk.sse.notifier.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A subscription's signing secrets: the current one, and those it replaced, each still signing until its grace
 * period ends, so that a receiver can switch to the new secret without losing a message. At most
 * {@value #MAX_SECRETS} sign at once (a receiver checks each {@code v1,} signature of the header).
 */
public record SecretRing(List<Keyed> secrets) {

    public static final int MAX_SECRETS = 3;

    /** One secret: made at {@code createdAt}; {@code retiresAt} is null for the current one. */
    public record Keyed(SigningSecret secret, Instant createdAt, Instant retiresAt) {}

    public SecretRing {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()
                || secrets.stream().filter(k -> k.retiresAt() == null).count() != 1) {
            throw new IllegalArgumentException("a secret ring has exactly one current secret");
        }
    }

    public static SecretRing of(SigningSecret secret, Instant now) {
        return new SecretRing(List.of(new Keyed(secret, now, null)));
    }

    public Keyed current() {
        return secrets.stream().filter(k -> k.retiresAt() == null).findFirst().orElseThrow();
    }

    /** The secrets that sign a message sent at {@code now}: the current one first, then those still in their grace. */
    public List<SigningSecret> signingAt(Instant now) {
        List<SigningSecret> signing = new ArrayList<>();
        signing.add(current().secret());
        secrets.stream()
                .filter(k -> k.retiresAt() != null && k.retiresAt().isAfter(now))
                .sorted(Comparator.comparing(Keyed::retiresAt).reversed())
                .map(Keyed::secret)
                .forEach(signing::add);
        return List.copyOf(signing);
    }

    /**
     * {@code fresh} becomes current; the one it replaces keeps signing for {@code grace}. Retired secrets whose grace is
     * over are dropped, and the oldest beyond {@value #MAX_SECRETS}.
     */
    public SecretRing rotate(SigningSecret fresh, Instant now, Duration grace) {
        List<Keyed> next = new ArrayList<>();
        next.add(new Keyed(fresh, now, null));
        List<Keyed> retired = new ArrayList<>();
        for (Keyed k : secrets) {
            Keyed r = k.retiresAt() == null ? new Keyed(k.secret(), k.createdAt(), now.plus(grace)) : k;
            if (r.retiresAt().isAfter(now)) {
                retired.add(r);
            }
        }
        retired.sort(Comparator.comparing(Keyed::retiresAt).reversed());
        next.addAll(retired.subList(0, Math.min(retired.size(), MAX_SECRETS - 1)));
        return new SecretRing(next);
    }

    /** When the last retired secret stops signing, or null if none is in its grace at {@code now}. */
    public Instant graceEndsAt(Instant now) {
        return secrets.stream()
                .map(Keyed::retiresAt)
                .filter(t -> t != null && t.isAfter(now))
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
