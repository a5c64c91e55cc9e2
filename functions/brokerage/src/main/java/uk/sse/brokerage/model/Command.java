package uk.sse.brokerage.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/** What may be asked of a request. {@code at} is the time the command is handled. */
public sealed interface Command {
    Actor actor();

    Instant at();

    Action action();

    /**
     * An adviser raises a request for a school in their area; {@code suggestions} are offer ids from the directory (at
     * most 10); {@code schoolName} is the register's name for the URN, kept so the queue and messages can say it.
     */
    record Raise(
            Actor actor,
            Instant at,
            String requestId,
            String urn,
            String area,
            List<String> areasOfSupport,
            String need,
            Urgency urgency,
            int daysWanted,
            List<DeliveryMode> deliveryModes,
            LocalDate wantedBy,
            long credits,
            List<Suggestion> suggestions,
            String schoolName)
            implements Command {
        public Raise {
            areasOfSupport = areasOfSupport == null ? null : List.copyOf(areasOfSupport);
            deliveryModes = deliveryModes == null ? List.of() : List.copyOf(deliveryModes);
            suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        }

        /** A raise whose school is known only by its URN. */
        public Raise(
                Actor actor,
                Instant at,
                String requestId,
                String urn,
                String area,
                List<String> areasOfSupport,
                String need,
                Urgency urgency,
                int daysWanted,
                List<DeliveryMode> deliveryModes,
                LocalDate wantedBy,
                long credits,
                List<Suggestion> suggestions) {
            this(
                    actor,
                    at,
                    requestId,
                    urn,
                    area,
                    areasOfSupport,
                    need,
                    urgency,
                    daysWanted,
                    deliveryModes,
                    wantedBy,
                    credits,
                    suggestions,
                    null);
        }

        @Override
        public Action action() {
            return Action.RAISE;
        }
    }

    /** A command on an existing request, decided on the request at {@code expectedVersion}. */
    sealed interface Change extends Command {
        long expectedVersion();
    }

    /** One offer a broker proposes. */
    record Offered(String offerId, String providerId, int days, long credits) {}

    record Propose(Actor actor, Instant at, long expectedVersion, List<Offered> offers, String note) implements Change {
        public Propose {
            offers = offers == null ? List.of() : List.copyOf(offers);
        }

        @Override
        public Action action() {
            return Action.PROPOSE;
        }
    }

    record Accept(Actor actor, Instant at, long expectedVersion, String proposalId) implements Change {
        @Override
        public Action action() {
            return Action.ACCEPT;
        }
    }

    record Decline(Actor actor, Instant at, long expectedVersion, String proposalId, String reason) implements Change {
        @Override
        public Action action() {
            return Action.DECLINE;
        }
    }

    record Agree(Actor actor, Instant at, long expectedVersion, String proposalId) implements Change {
        @Override
        public Action action() {
            return Action.AGREE;
        }
    }

    record StartDelivery(Actor actor, Instant at, long expectedVersion) implements Change {
        @Override
        public Action action() {
            return Action.START_DELIVERY;
        }
    }

    /** Days actually delivered; {@code credits} empty = pro rata of the agreed credits (rounded down), else at most the agreed credits. */
    record Complete(Actor actor, Instant at, long expectedVersion, int daysDelivered, OptionalLong credits, String note)
            implements Change {
        public Complete {
            credits = credits == null ? OptionalLong.empty() : credits;
        }

        @Override
        public Action action() {
            return Action.COMPLETE;
        }
    }

    record Evaluate(Actor actor, Instant at, long expectedVersion, Rating rating, int score, String notes)
            implements Change {
        @Override
        public Action action() {
            return Action.EVALUATE;
        }
    }

    record Cancel(Actor actor, Instant at, long expectedVersion, String reason) implements Change {
        @Override
        public Action action() {
            return Action.CANCEL;
        }
    }

    record Withdraw(Actor actor, Instant at, long expectedVersion, String reason) implements Change {
        @Override
        public Action action() {
            return Action.WITHDRAW;
        }
    }
}
