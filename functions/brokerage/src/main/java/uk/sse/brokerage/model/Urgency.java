package uk.sse.brokerage.model;

/** How soon the school needs support; the broker's queue orders by it (most urgent first), then by age. */
public enum Urgency {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
