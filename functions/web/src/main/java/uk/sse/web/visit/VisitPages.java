package uk.sse.web.visit;

import java.util.List;
import uk.sse.web.api.Directory;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.ChoiceGroup;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

/** The models of the adviser's visit pages. */
public final class VisitPages {

    private VisitPages() {}

    /** "Which school are you visiting?": what was typed and, once searched, the schools found. */
    /** {@code attribution}: the postcode data's, for the places the results show. */
    public record FindSchool(
            String q, boolean searched, List<Directory.SchoolHit> schools, Errors errors, List<String> attribution) {}

    /**
     * The school's credits as this person may see them, in the area they act in ({@code area} its name): each area keeps
     * its own accounts (decision 0084), so an academy has one with its trust and another with its LA.
     */
    public sealed interface Credits {
        /** {@code available} to spend: the balance less what is held for agreed support. */
        record Known(String area, long balance, long available, long held) implements Credits {}

        record NoAccount(String area) implements Credits {}

        record NotShown() implements Credits {}
    }

    /** One of the school's requests, as a row. */
    public record RequestRow(String href, String need, List<String> areas, Labels.Tag status, String raised) {}

    /** The school's page: what it is, its credits, its open requests, and what the adviser can do next. */
    public record SchoolPage(
            Directory.School school,
            String phaseLabel,
            Credits credits,
            List<RequestRow> openRequests,
            boolean requestsShown,
            boolean mayRaise) {}

    /** One result: an assured offer near the school. */
    public record Result(
            String href,
            String title,
            String providerName,
            String providerType,
            String distance,
            String price,
            List<String> designations,
            String assuredUntil,
            List<String> areas,
            List<String> modes,
            boolean schoolsOwn,
            boolean liked,
            boolean remote) {}

    /** A link in the pagination: its page number (null for an ellipsis), where it goes, whether it is this page. */
    public record PageLink(Integer number, String href, boolean current) {}

    /** "Find support near St Bede's": the filters as chosen, the results, the pages. */
    /**
     * "Find support near St Bede's": the filters as chosen, the results, the pages. With words searched for, {@code results}
     * are the strong matches on this page and {@code related} the weaker ones after them; {@code noGoodMatch} says that no
     * offer meets the words, so the page offers to raise a request anyway.
     */
    public record SupportSearch(
            Directory.School school,
            String q,
            String area,
            List<ChoiceGroup> areas,
            List<Choice> phases,
            List<Choice> modes,
            List<Choice> distances,
            String postcode,
            List<Choice> inPersonOnly,
            String maxPrice,
            List<Choice> sorts,
            String resultsHeading,
            boolean noGoodMatch,
            List<Result> results,
            List<Result> related,
            String previous,
            String next,
            List<PageLink> pages,
            Errors errors,
            String raiseHref,
            List<String> attribution) {}

    /**
     * An offer's page, reached from a search near a school; {@code errors} when liking it was refused (the school has
     * closed).
     */
    public record OfferPage(
            Directory.School school,
            Directory.Offer offer,
            String backHref,
            List<String> areas,
            List<String> phases,
            List<String> modes,
            List<String> designations,
            String providerType,
            String capacity,
            String price,
            String assuredUntil,
            String raiseHref,
            boolean liked,
            String search,
            Errors errors) {}

    /**
     * The raise-request form: the school, its credits, the form as typed (with the offers liked) and its errors;
     * {@code bySchool} when the school asks for itself (decision 0081), not an adviser on a visit.
     */
    public record RaisePage(
            Directory.School school,
            Credits credits,
            RaiseForm form,
            List<ChoiceGroup> areas,
            List<Choice> urgencies,
            List<Choice> modes,
            List<Choice> liked,
            Errors errors,
            boolean bySchool) {}

    /** "Check your request before raising it": what will be sent, and a warning if the school cannot pay for it yet. */
    public record CheckPage(
            Directory.School school,
            RaiseForm form,
            List<String> areas,
            String urgency,
            List<String> modes,
            String wantedBy,
            String creditsWarning,
            List<String> liked) {}

    /** The request was raised: its reference and what happens next. */
    public record RaisedPage(Directory.School school, String reference, String href, boolean bySchool) {}
}
