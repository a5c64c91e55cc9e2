package uk.sse.local;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;
import uk.sse.web.WebPages;
import uk.sse.web.demo.DemoSignInPage;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.ReturnPaths;
import uk.sse.web.session.SessionSignIn;

/**
 * The local run's sign-in: choose a demo person, and the session starts with a token the local key signs, as Cognito's
 * would in AWS. It exists only in the local run (the Lambda's configuration sends people to Cognito's hosted UI).
 */
@Controller("/sign-in")
@WebPages
public class DemoSignIn {

    private final BeanProvider<LocalSystem.Handle> stack;
    private final Pages pages;
    private final SessionSignIn signIn;

    public DemoSignIn(BeanProvider<LocalSystem.Handle> stack, Pages pages, SessionSignIn signIn) {
        this.stack = stack;
        this.pages = pages;
        this.signIn = signIn;
    }

    @Get
    public HttpResponse<?> choose(HttpRequest<?> request, @Nullable @QueryValue String returnTo) {
        return pages.ok(request, "demo/sign-in", "Sign in", page(null, returnTo, Errors.none()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String returnTo = ReturnPaths.orHome(form.get("returnTo"));
        var person = stack.get().people().find(form.getOrDefault("person", ""));
        if (person.isEmpty()) {
            return pages.invalid(
                    request,
                    "demo/sign-in",
                    "Sign in",
                    page(null, returnTo, Errors.none().add("person", "Choose who to sign in as")));
        }
        DemoPeople.Person p = person.get();
        var one = p.memberships().getFirst();
        // one membership in the demo LA (or national): the token of one role as ever; else, the trust's too, of its
        // memberships
        boolean ofTheLa = one.area() == null
                || one.area().equals(stack.get().stack().demo().demoArea());
        String token = p.memberships().size() == 1 && ofTheLa
                ? stack.get().stack().token(one.role(), one.organisation(), p.name())
                : stack.get().stack().token(p.key(), p.memberships(), p.name());
        return signIn.start(token, p.name(), returnTo);
    }

    private DemoSignInPage page(String chosen, String returnTo, Errors errors) {
        return new DemoSignInPage(
                stack.get().people().groups().stream()
                        .map(g -> new DemoSignInPage.Group(
                                g.heading(),
                                g.people().stream()
                                        .map(p -> new DemoSignInPage.Option(p.key(), p.name(), p.hint()))
                                        .toList()))
                        .toList(),
                chosen,
                ReturnPaths.orHome(returnTo),
                errors);
    }
}
