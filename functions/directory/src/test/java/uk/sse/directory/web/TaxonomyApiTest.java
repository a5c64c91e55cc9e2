package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;

@MicronautTest(environments = "test")
class TaxonomyApiTest extends LambdaTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyRoleReadsTheAreasOfSupportWithStableCodesAndParents() {
        for (Role role : Role.values()) {
            var reply = api.get("/taxonomy", fixtures.token(role, "202", null));
            assertThat(reply.status()).as(role.name()).isEqualTo(200);
            var terms = (List<Map<String, Object>>) (List<?>) reply.list();
            assertThat(terms)
                    .filteredOn(t -> t.get("parent") == null)
                    .extracting(t -> t.get("code"))
                    .containsExactly("INC", "CT", "ACH", "AB", "PDW", "LG", "EY", "SF");
            assertThat(terms)
                    .anySatisfy(t ->
                            assertThat(t).containsEntry("code", "INC.SEND.ASD").containsEntry("parent", "INC.SEND"));
            assertThat(terms)
                    .anySatisfy(t -> assertThat(t)
                            .containsEntry("code", "CT.READ")
                            .containsEntry("label", "Early reading and phonics"));
        }
        assertThat(api.get("/taxonomy", null).status()).isEqualTo(401);
    }
}
