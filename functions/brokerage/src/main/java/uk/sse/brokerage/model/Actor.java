package uk.sse.brokerage.model;

/**
 * Who asks: {@code subject} (the person, kept in the history), their kind, the area they act in (advisers and brokers)
 * and their organisation (a provider id, or for a school its URN). {@code area} and {@code org} may be null.
 */
public record Actor(String subject, ActorKind kind, String area, String org) {
    public Actor {
        if (subject == null || subject.isBlank() || kind == null)
            throw new IllegalArgumentException("an actor needs a subject and a kind");
    }

    public static Actor adviser(String subject, String area) {
        return new Actor(subject, ActorKind.ADVISER, area, null);
    }

    public static Actor broker(String subject, String area) {
        return new Actor(subject, ActorKind.BROKER, area, null);
    }

    public static Actor provider(String subject, String providerId) {
        return new Actor(subject, ActorKind.PROVIDER, null, providerId);
    }

    /** A school acts as a provider whose organisation is its URN. */
    public static Actor school(String subject, String urn) {
        return new Actor(subject, ActorKind.PROVIDER, null, urn);
    }

    public boolean is(ActorKind k) {
        return kind == k;
    }

    public boolean inArea(String someArea) {
        return area != null && area.equals(someArea);
    }

    public boolean ofOrg(String someOrg) {
        return org != null && org.equals(someOrg);
    }
}
