package uk.sse.local.demo;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.sse.directory.register.School;

/** The demo holds together whatever the seed and whatever day the local run starts. */
class DemoDirectoryPropertyTest {

    private static final List<School> SCHOOLS = DemoDirectory.sampleSchools();

    @Property(tries = 12)
    void everyInvariantHoldsForAnySeedAndDay(@ForAll long seed, @ForAll("days") LocalDate today) {
        DemoChecks.all(DemoDirectory.generate(SCHOOLS, today, seed), SCHOOLS, today);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 10 * 366).map(LocalDate.of(2025, 1, 1)::plusDays);
    }
}
