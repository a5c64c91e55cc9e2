package uk.sse.brokerage.application;

import java.time.LocalDate;
import java.util.List;
import uk.sse.brokerage.model.Suggestion;
import uk.sse.kernel.area.DefinedAreas;
import uk.sse.kernel.area.SchoolFacts;
import uk.sse.kernel.identity.Caller;

/**
 * The directory function, asked by the brokerage as itself (its service token), naming the person it acts for: it sees
 * the register and the offers an adviser sees (approved and in date), whoever that person is.
 */
public interface Directory {

    /**
     * A school in the register, as GIAS describes it ({@code phase} and {@code type} in GIAS's words): its LA and its
     * trust (GIAS's trust code, none if it is in no trust) say which areas it belongs to; {@code located} whether the
     * register gave it coordinates (to search near it); {@code open} unless the register says it has closed, on
     * {@code closedOn} where it gives the day.
     */
    record School(
            String urn,
            String name,
            String laCode,
            String trustCode,
            String phase,
            String type,
            boolean located,
            boolean open,
            LocalDate closedOn) {

        public SchoolFacts facts() {
            return new SchoolFacts(urn, laCode, trustCode);
        }
    }

    /** An approved offer not past its review date. */
    record Offer(
            String offerId, String providerId, String title, String area, String providerName, Long priceCredits) {}

    Lookup<School> school(Caller actingFor, String urn);

    /**
     * The register of areas as the directory keeps it (decision 0085): which areas a school is a member of, and which
     * let their schools raise requests. Read as the brokerage itself, and kept a short while.
     */
    DefinedAreas areas();

    Lookup<Offer> offer(Caller actingFor, String offerId);

    /**
     * At most {@code max} offers the directory's search finds for {@code areasOfSupport}, near the school and for its
     * phase, best first; {@link Lookup.Unavailable} if search cannot answer now.
     */
    Lookup<List<Suggestion>> suggest(Caller actingFor, School school, List<String> areasOfSupport, int max);
}
