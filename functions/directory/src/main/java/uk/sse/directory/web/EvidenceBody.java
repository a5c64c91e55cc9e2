package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.sse.directory.model.Evidence;
import uk.sse.kernel.text.MultiLine;

@Serdeable
public record EvidenceBody(
        @Nullable @MultiLine @Size(max = 5000) String summary,
        @Nullable @Size(max = 10) List<@NotBlank @Size(max = 500) String> links) {

    Evidence toEvidence() {
        return new Evidence(summary, links);
    }
}
