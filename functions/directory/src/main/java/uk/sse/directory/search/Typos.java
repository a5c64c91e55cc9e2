package uk.sse.directory.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words typed with a typo, read back from what they matched. The lexical query forgives typos (one letter in words of
 * five to seven, two from eight); the highlights of its hits show the words they matched as written in the offers. A typed
 * word found nowhere as it is, but within those edits of a highlighted word, is taken as that word, so that the embedding
 * model reads "phonics" where "phonix" was typed.
 *
 * <p>That forgiveness counts edits on the stemmed word, so a short stem forgives none: "bulying" (stem "buli") matches
 * nothing of "bullying" (stem "bulli"). A word that matched nothing is therefore also looked up in the index's own words
 * as written (OpenSearch's term suggester on the titles, providers and area labels), and respelt only when the index's
 * word is the typed one with the slip of a hand: a letter doubled or undoubled, a letter dropped, two letters swapped.
 * Other edits are not taken: they would mend real words into other words.
 */
final class Typos {

    private static final Pattern HIGHLIGHTED = Pattern.compile("<em>([^<]+)</em>");

    /** Words shorter than this are left as typed: too many real words are a slip away from another. */
    static final int SHORTEST = 5;

    private static final Pattern WORD = Pattern.compile("\\p{L}{" + SHORTEST + ",}");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    /** A typed word matched something when a highlighted word begins with its first letters (stemming keeps those). */
    static final int SHARED_START = 4;

    static final String SUGGESTION = "respellings";

    private Typos() {}

    /** The typed words, of {@value #SHORTEST} letters or more, that no highlighted word begins like: they matched nothing. */
    static List<String> unmatched(String text, List<Map<String, Object>> hits) {
        Map<String, Integer> seen = highlighted(hits);
        List<String> unmatched = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            String start = word.substring(0, SHARED_START);
            if (seen.keySet().stream().noneMatch(w -> w.startsWith(start)) && !unmatched.contains(word)) {
                unmatched.add(word);
            }
        }
        return unmatched;
    }

    /** A search body asking only for the index's words near these, as written in titles, providers and area labels. */
    static Map<String, Object> suggestions(List<String> words) {
        return Map.of(
                "size",
                0,
                "track_total_hits",
                false,
                "suggest",
                Map.of(
                        SUGGESTION,
                        Map.of(
                                "text",
                                String.join(" ", words),
                                "term",
                                Map.of(
                                        "field",
                                        "suggest",
                                        "suggest_mode",
                                        "missing",
                                        "min_word_length",
                                        SHORTEST,
                                        "prefix_length",
                                        1,
                                        "max_edits",
                                        1,
                                        "size",
                                        5))));
    }

    /** Each word the suggestions respell by a slip ({@link #slip}), with the index's word for it; empty if none. */
    static Map<String, String> respellings(SearchResponse suggested) {
        Map<String, String> respelt = new LinkedHashMap<>();
        for (Map<String, Object> entry : SearchResponse.list(
                SearchResponse.map(suggested.raw().get("suggest")).get(SUGGESTION))) {
            String typed = String.valueOf(entry.get("text"));
            SearchResponse.list(entry.get("options")).stream()
                    .map(o -> String.valueOf(o.get("text")))
                    .filter(option -> slip(typed, option))
                    .findFirst()
                    .ifPresent(option -> respelt.put(typed, option));
        }
        return respelt;
    }

    /** The text with these words (as typed, in any case) replaced; the text itself if none is in it. */
    static String replace(String text, Map<String, String> words) {
        if (text == null || words.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = LETTERS.matcher(text);
        int last = 0;
        while (m.find()) {
            String to = words.get(m.group().toLowerCase(Locale.ROOT));
            out.append(text, last, m.start()).append(to == null ? m.group() : to);
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /**
     * Whether {@code meant} is {@code typed} with one slip of the hand: a letter doubled ("bulllying") or undoubled
     * ("bulying"), a letter dropped ("attendnce"), or two neighbours swapped ("safegaurding").
     */
    static boolean slip(String typed, String meant) {
        if (typed.equals(meant)) {
            return false;
        }
        if (meant.length() == typed.length() + 1) {
            // a letter dropped (or a double typed single): the meant word less one letter is the typed one
            for (int i = 0; i < meant.length(); i++) {
                if ((meant.substring(0, i) + meant.substring(i + 1)).equals(typed)) {
                    return true;
                }
            }
            return false;
        }
        if (typed.length() == meant.length() + 1) {
            // a letter doubled: the typed word less one of two same letters side by side is the meant one
            for (int i = 1; i < typed.length(); i++) {
                if (typed.charAt(i) == typed.charAt(i - 1)
                        && (typed.substring(0, i) + typed.substring(i + 1)).equals(meant)) {
                    return true;
                }
            }
            return false;
        }
        if (typed.length() == meant.length()) {
            int first = -1;
            for (int i = 0; i < typed.length(); i++) {
                if (typed.charAt(i) != meant.charAt(i)) {
                    first = i;
                    break;
                }
            }
            return first >= 0
                    && first + 1 < typed.length()
                    && typed.charAt(first) == meant.charAt(first + 1)
                    && typed.charAt(first + 1) == meant.charAt(first)
                    && typed.substring(first + 2).equals(meant.substring(first + 2));
        }
        return false;
    }

    private static Map<String, Integer> highlighted(List<Map<String, Object>> hits) {
        Map<String, Integer> seen = new HashMap<>();
        for (Map<String, Object> hit : hits) {
            SearchResponse.map(hit.get("highlight"))
                    .values()
                    .forEach(snippets -> SearchResponse.strings(snippets).forEach(snippet -> {
                        Matcher m = HIGHLIGHTED.matcher(snippet);
                        while (m.find()) {
                            seen.merge(m.group(1).toLowerCase(Locale.ROOT), 1, Integer::sum);
                        }
                    }));
        }
        return seen;
    }

    /** The text with its typos mended, or the text itself if none is found. */
    static String mend(String text, List<Map<String, Object>> hits) {
        Map<String, Integer> seen = highlighted(hits);
        StringBuilder mended = new StringBuilder();
        boolean changed = false;
        for (String word : text.split(" ")) {
            String lower = word.toLowerCase(Locale.ROOT);
            String best = word;
            if (lower.length() >= 5 && !seen.containsKey(lower)) {
                int allowed = lower.length() >= 8 ? 2 : 1;
                int most = 0;
                for (Map.Entry<String, Integer> candidate : seen.entrySet()) {
                    if (candidate.getValue() > most && distance(lower, candidate.getKey(), allowed) <= allowed) {
                        best = candidate.getKey();
                        most = candidate.getValue();
                    }
                }
            }
            changed |= !best.equals(word);
            mended.append(mended.isEmpty() ? "" : " ").append(best);
        }
        return changed ? mended.toString() : text;
    }

    /** Damerau-Levenshtein distance (adjacent swaps count one), or {@code limit + 1} once it is certainly beyond the limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
