package uk.sse.kernel.area;

import java.util.Objects;

/**
 * What membership of an area is decided on: a school's URN, its LA code and its GIAS trust code (none if it is in no
 * trust), as the register says today.
 */
public record SchoolFacts(String urn, String laCode, String trustCode) {

    public SchoolFacts {
        Objects.requireNonNull(urn, "urn");
        trustCode = trustCode == null || trustCode.isBlank() ? null : trustCode;
    }
}
