package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.sse.kernel.identity.Role;
import uk.sse.local.LocalSystem;

/**
 * What other people do meanwhile, through the same public APIs the web calls: the broker proposes and follows delivery
 * (in the journeys of others), a provider answers, a colleague edits an offer.
 */
final class Others {

    private final LocalSystem stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;

    Others(LocalSystem stack) {
        this.stack = stack;
        this.json = stack.context().getBean(JsonMapper.class);
    }

    String area() {
        return stack.demo().demoArea();
    }

    /** An adviser raises a request for the school; its id. */
    String raise(String urn, String need, String area, int days, long credits) {
        return raise(urn, need, area, days, credits, "HIGH", LocalDate.now().plusWeeks(8), List.of());
    }

    /** An adviser raises a request for the school, as urgent as said, wanted by then, with the offers they liked; its id. */
    String raise(
            String urn,
            String need,
            String area,
            int days,
            long credits,
            String urgency,
            LocalDate wantedBy,
            List<String> liked) {
        Map<String, Object> body = Map.of(
                "urn",
                urn,
                "areasOfSupport",
                List.of(area),
                "need",
                need,
                "urgency",
                urgency,
                "daysWanted",
                days,
                "deliveryModes",
                List.of("IN_SCHOOL"),
                "wantedBy",
                wantedBy.toString(),
                "credits",
                credits,
                "likedOffers",
                liked);
        return (String) send(
                        "POST",
                        "/requests",
                        stack.token(Role.ADVISER),
                        body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        201)
                .get("id");
    }

    Map<String, Object> request(String id) {
        return send("GET", "/requests/" + id, stack.token(Role.BROKER), null, Map.of(), 200);
    }

    long version(String requestId) {
        return ((Number) request(requestId).get("version")).longValue();
    }

    void propose(String requestId, String offerId, int days, long credits) {
        send(
                "POST",
                "/requests/" + requestId + "/proposals",
                stack.token(Role.BROKER),
                Map.of(
                        "version",
                        version(requestId),
                        "offers",
                        List.of(Map.of("offerId", offerId, "days", days, "credits", credits))),
                Map.of(),
                200);
    }

    void accept(String requestId, String providerId) {
        send(
                "POST",
                "/requests/" + requestId + "/proposals/P1/accept",
                stack.token(Role.PROVIDER, providerId),
                Map.of("version", version(requestId)),
                Map.of(),
                200);
    }

    /** The school agrees the proposal (its credits are held). */
    void agree(String requestId, String proposalId, String urn) {
        send(
                "POST",
                "/requests/" + requestId + "/proposals/" + proposalId + "/agree",
                stack.token(Role.PROVIDER, urn),
                Map.of("version", version(requestId)),
                Map.of(),
                200);
    }

    void startAndComplete(String requestId, int days) {
        send(
                "POST",
                "/requests/" + requestId + "/start",
                stack.token(Role.BROKER),
                Map.of("version", version(requestId)),
                Map.of(),
                200);
        send(
                "POST",
                "/requests/" + requestId + "/complete",
                stack.token(Role.BROKER),
                Map.of("version", version(requestId), "daysDelivered", days),
                Map.of(),
                200);
    }

    /** An approved offer of the provider in the demo area, visible to advisers: its id. */
    @SuppressWarnings("unchecked")
    String approvedOfferOf(String providerId) {
        Map<String, Object> page = send(
                "GET",
                "/offers?providerId=" + providerId + "&limit=100",
                stack.token(Role.PROVIDER, providerId),
                null,
                Map.of(),
                200);
        return ((List<Map<String, Object>>) page.get("items"))
                .stream()
                        .filter(o -> "APPROVED".equals(o.get("status"))
                                && o.get("reviewDate") != null
                                && !LocalDate.parse((String) o.get("reviewDate"))
                                        .isBefore(LocalDate.now()))
                        .map(o -> (String) o.get("id"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(providerId + " has no approved offer"));
    }

    Map<String, Object> offer(String offerId, String providerId) {
        return send("GET", "/offers/" + offerId, stack.token(Role.PROVIDER, providerId), null, Map.of(), 200);
    }

    /** A colleague at the provider changes the offer's title: the version moves on. */
    @SuppressWarnings("unchecked")
    void colleagueRetitles(String offerId, String providerId, String title) {
        Map<String, Object> offer = offer(offerId, providerId);
        Map<String, Object> content = new java.util.HashMap<>((Map<String, Object>) offer.get("content"));
        content.put("title", title);
        content.values().removeIf(java.util.Objects::isNull);
        send(
                "PUT",
                "/offers/" + offerId,
                stack.token(Role.PROVIDER, providerId),
                content,
                Map.of("If-Match", "\"v" + offer.get("version") + "\""),
                200);
    }

    /** The provider drafts a new offer like {@code likeOffer}, titled {@code title}, and submits it for assurance: its id. */
    @SuppressWarnings("unchecked")
    String submitNewOffer(String likeOffer, String providerId, String title) {
        Map<String, Object> content = new java.util.HashMap<>(
                (Map<String, Object>) offer(likeOffer, providerId).get("content"));
        content.put("title", title);
        content.values().removeIf(java.util.Objects::isNull);
        String id = (String) send(
                        "POST",
                        "/offers",
                        stack.token(Role.PROVIDER, providerId),
                        content,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        201)
                .get("id");
        send(
                "POST",
                "/offers/" + id + "/assurance",
                stack.token(Role.PROVIDER, providerId),
                Map.of("action", "SUBMIT"),
                Map.of(),
                200);
        return id;
    }

    /** Credits a school's account holds now (available to spend). */
    long available(String urn) {
        return ((Number) send(
                                "GET",
                                "/accounts/" + area() + "/" + urn,
                                stack.token(Role.PROVIDER, urn),
                                null,
                                Map.of(),
                                200)
                        .get("available"))
                .longValue();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requestsRaisedBy(Role role) {
        Map<String, Object> page =
                send("GET", "/requests?listing=area&mine=true&limit=100", stack.token(role), null, Map.of(), 200);
        return (List<Map<String, Object>>) page.get("items");
    }

    Map<String, Object> send(
            String method, String path, String token, Object body, Map<String, String> headers, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            headers.forEach(request::header);
            HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode())
                    .as(method + " " + path + ": " + reply.body())
                    .isEqualTo(expected);
            return json.readValue(reply.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
