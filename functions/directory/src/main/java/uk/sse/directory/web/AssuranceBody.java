package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.kernel.text.MultiLine;

/** A step in assurance: SUBMIT or WITHDRAW by the provider; APPROVE, REJECT, REQUEST_CHANGES or SUSPEND by an assurer. */
@Serdeable
public record AssuranceBody(
        @NotNull AssuranceAction action,
        @Nullable @MultiLine @Size(max = 2000) String reason,
        @Nullable LocalDate reviewDate) {}
