package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.sse.directory.model.Contact;

@Serdeable
public record ContactBody(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Email @Size(max = 254) String email,

        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9 +()-]{6,40}", message = "must be a telephone number")
        String phone) {

    Contact toContact() {
        return new Contact(name.strip(), email.strip(), phone);
    }
}
