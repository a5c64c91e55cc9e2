package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CloudFormation's hard limits for one stack (500 resources, 1 MB of template from S3, 200 outputs), with room to
 * grow; each stage's resource counts by type are written to {@code target/resource-counts-<stage>.txt}. At 416
 * resources (2026-12-06; 116 of them API routes, every method on every path) the margin was lowered from 400 to 450;
 * at 451 (2026-12-07, the missing /areas and /holds routed) each path got routes for only the methods its function
 * serves (decision 0106), 48 routes in all.
 */
class StackLimitsTest {

    @Test
    void each_stage_fits_in_one_stack_with_room_to_grow() throws IOException {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Long> counts = s.resources.values().stream()
                    .collect(Collectors.groupingBy(r -> r.get("Type").toString(), TreeMap::new, Collectors.counting()));
            String report = counts.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining("\n"))
                    + "\n" + s.resources.size() + " in all\n";
            Files.writeString(Path.of("target", "resource-counts-" + s.stage.name() + ".txt"), report);

            assertThat(s.resources.size()).as(s.stage.name() + " resources").isLessThan(450);
            byte[] template = new ObjectMapper().writeValueAsBytes(s.template.toJSON());
            assertThat(template.length).as(s.stage.name() + " template bytes").isLessThan(800_000);
            assertThat(s.template.toJSON().get("Outputs").toString()).contains("ApiUrl", "UserPoolId", "JwksUrl");
        }
    }
}
