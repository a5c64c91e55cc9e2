package uk.sse.kernel.area;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinedAreasTest {

    private final DefinedAreas areas = new DefinedAreas(List.of(
            new AreaDefinition("trust-2044", "Northern Lights Academy Trust", AreaKind.TRUST, null, List.of("2044"), null),
            new AreaDefinition("tees-valley", "Tees Valley", AreaKind.PARTNERSHIP, List.of("805", "808"), null, List.of("140002"))));

    @Test
    void everyLaIsAnAreaWithoutADefinitionAndOtherAreasOnlyIfDefined() {
        assertThat(areas.find("888")).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(AreaKind.LA));
        assertThat(areas.find("trust-2044")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("Northern Lights Academy Trust"));
        assertThat(areas.find("trust-9999")).isEmpty();
        assertThat(areas.find(null)).isEmpty();
    }

    @Test
    void anLaDefinedOnlyToNameItKeepsItsSchoolsAndAnLaThatIsNotIsNamedByItsCode() {
        DefinedAreas named = new DefinedAreas(List.of(new AreaDefinition("888", "Lancashire", AreaKind.LA, List.of("888"), null, null)));
        assertThat(named.find("888")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("Lancashire"));
        assertThat(named.includes("888", new SchoolFacts("100001", "888", null))).isTrue();
        assertThat(named.includes("888", new SchoolFacts("100002", "889", null))).isFalse();
        assertThat(named.find("889")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("local authority 889"));
        assertThatThrownBy(() -> new DefinedAreas(List.of(new AreaDefinition("888", "Lancashire", AreaKind.LA, List.of("888", "889"), null, null))))
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
    }

    @Test
    void aDefinitionThatIsWrongStopsTheFunctionNamingWhatIsWrong() {
        assertThatThrownBy(() -> new DefinedAreas(List.of(new AreaDefinition("2044", "A trust", AreaKind.TRUST, null, List.of("2044"), null))))
                .hasMessageContaining("sse.areas.2044").hasMessageContaining("letter");
        assertThatThrownBy(() -> new DefinedAreas(List.of(new AreaDefinition("trust-1", "A trust", null, null, null, null))))
                .hasMessageContaining("sse.areas.trust-1.kind");
    }
}
