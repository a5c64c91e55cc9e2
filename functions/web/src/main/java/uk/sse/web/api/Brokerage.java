package uk.sse.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What the pages read from and send to the brokerage's API (docs/api/brokerage.yml). */
public final class Brokerage {

    private Brokerage() {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(
            String id,
            String urn,
            @Nullable String schoolName,
            String area,
            List<String> areasOfSupport,
            String need,
            String urgency,
            int daysWanted,
            @Nullable List<String> deliveryModes,
            String wantedBy,
            long credits,
            @Nullable String raisedBy,
            String raisedAt,
            @Nullable String updatedAt,
            String status,
            long version,
            @Nullable List<String> allowedActions,
            @Nullable List<Proposal> proposals,
            @Nullable Engagement engagement,
            @Nullable List<Suggestion> suggestions,
            @Nullable Evaluation evaluation,
            @Nullable List<Transition> history,
            @Nullable Boolean raisedBySchool) {
        public List<Proposal> proposalsOrNone() {
            return proposals == null ? List.of() : proposals;
        }

        /** Whether the school raised it for itself (decision 0081). */
        public boolean bySchool() {
            return Boolean.TRUE.equals(raisedBySchool);
        }

        /** Whether this person may take the action now, as the brokerage says ({@code allowedActions} is the caller's). */
        public boolean allows(String action) {
            return allowedActions != null && allowedActions.contains(action);
        }
    }

    /** One step of a request's history: what was done, by whom (a kind of person, never their id), when, and why. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transition(
            long version,
            String action,
            @Nullable String from,
            String to,
            @Nullable String byKind,
            String at,
            @Nullable String reason) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(
            String id,
            String offerId,
            String providerId,
            int days,
            long credits,
            String status,
            @Nullable String proposedAt,
            @Nullable String decidedAt,
            @Nullable String reason) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Engagement(
            String id,
            String proposalId,
            String offerId,
            String providerId,
            int days,
            long credits,
            @Nullable String hold,
            int daysDelivered,
            long creditsPosted,
            @Nullable String agreedAt,
            @Nullable String startedAt,
            @Nullable String completedAt) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(
            String offerId,
            String providerId,
            @Nullable String title,
            @Nullable String providerName,
            @Nullable Double distanceKm,
            @Nullable Long priceCredits,
            boolean liked) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(
            @Nullable Integer schoolRating,
            @Nullable String schoolNotes,
            @Nullable Integer impactRating,
            @Nullable String impactNotes) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestPage(List<Request> items, @Nullable String next) {}

    /** What an adviser raises (the brokerage's RaiseBody). */
    @Serdeable
    public record Raise(
            String urn,
            List<String> areasOfSupport,
            String need,
            String urgency,
            int daysWanted,
            List<String> deliveryModes,
            String wantedBy,
            long credits,
            List<String> likedOffers) {}
}
