package uk.sse.kernel.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefinedAreasTest {

    private final DefinedAreas areas = new DefinedAreas(List.of(
            new AreaDefinition(
                    "trust-2044", "Northern Lights Academy Trust", AreaKind.TRUST, null, List.of("2044"), null, null),
            new AreaDefinition(
                    "tees-valley",
                    "Tees Valley",
                    AreaKind.PARTNERSHIP,
                    List.of("805", "808"),
                    null,
                    List.of("140002"),
                    null)));

    @Test
    void everyLaIsAnAreaWithoutADefinitionAndOtherAreasOnlyIfDefined() {
        assertThat(areas.find("888"))
                .hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(AreaKind.LA));
        assertThat(areas.find("trust-2044"))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("Northern Lights Academy Trust"));
        assertThat(areas.find("trust-9999")).isEmpty();
        assertThat(areas.find(null)).isEmpty();
    }

    @Test
    void anLaDefinedOnlyToNameItKeepsItsSchoolsAndAnLaThatIsNotIsNamedByItsCode() {
        DefinedAreas named = new DefinedAreas(
                List.of(new AreaDefinition("888", "Lancashire", AreaKind.LA, List.of("888"), null, null, null)));
        assertThat(named.find("888"))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("Lancashire"));
        assertThat(named.includes("888", new SchoolFacts("100001", "888", null)))
                .isTrue();
        assertThat(named.includes("888", new SchoolFacts("100002", "889", null)))
                .isFalse();
        assertThat(named.find("889"))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("local authority 889"));
        assertThatThrownBy(() -> new DefinedAreas(List.of(
                        new AreaDefinition("888", "Lancashire", AreaKind.LA, List.of("888", "889"), null, null, null))))
                .hasMessageContaining("sse.areas.888");
    }

    @Test
    void aSchoolIsAMemberOfTheAreasWhoseRulesAdmitItAndOfNoUnknownArea() {
        SchoolFacts academyInDarlington = new SchoolFacts("140002", "841", "2044");
        assertThat(areas.includes("trust-2044", academyInDarlington)).isTrue();
        assertThat(areas.includes("tees-valley", academyInDarlington)).isTrue();
        assertThat(areas.includes("841", academyInDarlington)).isTrue();
        assertThat(areas.includes("808", academyInDarlington)).isFalse();
        assertThat(areas.includes("trust-9999", academyInDarlington)).isFalse();
        assertThat(areas.including(academyInDarlington)).containsExactly("841", "tees-valley", "trust-2044");
        assertThat(areas.including(new SchoolFacts("100001", "202", null))).containsExactly("202");
    }

    @Test
    void aDefinitionThatIsWrongStopsTheFunctionNamingWhatIsWrong() {
        assertThatThrownBy(() -> new DefinedAreas(List.of(
                        new AreaDefinition("2044", "A trust", AreaKind.TRUST, null, List.of("2044"), null, null))))
                .hasMessageContaining("sse.areas.2044")
                .hasMessageContaining("letter");
        assertThatThrownBy(() -> new DefinedAreas(
                        List.of(new AreaDefinition("trust-1", "A trust", null, null, null, null, null))))
                .hasMessageContaining("sse.areas.trust-1.kind");
    }

    @Test
    void aSchoolRaisesInAnAreaOfItsThatLetsItTheAreaOfItsMembershipFirstThenItsLasThenByIdAndNowhereByDefault() {
        SchoolFacts academy = new SchoolFacts("140002", "805", "2044");
        assertThat(areas.letsSchoolsRaise("trust-2044")).isFalse();
        assertThat(areas.whereSchoolRaises(academy, List.of("805"))).isEmpty();

        DefinedAreas letting = new DefinedAreas(List.of(
                new AreaDefinition(
                        "trust-2044",
                        "Northern Lights Academy Trust",
                        AreaKind.TRUST,
                        null,
                        List.of("2044"),
                        null,
                        true),
                new AreaDefinition(
                        "tees-valley", "Tees Valley", AreaKind.PARTNERSHIP, List.of("805"), null, null, true),
                new AreaDefinition("805", "Hartlepool", AreaKind.LA, List.of("805"), null, null, true),
                new AreaDefinition("808", "Stockton-on-Tees", AreaKind.LA, List.of("808"), null, null, false)));
        assertThat(letting.letsSchoolsRaise("trust-2044")).isTrue();
        assertThat(letting.letsSchoolsRaise("808")).isFalse();
        assertThat(letting.letsSchoolsRaise("889")).isFalse();
        assertThat(letting.whereSchoolRaises(academy, List.of("tees-valley"))).hasValue("tees-valley");
        assertThat(letting.whereSchoolRaises(academy, List.of("808", "trust-9999")))
                .hasValue("805");
        assertThat(letting.whereSchoolRaises(new SchoolFacts("140003", "806", "2044"), List.of()))
                .hasValue("trust-2044");
        assertThat(letting.whereSchoolRaises(new SchoolFacts("140004", "808", null), List.of("808")))
                .isEmpty();
    }
}
