package uk.sse.brokerage.remote;

import jakarta.inject.Singleton;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.application.Ledger;
import uk.sse.brokerage.model.LedgerEffect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger over its HTTP API. A hold is a pending PAYMENT named by the engagement id ({@code POST /transfers});
 * posting and voiding name it too ({@code POST /transfers/{id}/post}, {@code /void}). The ledger answers a repeat
 * as the first time, so each call here may be made again after a crash.
 */
@Singleton
public class HttpLedger implements Ledger {

    private final JsonOverHttp http;
    private final URI base;

    public HttpLedger(JsonOverHttp http, BrokerageSettings settings) {
        this.http = http;
        this.base = settings.ledgerUrl();
    }

    @Override
    public Answer carry(String bearer, LedgerEffect effect) {
        return switch (effect) {
            case LedgerEffect.PlaceHold hold -> answer(http.post(base.resolve("/transfers"), bearer, holdBody(hold)), false);
            case LedgerEffect.PostHold post -> answer(http.post(transfer(post.transferId(), "post"), bearer, Map.of("amount", post.amount())), false);
            case LedgerEffect.VoidHold v -> answer(http.post(transfer(v.transferId(), "void"), bearer, null), false);
            case LedgerEffect.VoidStrayHold v -> answer(http.post(transfer(v.transferId(), "void"), bearer, null), true);
        };
    }

    private static Map<String, Object> holdBody(LedgerEffect.PlaceHold hold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", hold.transferId());
        body.put("debit", hold.schoolAccount());
        body.put("credit", hold.providerAccount());
        body.put("amount", hold.credits());
        body.put("kind", "PAYMENT");
        body.put("pending", true);
        body.put("reference", hold.reference());
        return body;
    }

    /** For a stray hold, "there is no such transfer" is the outcome wanted: the interrupted agreement never placed it. */
    private static Answer answer(JsonOverHttp.Reply reply, boolean absentIsDone) {
        if (!reply.answered()) {
            return new Answer.Unavailable(reply.status() == 0 ? reply.failure() : "status " + reply.status());
        }
        if (reply.ok() || absentIsDone && reply.status() == 404) {
            return new Answer.Done();
        }
        return new Answer.Refused(reply.problemCode().isEmpty() ? "status-" + reply.status() : reply.problemCode(), reply.detail());
    }

    private URI transfer(String id, String action) {
        return base.resolve("/transfers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + action);
    }
}
