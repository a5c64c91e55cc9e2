package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.OTHER_AREA;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.model.Erasure;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.TableStrings;
import uk.sse.testing.TestErasureKey;

/**
 * An area's admin exports what the brokerage holds about an adviser and erases it, through the Lambda handler: the
 * adviser's subject and the text they wrote are gone from every item of the table (request state and event log alike),
 * while other people's words, statuses, days, credits and the ledger stay as they were. Nobody else may do either.
 */
@MicronautTest(environments = "test")
class PersonErasureTest extends BrokerageLambdaTest {

    static final String NEED =
            "Year 1 and 2 teachers want help with number sense: half the class are not secure with bonds to 10.";
    static final String CANCELLED = "the head asked us to stop: Mrs Example is on leave";
    static final String IMPACT = "bonds to 10 secure for 24 of 28 pupils";
    static final String BROKER_NOTE = "the hub's KS1 specialist";

    @Inject
    DynamoDbClient dynamo;

    String adviserSubject;
    String delivered;
    String cancelled;

    @BeforeAll
    void anAdvisersTwoRequests() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100);
        String offer = seeds.approvedOffer(HUB, "Maths mastery in key stage 1", List.of("CT.MATHS"), 30);
        adviserSubject = "adviser-" + AREA + "-la-" + AREA;
        String hub = seeds.token(Role.PROVIDER, AREA, HUB);

        delivered = raised(SCHOOL, List.of("CT.MATHS"), 40);
        deliveredAndRated(delivered, offer, hub, BROKER_NOTE, IMPACT);

        cancelled = raised(SCHOOL, List.of("CT.MATHS"), 10);
        Seeds.ok(step(seeds.adviser(), cancelled, "cancel", 1, Map.of("reason", CANCELLED)), 200);
    }

    String admin(String area) {
        return seeds.token(Role.ADMIN, area, "la-" + area);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAreasAdminExportsAndErasesAndTheErasureLeavesTheFiguresAndOthersWords() {
        // denials first: nothing changes
        List<String> others = List.of(
                seeds.adviser(),
                seeds.broker(),
                seeds.school(SCHOOL),
                seeds.commissioner(),
                seeds.token(Role.ASSURER, AREA, "qa"),
                seeds.token(Role.PROVIDER, AREA, HUB),
                seeds.brokerageService());
        for (String who : others) {
            assertThat(api.get("/requests/people/" + adviserSubject, who).status())
                    .isEqualTo(403);
            assertThat(api.post("/requests/people/" + adviserSubject + "/erasure", who, Map.of())
                            .status())
                    .isEqualTo(403);
        }
        Api.Reply otherArea = api.post("/requests/people/" + adviserSubject + "/erasure", admin(OTHER_AREA), Map.of());
        assertThat(otherArea.status()).as(otherArea.body()).isEqualTo(200);
        assertThat(otherArea.map())
                .containsEntry("requests", 0)
                .containsEntry("events", 0); // none of 889's requests name them
        assertThat(scan())
                .as("the denials changed nothing")
                .anyMatch(v -> v.contains(adviserSubject))
                .anyMatch(v -> v.contains(NEED));

        Api.Reply bad = api.get("/requests/people/" + "x".repeat(129), admin(AREA));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.problemFields()).containsExactly("subject");

        // the export: both requests, what they did, what they wrote
        Api.Reply export = api.get("/requests/people/" + adviserSubject, admin(AREA));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<Map<String, Object>> mentions =
                (List<Map<String, Object>>) export.map().get("requests");
        assertThat(mentions).extracting(m -> m.get("requestId")).containsExactlyInAnyOrder(delivered, cancelled);
        assertThat(mentions)
                .filteredOn(m -> m.get("requestId").equals(delivered))
                .singleElement()
                .satisfies(m -> {
                    assertThat((List<String>) m.get("texts")).containsExactlyInAnyOrder(NEED, IMPACT);
                    assertThat((List<Map<String, Object>>) m.get("actions"))
                            .extracting(a -> a.get("action"))
                            .containsExactly("RAISE", "AGREE", "EVALUATE");
                    assertThat(m)
                            .containsEntry("schoolName", "Lea Community Primary School")
                            .containsEntry("status", "COMPLETED");
                });
        assertThat(mentions)
                .filteredOn(m -> m.get("requestId").equals(cancelled))
                .singleElement()
                .satisfies(m -> assertThat((List<String>) m.get("texts")).containsExactlyInAnyOrder(NEED, CANCELLED));

        Map<String, Object> before =
                api.get("/requests/" + delivered, admin(AREA)).map();
        long balance = seeds.account(SCHOOL, "balance");
        long earned = seeds.account(HUB, "balance");

        Api.Reply erased = api.post("/requests/people/" + adviserSubject + "/erasure", admin(AREA), Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        String tombstone = TestErasureKey.of(adviserSubject);
        assertThat(erased.map()).containsEntry("requests", 2).containsEntry("tombstone", tombstone);
        assertThat(((Number) erased.map().get("events")).intValue())
                .as("raise, agree, evaluate; raise, cancel")
                .isEqualTo(5);

        List<String> values = scan();
        assertThat(values)
                .as("the adviser's subject and text, anywhere in the table")
                .noneMatch(v ->
                        v.contains(adviserSubject) || v.contains(NEED) || v.contains(IMPACT) || v.contains(CANCELLED));
        assertThat(values).as("the broker's note stays").anyMatch(v -> v.contains(BROKER_NOTE));

        Map<String, Object> after =
                api.get("/requests/" + delivered, admin(AREA)).map();
        assertThat(after)
                .containsEntry("need", Erasure.ERASED)
                .containsEntry("status", before.get("status"))
                .containsEntry("version", before.get("version"))
                .containsEntry("credits", before.get("credits"));
        Map<String, Object> engagement = new java.util.HashMap<>((Map<String, Object>) before.get("engagement"));
        engagement.put("agreedBy", tombstone);
        assertThat(after).containsEntry("engagement", engagement);
        assertThat((Map<String, Object>) after.get("evaluation"))
                .containsEntry("impactRating", 5)
                .containsEntry("impactNotes", Erasure.ERASED)
                .containsEntry("impactBy", tombstone);
        assertThat((List<Map<String, Object>>) after.get("history"))
                .extracting(h -> h.get("by"))
                .containsExactly(
                        tombstone,
                        "broker-" + AREA + "-la-" + AREA,
                        "provider-" + AREA + "-" + HUB,
                        tombstone,
                        "broker-" + AREA + "-la-" + AREA,
                        "broker-" + AREA + "-la-" + AREA,
                        tombstone);
        assertThat(seeds.account(SCHOOL, "balance")).isEqualTo(balance);
        assertThat(seeds.account(HUB, "balance")).isEqualTo(earned);
        seeds.assertLedgerChecksOut();

        // the erased request still moves on, and a repeat finds nothing more
        assertThat(step(seeds.school(SCHOOL), delivered, "evaluations", 7, Map.of("rating", "SCHOOL", "score", 4))
                        .status())
                .isEqualTo(200);
        Api.Reply again = api.post("/requests/people/" + adviserSubject + "/erasure", admin(AREA), Map.of());
        assertThat(again.map()).containsEntry("requests", 0).containsEntry("events", 0);
        assertThat((List<?>) api.get("/requests/people/" + adviserSubject, admin(AREA))
                        .map()
                        .get("requests"))
                .isEmpty();
    }

    /**
     * Every string anywhere in every item of the brokerage table, nested ones included, but for Idempotency-Key claims:
     * their key names the caller, and they go within a day (the TTL), which is checked here instead.
     */
    List<String> scan() {
        long dayAhead = java.time.Instant.now()
                .plus(java.time.Duration.ofDays(1))
                .plusSeconds(60)
                .getEpochSecond();
        return TableStrings.of(dynamo, world.table("brokerage"), item -> {
            if (!item.get("pk").s().startsWith("IDEMPOTENCY#")) return true;
            assertThat(Long.parseLong(item.get("expiresAt").n()))
                    .as("a claim's TTL")
                    .isLessThanOrEqualTo(dayAhead);
            return false;
        });
    }
}
