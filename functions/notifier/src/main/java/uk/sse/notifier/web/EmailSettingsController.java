package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.problem.Problems;
import uk.sse.notifier.application.ChooseEmails;
import uk.sse.notifier.model.Contact;
import uk.sse.notifier.model.NoticeKind;

/**
 * The signed-in person's email: {@code PUT /notices/contact} records the verified address their token carries
 * (the web calls it when they sign in: decision 0075), and {@code /notices/settings} says and sets which kinds of
 * notice they are emailed. People only.
 */
@Controller("/notices")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "notifications")
public class EmailSettingsController {

    private final ChooseEmails choose;

    public EmailSettingsController(ChooseEmails choose) {
        this.choose = choose;
    }

    @Serdeable
    record Choice(String kind, boolean email) {}

    @Serdeable
    record SettingsView(@Nullable String email, List<Choice> choices) {
        static SettingsView of(Contact c) {
            return new SettingsView(
                    c.email(),
                    c.kinds().stream()
                            .map(k -> new Choice(k.apiName(), c.wantsEmail(k)))
                            .toList());
        }
    }

    /** The kinds of notice to email (the API names of {@code GET /notices/settings}); every other kind is not emailed. */
    @Serdeable
    record SettingsBody(@NotNull @Size(max = 20) List<@NotNull String> emails) {}

    /** Nothing to say: the token says it all. An empty object. */
    @Serdeable
    record ContactBody() {}

    @Put("/contact")
    public HttpResponse<?> record(
            @Authenticated Caller caller, Authentication authentication, @Nullable @Body ContactBody body) {
        if (caller.isService()) {
            return Problems.forbidden("a service has no email");
        }
        return HttpResponse.ok(SettingsView.of(choose.record(caller, verifiedEmail(authentication))));
    }

    @Get("/settings")
    public HttpResponse<?> settings(@Authenticated Caller caller, Authentication authentication) {
        if (caller.isService()) {
            return Problems.forbidden("a service has no email");
        }
        return HttpResponse.ok(SettingsView.of(choose.of(caller, verifiedEmail(authentication))));
    }

    @Put("/settings")
    public HttpResponse<?> change(
            @Authenticated Caller caller, Authentication authentication, @Body @Valid SettingsBody body) {
        if (caller.isService()) {
            return Problems.forbidden("a service has no email");
        }
        List<NoticeKind> kinds = new ArrayList<>();
        for (int i = 0; i < body.emails().size(); i++) {
            Optional<NoticeKind> kind = NoticeKind.ofApiName(body.emails().get(i));
            if (kind.isEmpty()) {
                return Problems.invalid(
                        "/emails/" + i,
                        "is not a kind of notice: "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(NoticeKind.values())
                                                .map(NoticeKind::apiName)
                                                .toList()));
            }
            kinds.add(kind.get());
        }
        Optional<NoticeKind> notTheirs = choose.choose(caller, verifiedEmail(authentication), kinds);
        if (notTheirs.isPresent()) {
            return Problems.invalid(
                    "/emails/" + kinds.indexOf(notTheirs.get()),
                    "is not a kind of notice a " + caller.role() + " is sent");
        }
        return HttpResponse.ok(SettingsView.of(choose.of(caller, verifiedEmail(authentication))));
    }

    /** The token's {@code email}, unless it says the address is not verified (decision 0075). */
    static String verifiedEmail(Authentication authentication) {
        Object email = authentication.getAttributes().get("email");
        Object verified = authentication.getAttributes().get("email_verified");
        if (email == null || Boolean.FALSE.equals(verified) || "false".equals(String.valueOf(verified))) {
            return null;
        }
        String text = email.toString().trim();
        return text.length() <= 254 && text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? text : null;
    }
}
