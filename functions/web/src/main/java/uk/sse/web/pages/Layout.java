package uk.sse.web.pages;

import java.util.List;
import uk.sse.web.session.Person;

/**
 * What every page's frame shows: the service's name, the page's title, who is signed in (or nobody), their navigation
 * with the current item marked, how many of their notifications are new, the CSRF token for the forms on the page (the
 * sign-out button's too), the asset URLs and the role they act in, by its names ("Adviser, Lancashire").
 */
public record Layout(
        String title,
        Person person,
        List<Link> navigation,
        String csrfToken,
        String css,
        String js,
        String assets,
        Integer unread,
        String hat) {

    public static final String SERVICE = "School Support Exchange";

    /** A navigation link; {@code current} marks the section the page belongs to. */
    public record Link(String label, String href, boolean current) {}

    public boolean signedIn() {
        return person != null;
    }

    /** The browser's title: the page's, then the service's, as GOV.UK pages do (with "Error: " when a form has errors). */
    public String documentTitle() {
        return title == null || title.isBlank() ? SERVICE : title + " - " + SERVICE;
    }
}
