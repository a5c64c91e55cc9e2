package uk.sse.web.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.web.api.Brokerage;
import uk.sse.web.forms.AreaChoices;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.ChoiceGroup;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.Labels;

/**
 * The raise-request form as typed: read from a submitted form, shown again (with its errors), and, when its shape is
 * right (something in each required field, whole numbers, a real date), as the brokerage's request. What values are
 * allowed (how long, how many, which areas, by when) is the brokerage's to say; its refusals come back on these fields.
 */
public record RaiseForm(
        String need,
        List<String> areasOfSupport,
        String urgency,
        String daysWanted,
        List<String> deliveryModes,
        String day,
        String month,
        String year,
        String credits,
        List<String> likedOffers,
        String idempotencyKey) {

    static final List<String> FIELDS = List.of(
            "likedOffers",
            "need",
            "areasOfSupport",
            "urgency",
            "daysWanted",
            "deliveryModes",
            "wantedBy-day",
            "credits");
    static final Map<String, ProblemMessages.Field> API_FIELDS = Map.of(
            "need", new ProblemMessages.Field("need", "What the school needs"),
            "areasOfSupport", new ProblemMessages.Field("areasOfSupport", "Areas of support"),
            "urgency", new ProblemMessages.Field("urgency", "How urgent it is"),
            "daysWanted", new ProblemMessages.Field("daysWanted", "Days of support"),
            "deliveryModes", new ProblemMessages.Field("deliveryModes", "How it may be delivered"),
            "wantedBy", new ProblemMessages.Field("wantedBy-day", "The date support is wanted by"),
            "credits", new ProblemMessages.Field("credits", "Credits the school will commit"),
            "likedOffers", new ProblemMessages.Field("likedOffers", "An offer you liked"));

    /** A new form; the area of support and the need as searched for, if the adviser came from a search. */
    static RaiseForm empty(String idempotencyKey, String area, String need, List<String> liked) {
        return new RaiseForm(
                need == null ? "" : need.strip(),
                area == null || !Taxonomy.standard().isKnown(area) ? List.of() : List.of(area),
                "",
                "",
                List.of(),
                "",
                "",
                "",
                "",
                liked,
                idempotencyKey);
    }

    static RaiseForm of(Form form) {
        return new RaiseForm(
                form.text("need"),
                form.list("areasOfSupport"),
                form.text("urgency"),
                form.text("daysWanted"),
                form.list("deliveryModes"),
                form.text("wantedBy-day"),
                form.text("wantedBy-month"),
                form.text("wantedBy-year"),
                form.text("credits"),
                form.list("likedOffers"),
                form.text("idempotencyKey"));
    }

    /** What is missing or not of the right shape; the rest is the API's to judge. */
    Errors shapeErrors() {
        Errors errors = Errors.none();
        if (need.isBlank()) {
            errors.add("need", "Enter what the school needs");
        }
        if (areasOfSupport.isEmpty()) {
            errors.add("areasOfSupport", "Select at least one area of support");
        }
        if (urgency.isBlank()) {
            errors.add("urgency", "Select how urgent it is");
        }
        if (daysWanted.isBlank()) {
            errors.add("daysWanted", "Enter how many days of support the school wants");
        } else if (!daysWanted.matches("[0-9]{1,6}")) {
            errors.add("daysWanted", "Days of support must be a whole number, like 3");
        }
        if (day.isBlank() && month.isBlank() && year.isBlank()) {
            errors.add("wantedBy-day", "Enter the date support is wanted by");
        } else if (wantedBy().isEmpty()) {
            errors.add(
                    "wantedBy-day",
                    "The date support is wanted by must be a real date, like 27 3 "
                            + (LocalDate.now().getYear() + 1));
        }
        if (credits.isBlank()) {
            errors.add("credits", "Enter the credits the school will commit");
        } else if (!credits.matches("[0-9]{1,12}")) {
            errors.add("credits", "Credits must be a whole number, like 30");
        }
        if (idempotencyKey.isBlank()) {
            errors.add("", "The form was not complete: start the request again");
        }
        return errors.ordered(FIELDS);
    }

    Optional<LocalDate> wantedBy() {
        return Form.date(day, month, year);
    }

    /** The request to raise; only once {@link #shapeErrors()} is empty. */
    Brokerage.Raise request(String urn) {
        return new Brokerage.Raise(
                urn,
                areasOfSupport,
                need,
                urgency,
                Integer.parseInt(daysWanted),
                deliveryModes,
                wantedBy().orElseThrow().toString(),
                Long.parseLong(credits),
                likedOffers);
    }

    long creditsAsked() {
        return credits.matches("[0-9]{1,12}") ? Long.parseLong(credits) : 0;
    }

    /** The areas of support as checkboxes, grouped under their top-level area. */
    List<ChoiceGroup> areaChoices() {
        return AreaChoices.grouped("%s in general", areasOfSupport, Map.of());
    }

    List<Choice> urgencyChoices() {
        return Labels.URGENCIES.entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), e.getKey().equals(urgency)))
                .toList();
    }

    List<Choice> modeChoices() {
        return Labels.DELIVERY_MODES.entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), deliveryModes.contains(e.getKey())))
                .toList();
    }

    /** The date as people read it, for the check page. */
    String wantedByText() {
        return wantedBy().map(d -> Labels.day(d.toString())).orElse("");
    }
}
