package uk.sse.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.web.PagePaths;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * An area's webhook subscriptions over the notifier's API: the list; adding one (where, as what, which events; the
 * signing secret shown once); a subscription's page with its recent deliveries, and pause, resume, rotate the secret,
 * send a test and replay a delivery. The notifier decides who may do each (decision 0020).
 */
@Controller(PagePaths.WEBHOOKS)
@WebPages
public class WebhooksController {

    /** The notifier's subscription formats. */
    private static final Set<String> FORMATS = Set.of("slack", "teams", "json");

    private static final String ID = "sub_" + Ids.BODY;
    private static final String DELIVERY = "[A-Za-z0-9_.:-]{1,128}";
    /** The event types of docs/events.md a subscriber chooses among, in groups as an admin thinks of them. */
    private static final Map<String, List<String>> GROUPS = groups();

    private static final Map<String, String> GROUP_LABELS = Map.of(
            "requests",
            "Brokerage requests, proposals and engagements",
            "reconciliation",
            "Credits the brokerage had to put right",
            "offers",
            "Offers in assurance",
            "health",
            "A subscription stopped because its endpoint kept failing");
    private static final Map<String, ProblemMessages.Field> FIELDS = Map.of(
            "url",
            new ProblemMessages.Field("url", "The address"),
            "description",
            new ProblemMessages.Field("description", "The description"),
            "eventTypes",
            new ProblemMessages.Field("events", "The events"));

    private final Pages pages;
    private final Api api;

