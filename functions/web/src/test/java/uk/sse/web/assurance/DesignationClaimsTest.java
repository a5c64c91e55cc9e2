package uk.sse.web.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.web.api.Directory;

/** The claims an assurer is asked to verify: each unverified claim, the longest waiting first, never their own organisation's. */
class DesignationClaimsTest {

    static Directory.Provider provider(
            String id, String name, List<String> claimed, List<String> verified, String updatedAt) {
        return new Directory.Provider(
                id, "HUB", name, "E09000001", null, null, null, claimed, verified, null, 3, updatedAt, null, null);
    }

    @Test
    void eachUnverifiedClaimOldestFirstAndNotTheAssurersOwn() {
        var newer = provider(
                "prv_b", "Beta Hub", List.of("MATHS_HUB", "ENGLISH_HUB"), List.of("MATHS_HUB"), "2026-11-02T09:00:00Z");
        var older = provider("prv_a", "Alpha Trust", List.of("RESEARCH_SCHOOL"), null, "2026-10-01T09:00:00Z");
        var verified = provider("prv_c", "Gamma", List.of("MUSIC_HUB"), List.of("MUSIC_HUB"), "2026-09-01T09:00:00Z");
        var own = provider(
                "prv_own", "Own Hub", List.of("SCIENCE_LEARNING_PARTNERSHIP"), List.of(), "2026-08-01T09:00:00Z");

        var claims = DesignationClaims.waiting(List.of(newer, verified, own, older), "prv_own");

        assertThat(claims)
                .extracting(c -> c.provider().name() + ":" + c.designation())
                .containsExactly("Alpha Trust:RESEARCH_SCHOOL", "Beta Hub:ENGLISH_HUB");
    }
}
