package uk.sse.directory.web;

/** Shapes of identifiers the API accepts. */
final class Patterns {

    static final String AREA = "[A-Za-z0-9-]{1,20}";
    static final String AREA_MESSAGE = "must be an area code such as an LA code (letters, digits and '-', at most 20)";
    static final String URN = "[0-9]{6,7}";
    static final String URN_MESSAGE = "must be a URN: 6 or 7 digits";
    static final String WEB = "(?i)(https?://|www\\.)[^\\s]{1,290}";
    static final String WEB_MESSAGE = "must be a web address";
    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String ID_MESSAGE = "must be an id: letters, digits, '_' and '-', at most 64";

    private Patterns() { }
}
