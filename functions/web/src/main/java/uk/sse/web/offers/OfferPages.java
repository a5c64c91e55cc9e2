package uk.sse.web.offers;

import java.util.List;
import uk.sse.web.api.Directory;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.ChoiceGroup;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

/** The models of a provider's pages. */
public final class OfferPages {

    private OfferPages() {}

    /** An offer in the provider's list. */
    public record Row(String href, String title, Labels.Tag status, String updated, String price) {}

    public record ListPage(String providerName, List<Row> rows, String more, String banner) {}

    /** A step in the offer's assurance history, in words. */
    public record HistoryLine(String when, String what, String reason) {}

    /** The offer as its provider sees it, with what they may do now. */
    public record OfferView(
            Directory.Offer offer,
            Labels.Tag status,
            List<String> areas,
            List<String> phases,
            List<String> modes,
            String capacity,
            String price,
            String reviewDate,
            List<HistoryLine> history,
            boolean mayEdit,
            boolean maySubmit,
            boolean mayWithdraw,
            String banner,
            Errors errors) {}

    /** Drafting or editing: the form, its choices and its errors; {@code offerId} is null for a new offer. */
    public record FormPage(
            String offerId,
            String action,
            String heading,
            OfferForm form,
            List<ChoiceGroup> areas,
            List<Choice> phases,
            List<Choice> modes,
            Errors errors,
            boolean changedByOthers) {}

    public record WithdrawPage(String offerId, String title, long version, Errors errors) {}

    /** The provider's profile as schools and advisers see it. */
    public record ProfilePage(
            Directory.Provider provider, String type, List<String> designations, List<RefusedClaim> refused) {}

    /** A designation the provider claimed and an assurer refused: what, when and why. */
    public record RefusedClaim(String designation, String refusedOn, String reason) {}

    /** An offer as anyone the directory shows it to sees it, e.g. from a link in a broker's Slack message. */
    public record PublicOffer(
            Directory.Offer offer,
            Labels.Tag status,
            List<String> areas,
            List<String> phases,
            List<String> modes,
            List<String> designations,
            String providerType,
            String capacity,
            String price,
            String assuredUntil) {}
}
