package uk.sse.directory.search;

import java.util.HashMap;
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
 */
final class Typos {

    private static final Pattern HIGHLIGHTED = Pattern.compile("<em>([^<]+)</em>");

    private Typos() {}

    /** The text with its typos mended, or the text itself if none is found. */
    static String mend(String text, List<Map<String, Object>> hits) {
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
