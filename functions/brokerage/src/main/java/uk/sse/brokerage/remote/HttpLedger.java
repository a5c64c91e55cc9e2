package uk.sse.brokerage.remote;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.application.Ledger;
import uk.sse.brokerage.application.Lookup;
import uk.sse.brokerage.model.LedgerEffect;
import uk.sse.kernel.identity.Caller;

/**
 * The ledger over its HTTP API, as the brokerage service. A hold is a pending PAYMENT with a timeout, named by its hold
 * id ({@code POST /transfers}); posting, voiding and extending name it too ({@code POST /transfers/{id}/post},
 * {@code /void}, {@code /extend}). The ledger answers a repeat as the first time, so each call here may be made again
 * after a crash. Reconciliation reads a hold ({@code GET /transfers/{id}}) and the pending ones ({@code GET /holds}).
 */
@Singleton
public class HttpLedger implements Ledger {

    private final JsonOverHttp http;
    private final URI base;
    private final Duration holdTimeout;

    public HttpLedger(JsonOverHttp http, BrokerageSettings settings) {
        this.http = http;
        this.base = settings.ledgerUrl();
        this.holdTimeout = settings.holdTimeout();
    }

    @Override
    public Answer carry(Caller actingFor, LedgerEffect effect) {
        return switch (effect) {
            case LedgerEffect.PlaceHold hold ->
                placed(http.post(base.resolve("/transfers"), actingFor, holdBody(hold)));
            case LedgerEffect.PostHold post ->
                answer(
                        http.post(transfer(post.transferId(), "post"), actingFor, Map.of("amount", post.amount())),
                        false);
            case LedgerEffect.VoidHold v -> answer(http.post(transfer(v.transferId(), "void"), actingFor, null), false);
            case LedgerEffect.VoidStrayHold v ->
                answer(http.post(transfer(v.transferId(), "void"), actingFor, null), true);
            case LedgerEffect.ExtendHold x ->
                answer(
                        http.post(
                                transfer(x.transferId(), "extend"),
                                actingFor,
                                Map.of("timeoutSeconds", holdTimeout.toSeconds())),
                        false);
        };
    }

    @Override
    public Lookup<Hold> hold(String transferId) {
        JsonOverHttp.Reply reply = http.get(base.resolve("/transfers/" + encode(transferId)), null);
        if (!reply.answered()) {
            return new Lookup.Unavailable<>(reply.status() == 0 ? reply.failure() : "status " + reply.status());
        }
        return reply.ok() ? new Lookup.Found<>(hold(reply.body())) : new Lookup.Missing<>();
    }

    @Override
    public Lookup<Holds> pendingHolds(String cursor) {
        JsonOverHttp.Reply reply =
                http.get(base.resolve("/holds?limit=100" + (cursor == null ? "" : "&cursor=" + encode(cursor))), null);
        if (!reply.answered() || !reply.ok()) {
            return new Lookup.Unavailable<>(reply.answered() ? reply.status() + " " + reply.detail() : reply.failure());
        }
        List<Hold> holds = new ArrayList<>();
        if (reply.body().get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) m;
                    holds.add(hold(fields));
                }
            }
        }
        return new Lookup.Found<>(new Holds(holds, reply.body().get("next") instanceof String next ? next : null));
    }

    private Map<String, Object> holdBody(LedgerEffect.PlaceHold hold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", hold.transferId());
        body.put("debit", hold.schoolAccount());
        body.put("credit", hold.providerAccount());
        body.put("amount", hold.credits());
        body.put("kind", "PAYMENT");
        body.put("pending", true);
        body.put("timeoutSeconds", holdTimeout.toSeconds());
        body.put("reference", hold.reference());
        return body;
    }

    /** A hold is placed only if the ledger holds it now: one released meanwhile (by reconciliation) is no agreement's. */
    private static Answer placed(JsonOverHttp.Reply reply) {
        Answer answer = answer(reply, false);
        if (answer instanceof Answer.Done && !"PENDING".equals(reply.body().get("state"))) {
            return new Answer.Refused(
                    "hold-released",
                    "the hold of an earlier try at this agreement was released ("
                            + reply.body().get("state") + "); read the request again and agree anew");
        }
        return answer;
    }

    /** For a stray hold, "there is no such transfer" is the outcome wanted: the interrupted agreement never placed it. */
    private static Answer answer(JsonOverHttp.Reply reply, boolean absentIsDone) {
        if (!reply.answered()) {
            return new Answer.Unavailable(reply.status() == 0 ? reply.failure() : "status " + reply.status());
        }
        if (reply.ok() || absentIsDone && reply.status() == 404) {
            return new Answer.Done();
        }
        return new Answer.Refused(
                reply.problemCode().isEmpty() ? "status-" + reply.status() : reply.problemCode(), reply.detail());
    }

    private static Hold hold(Map<String, Object> body) {
        return new Hold(
                text(body, "id"),
                text(body, "state"),
                number(body, "amount"),
                number(body, "postedAmount"),
                instant(body, "createdAt"),
                instant(body, "timeout"));
    }

    private static String text(Map<String, Object> body, String field) {
        return body.get(field) instanceof String s ? s : null;
    }

    private static long number(Map<String, Object> body, String field) {
        return body.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Map<String, Object> body, String field) {
        return body.get(field) instanceof String s ? Instant.parse(s) : null;
    }

    private URI transfer(String id, String action) {
        return base.resolve("/transfers/" + encode(id) + "/" + action);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
