package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import uk.sse.directory.application.KeepAreas;
import uk.sse.kernel.area.AreaKind;
import uk.sse.kernel.area.MembershipRules;

/**
 * An area's definition (decision 0082): its name, kind, the rules that say which schools of the register are its
 * members (LA codes, GIAS trust codes, URNs: a school matching any one is a member), and whether its schools may raise
 * requests for themselves (decision 0081; false if left out).
 */
@Serdeable
public record AreaBody(
        @NotBlank @Size(max = 100) String name,
        @NotNull AreaKind kind,

        @Nullable @Size(max = 200)
        List<@NotNull @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit LA code") String> laCodes,

        @Nullable @Size(max = 200)
        List<@NotNull @Pattern(regexp = "[0-9]{1,10}", message = "must be a GIAS trust code: digits") String>
                trustCodes,

        @Nullable @Size(max = 2000)
        List<@NotNull @Pattern(regexp = Patterns.URN, message = Patterns.URN_MESSAGE) String> urns,

        @Nullable Boolean schoolsRaiseRequests) {

    KeepAreas.Draft draft() {
        return new KeepAreas.Draft(
                name,
                kind,
                new MembershipRules(
                        laCodes == null ? null : new HashSet<>(laCodes),
                        trustCodes == null ? null : new HashSet<>(trustCodes),
                        urns == null ? null : new HashSet<>(urns)),
                Boolean.TRUE.equals(schoolsRaiseRequests));
    }
}
