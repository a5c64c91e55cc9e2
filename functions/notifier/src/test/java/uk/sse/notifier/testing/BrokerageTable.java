package uk.sse.notifier.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;

/**
 * A brokerage table of the test's own, written as the brokerage function writes it (docs/events.md): each transition
 * of the real brokerage model ({@link Brokerage}) is one transaction of the request's state item and its event item
 * ({@code REQUEST#id / EVENT#<version>}), so its stream carries genuine event records among state records the notifier
 * must skip. When the brokerage function lands, this is the one place to switch to it.
 */
public final class BrokerageTable implements AutoCloseable {

    private final DynamoDbClient client;
    private final EventJson json;
    private final String name;
    private final TableStreamReader stream;

    private BrokerageTable(DynamoDbClient client, EventJson json, String name, TableStreamReader stream) {
        this.client = client;
        this.json = json;
        this.name = name;
        this.stream = stream;
    }

    public static BrokerageTable create(DynamoDbClient client, EventJson json) {
        String name = "brokerage-" + UUID.randomUUID().toString().substring(0, 8);
        Tables.createIfAbsent(client, Tables.definition(name, 3));
        return new BrokerageTable(
                client,
                json,
                name,
                TableStreamReader.of(Engines.dynamo().endpoint(), name, StartingPosition.TRIM_HORIZON));
    }

    public TableStreamReader stream() {
        return stream;
    }

    /** An adviser of {@code area} raises a request for the school; its {@code brokerage.request.created} is written. */
    public BrokerageRequest raise(
            String area,
            String requestId,
            String urn,
            String schoolName,
            List<String> areasOfSupport,
            String need,
            Urgency urgency) {
        return raise(
                Actor.adviser("adviser-" + area, area),
                area,
                requestId,
                urn,
                schoolName,
                areasOfSupport,
                need,
                urgency);
    }

    /** The school asks for itself (its head, {@code head-<urn>}; decision 0081); its {@code brokerage.request.created} is written. */
    public BrokerageRequest raiseAsSchool(
            String area,
            String requestId,
            String urn,
            String schoolName,
            List<String> areasOfSupport,
            String need,
            Urgency urgency) {
        return raise(Actor.school("head-" + urn, urn), area, requestId, urn, schoolName, areasOfSupport, need, urgency);
    }

    private BrokerageRequest raise(
            Actor raiser,
            String area,
            String requestId,
            String urn,
            String schoolName,
            List<String> areasOfSupport,
            String need,
            Urgency urgency) {
        Instant now = Instant.now();
        return written(Brokerage.raise(new Command.Raise(
                raiser,
                now,
                requestId,
                urn,
                area,
                areasOfSupport,
                need,
                urgency,
                3,
                List.of(DeliveryMode.values()[0]),
                now.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(2),
                12,
                List.of(),
                schoolName)));
    }

    /** A broker proposes an offer, its provider accepts it, and the school agrees: three events. */
    public BrokerageRequest proposeAcceptAgree(BrokerageRequest r, String offerId, String providerId) {
        Actor broker = Actor.broker("broker-" + r.area(), r.area());
        BrokerageRequest proposed = written(Brokerage.apply(
                r,
                new Command.Propose(
                        broker,
                        Instant.now(),
                        r.version(),
                        List.of(new Command.Offered(offerId, providerId, 2, 8)),
                        "a good fit")));
        BrokerageRequest accepted = written(Brokerage.apply(
                proposed,
                new Command.Accept(
                        Actor.provider("provider-" + providerId, providerId),
                        Instant.now(),
                        proposed.version(),
                        "P1")));
        return written(Brokerage.apply(
                accepted,
                new Command.Agree(Actor.school("head-" + r.urn(), r.urn()), Instant.now(), accepted.version(), "P1")));
    }

    /** The broker starts the agreed engagement and records it delivered: two events. */
    public BrokerageRequest startAndComplete(BrokerageRequest r, int daysDelivered) {
        Actor broker = Actor.broker("broker-" + r.area(), r.area());
        BrokerageRequest started =
                written(Brokerage.apply(r, new Command.StartDelivery(broker, Instant.now(), r.version())));
        return written(Brokerage.apply(
                started,
                new Command.Complete(
                        broker,
                        Instant.now(),
                        started.version(),
                        daysDelivered,
                        java.util.OptionalLong.empty(),
                        "delivered")));
    }

    /** The broker cancels the request with a reason. */
    public BrokerageRequest cancel(BrokerageRequest r, String reason) {
        return written(Brokerage.apply(
                r,
                new Command.Cancel(Actor.broker("broker-" + r.area(), r.area()), Instant.now(), r.version(), reason)));
    }

    /** The school withdraws its own request with a reason. */
    public BrokerageRequest withdraw(BrokerageRequest r, String reason) {
        return written(Brokerage.apply(
                r, new Command.Withdraw(Actor.school("head-" + r.urn(), r.urn()), Instant.now(), r.version(), reason)));
    }

    /**
     * The ledger refused the hold of an agreement: the brokerage writes {@code brokerage.engagement.hold-refused} beside the
     * unchanged request, under {@code EVENT#<version>#HOLD_REFUSED}: the event the brokerage's model makes of it.
     */
    public EventEnvelope holdRefused(BrokerageRequest r, String proposalId, long credits) {
        EventEnvelope e = Brokerage.holdRefused(
                r,
                new Command.Agree(Actor.school("school-" + r.urn(), r.urn()), Instant.now(), r.version(), proposalId),
                "INSUFFICIENT_FUNDS: the school has fewer than " + credits + " credits available");
        client.transactWriteItems(b -> b.transactItems(EventItems.put(
                name, "REQUEST#" + r.id(), String.format("EVENT#%010d#HOLD_REFUSED", r.version()), e, json.write(e))));
        return e;
    }

    private BrokerageRequest written(Result result) {
        if (!(result instanceof Result.Applied applied)) {
            throw new IllegalStateException("the brokerage refused: " + result);
        }
        BrokerageRequest r = applied.request();
        Map<String, AttributeValue> state = Items.of(new HashMap<>(Map.of(
                        Tables.PK,
                        AttributeValue.fromS("REQUEST#" + r.id()),
                        Tables.SK,
                        AttributeValue.fromS("REQUEST"))))
                .s("entity", "REQUEST")
                .s("status", r.status().name())
                .n("version", r.version())
                .s("area", r.area())
                .build();
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(Put.builder().tableName(name).item(state).build())
                        .build(),
                EventItems.put(
                        name,
                        "REQUEST#" + r.id(),
                        String.format("EVENT#%010d", r.version()),
                        applied.event(),
                        json.write(applied.event()))));
        return r;
    }

    @Override
    public void close() {
        stream.close();
        client.deleteTable(b -> b.tableName(name));
    }
}
