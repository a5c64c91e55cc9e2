package uk.sse.directory.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test")
class SmokeTest extends LambdaTest {

    @Inject Api api;
    @Inject Tokens tokens;

    @Test
    void taxonomyNeedsAToken() {
        var reply = api.get("/taxonomy", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        var ok = api.get("/taxonomy", tokens.bearer(Role.ADVISER, "202", null));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.list()).hasSizeGreaterThan(40);
    }

    @Test
    void importThenRead() {
        String csv = "\"URN\",\"EstablishmentName\",\"LA (code)\",\"Easting\",\"Northing\"\r\n\"100000\",\"The Aldgate School\",\"201\",\"533502\",\"181167\"\r\n";
        var imported = api.send(Api.auth(HttpRequest.POST("/schools/import", csv).contentType(MediaType.of("text/csv")),
                tokens.bearer(Role.ADMIN, "201", null)));
        System.out.println(imported.body());
        assertThat(imported.status()).isEqualTo(200);
        var school = api.get("/schools/100000", tokens.bearer(Role.ADVISER, "201", null));
        System.out.println(school.body());
        assertThat(school.status()).isEqualTo(200);
        var bad = api.send(Api.auth(HttpRequest.POST("/providers", "{\"type\":\"NOPE\"}").contentType(MediaType.APPLICATION_JSON),
                tokens.bearer(Role.ADMIN, "201", null)));
        System.out.println(bad.status() + " " + bad.body());
        var unknown = api.send(Api.auth(HttpRequest.POST("/providers", "{\"colour\":\"red\"}").contentType(MediaType.APPLICATION_JSON),
                tokens.bearer(Role.ADMIN, "201", null)));
        System.out.println(unknown.status() + " " + unknown.body());
        var malformed = api.send(Api.auth(HttpRequest.POST("/providers", "{\"name\": ").contentType(MediaType.APPLICATION_JSON),
                tokens.bearer(Role.ADMIN, "201", null)));
        System.out.println(malformed.status() + " " + malformed.body());
        var missing = api.send(Api.auth(HttpRequest.POST("/providers", "{\"type\":\"SCHOOL\"}").contentType(MediaType.APPLICATION_JSON),
                tokens.bearer(Role.ADMIN, "201", null)));
        System.out.println(missing.status() + " " + missing.body());
    }
}
