package uk.sse.web.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.kernel.identity.Membership;
import uk.sse.web.WebPages;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;

/**
 * A person of several memberships chooses the one they act in (their hat, decision 0080): kept in their session, sent
 * to every API as the {@code Membership} header, and shown in the page's header. Only memberships their token carries
 * can be chosen; a person of one has nothing to choose.
 */
@Controller("/hat")
@WebPages
public class HatController {

    /** The choice: each membership by its names, the one worn chosen. */
    public record HatPage(List<Choice> choices, Errors errors) {}

    private final Pages pages;
    private final Hats hats;
    private final SessionCookies cookies;

    public HatController(Pages pages, Hats hats, SessionCookies cookies) {
        this.pages = pages;
        this.hats = hats;
        this.cookies = cookies;
    }

    @Get
    public HttpResponse<?> choose(HttpRequest<?> request, Person person) {
        return pages.ok(request, "home/hat", "Change role", page(person, Errors.none()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> wear(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        page(person, Errors.none());
        Optional<Membership> chosen =
                Membership.parse(Form.ofBody(body).text("membership")).filter(person.memberships()::contains);
        Optional<Session> session = cookies.read(request);
        if (chosen.isEmpty() || session.isEmpty()) {
            return pages.invalid(
                    request,
                    "home/hat",
                    "Change role",
                    page(person, Errors.none().add("membership", "Choose the role you are acting in")));
        }
        return HttpResponse.seeOther(URI.create("/"))
                .cookie(cookies.cookie(session.get().wearing(chosen.get().written())));
    }

    private HatPage page(Person person, Errors errors) {
        if (!person.wearsSeveralHats()) {
            throw new PageNotFound("a choice of role for a person of one");
        }
        Membership worn = person.memberships().getFirst();
        return new HatPage(
                person.memberships().stream()
                        .map(m -> new Choice(m.written(), hats.label(m), m.equals(worn)))
                        .toList(),
                errors);
    }
}
