package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;
import static uk.sse.directory.web.Fixtures.OTHER_AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.TableStrings;
import uk.sse.testing.TestErasureKey;

/**
 * An area's admin exports what the directory holds about an assurer and a provider's contact, and erases it, through
 * the Lambda handler: the assurer's subject and reasons, and the contact's name, email and phone, are gone from every
 * item of the area (current offers, every version, every event, providers), while statuses, versions and designations
 * stay and another area's provider keeps its contact. Nobody else may do either.
 */
@MicronautTest(environments = "test")
class DirectoryPersonErasureTest extends LambdaTest {

    static final String CHANGES = "The case study names a pupil: please take the name out.";
    static final String REFUSAL = "Not on the national list of specialist leaders this year.";
    static final String EMAIL = "sam.patel@example.org";
    static final List<String> CONTACT = List.of("Sam Patel", EMAIL, "020 7946 0000");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    DirectoryTable table;

    String assurer;
    String assurerSubject;
    String approved;
    String changesAsked;

    @BeforeAll
    void anAssurersStepsAndAContact() {
        fixtures.importSchools();
        fixtures.registerSchool("100008", AREA);
        fixtures.registerSchool("100410", OTHER_AREA);
        assurer = fixtures.token(Role.ASSURER, AREA, "la-qa");
        assurerSubject = "assurer-" + AREA + "-la-qa";
        String provider = fixtures.token(Role.PROVIDER, AREA, "100008");

        approved = (String) fixtures.draftOffer("100008", AREA).map().get("id");
        ok(fixtures.act(approved, provider, "SUBMIT", null, null));
        ok(fixtures.act(
                approved,
                assurer,
                "APPROVE",
                "meets the standard",
                LocalDate.now().plusYears(1)));
        changesAsked = (String) fixtures.draftOffer("100008", AREA).map().get("id");
        ok(fixtures.act(changesAsked, provider, "SUBMIT", null, null));
        ok(fixtures.act(changesAsked, assurer, "REQUEST_CHANGES", CHANGES, null));
        var refusal = Api.auth(
                        io.micronaut.http.HttpRequest.POST(
                                "/providers/100008/designations/refusals",
                                Map.of("designation", "SPECIALIST_LEADER_OF_EDUCATION", "reason", REFUSAL)),
                        assurer)
                .header("If-Match", "\"v1\"");
        ok(api.send(refusal));
    }

    static void ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    String admin(String area) {
        return fixtures.token(Role.ADMIN, area, "la-" + area);
    }

