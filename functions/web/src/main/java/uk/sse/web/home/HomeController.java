package uk.sse.web.home;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.web.WebPages;
import uk.sse.web.WebSettings;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.People;
import uk.sse.web.session.Person;
import uk.sse.web.session.SessionCookies;
import uk.sse.web.session.SessionSignIn;

/** The start page, each person's home (what they can do here), and signing out. */
@Controller
@WebPages
public class HomeController {

    /** One thing a person can do, as a link with a line saying what it is for. */
    public record Task(String title, String href, String description) {}

    public record HomePage(String signInPath, List<Task> tasks) {}

    private final Pages pages;
    private final People people;
    private final SessionCookies cookies;
    private final WebSettings settings;
    private final uk.sse.web.visit.SchoolsAsking schoolsAsking;

    public HomeController(
            Pages pages,
            People people,
            SessionCookies cookies,
            WebSettings settings,
            uk.sse.web.visit.SchoolsAsking schoolsAsking) {
        this.pages = pages;
        this.people = people;
        this.cookies = cookies;
        this.settings = settings;
        this.schoolsAsking = schoolsAsking;
    }

    @Get
    public HttpResponse<?> home(HttpRequest<?> request) {
        Optional<Person> person = people.signedIn(request);
        if (person.isEmpty()) {
            return pages.ok(request, "home/start", null, new HomePage(settings.signInPath(), List.of()));
        }
        List<Task> tasks = new ArrayList<>(tasks(person.get()));
        schoolsAsking
                .ownSchoolThatMayAsk(person.get())
                .ifPresent(school -> tasks.addFirst(new Task(
                        "Ask for support",
                        "/visit/" + school.urn() + "/request",
                        "Say what your school needs: the area's brokers find support that fits.")));
        return pages.ok(request, "home/home", "Home", new HomePage(settings.signInPath(), tasks));
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut() {
        return HttpResponse.seeOther(URI.create(settings.signOutUrl())).cookie(cookies.ended());
    }

    @Get(WebSettings.SIGNED_OUT)
    public HttpResponse<?> signedOut(HttpRequest<?> request) {
        return pages.ok(
                request, "home/signed-out", "You have signed out", new HomePage(settings.signInPath(), List.of()));
    }

    @Get(SessionSignIn.FAILED)
    public HttpResponse<?> signInFailed(HttpRequest<?> request) {
        return pages.ok(
                request,
                "home/sign-in-failed",
                "You could not be signed in",
                new HomePage(settings.signInPath(), List.of()));
    }

    static List<Task> tasks(Person person) {
        List<Task> tasks = new ArrayList<>();
        if (person.isAdviser()) {
            tasks.add(
                    new Task(
                            "Visit a school",
                            "/visit",
                            "Find the school you are visiting, see its credits and requests, find support near it and raise a request."));
            tasks.add(
                    new Task(
                            "Your requests",
                            "/support-requests",
                            "The requests you have raised, and those your area's schools asked for themselves, and where each one stands."));
        }
        if (person.isSchool()) {
            tasks.add(new Task(
                    "Your school's requests",
                    "/support-requests",
                    "Requests for support raised for your school, the proposals made and the support agreed."));
            tasks.add(new Task(
                    "Credits", "/credits", "Your school's credits: what you have, what is held and each movement."));
        }
        if (person.isProvider()) {
            tasks.add(new Task(
                    "Your offers",
                    "/your-offers",
                    "Draft, edit and submit offers of support, and see where each stands in assurance."));
            tasks.add(new Task(
                    "Proposals",
                    "/proposals",
                    "Requests for support proposed to you: accept them, or decline saying why."));
            if (!person.isSchool()) {
                tasks.add(new Task(
                        "Engagements",
                        "/engagements",
                        "Support you have agreed to give and the credits it has earned."));
                tasks.add(new Task("Credits", "/credits", "Your credits: what you have earned and each movement."));
                tasks.add(new Task("Profile", "/profile", "What schools and advisers see about your organisation."));
            }
        }
        if (person.isBroker()) {
            tasks.add(
                    new Task(
                            "Your queue",
                            "/support-requests",
                            "Your area's requests still in hand, what needs you first: propose support, start and record delivery."));
        }
        if (person.isAssurer()) {
            tasks.add(
                    new Task(
                            "Offers to review",
                            "/offers-to-review",
                            "Offers waiting for assurance, oldest first, and review dates falling due; see what changed and decide."));
        }
        if (person.caller().is(uk.sse.kernel.identity.Role.COMMISSIONER)) {
            tasks.add(
                    new Task(
                            "Dashboard",
                            "/dashboard",
                            "Days of support, schools supported, credits, time to agreement, impact and requests waiting, for a term or a year."));
            tasks.add(new Task(
                    "Allocate credits",
                    "/allocate-credits",
                    "Give credits to one school or, from a CSV of URN and amount, to many at once."));
            tasks.add(
                    new Task(
                            "Credits each term",
                            "/credit-scheme",
                            "What your area gives each school every term, and whether unspent credits expire at the end of the school year."));
        }
        if (person.caller().is(uk.sse.kernel.identity.Role.REGISTRAR)) {
            tasks.add(
                    new Task(
                            "Import the school register",
                            "/register-imports",
                            "Upload a file from Get Information about Schools and see what was created, updated, unchanged and rejected."));
            tasks.add(
                    new Task(
                            "Load the postcode directory",
                            "/postcode-imports",
                            "Upload OS Code-Point Open each quarter, so that searches near a postcode find the places it names."));
        }
        if (person.caller().is(uk.sse.kernel.identity.Role.ADMIN)) {
            tasks.add(
                    new Task(
                            "Area settings",
                            "/area-settings",
                            "Your area's name, which schools are in it, and whether its schools may ask for support themselves."));
            tasks.add(
                    new Task(
                            "Webhooks",
                            "/webhooks",
                            "Where your area's events are sent: add, pause and resume subscriptions, make new secrets, send a test and see deliveries."));
        }
        if (tasks.isEmpty() || person.caller().is(uk.sse.kernel.identity.Role.ADMIN)) {
            tasks.add(new Task(
                    "Requests", "/support-requests", "Requests for support in your area and where each one stands."));
        }
        return tasks;
    }
}
