package uk.sse.reporting.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.snapstart.SnapStartHooks;
import uk.sse.reporting.scenario.Scenario;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.LocalSecretsManager;
import uk.sse.testing.Polling;

/**
 * The database password rotates under a running reporting function. The function's user is a PostgreSQL role whose
 * password is checked, its credentials in a secret of a local Secrets Manager (the real SDK client, over HTTP). While a
 * commissioner's reports are asked for again and again through the Lambda handler, the role's password is changed and
 * the secret's value with it, and the role's connections are ended (as their lifetime would end them): new connections
 * are refused the old password, the function reads the secret again, and every answer is a 200. A SnapStart restore makes
 * it read the secret again too.
 */
@MicronautTest(environments = "test")
class SecretRotationTest extends ReportingLambdaTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:sse-reporting-db-rot";
    static final String INSTANCE_ARN = ARN + "-instance";
    static final String ROLE = "sse_rot_" + UUID.randomUUID().toString().substring(0, 8);

    final LocalSecretsManager secrets = LocalSecretsManager.start();
    LambdaInstance lambda;
    Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            try {
                PasswordLogins.create(ROLE, "first-password");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            secrets.put(ARN, credentials("first-password"));
            Map<String, String> p = new HashMap<>(super.getProperties());
            p.remove("datasources.default.username");
            p.remove("datasources.default.password");
            p.put("sse.reporting.db-secret-arn", ARN);
            p.put("sse.reporting.secrets-endpoint", secrets.endpoint());
            properties = p;
        }
        return properties;
    }

    @Test
    void reportsKeepBeingServedWhileThePasswordRotates() throws Exception {
        assertThat(PasswordLogins.login(ROLE, "not-the-password"))
                .as("the role's password is checked")
                .isEqualTo("28P01");
        String commissioner = commissioner(Scenario.AREA);
        // one warm instance of the reporting API's handler, its secret named for it so that its reads can be counted
        secrets.put(INSTANCE_ARN, credentials("first-password"));
        lambda = LambdaInstance.like(context, Map.of("sse.reporting.db-secret-arn", INSTANCE_ARN));
        assertThat(lambda.get(Scenario.uri("/reports/days"), commissioner).status())
                .isEqualTo(200);
        long started = secrets.reads(INSTANCE_ARN);
        assertThat(started).as("the instance read the secret as it started").isPositive();
        assertThat(lambda.get(Scenario.uri("/reports/days"), commissioner).status())
                .isEqualTo(200);
        assertThat(secrets.reads(INSTANCE_ARN)).as("and kept it").isEqualTo(started);

        List<Integer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean asking = new AtomicBoolean(true);
        ReentrantLock between = new ReentrantLock();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (asking.get()) {
                between.lock(); // connections are ended between requests, never under one
                try {
                    answers.add(lambda.get(Scenario.uri("/reports/days"), commissioner)
                            .status());
                } finally {
                    between.unlock();
                }
                pause(); // a request every 0.6 s: the pool checks a connection idle for over 0.5 s before lending it
            }
        });
        try {
            Polling.until(answers::size, n -> n >= 3, Duration.ofSeconds(30));
            PasswordLogins.setPassword(ROLE, "second-password");
            assertThat(PasswordLogins.login(ROLE, "first-password"))
                    .as("the old password no longer opens")
                    .isEqualTo("28P01");
            secrets.put(ARN, credentials("second-password"));
            secrets.put(INSTANCE_ARN, credentials("second-password"));
            int rotated = answers.size();
            disconnect(between); // the connections opened with the old password end (as their lifetime would end them)
            Polling.until(answers::size, n -> n >= rotated + 5, Duration.ofSeconds(60));
            long afterRotation = secrets.reads(INSTANCE_ARN);
            assertThat(afterRotation)
                    .as("read again, once, when the database refused the old password")
                    .isEqualTo(started + 1);

            // a restored snapshot reads the secret before its next connection
            lambda.context().getBean(SnapStartHooks.class).afterRestore(null);
            disconnect(between);
            int restored = answers.size();
            Polling.until(answers::size, n -> n >= restored + 5, Duration.ofSeconds(60));
            assertThat(secrets.reads(INSTANCE_ARN)).isEqualTo(afterRotation + 1);
        } finally {
            asking.set(false);
            reader.join(Duration.ofSeconds(30));
        }
        assertThat(answers).hasSizeGreaterThan(12).containsOnly(200);
    }

    private static void disconnect(ReentrantLock between) throws Exception {
        between.lock();
        try {
            PasswordLogins.disconnect(ROLE);
        } finally {
            between.unlock();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String credentials(String password) {
        return "{\"username\":\"" + ROLE + "\",\"password\":\"" + password
                + "\",\"engine\":\"postgres\",\"port\":5432}";
    }

    @AfterAll
    void stopSecrets() {
        if (lambda != null) {
            lambda.close();
        }
        secrets.close();
    }
}