    String person(String query) {
        return "/providers/people/" + assurerSubject + query;
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAreasAdminExportsAndErasesAndTheErasureLeavesStatusesAndOtherAreas() {
        List<String> others = List.of(
                assurer,
                fixtures.token(Role.PROVIDER, AREA, "100008"),
                fixtures.token(Role.ADVISER, AREA, "la-" + AREA),
                fixtures.token(Role.BROKER, AREA, "la-" + AREA),
                fixtures.token(Role.REGISTRAR, null, null),
                fixtures.token(Role.COMMISSIONER, AREA, "la-" + AREA));
        for (String who : others) {
            assertThat(api.get(person(""), who).status()).isEqualTo(403);
            assertThat(api.post(person("/erasure?email=" + EMAIL), who, Map.of())
                            .status())
                    .isEqualTo(403);
        }
        Api.Reply otherArea = api.post(person("/erasure"), admin(OTHER_AREA), Map.of());
        assertThat(otherArea.status()).as(otherArea.body()).isEqualTo(200);
        assertThat(otherArea.map()).containsEntry("offers", 0).containsEntry("providers", 0);
        assertThat(strings())
                .as("the denials changed nothing")
                .anyMatch(v -> v.contains(assurerSubject))
                .anyMatch(v -> v.contains(REFUSAL))
                .anyMatch(v -> v.contains(CHANGES));

        Api.Reply badSubject = api.get("/providers/people/" + "x".repeat(129), admin(AREA));
        assertThat(badSubject.status()).isEqualTo(422);
        assertThat(badSubject.problemFields()).containsExactly("subject");
        Api.Reply badEmail = api.get(person("?email=not-an-email"), admin(AREA));
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.problemFields()).containsExactly("email");

        // the export: the two offers they assured, the refusal they made, and (given the email) the contact's details
        Api.Reply export = api.get(person("?email=" + EMAIL), admin(AREA));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<Map<String, Object>> offers =
                (List<Map<String, Object>>) export.map().get("offers");
        assertThat(offers).extracting(o -> o.get("offerId")).containsExactlyInAnyOrder(approved, changesAsked);
        assertThat(offers)
                .filteredOn(o -> o.get("offerId").equals(changesAsked))
                .singleElement()
                .satisfies(o -> {
                    assertThat((List<String>) o.get("texts"))
                            .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                            java.util.stream.Stream.of(CHANGES), CONTACT.stream())
                                    .toList());
                    assertThat((List<Map<String, Object>>) o.get("actions"))
                            .extracting(a -> a.get("action"))
                            .containsExactly("REQUEST_CHANGES");
                    assertThat(o).containsEntry("status", "CHANGES_REQUESTED");
                });
        List<Map<String, Object>> providers =
                (List<Map<String, Object>>) export.map().get("providers");
        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("providerId", "100008");
            assertThat((List<String>) p.get("texts")).contains(REFUSAL).containsAll(CONTACT);
        });
        Map<String, Object> before = api.get("/offers/" + approved, assurer).map();

        Api.Reply erased = api.post(person("/erasure?email=" + EMAIL), admin(AREA), Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        String tombstone = TestErasureKey.of(assurerSubject);
        assertThat(erased.map())
                .containsEntry("tombstone", tombstone)
                .containsEntry("offers", 2)
                .containsEntry("providers", 1);
        assertThat((Integer) erased.map().get("versions"))
                .as("every stored version naming them")
                .isGreaterThanOrEqualTo(4);
        assertThat((Integer) erased.map().get("events"))
                .as("the approval and the changes asked")
                .isEqualTo(2);

        // nothing of them in any item of the area: current offers, versions, events, providers
        List<String> left = TableStrings.of(
                dynamo, table.name(), item -> !item.get("pk").s().equals("PROVIDER#100410"));
        for (String gone : java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(assurerSubject, CHANGES, REFUSAL, "meets the standard"),
                        CONTACT.stream())
                .toList()) {
            assertThat(left).as(gone).noneMatch(v -> v.contains(gone));
        }
        assertThat(strings()).as("the other area's provider keeps its contact").anyMatch(v -> v.equals(EMAIL));

        Map<String, Object> after = api.get("/offers/" + approved, assurer).map();
        assertThat(after)
                .containsEntry("status", before.get("status"))
                .containsEntry("version", before.get("version"))
                .containsEntry("reviewDate", before.get("reviewDate"));
        assertThat((List<Map<String, Object>>) after.get("history"))
                .filteredOn(h -> "APPROVE".equals(h.get("action")))
                .singleElement()
                .satisfies(h -> assertThat(h).containsEntry("by", tombstone).containsEntry("reason", "[erased]"));
        Map<String, Object> provider = api.get("/providers/100008", fixtures.token(Role.PROVIDER, AREA, "100008"))
                .map();
        assertThat((List<Map<String, Object>>) provider.get("refusedDesignations"))
                .singleElement()
                .satisfies(
                        r -> assertThat(r).containsEntry("refusedBy", tombstone).containsEntry("reason", "[erased]"));

        Api.Reply again = api.post(person("/erasure?email=" + EMAIL), admin(AREA), Map.of());
        assertThat(again.map())
                .as("a second erasure finds nothing")
                .containsEntry("offers", 0)
                .containsEntry("providers", 0);
    }

    List<String> strings() {
        return TableStrings.of(dynamo, table.name());
    }
}
