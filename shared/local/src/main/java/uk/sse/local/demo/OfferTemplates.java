package uk.sse.local.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.Phase;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * The offer texts in {@value #RESOURCE} and {@value #HAND_WRITTEN}, read once and checked, so a typo fails at start-up
 * rather than in a demo.
 */
final class OfferTemplates {

    static final String RESOURCE = "/demo/offer-templates.txt";
    /** Single offers written by hand for judging search (see the file's header). */
    static final String HAND_WRITTEN = "/demo/hand-written-offers.txt";

    /** Who offers what, besides school kinds and designations. */
    static final Set<String> PROVIDER_TAGS = Set.of("LA", "TRUST", "CONSULTANT", "CHARITY");

    private static final List<Template> STANDARD = read(RESOURCE);
    private static final List<Template> WRITTEN = read(HAND_WRITTEN);

    static {
        Set<String> keys = new java.util.HashSet<>();
        Stream.concat(STANDARD.stream(), WRITTEN.stream())
                .map(Template::key)
                .filter(key -> !keys.add(key))
                .findFirst()
                .ifPresent(key -> {
                    throw new IllegalStateException(
                            "the offer key " + key + " is given twice in " + RESOURCE + " and " + HAND_WRITTEN);
                });
    }

    private OfferTemplates() {}

    /**
     * One kind of support, with variants of its texts. The first area code decides its top-level area. {@code key} names
     * it for the search relevance set; {@code copies} and {@code fate} are for hand-written offers only.
     */
    record Template(
            String key,
            List<String> areas,
            List<String> also,
            Set<String> by,
            Set<Phase> phases,
            List<DeliveryMode> modes,
            List<String> titles,
            List<String> abouts,
            List<String> evidence,
            int copies,
            AssuranceHistories.Fate fate) {

        String topLevel() {
            return areas.get(0).split("\\.")[0];
        }
    }

    static List<Template> standard() {
        return STANDARD;
    }

    static List<Template> handWritten() {
        return WRITTEN;
    }

    private static List<Template> read(String resource) {
        try (InputStream in = OfferTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return parse(
                    resource,
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                            .lines()
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Template> parse(List<String> lines) {
        return parse(RESOURCE, lines);
    }

    static List<Template> parse(String source, List<String> lines) {
        List<Template> templates = new ArrayList<>();
        Map<String, List<String>> block = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                addBlock(source, block, templates);
            } else if (!line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException(source + ": not a 'key: value' line: " + line);
                }
                block.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        addBlock(source, block, templates);
        return List.copyOf(templates);
    }

    private static void addBlock(String source, Map<String, List<String>> block, List<Template> templates) {
        if (block.isEmpty()) {
            return;
        }
        String where = source + ", template " + (templates.size() + 1) + ": ";
        List<String> key = words(block, "key", where);
        List<String> copies = words(block, "copies", where);
        List<String> fate = words(block, "fate", where);
        Template t = new Template(
                key.size() == 1 && key.get(0).matches("[a-z0-9-]+") ? key.get(0) : null,
                codes(words(block, "areas", where), where),
                codes(words(block, "also", where), where),
                Set.copyOf(words(block, "by", where)),
                phases(words(block, "phases", where)),
                words(block, "modes", where).stream().map(DeliveryMode::valueOf).toList(),
                required(block, "title", where),
                required(block, "about", where),
                required(block, "evidence", where),
                copies.isEmpty() ? 1 : Integer.parseInt(copies.get(0)),
                fate.isEmpty() ? AssuranceHistories.Fate.VISIBLE : AssuranceHistories.Fate.valueOf(fate.get(0)));
        List<String> unknown = t.by().stream().filter(tag -> !isTag(tag)).toList();
        if (t.key() == null
                || t.areas().isEmpty()
                || t.by().isEmpty()
                || t.phases().isEmpty()
                || t.modes().isEmpty()
                || !unknown.isEmpty()
                || t.also().stream().anyMatch(t.areas()::contains)
                || t.copies() < 1) {
            throw new IllegalStateException(
                    where + "needs a key (lower case, digits and hyphens), areas, by, phases and modes, "
                            + "known tags (not " + unknown + "), extra codes not in areas and at least one copy");
        }
        templates.add(t);
        block.clear();
    }

    private static boolean isTag(String tag) {
        return PROVIDER_TAGS.contains(tag)
                || Arrays.stream(SchoolKind.values()).anyMatch(k -> k.name().equals(tag))
                || Arrays.stream(Designation.values()).anyMatch(d -> d.name().equals(tag));
    }

    private static List<String> words(Map<String, List<String>> block, String key, String where) {
        List<String> values = block.getOrDefault(key, List.of());
        if (values.size() > 1) {
            throw new IllegalStateException(where + key + " is given twice");
        }
        return values.isEmpty() || values.get(0).isEmpty()
                ? List.of()
                : List.of(values.get(0).split("\\s+"));
    }

    private static List<String> codes(List<String> codes, String where) {
        codes.stream().filter(c -> !Taxonomy.standard().isKnown(c)).findFirst().ifPresent(c -> {
            throw new IllegalStateException(where + c + " is not a taxonomy code");
        });
        return codes;
    }

    private static Set<Phase> phases(List<String> names) {
        return names.equals(List.of("ANY"))
                ? EnumSet.allOf(Phase.class)
                : names.stream()
                        .map(Phase::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Phase.class)));
    }

    private static List<String> required(Map<String, List<String>> block, String key, String where) {
        List<String> values = block.getOrDefault(key, List.of());
        if (values.isEmpty()) {
            throw new IllegalStateException(where + "needs at least one " + key);
        }
        return List.copyOf(values);
    }
}
