package uk.sse.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.testing.Api;

/**
 * From the brokerage's events in a real table's stream, through the stream handler, to each person's notifications in
 * the API: the area's brokers when a request is raised, the provider a proposal is addressed to, the school when support
 * awaits its agreement and when it is delivered, the adviser who raised it as it is proposed, agreed and cancelled;
 * each exactly once however often the records come; nobody else's; marked read by their reader alone.
 */
@MicronautTest
class NoticeFlowTest extends NotifierLambdaTest {

    static final String AREA = "873";
    static final String URN = "110011";
    static final String PROVIDER = "prv_northway-hub";

    @Test
    void eachPersonHearsOnceOfWhatWaitsForThem() {
        BrokerageRequest raised = brokerage()
                .raise(
                        AREA,
                        "R-notice-1",
                        URN,
                        "Oakfield Primary",
                        List.of("INC.SEND.ASD"),
                        "Set up provision maps",
                        Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(pipeline().handle(pipeline().lastBatch()).getBatchItemFailures())
                .as("the same records again")
                .isEmpty();

        String broker = tokens.bearer(Role.BROKER, AREA, null);
        Map<String, Object> brokers = inbox(broker);
        assertThat(titles(brokers))
                .containsExactly("Oakfield Primary asked for support (high urgency): it is waiting to be brokered");
        assertThat(brokers.get("unread")).isEqualTo(1);
        assertThat(items(brokers).getFirst().get("link")).isEqualTo("/support-requests/R-notice-1");
        assertThat(titles(inbox(tokens.bearer(Role.BROKER, "999", null))))
                .as("another area's broker")
                .isEmpty();
        assertThat(titles(inbox(tokens.bearer(Role.ASSURER, AREA, null))))
                .as("the area's assurer")
                .isEmpty();

        BrokerageRequest agreed = brokerage().proposeAcceptAgree(raised, "off_1", PROVIDER);
        pipeline().deliver(brokerage().stream());
        pipeline().handle(pipeline().lastBatch());
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, AREA, PROVIDER))))
                .containsExactly("Support for Oakfield Primary is proposed to you: accept or decline it");
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, AREA, URN))))
                .containsExactly("Support for Oakfield Primary awaits your agreement");
        String adviser = adviser();
        assertThat(titles(inbox(adviser)))
                .containsExactly(
                        "Oakfield Primary agreed the support proposed", "Support is proposed for Oakfield Primary");
        assertThat(titles(inbox(tokens.bearer(Role.ADVISER, AREA, null))))
                .as("another adviser of the area")
                .isEmpty();

        brokerage().startAndComplete(agreed, 2);
        pipeline().deliver(brokerage().stream());
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, AREA, URN))))
                .containsExactly(
                        "Support for Oakfield Primary is delivered: rate it",
                        "Support for Oakfield Primary awaits your agreement");

        BrokerageRequest other = brokerage()
                .raise(AREA, "R-notice-2", URN, "Oakfield Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        brokerage().cancel(other, "the school found help elsewhere");
        pipeline().deliver(brokerage().stream());
        assertThat(titles(inbox(adviser)).getFirst())
                .isEqualTo("The request for Oakfield Primary was cancelled: the school found help elsewhere");
    }

    /**
     * A school that asked for itself hears when support is proposed for it, as an adviser who raised a request does
     * (decision 0089): its staff alone, once; another school, another provider and the area's adviser hear nothing of it.
     */
    @Test
    void aSchoolThatAskedForItselfHearsWhenSupportIsProposed() {
        String area = "872";
        String urn = "110099";
        BrokerageRequest own = brokerage()
                .raiseAsSchool(
                        area, "R-own-1", urn, "Brookside Primary", List.of("AB.ATT"), "Attendance", Urgency.MEDIUM);
        BrokerageRequest advised = brokerage()
                .raise(area, "R-own-2", urn, "Brookside Primary", List.of("CT.READ"), "Reading", Urgency.LOW);
        String partner = "prv_brookside-partner";
        brokerage().proposeAcceptAgree(own, "off_own", partner);
        brokerage().proposeAcceptAgree(advised, "off_advised", partner);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(pipeline().handle(pipeline().lastBatch()).getBatchItemFailures())
                .as("the same records again")
                .isEmpty();

        List<Map<String, Object>> school = items(inbox(tokens.bearer(Role.PROVIDER, area, urn)));
        assertThat(school)
                .filteredOn(i -> i.get("title").toString().startsWith("Support is proposed"))
                .as("once, for the request the school raised, not for the adviser's")
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.get("title"))
                            .isEqualTo("Support is proposed for the request Brookside Primary raised: once the provider"
                                    + " accepts, it awaits your agreement");
                    assertThat(i.get("link")).isEqualTo("/support-requests/R-own-1");
                    assertThat(i.get("kind")).isEqualTo("request-proposed");
                });
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, area, "110098"))))
                .as("another school of the area")
                .isEmpty();
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, area, partner))))
                .as("the provider hears of what is proposed to it, nothing more")
                .containsOnly("Support for Brookside Primary is proposed to you: accept or decline it")
                .hasSize(2);
        assertThat(items(inbox(tokens.signed(TokenClaims.person(
                        tokens.identity(), "adviser-" + area, Role.ADVISER, area, null, Duration.ofHours(1))))))
                .as("the adviser hears only of the request they raised")
                .allSatisfy(i -> assertThat(i.get("link")).isEqualTo("/support-requests/R-own-2"))
                .hasSize(2);
        assertThat(titles(inbox(tokens.bearer(Role.BROKER, area, null))))
                .as("the brokers hear of both requests raised")
                .hasSize(2);
    }

    /**
     * A school's own request cancelled by a broker is told to that school's staff alone, with the reason and a link to
     * it; its own withdrawal is not told back to it; another school, the provider proposed and the area's adviser hear
     * nothing of it, and a cancelled request an adviser raised is told to the adviser, not the school.
     */
    @Test
    void aSchoolThatAskedForItselfHearsWhenABrokerCancelsItsRequest() {
        String area = "871";
        String urn = "110077";
        String partner = "prv_elmside-partner";
        BrokerageRequest own = brokerage()
                .raiseAsSchool(
                        area, "R-cancel-1", urn, "Elmside Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        BrokerageRequest proposed = brokerage().proposeAcceptAgree(own, "off_cancel", partner);
        brokerage().cancel(proposed, "the school merged with its neighbour");
        BrokerageRequest withdrawn = brokerage()
                .raiseAsSchool(area, "R-cancel-2", urn, "Elmside Primary", List.of("CT.READ"), "Reading", Urgency.LOW);
        brokerage().withdraw(withdrawn, "we found help ourselves");
        BrokerageRequest advised = brokerage()
                .raise(area, "R-cancel-3", urn, "Elmside Primary", List.of("CT.MATHS"), "Maths", Urgency.LOW);
        brokerage().cancel(advised, "raised twice");
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(pipeline().handle(pipeline().lastBatch()).getBatchItemFailures())
                .as("the same records again")
                .isEmpty();

        assertThat(items(inbox(tokens.bearer(Role.PROVIDER, area, urn))))
                .filteredOn(i -> "request-cancelled".equals(i.get("kind")))
                .as("once, for the school's own request a broker cancelled; not its withdrawal, not the adviser's")
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.get("title"))
                            .isEqualTo("The request Elmside Primary raised was cancelled:"
                                    + " the school merged with its neighbour");
                    assertThat(i.get("link")).isEqualTo("/support-requests/R-cancel-1");
                });
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, area, "110078"))))
                .as("another school of the area")
                .isEmpty();
        assertThat(titles(inbox(tokens.bearer(Role.PROVIDER, area, partner))))
                .as("the provider hears of what is proposed to it, nothing of the cancelling")
                .containsExactly("Support for Elmside Primary is proposed to you: accept or decline it");
        assertThat(items(inbox(tokens.signed(TokenClaims.person(
                        tokens.identity(), "adviser-" + area, Role.ADVISER, area, null, Duration.ofHours(1))))))
                .as("the adviser hears only of the request they raised")
                .singleElement()
                .satisfies(i -> assertThat(i.get("title"))
                        .isEqualTo("The request for Elmside Primary was cancelled: raised twice"));
        assertThat(titles(inbox(tokens.bearer(Role.BROKER, area, null))))
                .as("the brokers hear of the three requests raised, nothing of their closing")
                .hasSize(3);
    }

    @Test
    void marksAreEachReadersOwnAndOnlyOnTheirNotices() {
        brokerage().raise("874", "R-read-1", URN, "Oakfield Primary", List.of("AB.ATT"), "Attendance", Urgency.MEDIUM);
        brokerage()
                .raise(
                        "874",
                        "R-read-2",
                        URN,
                        "Oakfield Primary",
                        List.of("AB.ATT"),
                        "Attendance again",
                        Urgency.URGENT);
        pipeline().deliver(brokerage().stream());
        String one = tokens.bearer(Role.BROKER, "874", null);
        String another = tokens.signed(
                TokenClaims.person(tokens.identity(), "broker-two", Role.BROKER, "874", null, Duration.ofHours(1)));
        Map<String, Object> before = inbox(one);
        assertThat(before.get("unread")).isEqualTo(2);
        String newest = (String) items(before).getFirst().get("id");
        assertThat(items(before).getFirst().get("title").toString()).contains("urgent urgency");

        String elsewhere = (String) items(inbox(tokens.bearer(Role.PROVIDER, AREA, PROVIDER))).stream()
                .findFirst()
                .map(i -> i.get("id"))
                .orElse("ntc_" + "0".repeat(32));
        Api.Reply marked = api.post("/notices/read", one, Map.of("ids", List.of(newest, elsewhere)));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.map().get("marked")).as("only their own notice").isEqualTo(1);
        Map<String, Object> after = inbox(one);
        assertThat(after.get("unread")).isEqualTo(1);
        assertThat(items(after).getFirst().get("read")).isEqualTo(true);
        assertThat(items(after).get(1).get("read")).isEqualTo(false);
        assertThat(inbox(another).get("unread"))
                .as("another broker has read nothing")
                .isEqualTo(2);
    }

    @Test
    void theUnreadCountIsTheInboxsAndTheCallersOwn() {
        String one = tokens.bearer(Role.BROKER, "875", null);
        String another = tokens.signed(
                TokenClaims.person(tokens.identity(), "broker-three", Role.BROKER, "875", null, Duration.ofHours(1)));
        String elsewhere = tokens.bearer(Role.BROKER, "876", null);
        assertThat(unreadCount(one)).as("nothing yet").isZero();

        brokerage().raise("875", "R-count-1", URN, "Oakfield Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        brokerage().raise("876", "R-count-2", URN, "Oakfield Primary", List.of("AB.ATT"), "Elsewhere", Urgency.LOW);
        pipeline().deliver(brokerage().stream());
        assertThat(unreadCount(one)).isEqualTo(1).isEqualTo(inbox(one).get("unread"));
        assertThat(unreadCount(elsewhere))
                .as("another area's broker: their own notice only")
                .isEqualTo(1);
        assertThat(unreadCount(tokens.bearer(Role.ADVISER, "875", null)))
                .as("an adviser who raised nothing")
                .isZero();

        brokerage().raise("875", "R-count-3", URN, "Oakfield Primary", List.of("AB.ATT"), "Again", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(unreadCount(one)).as("right after a new notice").isEqualTo(2);

        String newest = (String) items(inbox(one)).getFirst().get("id");
        assertThat(api.post("/notices/read", one, Map.of("ids", List.of(newest)))
                        .status())
                .isEqualTo(200);
        assertThat(unreadCount(one))
                .as("right after marking one read")
                .isEqualTo(1)
                .isEqualTo(inbox(one).get("unread"));
        assertThat(unreadCount(another))
                .as("another broker's marks are their own")
                .isEqualTo(2);
        assertThat(unreadCount(elsewhere)).isEqualTo(1);
    }

    @Test
    void theUnreadCountRefusesParametersAndServices() {
        String broker = tokens.bearer(Role.BROKER, AREA, null);
        Api.Reply unknown = api.get("/notices/unread-count?subject=someone-else", broker);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("subject");
        assertThat(api.get("/notices/unread-count", tokens.service("directory.read"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/notices/unread-count", null).status()).isEqualTo(401);
    }

    @Test
    void badAsksAreRefusedAndFunctionsHaveNoNotifications() {
        String broker = tokens.bearer(Role.BROKER, AREA, null);
        assertThat(api.post("/notices/read", broker, Map.of("ids", List.of("x")))
                        .problemFields())
                .containsExactly("/ids/0");
        assertThat(api.post("/notices/read", broker, Map.of("ids", List.of())).problemFields())
                .containsExactly("/ids");
        Api.Reply unknown =
                api.post("/notices/read", broker, Map.of("ids", List.of("ntc_" + "0".repeat(32)), "all", true));
        assertThat(unknown.status()).isBetween(400, 499);
        assertThat(unknown.body()).contains("all");
        assertThat(api.get("/notices", tokens.service("directory.read")).status())
                .isEqualTo(403);
        assertThat(api.get("/notices", null).status()).isEqualTo(401);
    }

    private String adviser() {
        return tokens.signed(TokenClaims.person(
                tokens.identity(), "adviser-" + AREA, Role.ADVISER, AREA, null, Duration.ofHours(1)));
    }

    private Map<String, Object> inbox(String bearer) {
        Api.Reply reply = api.get("/notices", bearer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    private int unreadCount(String bearer) {
        Api.Reply reply = api.get("/notices/unread-count", bearer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map()).containsOnlyKeys("unread");
        return (Integer) reply.map().get("unread");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> inbox) {
        return (List<Map<String, Object>>) inbox.get("items");
    }

    private static List<String> titles(Map<String, Object> inbox) {
        return items(inbox).stream().map(i -> (String) i.get("title")).toList();
    }
}
