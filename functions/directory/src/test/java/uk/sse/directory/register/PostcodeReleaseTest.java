package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A release's attribution, from its licence's text or the year its file's name gives. */
class PostcodeReleaseTest {

    @Test
    void theLicencesAttributionLinesAreTakenInTheirOrderAndNothingElse() {
        String licence = String.join(
                "\r\n",
                "Code-Point® Open",
                "You may use this data under the Open Government Licence v3.0 (c) 2015 onwards.",
                "",
                "Contains OS data © Crown copyright and database right 2024.",
                "Contains Royal Mail data (c) Royal Mail copyright and database right 2024",
                "> Contains National Statistics data © Crown copyright and database right 2024",
                "Contains nothing of the kind");
        assertThat(PostcodeRelease.fromLicence(licence))
                .get()
                .extracting(PostcodeRelease::attribution)
                .isEqualTo(List.of(
                        "Contains OS data © Crown copyright and database right 2024",
                        "Contains Royal Mail data © Royal Mail copyright and database right 2024",
                        "Contains National Statistics data © Crown copyright and database right 2024"));
        assertThat(PostcodeRelease.fromLicence("The Open Government Licence, 2015"))
                .isEmpty();
    }

    @Test
    void aFileNamesYearGivesOsLinesForThatYear() {
        assertThat(PostcodeRelease.fromFileName("codepo_gb_2024-02.zip")).contains(PostcodeRelease.ofYear(2024));
        assertThat(PostcodeRelease.fromFileName("codepoint-open.csv.gz")).isEmpty();
        assertThat(PostcodeRelease.fromFileName("codepo_gb_120245.zip")).isEmpty();
        assertThat(PostcodeRelease.fromFileName(null)).isEmpty();
    }
}
