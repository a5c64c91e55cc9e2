package uk.sse.directory.web;

import uk.sse.directory.register.School;

/** Shapes of identifiers the API accepts. */
public final class Patterns {

    public static final String AREA = "[A-Za-z0-9-]{1,20}";
    public static final String AREA_MESSAGE =
            "must be an area code such as an LA code (letters, digits and '-', at most 20)";
    public static final String URN = School.URN_PATTERN;
    public static final String URN_MESSAGE = "must be a URN: 6 or 7 digits";
    public static final String WEB = "(?i)(https?://|www\\.)[^\\s]{1,290}";
    public static final String WEB_MESSAGE = "must be a web address";
    public static final String ID = "[A-Za-z0-9_-]{1,64}";
    public static final String ID_MESSAGE = "must be an id: letters, digits, '_' and '-', at most 64";

    private Patterns() {}
}
