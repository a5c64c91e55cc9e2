package uk.sse.localstack;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** A fresh RSA key, its JWKS and RS256 tokens with the claims Cognito's trigger makes in AWS; only the JDK needed. */
final class SigningKey {

    static final String KID = "sse-localstack-test";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair pair;

    SigningKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    String jwks() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + URL.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + URL.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    String bearer(String role, String area, String org) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}");
        String claims = encode("{\"sub\":\"test-" + role.toLowerCase() + "\",\"role\":\"" + role + "\",\"area\":\""
                + area + "\",\"org\":\"" + org + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(pair.getPrivate());
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return "Bearer " + header + "." + claims + "." + URL.encodeToString(rs256.sign());
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** BigInteger's bytes carry a sign byte that JWK's base64url integers do not. */
    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
