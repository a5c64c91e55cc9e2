package uk.sse.notifier.web;

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
import uk.sse.notifier.application.ErasePerson;

/**
 * What the notifier holds about a person of the admin's area (docs/data-protection.md, decision 0105), under
 * {@code /notices}, the notifier's route: their contact, notices, read marks, emails, the requests it remembers they
 * raised and webhook bodies naming them; and their erasure.
 */
@Controller("/notices/people")
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
    public record Item(String entity, @Nullable String area, List<String> texts) {}

    @Serdeable
    public record Export(String subject, String area, List<Item> items) {}

    @Serdeable
    public record Erased(String area, String tombstone, int deleted, int rewritten) {}

    @Get("/{subject}")
    public HttpResponse<?> export(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject) {
        return Responses.ok(people.export(caller, subject)
                .map(e -> new Export(
                        e.subject(),
                        e.area(),
                        e.items().stream()
                                .map(i -> new Item(i.entity(), i.area(), i.texts()))
                                .toList())));
    }

    /** Deletes what is kept for the person alone and rewrites the rest without them. Safe to repeat. */
    @Post("/{subject}/erasure")
    public HttpResponse<?> erase(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Subjects.PATTERN, message = Subjects.MESSAGE) String subject,
            @Nullable @Body ErasureBody body) {
        return Responses.ok(people.erase(caller, subject)
                .map(e -> new Erased(e.area(), e.tombstone(), e.deleted(), e.rewritten())));
    }
}
