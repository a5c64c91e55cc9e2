package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.model.EventCatalogue;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Pipeline;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * The other streams the notifier is fed, written by the real functions (their Lambda handlers, each in a context of
 * its own): the directory's offer events reach their subscribers ("offer awaiting assurance" is
 * {@code directory.offer.submitted}); the ledger's stream, which carries its state and no events, notifies nobody.
 */
@MicronautTest
class OtherStreamsTest extends NotifierLambdaTest {

    static final String AREA = "860";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ApplicationContext context;

    LambdaInstance directory;
    LambdaInstance ledger;
    TableStreamReader directoryStream;
    TableStreamReader ledgerStream;
    Notifiers.Made everything;

    @BeforeAll
    void start() {
        String directoryTable = "directory-" + UUID.randomUUID().toString().substring(0, 8);
        String ledgerTable = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        directory = LambdaInstance.like(context, Map.of("sse.directory.table-name", directoryTable));
        ledger = LambdaInstance.like(context, Map.of("sse.ledger.table-name", ledgerTable));
        directoryStream =
                TableStreamReader.of(Engines.dynamo().endpoint(), directoryTable, StartingPosition.TRIM_HORIZON);
        ledgerStream = TableStreamReader.of(Engines.dynamo().endpoint(), ledgerTable, StartingPosition.TRIM_HORIZON);
        List<String> all = new ArrayList<>(EventCatalogue.types());
        all.remove(EventCatalogue.SUBSCRIPTION_DISABLED);
        everything = notifiers().subscribe(AREA, receiver.url("/everything"), "json", all);
    }

    @AfterAll
    void stop() {
        directoryStream.close();
        ledgerStream.close();
        directory.close();
        ledger.close();
    }

    @Test
    void anOfferSentForAssuranceReachesItsSubscribersAsTheDirectoryPublishedIt() throws Exception {
        Notifiers.Made awaiting =
                notifiers().subscribe(AREA, receiver.url("/awaiting"), "slack", List.of("directory.offer.submitted"));
        String admin = tokens.bearer(Role.ADMIN, AREA, "la-" + AREA);
        Api.Reply provider = directory.post(
                "/providers",
                admin,
                Map.of(
                        "type",
                        "HUB",
                        "name",
                        "Northway Teaching School Hub",
                        "area",
                        AREA,
                        "contact",
                        Map.of("name", "Sam Patel", "email", "sam.patel@example.org", "phone", "020 7946 0000"),
                        "location",
                        Map.of("lat", 51.53, "lon", -0.12)));
        assertThat(provider.status()).as(provider.body()).isEqualTo(201);
        String providerId = (String) provider.map().get("id");
        Map<String, Object> offer = new HashMap<>();
        offer.put("providerId", providerId);
        offer.put("title", "Systematic synthetic phonics for the lowest 20%");
        offer.put(
                "description", "Half-termly coaching for the reading lead and the Year 1 team, with a phonics audit.");
        offer.put("areasOfSupport", List.of("CT.READ"));
        offer.put("phases", List.of("PRIMARY"));
        offer.put("deliveryModes", List.of("IN_SCHOOL"));
        offer.put("capacityDaysPerTerm", 6);
        offer.put("priceCredits", 35);
        offer.put("contact", Map.of("name", "Sam Patel", "email", "sam.patel@example.org"));
        Api.Reply drafted = directory.post("/offers", admin, offer);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String offerId = (String) drafted.map().get("id");
        Api.Reply submitted = directory.post("/offers/" + offerId + "/assurance", admin, Map.of("action", "SUBMIT"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        assertThat(pipeline().handle(Pipeline.drain(directoryStream)).getBatchItemFailures())
                .isEmpty();
        Receiver.Request slack = receiver.await("/awaiting", 1, WAIT).get(0);
        assertThat(slack.body())
                .contains(
                        "Offer awaiting assurance: Systematic synthetic phonics",
                        "Northway Teaching School Hub",
                        "https://sse.example.test/support-offers/" + offerId);
        List<Receiver.Request> envelopes = receiver.await("/everything", 2, WAIT);
        assertThat(envelopes)
                .extracting(r -> parse(r.body()).get("type"))
                .containsExactlyInAnyOrder("directory.offer.created", "directory.offer.submitted"); // sent side by side
        assertThat(envelopes)
                .extracting(r -> parse(r.body()).get("id"))
                .containsExactlyInAnyOrder(offerId + "/1", offerId + "/2");
        assertThat(notifiers().deliveries(AREA, awaiting.id())).hasSize(1);
    }

    @Test
    void theLedgersStateRecordsNotifyNobody() {
        String commissioner = tokens.bearer(Role.COMMISSIONER, AREA, "la-" + AREA);
        for (String owner : List.of("ISSUING", "100001", "prv_hub")) {
            Api.Reply opened = ledger.post("/accounts", commissioner, Map.of("area", AREA, "owner", owner));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        }
        assertThat(ledger.post(
                                "/allocations",
                                commissioner,
                                Map.of("id", "alloc-1", "to", AREA + "/100001", "amount", 40))
                        .status())
                .isEqualTo(201);
        Map<String, Object> hold = new HashMap<>(Map.of(
                "id",
                "hold-1",
                "debit",
                AREA + "/100001",
                "credit",
                AREA + "/prv_hub",
                "amount",
                10,
                "kind",
                "PAYMENT",
                "pending",
                true));
        String school = tokens.bearer(Role.PROVIDER, AREA, "100001"); // only the payer holds its credits
        assertThat(ledger.post("/transfers", school, hold).status()).isEqualTo(201);
        assertThat(ledger.post("/transfers/hold-1/void", school, null).status()).isEqualTo(200);

        var records = Pipeline.drain(ledgerStream);
        assertThat(records).as("accounts, transfers and entries").hasSizeGreaterThanOrEqualTo(8);
        int before = receiver.received("/everything").size();
        assertThat(pipeline().handle(records).getBatchItemFailures()).isEmpty();
        assertThat(notifiers().deliveries(AREA, everything.id())).hasSize(before);
        assertThat(receiver.received("/everything")).hasSize(before);
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
