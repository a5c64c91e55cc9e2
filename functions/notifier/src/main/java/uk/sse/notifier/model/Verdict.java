package uk.sse.notifier.model;

/** What an attempt's result means: delivered; try again (on the schedule, no sooner than asked); or stop and disable the endpoint. */
public sealed interface Verdict {

    String reason();

    record Delivered(String reason) implements Verdict {}

    record Retry(String reason) implements Verdict {}

    /** The endpoint said it is gone for good: the subscription is disabled at once and the delivery fails. */
    record Disable(String reason) implements Verdict {}
}
