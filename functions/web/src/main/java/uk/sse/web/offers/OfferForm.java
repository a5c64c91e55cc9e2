package uk.sse.web.offers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sse.web.api.Directory;
import uk.sse.web.forms.AreaChoices;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.ChoiceGroup;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.Labels;

/**
 * An offer as its provider types it: read from the form, shown again with its errors, and, once its shape is right, the
 * directory's offer body. What is allowed (lengths, codes, capacity in half days) is the directory's to say.
 */
public record OfferForm(
        String title,
        String description,
        List<String> areasOfSupport,
        List<String> phases,
        List<String> deliveryModes,
        String capacity,
        String price,
        String contactName,
        String contactEmail,
        String contactPhone,
        String evidence,
        String idempotencyKey,
        String version) {

    static final List<String> FIELDS = List.of(
            "title",
            "description",
            "areasOfSupport",
            "phases",
            "deliveryModes",
            "capacity",
            "price",
            "contactName",
            "contactEmail",
            "contactPhone",
            "evidence");
    static final Map<String, ProblemMessages.Field> API_FIELDS = Map.ofEntries(
            Map.entry("title", new ProblemMessages.Field("title", "Title")),
            Map.entry("description", new ProblemMessages.Field("description", "Description")),
            Map.entry("areasOfSupport", new ProblemMessages.Field("areasOfSupport", "Areas of support")),
            Map.entry("phases", new ProblemMessages.Field("phases", "Phases")),
            Map.entry("deliveryModes", new ProblemMessages.Field("deliveryModes", "How it is delivered")),
            Map.entry("capacityDaysPerTerm", new ProblemMessages.Field("capacity", "Days a term")),
            Map.entry("priceCredits", new ProblemMessages.Field("price", "Price")),
            Map.entry("contact/name", new ProblemMessages.Field("contactName", "Contact name")),
            Map.entry("contact/email", new ProblemMessages.Field("contactEmail", "Contact email")),
            Map.entry("contact/phone", new ProblemMessages.Field("contactPhone", "Contact phone")),
            Map.entry("evidence/summary", new ProblemMessages.Field("evidence", "Evidence of impact")),
            Map.entry("evidence", new ProblemMessages.Field("evidence", "Evidence of impact")));

    static OfferForm empty(String idempotencyKey) {
        return new OfferForm("", "", List.of(), List.of(), List.of(), "", "", "", "", "", "", idempotencyKey, "");
    }

    static OfferForm of(Directory.Offer offer) {
        Directory.Content c = offer.content();
        Directory.Contact contact = c.contact() == null ? new Directory.Contact(null, null, null) : c.contact();
        return new OfferForm(
                c.title(),
                c.description(),
                c.areasOfSupport(),
                c.phases(),
                c.deliveryModes(),
                c.capacityDaysPerTerm() == null
                        ? ""
                        : c.capacityDaysPerTerm().stripTrailingZeros().toPlainString(),
                Long.toString(c.priceCredits()),
                text(contact.name()),
                text(contact.email()),
                text(contact.phone()),
                c.evidence() == null ? "" : text(c.evidence().summary()),
                "",
                Long.toString(offer.version()));
    }

    static OfferForm of(Form form) {
        return new OfferForm(
                form.text("title"),
                form.text("description"),
                form.list("areasOfSupport"),
                form.list("phases"),
                form.list("deliveryModes"),
                form.text("capacity"),
                form.text("price"),
                form.text("contactName"),
                form.text("contactEmail"),
                form.text("contactPhone"),
                form.text("evidence"),
                form.text("idempotencyKey"),
                form.text("version"));
    }

    Errors shapeErrors() {
        Errors errors = Errors.none();
        if (title.isBlank()) {
            errors.add("title", "Enter a title");
        }
        if (description.isBlank()) {
            errors.add("description", "Enter a description of the support");
        }
        if (areasOfSupport.isEmpty()) {
            errors.add("areasOfSupport", "Select at least one area of support");
        }
        if (phases.isEmpty()) {
            errors.add("phases", "Select the phases it is for");
        }
        if (deliveryModes.isEmpty()) {
            errors.add("deliveryModes", "Select how it is delivered");
        }
        if (capacity.isBlank()) {
            errors.add("capacity", "Enter how many days a term you can give");
        } else if (!capacity.matches("[0-9]{1,4}(\\.[0-9]{1,2})?")) {
            errors.add("capacity", "Days a term must be a number, like 4 or 2.5");
        }
        if (price.isBlank()) {
            errors.add("price", "Enter the price in credits");
        } else if (!price.matches("[0-9]{1,9}")) {
            errors.add("price", "Price must be a whole number of credits, like 30");
        }
        if (contactName.isBlank()) {
            errors.add("contactName", "Enter the name of the person to contact");
        }
        if (contactEmail.isBlank()) {
            errors.add("contactEmail", "Enter the email address to contact");
        }
        return errors.ordered(FIELDS);
    }

    /** The directory's offer body (OfferBody). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("areasOfSupport", areasOfSupport);
        body.put("phases", phases);
        body.put("deliveryModes", deliveryModes);
        body.put("capacityDaysPerTerm", new BigDecimal(capacity));
        body.put("priceCredits", Long.parseLong(price));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", contactName);
        contact.put("email", contactEmail);
        if (!contactPhone.isBlank()) {
            contact.put("phone", contactPhone);
        }
        body.put("contact", contact);
        if (!evidence.isBlank()) {
            body.put("evidence", Map.of("summary", evidence));
        }
        return body;
    }

    List<ChoiceGroup> areaChoices() {
        return AreaChoices.grouped("%s in general", areasOfSupport, Map.of());
    }

    List<Choice> phaseChoices() {
        return Labels.PHASES.entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), phases.contains(e.getKey())))
                .toList();
    }

    List<Choice> modeChoices() {
        return Labels.DELIVERY_MODES.entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), deliveryModes.contains(e.getKey())))
                .toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
