package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.sse.infra.constructs.RegisterImports;

/**
 * The register's imports: a private, encrypted bucket that forgets its files; a file's arrival invokes the import
 * function; the daily fetch on a schedule; each function reaching only the part of the bucket its job needs; alarms.
 */
class RegisterImportsTest {

    static final String IMPORT = "register-import";
    static final String FETCH = "register-fetch";

    private static String bucketId(Synthesised s) {
        assertThat(s.ofType("AWS::S3::Bucket")).hasSize(1);
        return s.ofType("AWS::S3::Bucket").keySet().iterator().next();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_bucket_is_encrypted_private_tls_only_and_forgets_its_files() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> bucket =
                    s.ofType("AWS::S3::Bucket").values().iterator().next();
            assertThat(bucket.get("BucketEncryption").toString()).contains("AES256");
            assertThat((Map<String, Object>) bucket.get("PublicAccessBlockConfiguration"))
                    .containsEntry("BlockPublicAcls", true)
                    .containsEntry("BlockPublicPolicy", true)
                    .containsEntry("IgnorePublicAcls", true)
                    .containsEntry("RestrictPublicBuckets", true);
            Map<String, Object> rule = ((List<Map<String, Object>>)
                            ((Map<String, Object>) bucket.get("LifecycleConfiguration")).get("Rules"))
                    .get(0);
            assertThat(rule)
                    .containsEntry("ExpirationInDays", RegisterImports.KEPT_DAYS)
                    .containsEntry("Status", "Enabled");
            assertThat(bucket.get("CorsConfiguration").toString())
                    .contains("PUT")
                    .contains(s.stage.webOrigins().get(0));
            String policy =
                    s.ofType("AWS::S3::BucketPolicy").values().iterator().next().toString();
            assertThat(policy).contains("aws:SecureTransport").contains("Deny");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_file_arriving_under_uploads_or_scheduled_invokes_the_import_functions_alias() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> notifications = s.ofType("Custom::S3BucketNotifications")
                    .values()
                    .iterator()
                    .next();
            List<Map<String, Object>> configs =
                    (List<Map<String, Object>>) ((Map<String, Object>) notifications.get("NotificationConfiguration"))
                            .get("LambdaFunctionConfigurations");
            assertThat(configs).hasSize(2).allSatisfy(c -> {
                assertThat(c.get("Events")).isEqualTo(List.of("s3:ObjectCreated:*"));
                assertThat(Synthesised.mentions(c.get("LambdaFunctionArn"), s.aliasId(IMPORT)))
                        .isTrue();
            });
            assertThat(configs.toString()).contains("uploads/").contains("scheduled/");
            Map<String, Object> asyncConfig = s.ofType("AWS::Lambda::EventInvokeConfig")
                    .values()
                    .iterator()
                    .next();
            assertThat(asyncConfig).containsEntry("MaximumRetryAttempts", 2);
            assertThat(asyncConfig.get("DestinationConfig").toString()).contains("OnFailure");
            Map<String, Object> fn = s.function(IMPORT);
            assertThat(fn.get("Timeout")).isEqualTo(900);
            assertThat(fn.get("EphemeralStorage")).isEqualTo(Map.of("Size", RegisterImports.DISK_MB));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_daily_fetch_runs_every_morning_in_englands_time_as_the_service_itself() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> schedule = s.ofType("AWS::Scheduler::Schedule").values().stream()
                    .filter(v -> v.get("Name").toString().contains("register-daily-fetch"))
                    .findFirst()
                    .orElseThrow();
            assertThat(schedule)
                    .containsEntry("ScheduleExpression", "cron(30 6 * * ? *)")
                    .containsEntry("ScheduleExpressionTimezone", "Europe/London");
            assertThat(Synthesised.mentions(
                            ((Map<String, Object>) schedule.get("Target")).get("Arn"), s.aliasId(FETCH)))
                    .isTrue();
            assertThat(s.environment(FETCH)).containsEntry("SSE_IMPORTS_DAILY_URL", RegisterImports.GIAS_DAILY_URL);
            for (String fn : List.of("directory-api", IMPORT, FETCH)) {
                assertThat(s.environment(fn).get("SSE_IMPORTS_BUCKET").toString())
                        .as(fn)
                        .contains(bucketId(s));
            }
        }
    }

    @Test
    void each_function_reaches_only_the_part_of_the_bucket_its_job_needs() {
        for (Synthesised s : Synthesised.both()) {
            String bucket = bucketId(s);
            Map<String, String> expected = Map.of(
                    "directory-api",
                    "s3:PutObject uploads/*",
                    IMPORT,
                    "s3:GetObject scheduled/* s3:GetObject uploads/*",
                    FETCH,
                    "s3:PutObject scheduled/*");
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                String reached = s.statementsOf(handler).stream()
                        .filter(st -> Synthesised.mentions(st.get("Resource"), bucket))
                        .flatMap(st -> Synthesised.list(st.get("Action")).stream()
                                .filter(a -> a.startsWith("s3:"))
                                .flatMap(a ->
                                        resources(st.get("Resource")).stream().map(r -> a + " " + prefixOf(r))))
                        .sorted()
                        .distinct()
                        .collect(Collectors.joining(" "));
                assertThat(reached).as(handler).isEqualTo(expected.getOrDefault(handler, ""));
            }
        }
    }

    private static List<String> resources(Object resource) {
        return resource instanceof List<?> many
                ? many.stream().map(Object::toString).toList()
                : List.of(resource.toString());
    }

    private static String prefixOf(String resource) {
        return resource.contains("uploads/*")
                ? "uploads/*"
                : resource.contains("scheduled/*") ? "scheduled/*" : "the whole bucket";
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_failed_import_pages_someone() {
        for (Synthesised s : Synthesised.both()) {
            // of either kind of file: the school register and the postcode directory
            assertThat(s.ofType("AWS::CloudWatch::Alarm").values())
                    .filteredOn(a -> "ImportsFailed".equals(a.get("MetricName")))
                    .extracting(a -> a.get("Dimensions").toString())
                    .hasSize(2)
                    .anySatisfy(d -> assertThat(d).contains("schools"))
                    .anySatisfy(d -> assertThat(d).contains("postcodes"));
            assertThat(s.ofType("AWS::CloudWatch::Alarm").values()).anySatisfy(a -> {
                assertThat(a)
                        .containsEntry("Namespace", "SSE/Imports")
                        .containsEntry("MetricName", "ImportsFailed")
                        .containsEntry("Threshold", 1);
                assertThat(a.get("AlarmActions").toString()).contains("Ref");
            });
        }
    }
}
