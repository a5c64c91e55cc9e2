package uk.sse.web.forms;

import java.util.List;

/** Choices under a heading, e.g. the areas of support beneath one top-level area. */
public record ChoiceGroup(String label, List<Choice> choices) {

    public boolean anyChosen() {
        return choices.stream().anyMatch(Choice::chosen);
    }
}
