package uk.sse.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import uk.sse.kernel.identity.Role;

/** {@code ./run}: starts the {@link LocalSystem}, prints how to use it, and stays up until Ctrl-C. */
public final class LocalRun {

    private LocalRun() {}

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        LocalSystem stack = LocalSystem.start(args, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "sse-local-stop"));
        System.out.println(banner(stack, Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
    }

    static String banner(LocalSystem stack, Duration took) {
        String url = stack.url();
        String area = stack.demo().demoArea();
        StringBuilder text = new StringBuilder(
                "\n=== School Support Exchange is running (ready in %.1f s) ===\n".formatted(took.toMillis() / 1000.0));
        text.append("Web         ")
                .append(stack.webUrl())
                .append("  (sign in as any demo person: adviser, schools, providers...)\n");
        text.append("API         ").append(url).append('\n');
        text.append("Swagger UI  ").append(url).append("/swagger-ui/\n");
        text.append("Register    ")
                .append(stack.register().created()
                        + stack.register().updated()
                        + stack.register().unchanged())
                .append(" schools from the GIAS sample\n");
        text.append("Directory   ")
                .append(stack.demo().providers().size())
                .append(" providers, ")
                .append(stack.demo().offers().size())
                .append(" offers; demo area ")
                .append(area)
                .append('\n');
        text.append("Ledger      ")
                .append(stack.credits().accounts())
                .append(" accounts, ")
                .append(stack.credits().allocated())
                .append(" credits allocated, ")
                .append(stack.credits().transfers())
                .append(" transfers in area ")
                .append(area)
                .append('\n');
        text.append("Brokerage   ")
                .append(stack.brokerage().requests())
                .append(" requests ")
                .append(stack.brokerage().byStatus())
                .append(" in area ")
                .append(area)
                .append('\n');
        text.append("Webhooks    ")
                .append(stack.receiverUrl())
                .append(" shows the demo area's notifications as they arrive, signatures checked\n");
        text.append("Emails      ")
                .append(stack.emailsUrl())
                .append(" lists the emails sent to the local GOV.UK Notify stand-in (also logged)\n");
        text.append("Engines     DynamoDB Local (in process), OpenSearch ")
                .append(stack.openSearch().endpoint())
                .append(", PostgreSQL ")
                .append(stack.postgres().jdbcUrl())
                .append('\n');
        text.append("Reporting   ")
                .append(url)
                .append("/reports/... (COMMISSIONER or ADMIN token), fed by the ledger's and")
                .append(" directory's streams; e.g. /reports/credits?from=")
                .append(java.time.LocalDate.now().withDayOfMonth(1))
                .append("&to=")
                .append(java.time.LocalDate.now())
                .append('\n');
        text.append("\nDemo bearer tokens for area ").append(area).append(" (valid 12 hours):\n");
        for (Role role : Role.values()) {
            text.append('\n')
                    .append(role)
                    .append(role == Role.PROVIDER ? " of school " + stack.demoSchool() : "")
                    .append(":\n")
                    .append(stack.token(role))
                    .append('\n');
        }
        text.append("\nTry:\n  TOKEN=<the ADVISER token>\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" '")
                .append(url)
                .append("/offers?area=")
                .append(area)
                .append("'\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(url)
                .append("/schools/")
                .append(stack.demoSchool())
                .append('\n')
                .append("  TOKEN=<the BROKER token>     # the broker's queue, most urgent first\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(url)
                .append("/requests\n")
                .append("  TOKEN=<the PROVIDER token>   # the school's own credits and statement\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(url)
                .append("/accounts/")
                .append(area)
                .append('/')
                .append(stack.demoSchool())
                .append("/entries\n")
                .append(
                        "  TOKEN=<the REGISTRAR token>  # the register as a job: ask for an upload, PUT the GIAS file, follow the job\n")
                .append(
                        "  curl -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"scope\":\"WHOLE\"}' ")
                .append(url)
                .append("/schools/imports\n")
                .append("  curl -T edubasealldata.csv '<upload.url>'; curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(url)
                .append("/schools/imports/<job.id>\n")
                .append("  # the postcode directory the same way: POST ")
                .append(url)
                .append(
                        "/postcodes/imports, then PUT codepo_gb.zip (or a Code-Point Open CSV, .gz) to its upload.url\n")
                .append("Press Ctrl-C to stop.\n");
        return text.toString();
    }
}
