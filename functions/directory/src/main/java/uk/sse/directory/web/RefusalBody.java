package uk.sse.directory.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.sse.directory.model.Designation;

/** An assurer refuses one claimed designation, saying why (the provider reads it). */
@Serdeable
public record RefusalBody(
        @NotNull Designation designation,
        @NotBlank @Size(max = 2000) String reason) {}
