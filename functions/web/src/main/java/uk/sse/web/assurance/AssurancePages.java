package uk.sse.web.assurance;

import java.util.List;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

/** The assurer's pages: the queue, the review of one offer, and one designation claim. */
public final class AssurancePages {

    private AssurancePages() {}

    /** An offer in the queue: what, whose, since when, and whether it was assured before. */
    public record Row(String href, String title, String provider, String since, String waited, Labels.Tag tag) {}

    /** Offers waiting for a decision, oldest first, and approved offers whose review date falls due soon. */
    public record QueuePage(List<Row> waiting, List<Row> due, List<ClaimRow> claims, String banner) {}

    /** A designation a provider claims, waiting to be verified. */
    public record ClaimRow(String href, String designation, String provider, String since) {}

    /** One designation claim: who claims it, what they are, what is verified already, and the verification form. */
    public record ClaimPage(
            String action,
            String provider,
            String type,
            String website,
            String description,
            String designation,
            List<String> verified,
            boolean mayVerify,
            boolean mayRefuse,
            String reason,
            long version,
            Errors errors) {}

    /** One offer under review: what it offers, what changed since it was last approved, and the decision form. */
    public record ReviewPage(
            String id,
            String title,
            String provider,
            Labels.Tag status,
            String reviewDate,
            String submitted,
            List<OfferDiff.Change> changes,
            String lastApproved,
            List<Summary> content,
            List<Choice> decisions,
            String day,
            String month,
            String year,
            String reason,
            long version,
            Errors errors,
            String banner) {}

    /** A line of the offer as it is now. */
    public record Summary(String field, String value) {}
}
