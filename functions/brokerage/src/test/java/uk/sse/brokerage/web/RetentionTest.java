package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.model.Erasure;
import uk.sse.brokerage.model.Retention;
import uk.sse.brokerage.retention.RedactTextsOnSchedule;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Polling;
import uk.sse.testing.TableStrings;

/**
 * Retention through the scheduled handler (decision 0111): two closed requests' texts (need, broker's note, completion
 * and evaluation notes, cancellation reason) are redacted on the day two years after each closed, not the day before;
 * an open request keeps its text; statuses, versions, days, credits, ratings and who did what stay; the event items'
 * rewrites reach the stream as MODIFY records (which the read model takes); a second run changes nothing.
 */
@MicronautTest(environments = "test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionTest extends BrokerageLambdaTest {

    static final String NEED = "Year 5 teachers want help with fractions: Mr Example's class is behind.";
    static final String OPEN_NEED = "Reception staff want help with early writing, still open.";
    static final String BROKER_NOTE = "the hub's fractions lead, retention";
    static final String IMPACT = "fractions secure for 20 of 26 pupils";
    static final String CANCELLED = "the school merged; Ms Example asked to stop";

    @Inject
    DynamoDbClient dynamo;

    RedactTextsOnSchedule retention;
    String delivered;
    String cancelled;
    String open;

    @BeforeAll
    void threeRequests() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100);
        String offer = seeds.approvedOffer(HUB, "Fractions in upper key stage 2", List.of("CT.MATHS"), 30);
        String hub = seeds.token(Role.PROVIDER, AREA, HUB);
        delivered = raisedWith(NEED);
        deliveredAndRated(delivered, offer, hub, BROKER_NOTE, IMPACT);
        cancelled = raisedWith(NEED);
        Seeds.ok(step(seeds.adviser(), cancelled, "cancel", 1, Map.of("reason", CANCELLED)), 200);
        open = raisedWith(OPEN_NEED);
        // as in AWS, the handler is given its table and nothing else (it calls no function)
        Map<String, Object> own = new HashMap<>();
        world.brokerageProperties().forEach((k, v) -> {
            if (k.startsWith("sse.aws.") || k.equals("sse.brokerage.table-name")) own.put(k, v);
        });
        retention = new RedactTextsOnSchedule(io.micronaut.context.ApplicationContext.builder()
                .environments("test")
                .properties(own));
    }

    @AfterAll
    void closeRetention() {
        retention.close();
    }

    String raisedWith(String need) {
        Map<String, Object> body = new HashMap<>(need(SCHOOL, List.of("CT.MATHS"), 40));
        body.put("need", need);
        return (String) Seeds.ok(
                        raise(seeds.adviser(), body, java.util.UUID.randomUUID().toString()), 201)
                .map()
                .get("id");
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void textsAreRedactedOnTheDayTwoYearsAfterClosingNotBeforeAndOnlyOnce() throws Exception {
        Map<String, Object> deliveredBefore = read(seeds.broker(), delivered).map();
        Map<String, Object> cancelledBefore = read(seeds.broker(), cancelled).map();
        LocalDate due =
                LocalDate.ofInstant(closedAt(deliveredBefore), ZoneOffset.UTC).plus(Retention.TEXTS_KEPT);
        assertThat(LocalDate.ofInstant(closedAt(cancelledBefore), ZoneOffset.UTC)
                        .plus(Retention.TEXTS_KEPT))
                .as("both closed the same day, in this test")
                .isEqualTo(due);
        List<String> untouched = scan();

        // the day before: nothing is due, nothing changes
        assertThat(run(due.minusDays(1), false)).containsEntry("requests", 0).containsEntry("events", 0);
        assertThat(scan()).containsExactlyInAnyOrderElementsOf(untouched);

        // the day: both closed requests' texts, every one of them, whoever wrote it
        Map<String, Object> swept = run(due, false);
        assertThat(swept).containsEntry("requests", 2).containsEntry("day", due.toString());
        assertThat((Integer) swept.get("events"))
                .as("the events holding text: the proposal's note, the evaluation's notes, the cancellation's reason")
                .isEqualTo(3);
        List<String> values = scan();
        assertThat(values)
                .noneMatch(
                        v -> v.contains(NEED) || v.contains(BROKER_NOTE) || v.contains(IMPACT) || v.contains(CANCELLED))
                .as("the open request keeps its need")
                .anyMatch(v -> v.contains(OPEN_NEED));
        Map<String, Object> deliveredAfter = read(seeds.broker(), delivered).map();
        assertThat(deliveredAfter).containsEntry("need", Erasure.ERASED);
        assertThat(withoutTexts(deliveredAfter))
                .as("statuses, days, credits, ratings, who did what and when")
                .isEqualTo(withoutTexts(deliveredBefore));
        assertThat((Map<String, Object>) deliveredAfter.get("evaluation"))
                .containsEntry("impactNotes", Erasure.ERASED)
                .containsEntry("impactRating", 5);
        assertThat(withoutTexts(read(seeds.broker(), cancelled).map())).isEqualTo(withoutTexts(cancelledBefore));
        assertThat(read(seeds.broker(), open).map()).containsEntry("need", OPEN_NEED);
        seeds.assertLedgerChecksOut();

        // the event items' rewrites are in the stream as MODIFY records, which the read model projects
        assertThat(modifiedEventsWithErased()).isGreaterThanOrEqualTo((Integer) swept.get("events"));

        // again, the same day and later: nothing more; pointing every closed request anew redacts nothing new
        assertThat(run(due, false)).containsEntry("requests", 0);
        assertThat(run(due.plusDays(40), false)).containsEntry("requests", 0);
        Map<String, Object> repointed = run(due.plusDays(40), true);
        assertThat(repointed).containsEntry("pointed", 2).containsEntry("events", 0);
        assertThat(scan()).containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    @Order(2)
    void closedRequestsWithoutAPointerAreFoundByPointingEveryClosedRequestOnce() {
        // a request closed long ago, its pointer lost (as for requests closed before retention was built)
        String old = raisedWith("An old need, from before retention: Mrs Example's class.");
        Seeds.ok(step(seeds.adviser(), old, "cancel", 1, Map.of("reason", "long ago")), 200);
        dynamo.scanPaginator(b -> b.tableName(world.table("brokerage"))).items().stream()
                .filter(i -> i.get("pk").s().startsWith("TEXTS-EXPIRE#")
                        && i.get("requestId").s().equals(old))
                .forEach(i -> dynamo.deleteItem(
                        b -> b.tableName(world.table("brokerage")).key(Map.of("pk", i.get("pk"), "sk", i.get("sk")))));
        LocalDate longAfter = LocalDate.now(ZoneOffset.UTC).plusYears(3);
        assertThat(run(longAfter, false)).containsEntry("requests", 0);
        assertThat(read(seeds.broker(), old).map().get("need").toString()).contains("An old need");
        Map<String, Object> pointed = run(longAfter, true);
        assertThat((Integer) pointed.get("pointed")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) pointed.get("requests")).isGreaterThanOrEqualTo(1);
        assertThat(read(seeds.broker(), old).map())
                .containsEntry("need", Erasure.ERASED)
                .containsEntry("status", "CANCELLED");
    }

    Map<String, Object> run(LocalDate day, boolean pointClosed) {
        ScheduledEvent event = new ScheduledEvent();
        event.setDetailType("Scheduled Event");
        event.setTime(new DateTime(day.atTime(6, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), DateTimeZone.UTC));
        event.setDetail(pointClosed ? Map.of("pointClosed", true) : Map.of());
        return retention.handleRequest(event, null);
    }

    @SuppressWarnings("unchecked")
    static Instant closedAt(Map<String, Object> request) {
        return ((List<Map<String, Object>>) request.get("history"))
                .stream()
                        .filter(h -> List.of("COMPLETED", "EVALUATED", "CANCELLED", "WITHDRAWN")
                                .contains(h.get("to")))
                        .map(h -> Instant.parse(h.get("at").toString()))
                        .findFirst()
                        .orElseThrow();
    }

    /** The request as read, with every free text taken out: what retention must leave as it was. */
    @SuppressWarnings("unchecked")
    static Object withoutTexts(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new HashMap<>();
            map.forEach((k, v) -> {
                if (!List.of("need", "reason", "note", "notes", "schoolNotes", "impactNotes")
                        .contains(k)) out.put((String) k, withoutTexts(v));
            });
            return out;
        }
        if (value instanceof List<?> list)
            return list.stream().map(RetentionTest::withoutTexts).toList();
        return value;
    }

    int modifiedEventsWithErased() throws Exception {
        List<DynamodbEvent.DynamodbStreamRecord> seen = new ArrayList<>();
        try (TableStreamReader stream = TableStreamReader.of(
                Engines.dynamo().endpoint(), world.table("brokerage"), StartingPosition.TRIM_HORIZON)) {
            Polling.until(
                    () -> {
                        stream.readAtLeast(1, Duration.ofSeconds(1)).stream()
                                .filter(r -> "MODIFY".equals(r.getEventName()))
                                .filter(r -> r.getDynamodb().getNewImage().get("entity") != null
                                        && "EVENT"
                                                .equals(r.getDynamodb()
                                                        .getNewImage()
                                                        .get("entity")
                                                        .getS()))
                                .filter(r ->
                                        r.getDynamodb().getNewImage().toString().contains(Erasure.ERASED))
                                .forEach(seen::add);
                        return seen.size();
                    },
                    n -> n >= 3,
                    Duration.ofSeconds(30));
        }
        return seen.size();
    }

    /** Every string in every item of the brokerage table but Idempotency-Key claims and retention's pointers. */
    List<String> scan() {
        return TableStrings.of(
                dynamo,
                world.table("brokerage"),
                item -> !item.get("pk").s().startsWith("IDEMPOTENCY#")
                        && !item.get("pk").s().startsWith("TEXTS-EXPIRE#"));
    }
}
