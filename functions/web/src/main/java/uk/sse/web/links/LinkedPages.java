package uk.sse.web.links;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.net.URI;
import java.util.List;
import uk.sse.kernel.web.PagePaths;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Paths;
import uk.sse.web.offers.OfferPages;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * The pages other functions link to that no journey of this release reaches first: an offer (the notifier's offer
 * messages) A request's page is the requests' own; a webhook subscription's (its "disabled" message) is the admin's
 * (admin/WebhooksController).
 */
@Controller
@WebPages
public class LinkedPages {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final Pages pages;
    private final Api api;

    public LinkedPages(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get(PagePaths.OFFERS + "/{id}")
    public HttpResponse<?> offer(HttpRequest<?> request, Person person, @PathVariable String id) {
        ApiReply reply =
                id.matches(ID) ? api.get(person, Paths.of("/offers/", id).toString()) : null;
        if (reply == null || !reply.ok()) {
            throw new PageNotFound("offer " + id);
        }
        Directory.Offer o = reply.as(Directory.Offer.class);
        if (o.providerId().equals(person.organisation())) {
            return HttpResponse.seeOther(URI.create("/your-offers/" + Paths.encode(id)));
        }
        var c = o.content();
        return pages.ok(
                request,
                "offers/public",
                c.title(),
                new OfferPages.PublicOffer(
                        o,
                        Labels.offerStatus(o.status(), o.reviewDate()),
                        Labels.areas(c.areasOfSupport()),
                        Labels.phases(c.phases()),
                        Labels.deliveryModes(c.deliveryModes()),
                        o.designations() == null
                                ? List.of()
                                : o.designations().stream()
                                        .map(Labels::designation)
                                        .toList(),
                        Labels.providerType(o.providerType()),
                        c.capacityDaysPerTerm() == null
                                ? ""
                                : c.capacityDaysPerTerm().stripTrailingZeros().toPlainString() + " days a term",
                        Labels.credits(c.priceCredits()),
                        "APPROVED".equals(o.status()) ? Labels.day(o.reviewDate()) : ""));
    }
}
