package uk.sse.web.pages;

import java.util.List;

/**
 * The attribution the Open Government Licence requires wherever the service shows places or distances it worked out
 * from OS Code-Point Open (the postcode directory, decision 0051): the data's own lines, as the licence file that
 * comes with the data gives them, for the release loaded. A newer release loaded means a newer year here
 * (docs/operations.md).
 */
public final class PostcodeAttribution {

    /** The year of the Code-Point Open release the directory holds. */
    public static final int RELEASE_YEAR = 2022;

    public static final List<String> LINES = List.of(
            "Contains OS data © Crown copyright and database right " + RELEASE_YEAR,
            "Contains Royal Mail data © Royal Mail copyright and database right " + RELEASE_YEAR,
            "Contains National Statistics data © Crown copyright and database right " + RELEASE_YEAR);

    private PostcodeAttribution() {}
}
