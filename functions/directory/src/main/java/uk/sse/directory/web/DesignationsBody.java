package uk.sse.directory.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.sse.directory.model.Designation;

/** The provider's claimed designations an assurer has checked and found to hold (none: every claim unverified). */
@Serdeable
public record DesignationsBody(@NotNull @Size(max = 13) List<@NotNull Designation> verified) {

    List<Designation> verifiedList() {
        return verified.stream().distinct().toList();
    }
}
