package uk.sse.web.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.area.AreaRegister;
import uk.sse.kernel.area.DefinedAreas;
import uk.sse.kernel.identity.service.ServiceCredentials;
import uk.sse.kernel.problem.ServiceBusy;
import uk.sse.web.WebSettings;

/**
 * The directory's register of areas (decision 0085), read by the web as itself ({@code GET /areas} with its own service
 * token, never a person's) and kept for {@code sse.web.areas-fresh-for} (60 s unless set): the areas' names on pages,
 * and whether a school may ask for itself. The register only names and offers here (every API decides again), so a
 * page is still shown while the directory cannot say: LAs named by their codes, no area letting its schools ask.
 */
@Singleton
public class RegisterOfAreas {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterOfAreas.class);
    private static final DefinedAreas NONE_READ = new DefinedAreas(List.of());

    /** None where the web has no identity of its own to ask with (no {@code sse.service.*}): LAs only, said once. */
    private final AreaRegister register;

    public RegisterOfAreas(
            WebSettings settings,
            Optional<ServiceCredentials> credentials,
            JsonMapper json,
            @Value("${sse.web.areas-fresh-for:60s}") Duration freshFor) {
        String root = settings.apiUrl().toString().replaceAll("/+$", "");
        this.register = credentials
                .map(c -> AreaRegister.overHttp(
                        URI.create(root + "/areas"), c::bearer, json, settings.callTimeout(), freshFor))
                .orElse(null);
        if (register == null) {
            LOG.warn(
                    "the web has no service identity (sse.service.*): areas are named by their LA codes and no school is offered to ask");
        }
    }

    /** The areas as last read, or LAs only while the directory has not yet answered. */
    public DefinedAreas now() {
        if (register == null) {
            return NONE_READ;
        }
        try {
            return register.now();
        } catch (ServiceBusy notYet) {
            LOG.warn("the register of areas is not known yet: {}", notYet.getMessage());
            return NONE_READ;
        }
    }
}
