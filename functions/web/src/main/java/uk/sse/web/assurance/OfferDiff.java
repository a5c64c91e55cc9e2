package uk.sse.web.assurance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import uk.sse.web.api.Directory;
import uk.sse.web.pages.Labels;

/**
 * What changed in an offer between two versions, field by field, in words an assurer reads: the field's name, what it
 * said, what it says now. Fields that did not change are left out.
 */
public final class OfferDiff {

    private OfferDiff() {}

    /** One changed field. */
    public record Change(String field, String before, String now) {}

    private record Field(String name, Function<Directory.Content, String> shown) {}

    private static final List<Field> FIELDS = List.of(
            new Field("Title", Directory.Content::title),
            new Field("Description", Directory.Content::description),
            new Field("Areas of support", c -> String.join(", ", Labels.areas(c.areasOfSupport()))),
            new Field("Phases", c -> String.join(", ", Labels.phases(c.phases()))),
            new Field("How it is delivered", c -> String.join(", ", Labels.deliveryModes(c.deliveryModes()))),
            new Field("Days a term", c -> number(c.capacityDaysPerTerm())),
            new Field("Price", c -> Labels.credits(c.priceCredits())),
            new Field(
                    "Day rate",
                    c -> c.dayRatePence() == null
                            ? ""
                            : String.format(java.util.Locale.UK, "£%,.2f", c.dayRatePence() / 100.0)),
            new Field("Travels up to", c -> c.travelRadiusKm() == null ? "" : c.travelRadiusKm() + " km"),
            new Field("Available from", c -> Labels.day(c.availableFrom())),
            new Field("Available until", c -> Labels.day(c.availableUntil())),
            new Field(
                    "Evidence",
                    c -> c.evidence() == null || c.evidence().summary() == null
                            ? ""
                            : c.evidence().summary()),
            new Field(
                    "Evidence links",
                    c -> c.evidence() == null || c.evidence().links() == null
                            ? ""
                            : String.join(" ", c.evidence().links())),
            new Field(
                    "Contact",
                    c -> c.contact() == null
                            ? ""
                            : String.join(
                                    ", ",
                                    java.util.stream.Stream.of(
                                                    c.contact().name(),
                                                    c.contact().email(),
                                                    c.contact().phone())
                                            .filter(Objects::nonNull)
                                            .toList())));

    public static List<Change> between(Directory.Content before, Directory.Content now) {
        List<Change> changes = new ArrayList<>();
        for (Field f : FIELDS) {
            String was = text(f.shown().apply(before));
            String is = text(f.shown().apply(now));
            if (!was.equals(is)) {
                changes.add(new Change(f.name(), was.isEmpty() ? "(nothing)" : was, is.isEmpty() ? "(nothing)" : is));
            }
        }
        return changes;
    }

    /** The latest approved version before the one under review, if it was ever approved. */
    public static java.util.Optional<Directory.Offer> lastApproved(List<Directory.Offer> versions, long current) {
        return versions.stream()
                .filter(v -> v.version() < current && "APPROVED".equals(v.status()))
                .max(java.util.Comparator.comparingLong(Directory.Offer::version));
    }

    private static String number(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
