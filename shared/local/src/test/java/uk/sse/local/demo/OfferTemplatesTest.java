package uk.sse.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.sse.local.demo.OfferTemplates.Template;

class OfferTemplatesTest {

    @Test
    void everyTopLevelAreaAndEverySendNeedHasTemplates() {
        assertThat(OfferTemplates.standard()).extracting(Template::topLevel).containsAll(DemoChecks.TOP_LEVEL_AREAS);
        assertThat(OfferTemplates.standard())
                .flatExtracting(Template::areas)
                .contains(
                        "INC.SEND.SPLD",
                        "INC.SEND.MLD",
                        "INC.SEND.SLD",
                        "INC.SEND.PMLD",
                        "INC.SEND.SEMH",
                        "INC.SEND.SLCN",
                        "INC.SEND.HI",
                        "INC.SEND.VI",
                        "INC.SEND.MSI",
                        "INC.SEND.PD",
                        "INC.SEND.ASD");
    }

    @Test
    void textsAreShortEnoughAndDescriptionsHaveTwoOrThreeSentences() {
        assertThat(OfferTemplates.standard()).allSatisfy(t -> {
            assertThat(t.titles()).allSatisfy(title -> assertThat(title).hasSizeBetween(10, 100));
            assertThat(t.abouts())
                    .allSatisfy(about -> assertThat(about.split("(?<=\\.) (?=[A-Z])"))
                            .as(about)
                            .hasSizeBetween(2, 3));
            assertThat(t.areas().size() + (t.also().isEmpty() ? 0 : 1)).isLessThanOrEqualTo(3);
        });
    }

    @Test
    void someProviderOfTheDemoMayOfferEveryTemplate() {
        List<Publisher> publishers = DemoProviders.publishers(
                DemoDirectory.sampleSchools(), "888", LocalDate.of(2026, 11, 23), new Random(2026));
        assertThat(OfferTemplates.standard())
                .allSatisfy(t -> assertThat(publishers).as(t.titles().get(0)).anyMatch(p -> p.mayOffer(t)));
    }

    @Test
    void enoughProvidersOfTheDemoMayOfferEveryHandWrittenOffer() {
        List<Publisher> publishers = DemoProviders.publishers(
                DemoDirectory.sampleSchools(), "888", LocalDate.of(2026, 11, 23), new Random(2026));
        assertThat(OfferTemplates.handWritten()).hasSizeGreaterThanOrEqualTo(60).allSatisfy(t -> {
            assertThat(publishers.stream().filter(p -> p.mayOffer(t)).count())
                    .as(t.key())
                    .isGreaterThanOrEqualTo(t.copies());
            assertThat(t.titles()).singleElement().asString().hasSizeBetween(5, 100);
            assertThat(t.abouts()).hasSize(1);
        });
    }

    @Test
    void everyTemplateAndHandWrittenOfferHasAKeyOfItsOwn() {
        var keys = java.util.stream.Stream.concat(
                        OfferTemplates.standard().stream(), OfferTemplates.handWritten().stream())
                .map(OfferTemplates.Template::key)
                .toList();
        assertThat(keys)
                .doesNotHaveDuplicates()
                .allMatch(k -> k.matches("[a-z0-9-]+"))
                .hasSize(95 + OfferTemplates.handWritten().size());
        assertThatThrownBy(() -> OfferTemplates.parse(List.of(
                        "areas: CT.READ",
                        "by: PRIMARY",
                        "phases: PRIMARY",
                        "modes: COACHING",
                        "title: t",
                        "about: a",
                        "evidence: e")))
                .hasMessageContaining("needs a key");
    }

    @Test
    void aTypoFailsLoudly() {
        assertThatThrownBy(() -> OfferTemplates.parse(List.of(
                        "key: k",
                        "areas: CT.READING",
                        "by: PRIMARY",
                        "phases: PRIMARY",
                        "modes: COACHING",
                        "title: t",
                        "about: a",
                        "evidence: e")))
                .hasMessageContaining("CT.READING is not a taxonomy code");
        assertThatThrownBy(() -> OfferTemplates.parse(List.of(
                        "key: k",
                        "areas: CT.READ",
                        "by: PRIMRY",
                        "phases: PRIMARY",
                        "modes: COACHING",
                        "title: t",
                        "about: a",
                        "evidence: e")))
                .hasMessageContaining("PRIMRY");
        assertThatThrownBy(() -> OfferTemplates.parse(List.of(
                        "key: k",
                        "areas: CT.READ",
                        "by: PRIMARY",
                        "phases: PRIMARY",
                        "modes: COACHING",
                        "title: t",
                        "about: a")))
                .hasMessageContaining("evidence");
    }
}
