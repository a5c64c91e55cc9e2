package uk.sse.directory.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.sse.directory.model.Phase;

/**
 * What an adviser typed, read for search. Punctuation is never syntax: the text is its words, each once, at most
 * {@value #MAX_WORDS}. Words naming a phase of education ("primary", "sixth form", "early years") say which offers to
 * prefer rather than which words to match, so they leave the matched words and become phases; key stages stay words too,
 * being more exact than a phase. The embedding model reads all of them ({@code typed}).
 *
 * @param words  the words to match, space-separated
 * @param phases the phases the text names
 * @param typed  every word, phase words included, space-separated
 */
public record SearchText(String words, Set<Phase> phases, String typed) {

    static final int MAX_WORDS = 12;

    /** Phase words, longest first so that "sixth form" is read before "form" could be; {@code true}: also kept as words. */
    private static final List<PhaseWords> PHASE_WORDS = List.of(
            new PhaseWords("early years foundation stage", Phase.EARLY_YEARS, false),
            new PhaseWords("pupil referral unit", Phase.ALTERNATIVE_PROVISION, false),
            new PhaseWords("alternative provision", Phase.ALTERNATIVE_PROVISION, true),
            new PhaseWords("special schools", Phase.SPECIAL, false),
            new PhaseWords("special school", Phase.SPECIAL, false),
            new PhaseWords("key stage 1", Phase.PRIMARY, true),
            new PhaseWords("key stage 2", Phase.PRIMARY, true),
            new PhaseWords("key stage 3", Phase.SECONDARY, true),
            new PhaseWords("key stage 4", Phase.SECONDARY, true),
            new PhaseWords("key stage 5", Phase.POST_16, true),
            new PhaseWords("early years", Phase.EARLY_YEARS, false),
            new PhaseWords("sixth forms", Phase.POST_16, false),
            new PhaseWords("sixth form", Phase.POST_16, false),
            new PhaseWords("post 16", Phase.POST_16, false),
            new PhaseWords("16 19", Phase.POST_16, false),
            new PhaseWords("16 to 19", Phase.POST_16, false),
            new PhaseWords("high school", Phase.SECONDARY, false),
            new PhaseWords("all through", Phase.ALL_THROUGH, false),
            new PhaseWords("eyfs", Phase.EARLY_YEARS, false),
            new PhaseWords("nursery", Phase.EARLY_YEARS, false),
            new PhaseWords("preschool", Phase.EARLY_YEARS, false),
            new PhaseWords("primary", Phase.PRIMARY, false),
            new PhaseWords("primaries", Phase.PRIMARY, false),
            new PhaseWords("infant", Phase.PRIMARY, false),
            new PhaseWords("infants", Phase.PRIMARY, false),
            new PhaseWords("junior", Phase.PRIMARY, false),
            new PhaseWords("juniors", Phase.PRIMARY, false),
            new PhaseWords("secondary", Phase.SECONDARY, false),
            new PhaseWords("secondaries", Phase.SECONDARY, false),
            new PhaseWords("ks1", Phase.PRIMARY, true),
            new PhaseWords("ks2", Phase.PRIMARY, true),
            new PhaseWords("ks3", Phase.SECONDARY, true),
            new PhaseWords("ks4", Phase.SECONDARY, true),
            new PhaseWords("ks5", Phase.POST_16, true),
            new PhaseWords("pru", Phase.ALTERNATIVE_PROVISION, false));

    private record PhaseWords(List<String> words, Phase phase, boolean keep) {
        PhaseWords(String words, Phase phase, boolean keep) {
            this(List.of(words.split(" ")), phase, keep);
        }
    }

    /** The text read, or empty if it has no word to search for (only punctuation, symbols or spaces). */
    static Optional<SearchText> of(String typed) {
        List<String> words = words(typed);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        boolean[] phaseWord = new boolean[words.size()];
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (PhaseWords p : PHASE_WORDS) {
            for (int at = 0; at + p.words().size() <= lower.size(); at++) {
                if (lower.subList(at, at + p.words().size()).equals(p.words()) && !phaseWord[at]) {
                    phases.add(p.phase());
                    for (int i = at; i < at + p.words().size(); i++) {
                        phaseWord[i] = !p.keep();
                    }
                }
            }
        }
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!phaseWord[i]) {
                matched.add(words.get(i));
            }
        }
        // a text of nothing but phase words ("primary") is searched as it is
        String all = String.join(" ", words);
        return Optional.of(
                new SearchText(matched.isEmpty() ? all : String.join(" ", matched), Set.copyOf(phases), all));
    }

    /**
     * The words, without punctuation (split as the analyser would, on anything but letters, digits and apostrophes, so
     * "a,b,c" is three words), each once, at most {@value #MAX_WORDS}. Synonyms multiply clauses, so unbounded text could
     * pass OpenSearch's clause limit; adviser queries are a few words, and beyond a dozen words add only noise.
     */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.split("[^\\p{L}\\p{N}'’]+")) {
            String bare = word.replaceAll("^['’]+|['’]+$", "");
            if (!bare.isEmpty() && words.size() < MAX_WORDS && words.stream().noneMatch(bare::equalsIgnoreCase)) {
                words.add(bare);
            }
        }
        return List.copyOf(words);
    }
}
