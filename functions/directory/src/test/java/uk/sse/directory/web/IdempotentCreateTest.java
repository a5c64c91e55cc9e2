package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/** A provider on a flaky connection retries POST /offers with the same Idempotency-Key: one offer, however many tries. */
@MicronautTest(environments = "test")
class IdempotentCreateTest extends LambdaTest {

    static final String URN = "100008";

    String provider;

    @BeforeAll
    void register() {
        provider = fixtures.registeredProvider(URN);
    }

    private Api.Reply create(String key, Map<String, Object> body, String bearer) {
        return api.send(Api.auth(HttpRequest.POST("/offers", body).header("Idempotency-Key", key), bearer));
    }

    @Test
    void aRetryAnswersWithTheOfferTheFirstTryMade() {
        String key = UUID.randomUUID().toString();
        int before = count();
        var first = create(key, Fixtures.offer(null), provider);
        var retry = create(key, Fixtures.offer(null), provider);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.map().get("id")).isEqualTo(first.map().get("id"));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(create(key, Fixtures.offer(null), provider).status()).isEqualTo(201);
        var other = Fixtures.offer(null);
        other.put("title", "A different offer altogether");
        var refused = create(key, other, provider);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        var mine = create(key, Fixtures.offer(URN), provider);
        var admins = create(key, Fixtures.offer(URN), fixtures.token(Role.ADMIN, AREA, null));
        assertThat(admins.status()).isEqualTo(201);
        assertThat(admins.map().get("id")).isNotEqualTo(mine.map().get("id"));
    }

    @Test
    void aBadKeyIsRefused() {
        var refused = create("has spaces in it", Fixtures.offer(null), provider);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void concurrentRetriesMakeOneOffer() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = count();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return create(key, Fixtures.offer(null), provider);
                }));
            }
            go.countDown();
            Set<Object> ids = new HashSet<>();
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(201);
                ids.add(reply.get().map().get("id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(before + 1);
    }

    @SuppressWarnings("unchecked")
    private int count() {
        var reply = api.get("/offers?providerId=" + URN + "&limit=100", provider);
        assertThat(reply.map().get("next")).isNull();
        return ((List<Object>) reply.map().get("items")).size();
    }
}
