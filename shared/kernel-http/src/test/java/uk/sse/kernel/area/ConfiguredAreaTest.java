package uk.sse.kernel.area;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.correlation.Correlated;
import uk.sse.kernel.correlation.Correlation;
import uk.sse.kernel.events.EnvelopeText;
import uk.sse.kernel.events.EventJson;

/** The configured areas bound by Micronaut reach plain code as plain definitions; the other ports have their adapter. */
class ConfiguredAreaTest {

    @Test
    void eachConfiguredAreaIsAPlainDefinitionBean() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "sse.areas.north-hub.name", "North hub",
                "sse.areas.north-hub.kind", "HUB",
                "sse.areas.north-hub.urns", List.of("100000", "100001"),
                "sse.areas.north-hub.schools-raise-requests", true,
                "sse.areas.888.name", "Lancashire",
                "sse.areas.888.kind", "LA",
                "sse.areas.888.la-codes", List.of("888")))) {
            assertThat(context.getBeansOfType(AreaDefinition.class))
                    .containsExactlyInAnyOrder(
                            new AreaDefinition(
                                    "north-hub",
                                    "North hub",
                                    AreaKind.HUB,
                                    null,
                                    null,
                                    List.of("100000", "100001"),
                                    true),
                            new AreaDefinition("888", "Lancashire", AreaKind.LA, List.of("888"), null, null, null));
            assertThat(context.getBean(EnvelopeText.class)).isInstanceOf(EventJson.class);
            String[] seen = {null};
            context.getBean(Correlated.class)
                    .during("corr-1", () -> seen[0] = Correlation.current().orElse(null));
            assertThat(seen[0]).isEqualTo("corr-1");
        }
    }

    @Test
    void noAreaConfiguredIsNoDefinition() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBeansOfType(AreaDefinition.class)).isEmpty();
        }
    }
}
