package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Rating;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/**
 * The reporting benchmark's input, as the three tables' streams would carry it: a year of brokerage (2025-09-01 to
 * 2026-08-31) made by the brokerage model itself, request after request along seeded random paths (left open, declined,
 * cancelled, withdrawn after agreement, delivered in full, in part or not at all, rated or not), until exactly the
 * target number of brokerage events; the ledger's transfer events for each term's allocations and each engagement's hold
 * (placed, then posted or voided); the directory's offer events and schools. Records are
 * built in memory in the stream's shape: going through DynamoDB Local would time DynamoDB Local.
 */
final class ReportingBenchData {

    static final String AREA = "900";
    static final String OTHER_AREA = "901";
    static final Instant YEAR_START = Instant.parse("2025-09-01T07:00:00Z");
    static final long YEAR_SECONDS = Duration.ofDays(364).toSeconds();

    final List<DynamodbStreamRecord> brokerage = new ArrayList<>();
    final List<DynamodbStreamRecord> ledger = new ArrayList<>();
    final List<DynamodbStreamRecord> directory = new ArrayList<>();
    final List<String> envelopes = new ArrayList<>();
    int requests;

    private final Random random;
    private final EventJson json;
    private final List<String> codes;
    private long sequence = 1;

    private ReportingBenchData(long seed, EventJson json) {
        this.random = new Random(seed);
        this.json = json;
        this.codes = Taxonomy.standard().terms().stream().map(Term::code).toList();
    }

    static ReportingBenchData generate(int events, long seed, EventJson json) {
        ReportingBenchData data = new ReportingBenchData(seed, json);
        data.directoryAndAllocations(AREA, 300, 40);
        data.directoryAndAllocations(OTHER_AREA, 75, 10);
        while (data.brokerage.size() < events) {
            data.request(events);
        }
        return data;
    }

    // ------------------------------------------------------------------ directory and allocations

    private void directoryAndAllocations(String area, int schools, int providers) {
        for (int i = 0; i < schools; i++) {
            String urn = urn(area, i);
            Map<String, AttributeValue> school = new LinkedHashMap<>();
            school.put("pk", s("SCHOOL#" + urn));
            school.put("sk", s("PROFILE"));
            school.put("entity", s("SCHOOL"));
            school.put("urn", s(urn));
            school.put("name", s("School " + urn));
            school.put("laCode", s(area));
            school.put("laName", s("Area " + area));
            school.put("phase", s(i % 3 == 0 ? "Secondary" : "Primary"));
            directory.add(record("INSERT", school, YEAR_START));
            transfer(
                    area,
                    "alloc-" + urn,
                    area + "/ISSUING",
                    area + "/" + urn,
                    400,
                    "ALLOCATION",
                    false,
                    "SINGLE_PHASE",
                    0,
                    YEAR_START,
                    null);
        }
        String[] types = {"SCHOOL", "LOCAL_AUTHORITY_SERVICE", "HUB", "TRUST", "CONSULTANT", "CHARITY"};
        for (int p = 0; p < providers; p++) {
            String type = types[p % types.length];
            String id = type.equals("SCHOOL") ? urn(area, p) : "P" + area + "-" + p;
            for (int version = 1; version <= 3; version++) {
                String status = version == 1 ? "DRAFT" : version == 2 ? "SUBMITTED" : "APPROVED";
                DirectoryEvent.OfferStep step = version == 1
                        ? DirectoryEvent.OfferStep.CREATED
                        : version == 2 ? DirectoryEvent.OfferStep.SUBMITTED : DirectoryEvent.OfferStep.APPROVED;
                DirectoryEvent.OfferChanged offer = new DirectoryEvent.OfferChanged(
                        YEAR_START.minus(Duration.ofDays(10 - version)),
                        area,
                        step,
                        "O" + area + "-" + p,
                        version,
                        id,
                        "Provider " + id,
                        type,
                        "Support offer " + p,
                        List.of(code()),
                        List.of("PRIMARY"),
                        List.of("IN_SCHOOL"),
                        0,
                        status,
                        null,
                        null);
                EventEnvelope e =
                        new EventEnvelope(offer.type(), offer.eventId(), offer.occurredAt(), area, offer.data());
                directory.add(record(
                        "INSERT",
                        event("OFFER#O" + area + "-" + p, String.format("EVENT#%010d", version), e),
                        e.occurredAt()));
            }
        }
    }

