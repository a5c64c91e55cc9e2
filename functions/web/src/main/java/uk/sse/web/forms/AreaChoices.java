package uk.sse.web.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/** The areas of support as choices, grouped under their top-level area (first the top level itself, then those beneath). */
public final class AreaChoices {

    private AreaChoices() {}

    /**
     * {@code topLabel} words the top level's own choice ("%s in general", "All of %s"); a count, where {@code counts} has
     * one, follows each label in brackets.
     */
    public static List<ChoiceGroup> grouped(String topLabel, Collection<String> chosen, Map<String, Long> counts) {
        List<ChoiceGroup> groups = new ArrayList<>();
        for (Term top : Taxonomy.standard().terms()) {
            if (top.parent() != null) {
                continue;
            }
            List<Choice> choices = new ArrayList<>();
            choices.add(choice(top, topLabel.formatted(top.label()), chosen, counts));
            Taxonomy.standard().terms().stream()
                    .filter(t -> top.code().equals(t.parent()))
                    .forEach(t -> choices.add(choice(t, t.label(), chosen, counts)));
            groups.add(new ChoiceGroup(top.label(), choices));
        }
        return groups;
    }

    private static Choice choice(Term term, String label, Collection<String> chosen, Map<String, Long> counts) {
        Long count = counts.get(term.code());
        return new Choice(
                term.code(), count == null ? label : label + " (" + count + ")", chosen.contains(term.code()));
    }
}
