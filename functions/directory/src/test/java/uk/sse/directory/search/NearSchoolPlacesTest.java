package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolPlaces;
import uk.sse.directory.register.SchoolPlacesTest;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.testing.Api;

/**
 * A search near a school reads the school's place from the record of every school's place that the register's import
 * writes (decision 0118), and from the register itself for a school the record lacks.
 */
@MicronautTest(environments = "test")
class NearSchoolPlacesTest extends SearchTest {

    @Inject
    TestIndices indices;

    @Inject
    SchoolStore schools;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    DirectoryTable table;

    String adviser;
    SchoolPlaces imported;

    @BeforeAll
    void load() {
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(offersIndex, "id", Corpus.offers());
        fixtures.importSchools();
        imported = schools.places().orElseThrow();
        // the record as a later import could leave it: a school only it knows (at Argyle's place), and not Canonbury
        School argyle = schools.find("100008").orElseThrow();
        School onlyInTheRecord = SchoolPlacesTest.school(
                "777777",
                argyle.phase(),
                argyle.type(),
                argyle.statutoryLowAge(),
                argyle.statutoryHighAge(),
                argyle.latitude(),
                argyle.longitude());
        schools.putPlaces(SchoolPlaces.of(List.of(argyle, onlyInTheRecord)));
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    Api.Reply search(String query) {
        return api.get("/search/offers" + query, adviser);
    }

    @Test
    void theImportWritesThePlaceOfEverySchoolWithALocation() {
        assertThat(imported.size()).isEqualTo(4);
        School argyle = schools.find("100008").orElseThrow();
        assertThat(imported.find("100008"))
                .contains(new SchoolPlaces.Located(
                        argyle.latitude(),
                        argyle.longitude(),
                        new SchoolPlaces.Kind("Primary", "Community school", null, null)));
    }

    @Test
    void aSchoolInTheRecordIsFoundThereAndOneItLacksInTheRegister() {
        var fromRecord = search("?near=777777&radiusKm=5&size=50");
        var fromRegister = search("?near=100008&radiusKm=5&size=50");
        assertThat(ids(fromRecord)).isNotEmpty().isEqualTo(ids(fromRegister));
        assertThat(hits(fromRecord).stream().map(h -> h.get("distanceKm")).toList())
                .isEqualTo(hits(fromRegister).stream()
                        .map(h -> h.get("distanceKm"))
                        .toList());
        // Canonbury is not in the record: read from the register, as before the record
        assertThat(search("?near=100410&radiusKm=5").status()).isEqualTo(200);
        assertThat(search("?near=999999").problemFields()).containsExactly("near");
    }

    @Test
    void aLongerRecordIsWrittenInPartsAndAShorterOneLeavesNoneOfItsParts() {
        List<School> many = new ArrayList<>();
        for (int i = 0; i < 14_000; i++) {
            many.add(SchoolPlacesTest.school(
                    String.valueOf(500_000 + i), "Primary", "Community school", 4, 11, 51 + i / 100_000.0, -0.1));
        }
        SchoolPlaces before = schools.places().orElseThrow();
        try {
            schools.putPlaces(SchoolPlaces.of(many)); // some 370 KB: two items
            assertThat(schools.places().orElseThrow().size()).isEqualTo(14_000);
            schools.putPlaces(SchoolPlaces.of(many.subList(0, 10)));
            SchoolPlaces shorter = schools.places().orElseThrow();
            assertThat(shorter.size()).isEqualTo(10);
            assertThat(shorter.find("500009")).isPresent();
            assertThat(shorter.find("500010")).isEmpty();
            // a record that cannot be read is none: searches read the register, as before it
            dynamo.putItem(b -> b.tableName(table.name())
                    .item(Map.of(
                            DirectoryTable.PK,
                            AttributeValue.fromS("PLACES"),
                            DirectoryTable.SK,
                            AttributeValue.fromS("PART#00000"),
                            "part",
                            AttributeValue.fromN("0"),
                            "parts",
                            AttributeValue.fromN("1"),
                            "written",
                            AttributeValue.fromS("broken"),
                            "places",
                            AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 0, 0})))));
            assertThat(schools.places()).isEmpty();
        } finally {
            schools.putPlaces(before);
        }
    }
}
