package uk.sse.notifier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.testing.Api;
import uk.sse.testing.NotifyStandIn;

/**
 * Base of the tests that follow notices to email: a stand-in for GOV.UK Notify (checking the JWT its client signs), a
 * template per kind, and people who sign in as the web records them.
 */
public abstract class EmailLambdaTest extends NotifierLambdaTest {

    protected final NotifyStandIn notify = NotifyStandIn.start(JsonMapper.createDefault());
    protected final Map<NoticeKind, String> templates = new LinkedHashMap<>();

    @Override
    protected Map<String, String> extra() {
        Map<String, String> p = new HashMap<>();
        p.put("sse.notifier.email.api-key", notify.apiKey());
        p.put("sse.notifier.email.base-url", notify.baseUrl());
        for (NoticeKind k : NoticeKind.values()) {
            p.put(
                    "sse.notifier.email.templates." + k.apiName(),
                    templates.computeIfAbsent(k, x -> UUID.randomUUID().toString()));
        }
        return p;
    }

    @AfterAll
    void stopNotify() {
        notify.close();
    }

    /** A person signs in: their token (with its email claim) recorded as the web records it. */
    protected String person(String subject, Role role, String area, String org, String email, boolean verified) {
        Map<String, Object> claims =
                TokenClaims.person(tokens.identity(), subject, role, area, org, Duration.ofHours(1));
        claims.put("email", email);
        claims.put("email_verified", verified);
        String bearer = tokens.signed(claims);
        Api.Reply recorded = api.put("/notices/contact", bearer, null, Map.of());
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.map().get("email")).isEqualTo(verified ? email : null);
        return bearer;
    }

    @SuppressWarnings("unchecked")
    protected static List<String> titles(Api.Reply inbox) {
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) inbox.map().get("items"))
                .stream().map(i -> (String) i.get("title")).toList();
    }
}
