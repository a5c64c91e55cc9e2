package uk.sse.web.visit;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Ledger;
import uk.sse.web.api.Paths;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.session.Hats;
import uk.sse.web.session.Person;

/** A school of the register and its credits, as the visit's pages read them. */
@Singleton
public class Schools {

    static final String URN = "[0-9]{6,7}";

    private final Api api;
    private final Hats hats;

    public Schools(Api api, Hats hats) {
        this.api = api;
        this.hats = hats;
    }

    /** The school from the register, or "page not found". */
    public Directory.School school(Person person, String urn) {
        if (urn == null || !urn.matches(URN)) {
            throw new PageNotFound("school " + urn);
        }
        ApiReply reply = api.get(person, Paths.of("/schools/", urn).toString());
        if (reply.missing() || reply.refused()) {
            throw new PageNotFound("school " + urn);
        }
        return reply.as(Directory.School.class);
    }

    /**
     * The school's account in the area the person acts in, asked for now and read later: each area keeps its own
     * accounts (decision 0084), so a trust's adviser sees the academy's credits with the trust, not with its LA.
     */
    public CompletableFuture<ApiReply> account(Person person, String urn) {
        return api.getAsync(
                person,
                Paths.of("/accounts/", person.area() == null ? "-" : person.area(), "/", urn)
                        .toString());
    }

    /** The credits as this person may see them, in the area they act in, named: known, no account there, or not theirs to see. */
    public VisitPages.Credits credits(Person person, ApiReply account) {
        if (person.area() == null || !account.ok() && !account.missing()) {
            return new VisitPages.Credits.NotShown();
        }
        String area = hats.areaName(person.area());
        if (account.missing()) {
            return new VisitPages.Credits.NoAccount(area);
        }
        Ledger.Account a = account.as(Ledger.Account.class);
        return new VisitPages.Credits.Known(area, a.balance(), a.available(), a.balance() - a.available());
    }
}
