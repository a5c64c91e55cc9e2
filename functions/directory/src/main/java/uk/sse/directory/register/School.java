package uk.sse.directory.register;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One establishment from the GIAS register, keyed by URN.
 *
 * <p>Text values are GIAS's own wording (for example phase "Primary", type "Academy converter",
 * region "London"): GIAS adds and renames values between releases, so they are kept as text rather
 * than closed enums. Every field but {@code urn} and {@code name} may be null. There are
 * deliberately no head teacher fields: personal names are never imported.
 *
 * @param urn              unique reference number, 6 or 7 digits
 * @param name             EstablishmentName
 * @param laCode           {@code LA (code)}, for example "201"
 * @param laName           {@code LA (name)}
 * @param type             {@code TypeOfEstablishment (name)}
 * @param status           {@code EstablishmentStatus (name)}
 * @param phase            {@code PhaseOfEducation (name)}
 * @param statutoryLowAge  StatutoryLowAge
 * @param statutoryHighAge StatutoryHighAge
 * @param pupils           NumberOfPupils
 * @param percentageFsm    PercentageFSM, 0 to 100
 * @param street           Street
 * @param locality         Locality
 * @param town             Town
 * @param postcode         Postcode
 * @param website          SchoolWebsite, as written in the register (often without a scheme)
 * @param region           {@code GOR (name)}
 * @param easting          British National Grid easting in metres; null unless it converted to WGS84
 * @param northing         British National Grid northing in metres; null unless it converted to WGS84
 * @param latitude         WGS84 latitude, 6 decimal places; present exactly when longitude is
 * @param longitude        WGS84 longitude, 6 decimal places
 * @param trust            {@code Trusts (code)} and {@code Trusts (name)}: the academy trust or trust, if any
 * @param federation       {@code Federations (code)} and {@code Federations (name)}, if any
 * @param urbanRural       {@code UrbanRural (name)}, e.g. "(England/Wales) Urban major conurbation"
 * @param ofsted           {@code OfstedRating (name)} and {@code OfstedLastInsp}, where the release carries them
 * @param send             SEN unit and resourced provision: type, pupils on roll and places
 * @param closedOn         {@code CloseDate}, or the day an import of the whole register found the school gone from it
 */
public record School(
        String urn,
        String name,
        String laCode,
        String laName,
        String type,
        String status,
        String phase,
        Integer statutoryLowAge,
        Integer statutoryHighAge,
        Integer pupils,
        Double percentageFsm,
        String street,
        String locality,
        String town,
        String postcode,
        String website,
        String region,
        Integer easting,
        Integer northing,
        Double latitude,
        Double longitude,
        Trust trust,
        Federation federation,
        String urbanRural,
        Ofsted ofsted,
        SendProvision send,
        LocalDate closedOn) {

    /** An academy trust or trust: GIAS's group UID and name. */
    public record Trust(String code, String name) {}

    /** A federation of maintained schools: GIAS's code and name. */
    public record Federation(String code, String name) {}

    /** The last Ofsted judgement GIAS carried (it stopped carrying one-word grades after September 2024). */
    public record Ofsted(String rating, LocalDate lastInspection) {}

    /** Special educational needs provision: a SEN unit and resourced provision, pupils on roll and places. */
    public record SendProvision(
            String resourcedProvisionType,
            Integer resourcedProvisionOnRoll,
            Integer resourcedProvisionCapacity,
            Integer senUnitOnRoll,
            Integer senUnitCapacity) {}

    /** GIAS's status of a school that has closed. */
    public static final String CLOSED = "Closed";

    /** Six or seven digits: the shape of a URN wherever one is accepted. */
    public static final String URN_PATTERN = "[0-9]{6,7}";

    private static final Pattern URN = Pattern.compile(URN_PATTERN);

    public School {
        Objects.requireNonNull(urn, "urn");
        if (!URN.matcher(urn).matches()) {
            throw new IllegalArgumentException("URN must be 6 or 7 digits: " + urn);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required for URN " + urn);
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together for URN " + urn);
        }
    }

    /** Not closed: GIAS has not said so, and the school has not left the register's file. */
    public boolean isOpen() {
        return !CLOSED.equals(status);
    }

    /** The same school, closed on {@code day} because it left the register's file (GIAS's status no longer said). */
    public School closedLeavingTheFile(LocalDate day) {
        return new School(
                urn,
                name,
                laCode,
                laName,
                type,
                CLOSED,
                phase,
                statutoryLowAge,
                statutoryHighAge,
                pupils,
                percentageFsm,
                street,
                locality,
                town,
                postcode,
                website,
                region,
                easting,
                northing,
                latitude,
                longitude,
                trust,
                federation,
                urbanRural,
                ofsted,
                send,
                day);
    }

    /** True when the row carried a usable location. */
    public boolean hasLocation() {
        return latitude != null;
    }

    /** Whether {@code value} is a well-formed URN. */
    public static boolean isUrn(String value) {
        return value != null && URN.matcher(value).matches();
    }
}
