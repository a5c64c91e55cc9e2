package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

/** Sets up accounts and credits through the API, as their users would, for the tests' scenarios. */
@Singleton
public class Ledgers {

    private final Api api;
    private final Tokens tokens;

    public Ledgers(Api api, Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    public String commissioner(String area) {
        return tokens.bearer(Role.COMMISSIONER, area, "la-" + area);
    }

    public String broker(String area) {
        return tokens.bearer(Role.BROKER, area, "la-" + area);
    }

    public String school(String area, String urn) {
        return tokens.bearer(Role.PROVIDER, area, urn);
    }

    /** Opens the issuing account and the given owners' accounts in an area. */
    public void open(String area, String... owners) {
        open(area, "ISSUING");
        for (String owner : owners) {
            open(area, owner);
        }
    }

    private void open(String area, String owner) {
        Api.Reply reply = api.post("/accounts", commissioner(area), Map.of("area", area, "owner", owner));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    public void allocate(String id, String account, long amount) {
        String area = account.substring(0, account.indexOf('/'));
        Api.Reply reply =
                api.post("/allocations", commissioner(area), Map.of("id", id, "to", account, "amount", amount));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    public static Map<String, Object> transfer(String id, String debit, String credit, long amount, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("debit", debit);
        body.put("credit", credit);
        body.put("amount", amount);
        body.put("kind", kind);
        return body;
    }

    public static Map<String, Object> hold(String id, String debit, String credit, long amount) {
        Map<String, Object> body = transfer(id, debit, credit, amount, "PAYMENT");
        body.put("pending", true);
        return body;
    }

    public long balance(String account, String bearer, String field) {
        Api.Reply reply = api.get("/accounts/" + account, bearer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return ((Number) reply.map().get(field)).longValue();
    }

    public String admin(String area) {
        return tokens.bearer(Role.ADMIN, area, "la-" + area);
    }

    /**
     * Everything a request could have changed in an area: every account as it stands (totals and version) and the
     * invariant check's counts, asserted clean. Equal before and after a request means it wrote nothing.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> state(String area) {
        Api.Reply accounts = api.get("/accounts?area=" + area + "&limit=100", commissioner(area));
        assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
        assertThat(accounts.map().get("next"))
                .as("one page holds the area's accounts")
                .isNull();
        Map<String, Object> check = new LinkedHashMap<>(assertChecksOut(area));
        check.remove("checkedAt");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("accounts", accounts.map().get("items"));
        state.put("check", check);
        return state;
    }

    /** A transfer as whoever may see it reads it; the status when it cannot be read. */
    public Api.Reply transferAsCommissioner(String area, String id) {
        return api.get("/transfers/" + id, commissioner(area));
    }

    /** The area's invariant check, asserted clean. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> assertChecksOut(String area) {
        Api.Reply reply = api.get("/ledger/check?area=" + area, commissioner(area));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat((java.util.List<String>) reply.map().get("violations"))
                .as("violations")
                .isEmpty();
        assertThat(reply.map().get("ok")).isEqualTo(true);
        return reply.map();
    }
}
