package uk.sse.kernel.identity;

/** What a person's subject (the identity provider's user ID) may look like where an API or page takes one as input. */
public final class Subjects {

    public static final String PATTERN = "[A-Za-z0-9._@:+-]{1,128}";
    public static final String MESSAGE = "must be a person's subject: up to 128 letters, digits and . _ @ : + -";

    private Subjects() {}
}
