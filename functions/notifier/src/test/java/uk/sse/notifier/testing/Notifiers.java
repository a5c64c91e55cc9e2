package uk.sse.notifier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

/** Subscriptions made and read through the API, as brokers and admins would. */
public final class Notifiers {

    private final Api api;
    private final Tokens tokens;

    public Notifiers(Api api, Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    public String broker(String area) {
        return tokens.bearer(Role.BROKER, area, "la-" + area);
    }

    public String admin(String area) {
        return tokens.bearer(Role.ADMIN, area, "la-" + area);
    }

    public static Map<String, Object> body(String url, String format, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("format", format);
        return body;
    }

    /** A made subscription: its id and its secret (shown once). */
    public record Made(String id, String secret, Map<String, Object> subscription) {}

    @SuppressWarnings("unchecked")
    public Made subscribe(String bearer, Map<String, Object> body) {
        Api.Reply reply = api.post("/subscriptions", bearer, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Map<String, Object> subscription = (Map<String, Object>) reply.map().get("subscription");
        return new Made((String) subscription.get("id"), (String) reply.map().get("secret"), subscription);
    }

    public Made subscribe(String area, String url, String format, List<String> types) {
        return subscribe(broker(area), body(url, format, types));
    }

    public Map<String, Object> subscription(String area, String id) {
        Api.Reply reply = api.get("/subscriptions/" + id, broker(area));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> deliveries(String area, String id) {
        Api.Reply reply = api.get("/subscriptions/" + id + "/deliveries?limit=100", broker(area));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.map().get("items");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> delivery(String area, String id, String deliveryId) {
        Api.Reply reply = api.get("/subscriptions/" + id + "/deliveries/" + deliveryId, broker(area));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> attempts(Map<String, Object> traced) {
        return (List<Map<String, Object>>) traced.get("attempts");
    }
}
