package uk.sse.web.assets;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The pages' one stylesheet and one script, and the fonts and images the stylesheet uses, made once at start-up from
 * the WebJars: GOV.UK Frontend's CSS and script, accessible-autocomplete's, and ours. Everything is served under
 * {@code /assets/<version>/}, where the version is a hash of the content, so a browser (or CloudFront) may keep each
 * file for a year without asking again; a new release has new URLs.
 */
@Singleton
public class Assets {

    static final String GOVUK;
    static final String AUTOCOMPLETE;
    static final String OURS = "uk/sse/web/assets/";
    static final List<String> FONTS = List.of(
            "bold-affa96571d-v2.woff",
            "bold-b542beb274-v2.woff2",
            "light-94a07e06a1-v2.woff2",
            "light-f591b13f7d-v2.woff");
    static final List<String> IMAGES = List.of("favicon.ico", "favicon.svg", "govuk-crest.svg", "govuk-icon-180.png");

    static {
        java.util.Properties versions = new java.util.Properties();
        try (InputStream in = Assets.class.getResourceAsStream("webjars.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("uk/sse/web/assets/webjars.properties is missing", e);
        }
        GOVUK = "META-INF/resources/webjars/govuk-frontend/" + versions.getProperty("govuk-frontend") + "/dist/govuk/";
        AUTOCOMPLETE = "META-INF/resources/webjars/accessible-autocomplete/"
                + versions.getProperty("accessible-autocomplete") + "/dist/";
    }

    /** One file: its type, its bytes, and the same gzipped when that is smaller. */
    public record Asset(String contentType, byte[] bytes, byte[] gzipped) {}

    private final String version;
    private final Map<String, Asset> files = new LinkedHashMap<>();

    public Assets() {
        String css = text(GOVUK + "govuk-frontend.min.css") + "\n"
                + text(AUTOCOMPLETE + "accessible-autocomplete.min.css") + "\n" + text(OURS + "sse.css");
        String js = text(AUTOCOMPLETE + "accessible-autocomplete.min.js") + "\n;\n" + text(GOVUK + "all.bundle.js")
                + "\n;\n" + text(OURS + "sse.js");
        this.version = hash(css + js);
        // the stylesheet names its fonts and images under /assets/: point it at this version's copies
        css = css.replace("url(/assets/", "url(" + base() + "/");
        put("app.css", "text/css", withoutSourceMaps(css).getBytes(StandardCharsets.UTF_8));
        put("app.js", "text/javascript", withoutSourceMaps(js).getBytes(StandardCharsets.UTF_8));
        for (String font : FONTS) {
            put(
                    "fonts/" + font,
                    font.endsWith("woff2") ? "font/woff2" : "font/woff",
                    bytes(GOVUK + "assets/fonts/" + font));
        }
        for (String image : IMAGES) {
            put(
                    "images/" + image,
                    image.endsWith(".svg") ? "image/svg+xml" : image.endsWith(".png") ? "image/png" : "image/x-icon",
                    bytes(GOVUK + "assets/images/" + image));
        }
    }

    /** Where this version's files are: {@code /assets/<version>}. */
    public String base() {
        return "/assets/" + version;
    }

    public String version() {
        return version;
    }

    public String css() {
        return base() + "/app.css";
    }

    public String js() {
        return base() + "/app.js";
    }

    /** A file by its name under the version, e.g. {@code fonts/bold-b542beb274-v2.woff2}. */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(files.get(name));
    }

    private void put(String name, String type, byte[] bytes) {
        byte[] gzipped = gzip(bytes);
        files.put(name, new Asset(type, bytes, gzipped.length < bytes.length ? gzipped : null));
    }

    private static String withoutSourceMaps(String text) {
        return text.replaceAll("(?m)^\\s*//# sourceMappingURL=\\S+\\s*$", "")
                .replaceAll("/\\*# sourceMappingURL=\\S+ \\*/", "");
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
