package uk.sse.directory.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/** The areas of support, with stable codes and parents. */
@Controller("/taxonomy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "taxonomy")
public class TaxonomyController {

    @Get
    public Collection<Term> terms() {
        return Taxonomy.standard().terms();
    }
}
