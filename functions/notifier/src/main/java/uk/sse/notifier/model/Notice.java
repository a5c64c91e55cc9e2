package uk.sse.notifier.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Something waiting for an audience: what it is ({@code kind}), a sentence that says so by name, the page to act on, when
 * it happened, and the event (or reminder) it came from. Its id is derived from the source, the kind and the audience, so
 * the same event read twice makes the same notice.
 */
public record Notice(
        String id,
        Audience audience,
        NoticeKind kind,
        String sourceId,
        String area,
        String title,
        String link,
        Instant occurredAt) {

    public Notice {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static Notice of(
            Audience audience,
            NoticeKind kind,
            String sourceId,
            String area,
            String title,
            String link,
            Instant occurredAt) {
        return new Notice(idOf(sourceId, kind, audience), audience, kind, sourceId, area, title, link, occurredAt);
    }

    /** {@code ntc_} and 32 hex digits of the SHA-256 of the source, kind and audience. */
    static String idOf(String sourceId, NoticeKind kind, Audience audience) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sourceId + "\n" + kind.name() + "\n" + audience.key()).getBytes(StandardCharsets.UTF_8));
            return "ntc_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