    private static String urn(String area, int i) {
        return area.charAt(2) + String.format("%05d", i);
    }

    // ------------------------------------------------------------------ one request's history

    private void request(int limit) {
        requests++;
        String area = random.nextInt(5) == 0 ? OTHER_AREA : AREA;
        int schools = area.equals(AREA) ? 300 : 75;
        int providers = area.equals(AREA) ? 40 : 10;
        String urn = urn(area, random.nextInt(schools));
        String id = "B" + requests;
        Actor adviser = Actor.adviser("adviser-" + area, area);
        Actor broker = Actor.broker("broker-" + area, area);
        Actor school = Actor.school("head-" + urn, urn);
        Instant at = YEAR_START.plusSeconds((long) (random.nextDouble() * YEAR_SECONDS));
        List<String> areas = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); areas.size() < n; ) {
            String c = code();
            if (!areas.contains(c)) {
                areas.add(c);
            }
        }
        Result.Applied raised = (Result.Applied) Brokerage.raise(new Command.Raise(
                adviser,
                at,
                id,
                urn,
                area,
                areas,
                "support",
                Urgency.values()[random.nextInt(Urgency.values().length)],
                5,
                List.of(DeliveryMode.IN_SCHOOL),
                at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(120),
                40,
                List.of(),
                "School " + urn));
        BrokerageRequest r = written(raised);
        int fate = random.nextInt(100);
        if (fate < 8 || brokerage.size() >= limit) {
            return; // left open
        }
        int p = random.nextInt(providers);
        String providerId = p % 6 == 0 ? urn(area, p) : "P" + area + "-" + p;
        if (providerId.equals(urn)) {
            return;
        }
        int days = 1 + random.nextInt(6);
        r = apply(
                r,
                new Command.Propose(
                        broker,
                        at = later(at, 2, 72),
                        r.version(),
                        List.of(new Command.Offered("O" + area + "-" + p, providerId, days, days * 3L)),
                        null),
                limit);
        if (r == null || fate < 13) {
            return; // proposed, never answered
        }
        Actor provider = providerId.equals(urn(area, p))
                ? Actor.school("head-" + providerId, providerId)
                : Actor.provider("member-" + providerId, providerId);
        if (fate < 17) {
            apply(r, new Command.Decline(provider, later(at, 1, 48), r.version(), "P1", "no capacity"), limit);
            return;
        }
        r = apply(r, new Command.Accept(provider, at = later(at, 1, 48), r.version(), "P1"), limit);
        if (r == null) {
            return;
        }
        if (fate < 22) {
            apply(r, new Command.Cancel(adviser, later(at, 1, 48), r.version(), "no longer needed"), limit);
            return;
        }
        Instant agreedAt = at = later(at, 1, 96);
        r = apply(r, new Command.Agree(school, agreedAt, r.version(), "P1"), limit);
        if (r == null) {
            return;
        }
        String hold = r.engagement().id();
        transfer(
                area,
                hold,
                area + "/" + urn,
                area + "/" + providerId,
                r.engagement().credits(),
                "PAYMENT",
                true,
                "PENDING",
                0,
                agreedAt,
                null);
        if (fate < 27) {
            Instant closed = later(at, 24, 240);
            if (apply(r, new Command.Withdraw(school, closed, r.version(), "plans changed"), limit) != null) {
                transfer(
                        area,
                        hold,
                        area + "/" + urn,
                        area + "/" + providerId,
                        r.engagement().credits(),
                        "PAYMENT",
                        true,
                        "VOIDED",
                        0,
                        agreedAt,
                        closed);
            }
            return;
        }
        r = apply(r, new Command.StartDelivery(broker, at = later(at, 24, 14 * 24), r.version()), limit);
        if (r == null) {
            return;
        }
        int delivered = fate < 75 ? days : fate < 95 ? random.nextInt(days) : 0;
        Instant completedAt = at = later(at, 5 * 24, 60 * 24);
        r = apply(
                r,
                new Command.Complete(broker, completedAt, r.version(), delivered, OptionalLong.empty(), null),
                limit);
        if (r == null) {
            return;
        }
        long posted = r.engagement().creditsPosted();
        transfer(
                area,
                hold,
                area + "/" + urn,
                area + "/" + providerId,
                r.engagement().credits(),
                "PAYMENT",
                true,
                posted > 0 ? "POSTED" : "VOIDED",
                posted,
                agreedAt,
                completedAt);
        if (fate < 85) {
            r = apply(
                    r,
                    new Command.Evaluate(
                            school, at = later(at, 24, 240), r.version(), Rating.SCHOOL, 1 + random.nextInt(5), null),
                    limit);
        }
        if (r != null && fate < 78) {
            apply(
                    r,
                    new Command.Evaluate(
                            adviser, later(at, 24, 240), r.version(), Rating.IMPACT, 1 + random.nextInt(5), null),
                    limit);
        }
    }

    private BrokerageRequest apply(BrokerageRequest r, Command.Change c, int limit) {
        if (brokerage.size() >= limit) {
            return null;
        }
        Result result = Brokerage.apply(r, c);
        if (!(result instanceof Result.Applied applied)) {
            throw new IllegalStateException("the brokerage model refused " + c + ": " + result);
        }
        return written(applied); // its hold and the hold's resolution are the ledger items request() writes
    }

    private BrokerageRequest written(Result.Applied applied) {
        EventEnvelope e = applied.event();
        String text = json.write(e);
        envelopes.add(text);
        brokerage.add(record(
                "INSERT",
                event(
                        "REQUEST#" + applied.request().id(),
                        String.format("EVENT#%010d", applied.request().version()),
                        e,
                        text),
                e.occurredAt()));
        return applied.request();
    }

    private Instant later(Instant at, int minHours, int maxHours) {
        return at.plusSeconds(3600L * (minHours + random.nextInt(Math.max(1, maxHours - minHours))));
    }

    private String code() {
        return codes.get(random.nextInt(codes.size()));
    }

    // ------------------------------------------------------------------ items and records

    /** The ledger's event for a transfer in {@code state} (created, or its resolution), as its stream carries it. */
    private void transfer(
            String area,
            String id,
            String debit,
            String credit,
            long amount,
            String kind,
            boolean pending,
            String state,
            long posted,
            Instant createdAt,
            Instant resolvedAt) {
        LedgerEvent e = switch (state) {
            case "POSTED" ->
                new LedgerEvent.TransferPosted(resolvedAt, area, id, debit, credit, amount, posted, kind, null);
            case "VOIDED" ->
                new LedgerEvent.TransferVoided(resolvedAt, area, id, debit, credit, amount, kind, false, null);
            default ->
                new LedgerEvent.TransferCreated(
                        createdAt, area, id, debit, credit, amount, kind, "benchmark", pending, state, null, null);
        };
        EventEnvelope envelope = new EventEnvelope(e.type(), e.eventId(), e.occurredAt(), e.area(), e.data());
        ledger.add(record("INSERT", event("TRANSFER#" + id, "EVENT#" + state, envelope), e.occurredAt()));
    }

    private Map<String, AttributeValue> event(String pk, String sk, EventEnvelope e) {
        return event(pk, sk, e, json.write(e));
    }

    private static Map<String, AttributeValue> event(String pk, String sk, EventEnvelope e, String text) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        EventItems.item(pk, sk, e, text).forEach((name, value) -> image.put(name, s(value.s())));
        return image;
    }

    private DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> image, Instant at) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setEventID(Long.toString(sequence));
        StreamRecord stream = new StreamRecord();
        stream.setNewImage(image);
        stream.setKeys(Map.of("pk", image.get("pk"), "sk", image.get("sk")));
        stream.setSequenceNumber(String.format("%021d", sequence++));
        stream.setApproximateCreationDateTime(Date.from(at));
        stream.setStreamViewType(
                com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.NEW_AND_OLD_IMAGES);
        record.setDynamodb(stream);
        return record;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }

    private static AttributeValue n(long value) {
        return new AttributeValue().withN(Long.toString(value));
    }

    static LocalDate yearFrom() {
        return LocalDate.of(2025, 9, 1);
    }

    static LocalDate yearTo() {
        return LocalDate.of(2026, 8, 31);
    }
}
