package uk.sse.brokerage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import uk.sse.brokerage.application.ErasePerson;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Subjects;

/**
 * A person's records in the admin's area (docs/data-protection.md): the requests they stand in, and their erasure.
 * Under {@code /requests}, the brokerage's route (the ledger answers {@code /ledger/people/...} for its own). The
 * person is named by their subject (the identity provider's id for them).
 */
@Controller("/requests/people")
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
    public record Mention(
            String requestId,
            String urn,
            String schoolName,
            String status,
            List<RequestView.TransitionView> actions,
            List<String> texts) {}

    @Serdeable
    public record Export(String subject, String area, List<Mention> requests) {}

    @Serdeable
    public record Erased(String area, String tombstone, int requests, int events) {}

    /** Every request of the area the person stands in: the school, its status, what they did and the text they wrote. */
    @Get("/{subject}")
    public HttpResponse<?> export(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject) {
        return Responses.ok(people.export(caller, subject)
                .map(e -> new Export(
                        e.subject(),
                        e.area(),
                        e.requests().stream()
                                .map(m -> new Mention(
                                        m.requestId(),
                                        m.urn(),
                                        m.schoolName(),
                                        m.status().name(),
                                        m.actions().stream()
                                                .map(RequestView.TransitionView::of)
                                                .toList(),
                                        m.texts()))
                                .toList())));
    }

    /**
     * Erases the person from the area's requests and their events: their subject becomes a tombstone, the text they
     * wrote {@code [erased]}; statuses, days, credits and ratings stay. Safe to repeat: a second erasure finds nothing.
     */
    @Post("/{subject}/erasure")
    public HttpResponse<?> erase(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject,
            @Nullable @Body ErasureBody body) {
        return Responses.ok(
                people.erase(caller, subject).map(e -> new Erased(e.area(), e.tombstone(), e.requests(), e.events())));
    }
}
