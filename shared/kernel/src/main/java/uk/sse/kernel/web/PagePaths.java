package uk.sse.kernel.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The web application's pages that other functions link to (the notifier's messages): a request, an offer, a webhook
 * subscription, a provider's profile. The web serves them at these paths and the links are made from them, so every link leads to a page.
 * No API uses these first segments (decision 0040).
 */
public final class PagePaths {

    public static final String REQUESTS = "/support-requests";
    public static final String OFFERS = "/support-offers";
    public static final String WEBHOOKS = "/webhooks";
    /** A provider's own profile: its designations, and the claims an assurer refused ({@code #refused}). */
    public static final String PROFILE = "/profile";

    private PagePaths() {}

    public static String request(String id) {
        return REQUESTS + "/" + encode(id);
    }

    public static String offer(String id) {
        return OFFERS + "/" + encode(id);
    }

    public static String webhook(String id) {
        return WEBHOOKS + "/" + encode(id);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
