package uk.sse.web.demo;

import java.util.List;
import uk.sse.web.forms.Errors;

/**
 * The local run's demo sign-in page: people of every role, several schools and providers, to sign in as. Only the
 * local run has a route to it; the Lambda's jar does not contain it.
 */
public record DemoSignInPage(List<Group> groups, String chosen, String returnTo, Errors errors) {

    /** People of one kind, e.g. "Schools". */
    public record Group(String heading, List<Option> people) {}

    /** One person: the key the form sends, their name and what they are. */
    public record Option(String key, String name, String hint) {}
}
