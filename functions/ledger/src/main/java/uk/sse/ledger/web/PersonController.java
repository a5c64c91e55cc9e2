package uk.sse.ledger.web;

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
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Subjects;
import uk.sse.ledger.application.EraseRequesters;

/**
 * A person's part in the admin's area's ledger (docs/data-protection.md): the transfers they asked for or resolved,
 * and their erasure (their subject replaced by a tombstone; every amount and balance stays). The person is named by
 * their subject.
 */
@Controller("/ledger/people")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "people")
public class PersonController {

    private final EraseRequesters people;

    public PersonController(EraseRequesters people) {
        this.people = people;
    }

    /** Nothing to say: the path names the person. An empty object, or no body. */
    @Serdeable
    public record ErasureBody() {}

    @Serdeable
    public record Mention(
            String transferId, String kind, long amount, String state, String createdAt, List<String> parts) {}

    @Serdeable
    public record Export(String subject, String area, List<Mention> transfers) {}

    @Serdeable
    public record Erased(String area, String tombstone, int transfers) {}

    /** Each transfer of the area the person asked for or resolved ({@code parts}: asked, resolved, asked for, resolved for). */
    @Get("/{subject}")
    public HttpResponse<?> export(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject) {
        return Responses.ok(people.export(caller, subject)
                .map(e -> new Export(
                        e.subject(),
                        e.area(),
                        e.transfers().stream()
                                .map(m -> new Mention(
                                        m.transferId(),
                                        m.kind(),
                                        m.amount(),
                                        m.state(),
                                        m.createdAt().toString(),
                                        m.parts()))
                                .toList())));
    }

    /** Replaces the person's subject in the area's transfers and their events by the tombstone. Safe to repeat. */
    @Post("/{subject}/erasure")
    public HttpResponse<?> erase(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject,
            @Nullable @Body ErasureBody body) {
        return Responses.ok(people.erase(caller, subject).map(e -> new Erased(e.area(), e.tombstone(), e.transfers())));
    }
}