    public WebhooksController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put(
                "requests",
                List.of(
                        "brokerage.request.created",
                        "brokerage.request.proposed",
                        "brokerage.proposal.accepted",
                        "brokerage.proposal.declined",
                        "brokerage.engagement.agreed",
                        "brokerage.engagement.started",
                        "brokerage.engagement.completed",
                        "brokerage.engagement.evaluated",
                        "brokerage.request.cancelled",
                        "brokerage.request.withdrawn",
                        "brokerage.engagement.hold-refused"));
        g.put(
                "reconciliation",
                List.of(
                        "brokerage.reconciliation.hold-released",
                        "brokerage.reconciliation.hold-voided",
                        "brokerage.reconciliation.post-redriven",
                        "brokerage.reconciliation.void-redriven",
                        "brokerage.reconciliation.needs-attention"));
        g.put(
                "offers",
                List.of(
                        "directory.offer.submitted",
                        "directory.offer.approved",
                        "directory.offer.rejected",
                        "directory.offer.changes-requested",
                        "directory.offer.suspended",
                        "directory.offer.withdrawn"));
        g.put("health", List.of("notifier.subscription.disabled"));
        return g;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Person person, @Nullable @QueryValue String done) {
        ApiReply reply =
                api.get(person, Paths.of("/subscriptions").query("limit", 100).toString());
        if (reply.refused() || reply.missing()) {
            throw new PageNotFound("subscriptions");
        }
        List<Webhooks.Row> rows = reply.as(Webhooks.SubscriptionPage.class).items().stream()
                .map(s -> new Webhooks.Row(
                        PagePaths.webhook(s.id()),
                        host(s.url()),
                        format(s.format()),
                        status(s.status()),
                        s.description(),
                        s.eventTypes().size()))
                .toList();
        return pages.ok(
                request,
                "admin/webhooks",
                "Webhooks",
                new Webhooks.ListPage(rows, "deleted".equals(done) ? "The subscription is deleted." : null));
    }

    @Get("/new")
    public HttpResponse<?> add(HttpRequest<?> request, Person person) {
        return newPage(request, UUID.randomUUID().toString(), "", "", "slack", List.of("requests"), Errors.none());
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        Form form = Form.ofBody(body);
        String key = form.text("key").matches("[0-9a-f-]{36}")
                ? form.text("key")
                : UUID.randomUUID().toString();
        String url = form.text("url");
        String description = form.text("description");
        String format = form.text("format");
        List<String> chosen =
                form.list("events").stream().filter(GROUPS::containsKey).toList();
        Errors errors = Errors.none();
        if (url.isEmpty()) {
            errors.add("url", "Enter the address to send to, starting https://");
        }
        if (!FORMATS.contains(format)) {
            errors.add("format", "Choose how to send the events");
        }
        if (chosen.isEmpty()) {
            errors.add("events", "Choose at least one kind of event");
        }
        if (!errors.any()) {
            List<String> types =
                    chosen.stream().flatMap(g -> GROUPS.get(g).stream()).toList();
            Map<String, Object> subscription =
                    new LinkedHashMap<>(Map.of("url", url, "eventTypes", types, "format", format));
            if (!description.isEmpty()) {
                subscription.put("description", description);
            }
            ApiReply reply = api.post(person, "/subscriptions", subscription, Map.of("Idempotency-Key", key));
            if (reply.ok()) {
                Webhooks.Created created = reply.as(Webhooks.Created.class);
                return subscriptionPage(
                        request,
                        person,
                        created.subscription().id(),
                        created.secret(),
                        "The subscription is added. Copy its signing secret now: it is not shown again.",
                        Errors.none());
            }
            if (!reply.refused()) {
                throw reply.unavailable();
            }
            errors = ProblemMessages.of(
                    reply.problem(), FIELDS, "The subscription could not be added. Check the address and try again.");
        }
        return newPage(request, key, url, description, format, chosen, errors);
    }

    @Get("/{id}")
    public HttpResponse<?> one(
            HttpRequest<?> request, Person person, @PathVariable String id, @Nullable @QueryValue String done) {
        return subscriptionPage(
                request,
                person,
                id,
                null,
                done == null
                        ? null
                        : switch (done) {
                            case "paused" -> "The subscription is paused. Events are kept and sent when it is resumed.";
                            case "resumed" -> "The subscription is sending again.";
                            case "tested" -> "A test event was sent. Its delivery is below.";
                            case "replayed" -> "The delivery was sent again.";
                            default -> null;
                        },
                Errors.none());
    }

    @Post("/{id}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> step(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @PathVariable String step,
            @Body Map<String, Object> body) {
        if (!id.matches(ID)
                || !List.of("pause", "resume", "rotate-secret", "test", "replay")
                        .contains(step)) {
            throw new PageNotFound("subscription " + id);
        }
        Form form = Form.ofBody(body);
        String path = Paths.of("/subscriptions/", id).toString();
        String version = form.text("version");
        Map<String, String> ifMatch =
                version.matches("[0-9]{1,12}") ? Map.of("If-Match", "\"v" + version + "\"") : Map.of();
        ApiReply reply = switch (step) {
            case "replay" ->
                form.text("delivery").matches(DELIVERY)
                        ? api.post(
                                person,
                                path + Paths.of("/deliveries/", form.text("delivery"), "/replay"),
                                Map.of(),
                                Map.of())
                        : null;
            case "pause", "resume" -> api.post(person, path + "/" + step, Map.of(), ifMatch);
            default -> api.post(person, path + "/" + step, Map.of(), Map.of());
        };
        if (reply == null || reply.missing()) {
            throw new PageNotFound("subscription " + id);
        }
        if (reply.refused()) {
            return subscriptionPage(
                    request,
                    person,
                    id,
                    null,
                    null,
                    ProblemMessages.of(
                            reply.problem(),
                            Map.of(),
                            reply.status() == 412
                                    ? "The subscription changed since you opened it. Check it and try again."
                                    : "That could not be done. Check the subscription and try again."));
        }
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        if (step.equals("rotate-secret")) {
            String secret = String.valueOf(reply.as(Map.class).get("secret"));
            return subscriptionPage(
                    request,
                    person,
                    id,
                    secret,
                    "A new signing secret is made. Copy it now: it is not shown again."
                            + " The old one also signs for a while, so you can change over.",
                    Errors.none());
        }
        String done = switch (step) {
            case "pause" -> "paused";
            case "resume" -> "resumed";
            case "test" -> "tested";
            default -> "replayed";
        };
        return HttpResponse.seeOther(URI.create(PagePaths.webhook(id) + "?done=" + done));
    }

    private HttpResponse<?> newPage(
            HttpRequest<?> request,
            String key,
            String url,
            String description,
            String format,
            List<String> chosen,
            Errors errors) {
        List<Choice> formats = List.of(
                new Choice("slack", "Slack messages", "For a Slack channel's incoming webhook", "slack".equals(format)),
                new Choice(
                        "teams",
                        "Microsoft Teams cards",
                        "For a Teams channel's Workflows webhook",
                        "teams".equals(format)),
                new Choice("json", "JSON", "The events as published, for your own systems", "json".equals(format)));
        List<Choice> groups = GROUPS.keySet().stream()
                .map(g -> new Choice(g, GROUP_LABELS.get(g), chosen.contains(g)))
                .toList();
        var page = new Webhooks.NewPage(key, url, description, formats, groups, errors);
        return errors.any()
                ? pages.invalid(request, "admin/webhook-new", "Add a webhook subscription", page)
                : pages.ok(request, "admin/webhook-new", "Add a webhook subscription", page);
    }

    private HttpResponse<?> subscriptionPage(
            HttpRequest<?> request, Person person, String id, String secret, String banner, Errors errors) {
        if (!id.matches(ID)) {
            throw new PageNotFound("subscription " + id);
        }
        CompletableFuture<ApiReply> one =
                api.getAsync(person, Paths.of("/subscriptions/", id).toString());
        CompletableFuture<ApiReply> deliveries = api.getAsync(
                person,
                Paths.of("/subscriptions/", id, "/deliveries")
                        .query("limit", 20)
                        .toString());
        ApiReply reply = Api.join(one);
        if (!reply.ok()) {
            throw reply.missing() || reply.refused() ? new PageNotFound("subscription " + id) : reply.unavailable();
        }
        Webhooks.Subscription s = reply.as(Webhooks.Subscription.class);
        ApiReply sent = Api.join(deliveries);
        List<Webhooks.DeliveryRow> rows = new ArrayList<>();
        if (sent.ok()) {
            for (Webhooks.Delivery d : sent.as(Webhooks.DeliveryPage.class).items()) {
                String detail = d.attempts() == 0
                        ? "Not tried yet"
                        : d.attempts()
                                + (d.attempts() == 1 ? " attempt" : " attempts")
                                + (d.lastStatus() == null ? "" : ", last answered " + d.lastStatus())
                                + (d.lastReason() == null || d.lastReason().isBlank() ? "" : ": " + d.lastReason());
                boolean test = "TEST".equals(d.kind()) || d.eventType().endsWith(".test");
                // the notifier refuses to replay a test message or one still on its schedule
                // (DeliveryProgress.problemReplaying)
                rows.add(new Webhooks.DeliveryRow(
                        d.id(),
                        test ? "A test event" : d.eventType(),
                        Labels.dayAndTime(d.lastAttemptAt() == null ? d.createdAt() : d.lastAttemptAt()),
                        deliveryStatus(d.status()),
                        detail,
                        !test && !"RETRYING".equals(d.status()) && !"PENDING".equals(d.status())));
            }
        }
        var page = new Webhooks.SubscriptionView(
                s.id(),
                host(s.url()),
                s.url(),
                format(s.format()),
                s.eventTypes(),
                status(s.status()),
                s.description(),
                s.statusReason(),
                "PAUSED".equals(s.status()),
                "ACTIVE".equals(s.status()),
                s.version(),
                rows,
                secret,
                banner,
                errors);
        return errors.any()
                ? pages.invalid(request, "admin/webhook", "Webhook subscription", page)
                : pages.ok(request, "admin/webhook", "Webhook subscription", page);
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String format(String format) {
        return switch (format) {
            case "json" -> "JSON (the events as published)";
            case "slack" -> "Slack messages";
            case "teams" -> "Microsoft Teams cards";
            default -> format;
        };
    }

    static Labels.Tag status(String status) {
        return switch (status) {
            case "ACTIVE" -> new Labels.Tag("Sending", "green");
            case "PAUSED" -> new Labels.Tag("Paused", "yellow");
            case "DISABLED" -> new Labels.Tag("Stopped", "red");
            default -> new Labels.Tag(status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT), null);
        };
    }

    private static Labels.Tag deliveryStatus(String status) {
        return switch (status) {
            case "DELIVERED" -> new Labels.Tag("Delivered", "green");
            case "FAILED" -> new Labels.Tag("Failed", "red");
            case "PENDING" -> new Labels.Tag("Waiting to send", "blue");
            case "RETRYING" -> new Labels.Tag("Retrying", "yellow");
            default -> new Labels.Tag(status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT), "grey");
        };
    }
}
