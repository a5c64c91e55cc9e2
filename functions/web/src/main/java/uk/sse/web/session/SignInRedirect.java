package uk.sse.web.session;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import uk.sse.web.WebSettings;

/** Sends a person who must sign in to the sign-in page, remembering the page they wanted (a GET on this site only). */
@Singleton
public class SignInRedirect implements ExceptionHandler<SignInRequired, HttpResponse<?>> {

    private final WebSettings settings;
    private final SessionCookies cookies;

    public SignInRedirect(WebSettings settings, SessionCookies cookies) {
        this.settings = settings;
        this.cookies = cookies;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SignInRequired exception) {
        String target = settings.signInPath();
        String wanted = request.getMethod() == HttpMethod.GET ? request.getUri().toString() : null;
        if (ReturnPaths.isLocal(wanted)) {
            target += (target.contains("?") ? "&" : "?") + "returnTo="
                    + URLEncoder.encode(wanted, StandardCharsets.UTF_8);
        }
        return HttpResponse.seeOther(URI.create(target)).cookie(cookies.ended());
    }
}
