package uk.sse.web.session;

/** A page that needs a signed-in person was asked for without one (or with an expired session). */
public final class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign in required", null, false, false);
    }
}
