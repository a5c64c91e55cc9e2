package uk.sse.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.testing.Api;

/**
 * Bad parameters get a 4xx problem+json naming the parameter, never a 5xx: malformed or impossible dates, reversed or
 * too long ranges, dates out of range, malformed areas, unknown options, out-of-range thresholds.
 */
@MicronautTest(environments = "test", transactional = false)
class ReportBadInputTest extends ReportingLambdaTest {

    static final List<String> ENDPOINTS = List.of(
            "/reports/days",
            "/reports/schools",
            "/reports/providers",
            "/reports/credits",
            "/reports/balances",
            "/reports/service-levels",
            "/reports/waiting",
            "/reports/impact");

    Api.Reply ask(String uri) {
        return get(uri, commissioner("888"));
    }

    void refused(String uri, int status, String field) {
        Api.Reply reply = ask(uri);
        assertThat(reply.status()).as(uri + " " + reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(uri).startsWith("application/problem+json");
        assertThat(reply.problemFields()).as(uri).containsExactly(field);
    }

    @Test
    void missingDatesAreNamed() {
        for (String endpoint : ENDPOINTS) {
            refused(endpoint + "?to=2026-11-30", 400, "from");
            refused(endpoint + "?from=2026-09-01", 400, "to");
        }
    }

    @Test
    void malformedAndImpossibleDatesAreNamed() {
        for (String endpoint : ENDPOINTS) {
            refused(endpoint + "?from=2026-13-01&to=2026-12-31", 400, "from");
            refused(endpoint + "?from=yesterday&to=2026-12-31", 400, "from");
            refused(endpoint + "?from=2026-02-01&to=2026-02-30", 400, "to");
            refused(endpoint + "?from=01%2F09%2F2026&to=2026-12-31", 400, "from");
            refused(endpoint + "?from=2026-09-01T00:00:00Z&to=2026-12-31", 400, "from");
        }
    }

    @Test
    void aReversedRangeNamesTo() {
        for (String endpoint : ENDPOINTS) {
            refused(endpoint + "?from=2026-09-01&to=2026-08-31", 422, "to");
        }
        assertThat(ask("/reports/days?from=2026-09-01&to=2026-09-01").status())
                .as("one day is a range")
                .isEqualTo(200);
    }

    @Test
    void aRangeOfMoreThanFiveYearsNamesTo() {
        refused("/reports/credits?from=2021-09-01&to=2026-09-01", 422, "to");
        assertThat(ask("/reports/credits?from=2021-09-01&to=2026-08-31").status())
                .isEqualTo(200);
    }

    @Test
    void datesOutOfRangeAreNamed() {
        refused("/reports/days?from=1999-12-31&to=2000-01-31", 422, "from");
        refused("/reports/days?from=2999-01-01&to=3000-01-01", 422, "to");
        refused("/reports/days?from=%2B10000-01-01&to=2026-01-01", 422, "from");
        refused("/reports/days?from=-0001-01-01&to=2026-01-01", 422, "from");
    }

    @Test
    void malformedAreasAreNamed() {
        for (String area : List.of("<script>", "888 OR 1=1", "a".repeat(65), "", "8/8")) {
            refused(
                    "/reports/days?from=2026-09-01&to=2026-11-30&area="
                            + URLEncoder.encode(area, StandardCharsets.UTF_8),
                    422,
                    "area");
        }
    }

    @Test
    void unknownOptionsAreNamed() {
        refused("/reports/days?from=2026-09-01&to=2026-11-30&level=SIDEWAYS", 400, "level");
        refused("/reports/providers?from=2026-09-01&to=2026-11-30&by=COLOUR", 400, "by");
        refused("/reports/impact?from=2026-09-01&to=2026-11-30&by=SCHOOL", 400, "by");
        Api.Reply lower = ask("/reports/days?from=2026-09-01&to=2026-11-30&level=top");
        assertThat(lower.status()).as("options are read whatever their case").isEqualTo(200);
        assertThat(lower.map()).containsEntry("options", java.util.Map.of("level", "top"));
    }

    @Test
    void waitingThresholdsOutOfRangeAreNamed() {
        refused("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=0", 422, "waitingDays");
        refused("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=3651", 422, "waitingDays");
        refused("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=-5", 422, "waitingDays");
        refused("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=two", 400, "waitingDays");
        refused("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=99999999999", 400, "waitingDays");
        refused("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=1.5", 400, "waitingDays");
        assertThat(ask("/reports/waiting?from=2026-09-01&to=2026-11-30&waitingDays=3650")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void severalBadParametersAreNamedTogether() {
        Api.Reply reply = ask("/reports/waiting?from=1990-01-01&to=2026-11-30&waitingDays=0&area=%3C%3E");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.problemFields()).containsExactlyInAnyOrder("area", "from", "waitingDays");
    }

    @Test
    void randomlyDamagedQueriesNeverCauseA5xx() {
        Random random = new Random(20261202);
        String alphabet = "0123456789-:+T Z%&=?/.,;aAzZ<>\"'\\#";
        String[] names = {"from", "to", "area", "level", "by", "waitingDays", "fr%6Fm", ""};
        for (int i = 0; i < 300; i++) {
            StringBuilder query = new StringBuilder();
            for (int p = 0; p < 1 + random.nextInt(5); p++) {
                StringBuilder value = new StringBuilder(random.nextBoolean() ? "2026-09-0" + random.nextInt(10) : "");
                for (int c = random.nextInt(12); c > 0; c--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                query.append(p == 0 ? "" : "&")
                        .append(names[random.nextInt(names.length)])
                        .append('=')
                        .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
            String uri = ENDPOINTS.get(random.nextInt(ENDPOINTS.size())) + "?" + query;
            Api.Reply reply = ask(uri);
            assertThat(reply.status()).as(uri + " " + reply.body()).isBetween(200, 499);
            if (reply.status() >= 400) {
                assertThat(reply.contentType()).as(uri).startsWith("application/problem+json");
                assertThat(reply.problemFields()).as(uri).isNotEmpty();
            }
        }
    }
}
