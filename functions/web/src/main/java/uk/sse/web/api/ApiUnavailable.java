package uk.sse.web.api;

/** An API did not answer, or answered in a way the page cannot use: the person sees "Sorry, there is a problem". */
public final class ApiUnavailable extends RuntimeException {

    public ApiUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
