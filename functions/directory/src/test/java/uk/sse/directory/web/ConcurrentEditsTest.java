package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/** Several editors holding the same ETag race on real threads: exactly one wins, the rest get 412. */
@MicronautTest(environments = "test")
class ConcurrentEditsTest extends LambdaTest {

    static final String URN = "100005";
    static final int EDITORS = 6;

    String provider;

    @BeforeAll
    void register() {
        provider = fixtures.registeredProvider(URN);
    }

    @RepeatedTest(3)
    void oneWinnerPerVersion() throws Exception {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < EDITORS; i++) {
                var body = Fixtures.offer(null);
                body.put("priceCredits", 10 + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return api.put("/offers/" + id, provider, "\"v1\"", body).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(EDITORS - 1);
        } finally {
            pool.shutdownNow();
        }
        var versions = api.get("/offers/" + id + "/versions", provider);
        assertThat(versions.list()).hasSize(2);
        assertThat(api.get("/offers/" + id, provider).map()).containsEntry("version", 2);
    }
}
