package uk.sse.bench.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sse.directory.model.Phase;

/** The graded queries of {@value #RESOURCE}: what advisers type, and how well each kind of demo offer answers it. */
public record RelevanceSet(List<Query> queries, List<Set<String>> classes) {

    public static final String RESOURCE = "/search-eval/queries.txt";

    /** The held-aside third is looked at only after a change is done. */
    public enum Part {
        TUNE,
        CHECK
    }

    /**
     * One query as typed, with the further parameters of {@code GET /search/offers} it is asked with.
     *
     * @param with   further query parameters, already URL-encoded ({@code near=119773&phase=SECONDARY}), or empty
     * @param grades what each offer key is worth, highest first; empty for a need no offer answers
     */
    public record Query(
            String id,
            String text,
            String with,
            String kind,
            Part part,
            List<Grade> grades,
            List<Set<String>> classes) {

        /**
         * An offer's grade: the highest of the lines that name its key (and one of its phases, where they are given); for a
         * key no line names, the highest its near-duplicates' lines give.
         */
        public int grade(String key, Collection<Phase> phases) {
            int own = named(key, phases);
            if (own > 0 || grades.stream().anyMatch(g -> g.key().equals(key))) {
                return own;
            }
            return classes.stream()
                    .filter(c -> c.contains(key))
                    .flatMap(Set::stream)
                    .mapToInt(k -> named(k, phases))
                    .max()
                    .orElse(0);
        }

        private int named(String key, Collection<Phase> phases) {
            return grades.stream()
                    .filter(g -> g.key().equals(key)
                            && (g.phases().isEmpty() || g.phases().stream().anyMatch(phases::contains)))
                    .mapToInt(Grade::grade)
                    .max()
                    .orElse(0);
        }

        public boolean noAnswer() {
            return grades.isEmpty();
        }
    }

    /** {@code grade} for offers made from {@code key}, or only those of them for one of {@code phases} when any are given. */
    public record Grade(int grade, String key, Set<Phase> phases) {}

    private static final Pattern SELECTOR = Pattern.compile("([a-z0-9-]+)(?:\\[([A-Z0-9_,]+)])?");

    public static RelevanceSet standard() {
        try (InputStream in = RelevanceSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RelevanceSet parse(List<String> lines) {
        List<Query> queries = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        List<Grade> grades = new ArrayList<>();
        List<Set<String>> classes = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("same:")) {
                classes.add(Set.of(line.substring(5).strip().split("\\s+")));
            } else if (line.isBlank()) {
                add(block, grades, queries, classes);
            } else if (!line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException(RESOURCE + ": not a 'key: value' line: " + line);
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (key.matches("[123]")) {
                    for (String selector : value.split("\\s+")) {
                        Matcher m = SELECTOR.matcher(selector);
                        if (!m.matches()) {
                            throw new IllegalStateException(RESOURCE + ": not an offer key: " + selector);
                        }
                        Set<Phase> phases = EnumSet.noneOf(Phase.class);
                        if (m.group(2) != null) {
                            for (String phase : m.group(2).split(",")) {
                                phases.add(Phase.valueOf(phase));
                            }
                        }
                        grades.add(new Grade(Integer.parseInt(key), m.group(1), Set.copyOf(phases)));
                    }
                } else if (block.put(key, value) != null) {
                    throw new IllegalStateException(RESOURCE + ": " + key + " given twice in " + block);
                }
            }
        }
        add(block, grades, queries, classes);
        if (queries.stream().map(Query::id).distinct().count() != queries.size()) {
            throw new IllegalStateException(RESOURCE + ": query ids must be unique");
        }
        return new RelevanceSet(List.copyOf(queries), List.copyOf(classes));
    }

    private static void add(
            Map<String, String> block, List<Grade> grades, List<Query> queries, List<Set<String>> classes) {
        if (block.isEmpty() && grades.isEmpty()) {
            return;
        }
        String id = block.get("id");
        if (id == null || block.get("q") == null || block.get("kind") == null || block.get("set") == null) {
            throw new IllegalStateException(RESOURCE + ": a query needs id, q, kind and set: " + block);
        }
        List<Grade> sorted = new ArrayList<>(grades);
        sorted.sort((a, b) -> b.grade() - a.grade());
        queries.add(new Query(
                id,
                block.get("q"),
                block.getOrDefault("with", ""),
                block.get("kind"),
                Part.valueOf(block.get("set").toUpperCase(java.util.Locale.ROOT)),
                List.copyOf(sorted),
                classes));
        block.clear();
        grades.clear();
    }

    /** Every offer key the set grades. */
    public Set<String> keys() {
        Set<String> keys = new java.util.TreeSet<>();
        queries.forEach(q -> q.grades().forEach(g -> keys.add(g.key())));
        classes.forEach(keys::addAll);
        return keys;
    }
}
