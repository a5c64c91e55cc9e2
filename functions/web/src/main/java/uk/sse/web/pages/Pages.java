package uk.sse.web.pages;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import uk.sse.web.assets.Assets;
import uk.sse.web.notifications.Notifications;
import uk.sse.web.security.CsrfTokens;
import uk.sse.web.session.Hats;
import uk.sse.web.session.People;
import uk.sse.web.session.Person;

/**
 * Renders a page: its jte template (precompiled at build time, through micronaut-views) with the page's model and the
 * {@link Layout} every page shares.
 */
@Singleton
public class Pages {

    private final ViewsRendererLocator renderers;
    private final Assets assets;
    private final People people;
    private final Notifications notifications;
    private final Hats hats;

    public Pages(ViewsRendererLocator renderers, Assets assets, People people, Notifications notifications, Hats hats) {
        this.renderers = renderers;
        this.assets = assets;
        this.people = people;
        this.notifications = notifications;
        this.hats = hats;
    }

    public MutableHttpResponse<String> ok(HttpRequest<?> request, String view, String title, Object page) {
        return page(request, HttpStatus.OK, view, title, page);
    }

    /** A page whose form came back with errors: 422, and "Error: " before its title, as GOV.UK pages do. */
    public MutableHttpResponse<String> invalid(HttpRequest<?> request, String view, String title, Object page) {
        return page(request, HttpStatus.UNPROCESSABLE_ENTITY, view, "Error: " + title, page);
    }

    public MutableHttpResponse<String> page(
            HttpRequest<?> request, HttpStatus status, String view, String title, Object page) {
        return HttpResponse.<String>status(status)
                .body(html(request, view, title, page))
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    public String html(HttpRequest<?> request, String view, String title, Object page) {
        Person person = people.signedIn(request).orElse(null);
        Layout layout = new Layout(
                title,
                person,
                Navigation.of(person, request.getPath()),
                CsrfTokens.of(request),
                assets.css(),
                assets.js(),
                assets.base(),
                person == null ? null : notifications.unread(request, person).orElse(null),
                person == null ? null : hats.label(person.caller().hat().orElseThrow()));
        Map<String, Object> model = page == null ? Map.of("layout", layout) : Map.of("layout", layout, "page", page);
        @SuppressWarnings("unchecked")
        ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers
                .resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("no template " + view));
        Writable writable = renderer.render(view, model, request);
        StringWriter out = new StringWriter(8192);
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
