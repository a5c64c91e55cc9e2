package uk.sse.ledger.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An account to open: an organisation (a school's URN or a provider id) in an area, or {@code ISSUING}. */
@Serdeable
public record OpenAccountBody(
        @NotNull @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE)
        String area,

        @NotNull @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE)
        String owner) {}
