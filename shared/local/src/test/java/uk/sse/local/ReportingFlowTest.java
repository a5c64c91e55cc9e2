package uk.sse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;

/**
 * What {@code ./run} reports: the demo area's credits, made through the ledger at start-up, reach the reporting read
 * model through the ledger table's stream and are answered on the shared port, as JSON and as CSV.
 */
class ReportingFlowTest {

    static LocalSystem stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static String period() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        return "from=" + today.minusYears(1) + "&to=" + today;
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + path))
                        .header("Authorization", "Bearer " + stack.token(Role.COMMISSIONER))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> total(String report) throws Exception {
        HttpResponse<String> reply = get("/reports/" + report + "?" + period(), "application/json");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return (Map<String, Object>) stack.context()
                .getBean(JsonMapper.class)
                .readValue(reply.body(), Argument.mapOf(String.class, Object.class))
                .get("total");
    }

    @Test
    void theDemoAreasAllocationsAreReported() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> credits = total("credits");
        while (((Number) credits.get("allocated")).longValue() < stack.credits().allocated()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            credits = total("credits");
        }
        assertThat(((Number) credits.get("allocated")).longValue())
                .isEqualTo(stack.credits().allocated());
        Map<String, Object> balances = total("balances");
        assertThat(((Number) balances.get("balance")).longValue())
                .as("every allocated credit is in an account")
                .isEqualTo(stack.credits().allocated());
        HttpResponse<String> csv = get("/reports/balances?" + period(), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("account,owner,name,kind,creditsIn,creditsOut,balance,held");
        assertThat(lines.getLast())
                .startsWith("TOTAL,,,,")
                .contains("," + stack.credits().allocated() + ",");
    }

    /** The demo brokerage, raised through the brokerage function, reaches the read model through its table's stream. */
    @Test
    void theDemoBrokerageIsInTheServiceLevels() throws Exception {
        Map<String, Integer> demo = stack.brokerage().byStatus();
        long agreed = demo.getOrDefault("AGREED", 0) + demo.getOrDefault("EVALUATED", 0);
        long completed = demo.getOrDefault("EVALUATED", 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> levels = total("service-levels");
        while ((((Number) levels.get("raised")).longValue() < stack.brokerage().requests()
                        || ((Number) levels.get("completed")).longValue() < completed)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            levels = total("service-levels");
        }
        assertThat(((Number) levels.get("raised")).longValue())
                .as(levels.toString())
                .isEqualTo(stack.brokerage().requests());
        assertThat(((Number) levels.get("agreed")).longValue())
                .as(levels.toString())
                .isEqualTo(agreed);
        assertThat(((Number) levels.get("completed")).longValue())
                .as(levels.toString())
                .isEqualTo(completed);
        assertThat(((Number) total("schools").get("schools")).longValue())
                .as("schools supported")
                .isEqualTo(agreed);
    }

    @Test
    void theReportingApiIsListedInTheSwaggerUi() throws Exception {
        HttpResponse<String> description = http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + "/swagger/reporting.yml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("/reports/days:");
    }
}
