package uk.sse.notifier.model;

/** The brokerage's urgencies, by the names its events carry in {@code data.urgency}; a filter may ask for some. */
public enum Urgency {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
