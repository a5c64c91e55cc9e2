package uk.sse.directory.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import uk.sse.directory.application.PostcodeStore;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.outcome.Outcome;

/**
 * Which release of OS Code-Point Open the postcode directory holds, and the lines that credit it, for pages that show
 * places or distances worked out from it (the Open Government Licence's attribution; decision 0097).
 */
@Controller("/postcodes/release")
@Tag(name = "postcodes")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PostcodeReleaseController {

    private final PostcodeStore postcodes;

    public PostcodeReleaseController(PostcodeStore postcodes) {
        this.postcodes = postcodes;
    }

    /** The release last loaded: its {@code attribution} lines, and the import that loaded it. */
    @Serdeable
    public record ReleaseView(List<String> attribution, String importId, Instant importedAt) {}

    /**
     * The release of Code-Point Open the postcode directory holds: the lines pages showing places credit it with. 404
     * before an import has said which release it loaded. Anyone signed in may read it.
     */
    @Get
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReleaseView.class)))
    public HttpResponse<?> postcodeRelease() {
        return Responses.ok(postcodes
                .release()
                .<Outcome<ReleaseView>>map(
                        r -> Outcome.done(new ReleaseView(r.release().attribution(), r.importId(), r.importedAt())))
                .orElseGet(() -> Outcome.notFound("a release of the postcode directory")));
    }
}
