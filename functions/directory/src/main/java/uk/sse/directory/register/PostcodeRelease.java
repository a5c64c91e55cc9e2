package uk.sse.directory.register;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A release of OS Code-Point Open as the Open Government Licence asks pages that use it to credit it: the attribution
 * lines of the release's own licence (OS's zip carries them in {@code Doc/}, each with the release's year), or, for a
 * file that does not carry them but names its year, the lines OS gives with that year.
 */
public record PostcodeRelease(List<String> attribution) {

    /** "Contains OS data © Crown copyright and database right 2024", as a licence file or a Markdown quote of it has it. */
    private static final Pattern LINE = Pattern.compile(
            "^[>\\s]*(Contains [^©]{1,80}(?:©|\\(c\\))[^\\r\\n]{1,120}?\\b(?:19|20)[0-9]{2})\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

    public PostcodeRelease {
        attribution = List.copyOf(attribution);
        if (attribution.isEmpty()) {
            throw new IllegalArgumentException("a release is credited with at least one line");
        }
    }

    /** OS's three lines for a release of that year. */
    public static PostcodeRelease ofYear(int year) {
        return new PostcodeRelease(List.of(
                "Contains OS data © Crown copyright and database right " + year,
                "Contains Royal Mail data © Royal Mail copyright and database right " + year,
                "Contains National Statistics data © Crown copyright and database right " + year));
    }

    /** The attribution lines a licence's text gives ("Contains ... © ... year"), in its order; none if it gives none. */
    public static Optional<PostcodeRelease> fromLicence(String text) {
        List<String> lines = text.lines()
                .map(LINE::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1).strip().replace("(c)", "©").replace("(C)", "©"))
                .distinct()
                .limit(5)
                .toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(new PostcodeRelease(lines));
    }

    /** A release whose file's name says its year ({@code codepo_gb_2024-02.zip}); none if the name says none. */
    public static Optional<PostcodeRelease> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        var year = YEAR_IN_NAME.matcher(name.toLowerCase(Locale.ROOT));
        return year.find() ? Optional.of(ofYear(Integer.parseInt(year.group(1)))) : Optional.empty();
    }
}
