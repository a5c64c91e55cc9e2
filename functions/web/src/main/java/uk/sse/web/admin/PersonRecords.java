package uk.sse.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import uk.sse.web.forms.Errors;

/** What the person's-records pages read from the brokerage's and the ledger's APIs, and show. */
public final class PersonRecords {

    private PersonRecords() {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(String action, String at, @Nullable String reason) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestMention(
            String requestId,
            String urn,
            @Nullable String schoolName,
            String status,
            List<Action> actions,
            List<String> texts) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requests(String subject, String area, List<RequestMention> requests) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TransferMention(
            String transferId, String kind, long amount, String state, String createdAt, List<String> parts) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transfers(String subject, String area, List<TransferMention> transfers) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestsErased(String tombstone, int requests, int events) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TransfersErased(String tombstone, int transfers) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfferMention(
            String offerId,
            String title,
            String providerName,
            String status,
            List<Action> actions,
            List<String> texts) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderMention(String providerId, String name, List<String> texts) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Directory(String subject, String area, List<OfferMention> offers, List<ProviderMention> providers) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DirectoryErased(String tombstone, int offers, int versions, int events, int providers) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotifierItem(String entity, @Nullable String area, List<String> texts) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notifications(String subject, String area, List<NotifierItem> items) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotificationsErased(String tombstone, int deleted, int rewritten) {}

    /** An offer or provider the person stands in, as the page lists it: what they did there, what of them it holds. */
    public record DirectoryRow(String name, String did, List<String> texts) {}

    /** A request the person stands in, as the page lists it. */
    public record RequestRow(String school, String href, String status, String did, List<String> texts) {}

    /** A transfer the person asked for or resolved. */
    public record TransferRow(String id, String what, String parts) {}

    /** The find form, and when a subject is given what the area holds about them. */
    public record FindPage(
            String subject,
            String email,
            Errors errors,
            boolean searched,
            List<RequestRow> requests,
            List<TransferRow> transfers,
            List<DirectoryRow> offers,
            List<DirectoryRow> providers,
            List<String> notifications,
            String exportHref,
            String eraseHref) {}

    public record ErasePage(
            String subject,
            String email,
            int requests,
            int transfers,
            int offers,
            int providers,
            int notifications,
            String backHref) {}

    public record ErasedPage(
            String tombstone,
            int requests,
            int events,
            int transfers,
            int offers,
            int providers,
            int notificationsDeleted,
            int notificationsRewritten) {}

    /** What one kind of the notifier's records is, in words. */
    public static String notificationKind(String entity) {
        return switch (entity) {
            case "CONTACT" -> "Their email address and choices for notices";
            case "NOTICE" -> "Notices for them alone";
            case "READ" -> "Notices they have read";
            case "DELIVERY" -> "Emails sent to them, and webhook messages naming them";
            case "RAISER" -> "Requests remembered as raised by them, to tell them what happens";
            default -> "Other records naming them";
        };
    }
}
