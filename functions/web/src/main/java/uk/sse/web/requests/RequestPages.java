package uk.sse.web.requests;

import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

import java.util.List;

/** The models of the request pages, shared by advisers, schools, providers and brokers. */
public final class RequestPages {

    private RequestPages() { }

    /** A request in a list: the school, what it is about, where it stands. */
    public record Row(String href, String school, String need, List<String> areas, Labels.Tag status, String raised, String note) { }

    /** A list of requests: its heading, what it is, its rows, and the next page if there is one. */
    public record ListPage(String heading, String lede, List<Row> rows, String more, String empty) { }

    /** What one proposal (or the engagement) is, by name: the offer's title and its provider's name. */
    public record Named(String offerTitle, String providerName) { }

    /** A proposal as the viewer sees it, with what they may do about it. */
    public record ProposalView(String id, Named named, String days, String credits, Labels.Tag status, String reason,
                               boolean mayAgree, boolean mayAnswer) { }

    /** The agreed support: who gives it, what, how much, and how far it has gone. */
    public record EngagementView(Named named, String days, String credits, String delivered, String paid, String agreed,
                                 String started, String completed) { }

    /** The request's page. */
    public record RequestView(String id, String school, String need, List<String> areas, String urgency, String days,
                              List<String> modes, String wantedBy, String credits, Labels.Tag status, String raised,
                              List<ProposalView> proposals, EngagementView engagement, Integer schoolRating, String schoolNotes,
                              Integer impactRating, String impactNotes, String rateHref, String rateLabel, String banner,
                              long version, String backHref, String backText, Errors errors, List<String> liked) { }

    /** "Check before you agree": the proposal, the school's credits, and whether they suffice. */
    public record AgreePage(String requestId, String school, String proposalId, Named named, String days, long credits,
                            String available, String warning, long version, Errors errors) { }

    /** Rating delivered support (the school's rating, or the adviser's of its impact). */
    public record RatePage(String requestId, String school, Named named, String question, List<Choice> scores, String notes,
                           long version, Errors errors) { }

    /** Declining a proposal, saying why. */
    public record DeclinePage(String requestId, String school, String proposalId, Named named, String need, String reason,
                              long version, Errors errors) { }
}
