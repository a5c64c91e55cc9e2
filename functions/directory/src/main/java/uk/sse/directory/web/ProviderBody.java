package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.sse.directory.application.ProviderDraft;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.text.MultiLine;

/** A provider as registered or revised. */
@Serdeable
public record ProviderBody(
        @NotNull ProviderType type,
        @NotBlank @Size(max = 200) String name,

        @NotBlank @Pattern(regexp = Patterns.AREA, message = Patterns.AREA_MESSAGE)
        String area,

        @Nullable @Pattern(regexp = Patterns.URN, message = Patterns.URN_MESSAGE)
        String urn,

        @NotNull @Valid ContactBody contact,

        @Nullable @Size(max = 300) @Pattern(regexp = Patterns.WEB, message = Patterns.WEB_MESSAGE)
        String website,

        @Nullable @Size(max = 13) List<@NotNull Designation> designations,
        @Nullable @Valid PointBody location,
        @Nullable @MultiLine @Size(max = 2000) String description) {

    ProviderDraft toDraft() {
        return new ProviderDraft(
                type,
                name.strip(),
                area,
                urn,
                contact.toContact(),
                website,
                designations == null
                        ? List.of()
                        : designations.stream().distinct().toList(),
                location == null ? null : location.toPoint(),
                description);
    }
}
