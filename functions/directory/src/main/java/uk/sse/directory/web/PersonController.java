package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import uk.sse.directory.application.ErasePerson;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Subjects;

/**
 * A person's records in the admin's area's offers and providers (docs/data-protection.md, decision 0104), under
 * {@code /providers}, the directory's route: the assurance steps they took, the designation claims they refused, and,
 * given their {@code email}, the offers and providers naming them as contact; and their erasure.
 */
@Controller("/providers/people")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "people")
public class PersonController {

    private final ErasePerson people;

    public PersonController(ErasePerson people) {
        this.people = people;
    }

    /** Nothing to say: the path names the person. An empty object, or no body. */
    @Serdeable
    public record ErasureBody() {}

    @Serdeable
    public record Action(String action, Instant at, String reason) {}

    @Serdeable
    public record OfferMention(
            String offerId,
            String title,
            String providerName,
            String status,
            List<Action> actions,
            List<String> texts) {}

    @Serdeable
    public record ProviderMention(String providerId, String name, List<String> texts) {}

    @Serdeable
    public record Export(String subject, String area, List<OfferMention> offers, List<ProviderMention> providers) {}

    @Serdeable
    public record Erased(String area, String tombstone, int offers, int versions, int events, int providers) {}

    /** Every offer and provider of the area the person stands in, what they did and what of them it holds in words. */
    @Get("/{subject}")
    public HttpResponse<?> export(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject,
            @Nullable @QueryValue @Email @Size(max = 254) String email) {
        return Responses.ok(people.export(caller, subject, email)
                .map(e -> new Export(
                        e.subject(),
                        e.area(),
                        e.offers().stream()
                                .map(o -> new OfferMention(
                                        o.offerId(),
                                        o.title(),
                                        o.providerName(),
                                        o.status().name(),
                                        o.actions().stream()
                                                .map(a -> new Action(a.action().name(), a.at(), a.reason()))
                                                .toList(),
                                        o.texts()))
                                .toList(),
                        e.providers().stream()
                                .map(p -> new ProviderMention(p.providerId(), p.name(), p.texts()))
                                .toList())));
    }

    /**
     * Erases the person from the area's offers (every version and event) and providers: their subject becomes the
     * tombstone, the reasons they gave and, given their email, their contact details {@code [erased]}; statuses,
     * versions and designations stay. Safe to repeat: a second erasure finds nothing.
     */
    @Post("/{subject}/erasure")
    public HttpResponse<?> erase(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject,
            @Nullable @Body ErasureBody body,
            @Nullable @QueryValue @Email @Size(max = 254) String email) {
        return Responses.ok(people.erase(caller, subject, email)
                .map(e -> new Erased(e.area(), e.tombstone(), e.offers(), e.versions(), e.events(), e.providers())));
    }
}
