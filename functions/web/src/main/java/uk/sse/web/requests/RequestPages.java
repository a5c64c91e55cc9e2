package uk.sse.web.requests;

import java.util.List;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

/** The models of the request pages, shared by advisers, schools, providers and brokers. */
public final class RequestPages {

    private RequestPages() {}

    /** A request in a list: the school, what it is about, where it stands. */
    public record Row(
            String href,
            String school,
            String need,
            List<String> areas,
            Labels.Tag status,
            String raised,
            String note) {}

    /** A list of requests: its heading, what it is, its rows, and the next page if there is one. */
    public record ListPage(String heading, String lede, List<Row> rows, String more, String empty) {}

    /** What one proposal (or the engagement) is, by name: the offer's title and its provider's name. */
    public record Named(String offerTitle, String providerName) {}

    /** A proposal as the viewer sees it, with what they may do about it. */
    public record ProposalView(
            String id,
            Named named,
            String days,
            String credits,
            Labels.Tag status,
            String reason,
            boolean mayAgree,
            boolean mayAnswer) {}

    /** The agreed support: who gives it, what, how much, and how far it has gone. */
    public record EngagementView(
            Named named,
            String days,
            String credits,
            String delivered,
            String paid,
            String agreed,
            String started,
            String completed) {}

    /**
     * The request's page; {@code desk} is the broker's part (the school's context, suggestions), null for anyone else;
     * {@code schoolClosedOn} the day its school closed ("" if not known), null while it is open.
     */
    public record RequestView(
            String id,
            String school,
            String need,
            List<String> areas,
            String urgency,
            String days,
            List<String> modes,
            String wantedBy,
            String credits,
            Labels.Tag status,
            String raised,
            List<ProposalView> proposals,
            EngagementView engagement,
            Integer schoolRating,
            String schoolNotes,
            Integer impactRating,
            String impactNotes,
            String rateHref,
            String rateLabel,
            String banner,
            long version,
            String backHref,
            String backText,
            Errors errors,
            List<String> liked,
            Desk desk,
            boolean mayStart,
            boolean mayComplete,
            boolean mayCancel,
            List<Step> history,
            boolean raisedBySchool,
            String schoolClosedOn) {}

    /** What the broker sees beside the request: the school, the stored suggestions, and whether they may propose. */
    public record Desk(SchoolContext school, List<SuggestionView> suggestions, boolean mayPropose, Found found) {}

    /** Assured offers the broker searched for, beyond the suggestions: what was asked, and what was found. */
    public record Found(String find, List<SuggestionView> offers, long total) {}

    /** The school as the broker needs it: what kind of school, where, how big, and the credits it has to spend. */
    public record SchoolContext(
            String kind,
            String la,
            String town,
            String pupils,
            String available,
            String otherRequests,
            String otherRequestsHref) {}

    /** A stored suggestion, by name, with its price and how to propose it (null if it cannot be proposed now). */
    public record SuggestionView(
            String title,
            String provider,
            String price,
            String distance,
            boolean liked,
            String proposeHref,
            String proposed) {}

    /** One step of the request's history, in words. */
    public record Step(String when, String what, String who, String reason) {}

    /** A request in a broker's queue: what it is, its flags, the next step and whether it is the broker's. */
    public record QueueRow(
            String href,
            String school,
            String schoolHref,
            String need,
            List<String> areas,
            Labels.Tag status,
            List<Labels.Tag> flags,
            String next,
            boolean yours,
            String raised,
            String waited,
            String wantedBy,
            String note) {}

    /** The queue with its filters; {@code schoolName} names the school it is kept to, if it is. */
    public record QueuePage(
            List<QueueRow> rows,
            List<Choice> statuses,
            List<Choice> areas,
            String urn,
            String schoolName,
            String withoutSchool,
            String more,
            boolean filtered) {}

    /** Proposing an offer: its price, the days and credits proposed, and a warning when the credits are not its price. */
    public record ProposePage(
            String requestId,
            String school,
            String need,
            String offerId,
            String title,
            String provider,
            String price,
            String requestCredits,
            String days,
            String credits,
            String warning,
            long version,
            Errors errors) {}

    /** Recording the delivery: the days agreed, those delivered, a note. */
    public record CompletePage(
            String requestId,
            String school,
            Named named,
            String agreed,
            String daysDelivered,
            String note,
            long version,
            Errors errors) {}

    /** Cancelling the request, saying why. */
    public record CancelPage(
            String requestId, String school, String need, String reason, boolean held, long version, Errors errors) {}

    /** "Check before you agree": the proposal, the school's credits, and whether they suffice. */
    public record AgreePage(
            String requestId,
            String school,
            String proposalId,
            Named named,
            String days,
            long credits,
            String available,
            String warning,
            long version,
            Errors errors) {}

    /** Rating delivered support (the school's rating, or the adviser's of its impact). */
    public record RatePage(
            String requestId,
            String school,
            Named named,
            String question,
            List<Choice> scores,
            String notes,
            long version,
            Errors errors) {}

    /** Declining a proposal, saying why. */
    public record DeclinePage(
            String requestId,
            String school,
            String proposalId,
            Named named,
            String need,
            String reason,
            long version,
            Errors errors) {}
}
