package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.sse.infra.constructs.Identity;

/** The user pool: role groups, area and organisation attributes users cannot set themselves, and the trigger that makes the memberships claim. */
class IdentityTest {

    @Test
    void there_is_a_group_for_each_role() {
        for (Synthesised s : Synthesised.both()) {
            assertThat(s.ofType("AWS::Cognito::UserPoolGroup").values())
                    .extracting(g -> g.get("GroupName"))
                    .containsExactlyInAnyOrder(
                            "ADVISER", "BROKER", "PROVIDER", "ASSURER", "COMMISSIONER", "ADMIN", "REGISTRAR");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void area_and_org_are_custom_attributes_that_the_web_client_reads_but_cannot_write() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> pool =
                    s.ofType("AWS::Cognito::UserPool").values().iterator().next();
            assertThat((List<Map<String, Object>>) pool.get("Schema"))
                    .extracting(a -> a.get("Name"))
                    .contains("area", "org");
            assertThat(((Map<String, Object>) pool.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly"))
                    .isEqualTo(true);
            Map<String, Object> client =
                    s.ofType("AWS::Cognito::UserPoolClient").get(s.clientId("web"));
            assertThat((List<String>) client.get("ReadAttributes")).contains("custom:area", "custom:org");
            assertThat((List<String>) client.get("WriteAttributes"))
                    .isNotEmpty()
                    .doesNotContain("custom:area", "custom:org");
            assertThat(client.get("GenerateSecret")).isEqualTo(false);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_version_2_pre_token_generation_trigger_customises_tokens_and_prod_requires_mfa_and_protects_the_pool() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> pool =
                    s.ofType("AWS::Cognito::UserPool").values().iterator().next();
            Map<String, Object> config = (Map<String, Object>)
                    ((Map<String, Object>) pool.get("LambdaConfig")).get("PreTokenGenerationConfig");
            assertThat(config.get("LambdaVersion")).isEqualTo("V2_0");
            assertThat(config.get("LambdaArn").toString()).contains("IdentityPreTokenGeneration");
            assertThat(pool.get("UserPoolTier")).isEqualTo("ESSENTIALS");
        }
        Map<String, Object> prod = Synthesised.prod()
                .ofType("AWS::Cognito::UserPool")
                .values()
                .iterator()
                .next();
        assertThat(prod.get("MfaConfiguration")).isEqualTo("ON");
        assertThat(prod.get("DeletionProtection")).isEqualTo("ACTIVE");
        assertThat(Synthesised.dev()
                        .ofType("AWS::Cognito::UserPool")
                        .values()
                        .iterator()
                        .next()
                        .get("MfaConfiguration"))
                .isEqualTo("OPTIONAL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_brokerage_calls_as_itself_with_the_client_credentials_grant_and_only_its_two_scopes() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> server = s.ofType("AWS::Cognito::UserPoolResourceServer")
                    .values()
                    .iterator()
                    .next();
            assertThat(server.get("Identifier")).isEqualTo("sse");
            assertThat((List<Map<String, Object>>) server.get("Scopes"))
                    .extracting(sc -> sc.get("ScopeName"))
                    .containsExactlyInAnyOrder("ledger.holds", "directory.read");
            Map<String, Object> brokerage =
                    s.ofType("AWS::Cognito::UserPoolClient").get(s.clientId("brokerage"));
            assertThat(brokerage.get("GenerateSecret")).isEqualTo(true);
            assertThat(brokerage.get("AllowedOAuthFlows")).isEqualTo(List.of("client_credentials"));
            assertThat(brokerage.get("AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
            assertThat(brokerage.get("AllowedOAuthScopes").toString())
                    .contains("/ledger.holds")
                    .contains("/directory.read");
            assertThat((List<Object>) brokerage.get("AllowedOAuthScopes")).hasSize(2);
            // it signs in no person: no password, SRP or refresh flows of its own
            assertThat((List<String>) brokerage.get("ExplicitAuthFlows")).allMatch("ALLOW_REFRESH_TOKEN_AUTH"::equals);
            // the web's own client reads the register of areas and nothing else (decision 0085)
            Map<String, Object> webService =
                    s.ofType("AWS::Cognito::UserPoolClient").get(s.clientId("web-service"));
            assertThat(webService.get("GenerateSecret")).isEqualTo(true);
            assertThat(webService.get("AllowedOAuthFlows")).isEqualTo(List.of("client_credentials"));
            assertThat((List<Object>) webService.get("AllowedOAuthScopes")).hasSize(1);
            assertThat(webService.get("AllowedOAuthScopes").toString())
                    .contains("/directory.read")
                    .doesNotContain("ledger.holds");
            assertThat((List<String>) webService.get("ExplicitAuthFlows")).allMatch("ALLOW_REFRESH_TOKEN_AUTH"::equals);
            // the web client has no OAuth scopes of the resource server
            assertThat(String.valueOf(s.ofType("AWS::Cognito::UserPoolClient")
                            .get(s.clientId("web"))
                            .get("AllowedOAuthScopes")))
                    .doesNotContain("ledger.holds");
            assertThat(s.ofType("AWS::Cognito::UserPoolDomain")).hasSize(1);
        }
    }

    @Test
    void the_trigger_puts_a_user_of_one_role_group_into_both_tokens_as_one_membership_and_the_older_claims()
            throws Exception {
        String answer = runTrigger("""
                {"userName":"u1","request":{"userAttributes":{"email":"a@b.c","custom:area":"888","custom:org":"prov_1"},
                 "groupConfiguration":{"groupsToOverride":["BROKER"]}},"response":{}}""");
        String claims =
                "\"claimsToAddOrOverride\":{\"memberships\":[\"BROKER@888/prov_1\"],\"role\":\"BROKER\",\"area\":\"888\",\"org\":\"prov_1\"}";
        assertThat(answer)
                .contains("\"idTokenGeneration\":{" + claims + "}")
                .contains("\"accessTokenGeneration\":{" + claims + "}");
    }

    @Test
    void groups_named_role_at_area_are_memberships_of_those_areas_and_only_the_memberships_claim_is_written()
            throws Exception {
        String answer = runTrigger("""
                {"userName":"head","request":{"userAttributes":{"custom:area":"888","custom:org":"100001"},
                 "groupConfiguration":{"groupsToOverride":["ASSURER@888","ADVISER@trust-2044","ADVISER@trust-2044","REGISTRAR"]}},"response":{}}""");
        String claims =
                "\"claimsToAddOrOverride\":{\"memberships\":[\"ASSURER@888/100001\",\"ADVISER@trust-2044/100001\",\"REGISTRAR\"]}";
        assertThat(answer)
                .contains("\"accessTokenGeneration\":{" + claims + "}")
                .contains("\"idTokenGeneration\":{" + claims + "}")
                .doesNotContain("\"role\"");
    }

    @Test
    void groups_of_no_known_role_or_no_valid_area_give_no_membership_and_a_user_with_none_gets_no_claims()
            throws Exception {
        assertThat(runTrigger("""
                {"userName":"u2","request":{"userAttributes":{"custom:area":"888"},
                 "groupConfiguration":{"groupsToOverride":["staff","KING@888","ADVISER@bad area","ADVISER@"]}},"response":{}}""")).contains("\"accessTokenGeneration\":{\"claimsToAddOrOverride\":{}}");
        assertThat(runTrigger("""
                {"userName":"u3","request":{"userAttributes":{"custom:org":"not an org"},"groupConfiguration":{"groupsToOverride":["ADVISER@888"]}},"response":{}}"""))
                .contains("\"memberships\":[\"ADVISER@888\"]")
                .doesNotContain("\"org\"");
    }

    @Test
    void the_triggers_source_fits_inline_code_which_cloudformation_caps_at_4096_characters() {
        assertThat(Identity.triggerSource().length()).isLessThan(4096);
    }

    /** Runs the trigger's own source in Node (which jsii needs anyway) on one event and answers the event it returns. */
    private static String runTrigger(String event) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("trigger");
        Files.writeString(dir.resolve("index.js"), Identity.triggerSource(), StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("run.js"),
                "require('./index.js').handler(" + event.replace('\n', ' ')
                        + ").then(e => process.stdout.write(JSON.stringify(e.response)));",
                StandardCharsets.UTF_8);
        Process node = new ProcessBuilder("node", "run.js")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return out;
    }
}
