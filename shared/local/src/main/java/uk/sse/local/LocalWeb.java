package uk.sse.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The web application's settings in the local run. The run's one classpath holds the web's beans, whose filters every
 * context that serves HTTP builds (the local server's, and the benchmarks' Lambda contexts), so each needs them.
 */
public final class LocalWeb {

    private LocalWeb() {}

    /**
     * The web on a server at {@code port}: it calls the APIs on that port, sends people who are not signed in to the demo
     * sign-in page, and keeps its session and CSRF keys for this run only.
     */
    public static Map<String, Object> settings(int port) {
        return Map.of(
                "sse.web.api-url",
                "http://127.0.0.1:" + port,
                "sse.web.session-key",
                freshSecret(),
                "sse.web.sign-in-path",
                "/sign-in",
                // the local bucket's presigned uploads (decision 0063) listen on a port of their own
                "sse.web.upload-origins",
                "http://127.0.0.1:*",
                "micronaut.security.csrf.signature-key",
                freshSecret(),
                "micronaut.security.redirect.enabled",
                false,
                "micronaut.security.oauth2.enabled",
                false,
                // a release the registrar loads is credited on the next page (deployed, within 10 minutes)
                "sse.web.postcode-release-fresh-for",
                "0s");
    }

    /** 48 random bytes, URL-safe: a key that lives as long as this run. */
    static String freshSecret() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
