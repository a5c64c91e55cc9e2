package uk.sse.local;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.directory.storage.DirectorySettings;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.LedgerSettings;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.application.RemindWhatIsDue;
import uk.sse.notifier.application.SendDueDeliveries;
import uk.sse.notifier.application.Subscribe;
import uk.sse.notifier.model.EventCatalogue;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.stream.NotifyOnEvents;
import uk.sse.testing.NotifyStandIn;

/**
 * Notifications in the local run: a receiver on 127.0.0.1 (the only address the notifier is allowed to send plain HTTP
 * to here), subscribed to the demo area's events three ways (the envelope as JSON, Slack messages, and the admins'
 * "endpoint disabled"); the notifier's stream consumer, in an application context of its own as its Lambda would be,
 * driven by the brokerage's, the directory's, the ledger's and its own table's streams; and the sweeper on a timer
 * (every minute in AWS) and the reminders on another (every hour in AWS). Emails go to a GOV.UK Notify stand-in on
 * 127.0.0.1 (the tests' own, which checks the client's JWT): each is logged with its recipient, kind and title, and its
 * page lists them all.
 */
final class LocalNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalNotifications.class);
    static final int BATCH_SIZE = 100;
    static final Duration SWEEP_EVERY = Duration.ofSeconds(5);
    /** Reminders (every hour in AWS): often here, so that a demo sees one soon after its date passes. */
    static final Duration REMIND_EVERY = Duration.ofSeconds(30);

    private final LocalReceiver receiver;
    private final NotifyStandIn notify;
    private final StreamDriver streams;
    private final ScheduledExecutorService sweeper;
    private final List<String> fed;

    private LocalNotifications(
            LocalReceiver receiver,
            NotifyStandIn notify,
            StreamDriver streams,
            ScheduledExecutorService sweeper,
            List<String> fed) {
        this.receiver = receiver;
        this.notify = notify;
        this.streams = streams;
        this.sweeper = sweeper;
        this.fed = fed;
    }

    /** The receiver, listening before the application starts so that its origin can be allow-listed. */
    static LocalReceiver receiver(int port) {
        return LocalReceiver.start(port);
    }

    /** The notifier's settings for the local run: the receiver allow-listed, and a fresh key to seal signing secrets. */
    static Map<String, Object> settings(LocalReceiver receiver) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of(
                "sse.notifier.local-receivers",
                receiver.origin(),
                "sse.notifier.secret-key",
                Base64.getEncoder().encodeToString(key));
    }

    /** The Notify stand-in, its template ids named by the notice kinds, each email logged as it comes. */
    static NotifyStandIn startNotifyStandIn() {
        NotifyStandIn notify = NotifyStandIn.start(io.micronaut.json.JsonMapper.createDefault());
        Map<String, String> names = new LinkedHashMap<>();
        for (NoticeKind kind : NoticeKind.values()) {
            names.put(
                    UUID.nameUUIDFromBytes(
                                    ("sse-local-" + kind.apiName()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .toString(),
                    kind.apiName());
        }
        return notify.templateNames(names)
                .onEmail(e -> LOG.info(
                        "email to {} ({}): {} {}",
                        e.to(),
                        notify.templateName(e.templateId()),
                        e.personalisation().get("title"),
                        e.personalisation().getOrDefault("link", "")));
    }

    /** The notifier's email settings for the stand-in: its key and address, and a template id for each kind of notice. */
    static Map<String, Object> emailSettings(NotifyStandIn notify) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sse.notifier.email.api-key", notify.apiKey());
        settings.put("sse.notifier.email.base-url", notify.baseUrl());
        for (NoticeKind kind : NoticeKind.values()) {
            settings.put(
                    "sse.notifier.email.templates." + kind.apiName(),
                    UUID.nameUUIDFromBytes(
                                    ("sse-local-" + kind.apiName()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .toString());
        }
        return settings;
    }

    /** Subscribes the receiver to {@code area}'s events, then starts reading the streams from their start. */
    static LocalNotifications start(
            ApplicationContext context, URI dynamo, String area, LocalReceiver receiver, NotifyStandIn notify) {
        List<String> wanted = EventCatalogue.types().stream()
                .filter(t -> t.startsWith("brokerage."))
                .collect(java.util.stream.Collectors.toList());
        wanted.add("directory.offer.submitted");
        Subscribe subscribe = context.getBean(Subscribe.class);
        subscribe(
                subscribe,
                receiver,
                new Caller("demo-broker", Role.BROKER, area, "la-" + area),
                "/json",
                "json, the demo area's brokers",
                Format.JSON,
                wanted);
        subscribe(
                subscribe,
                receiver,
                new Caller("demo-broker", Role.BROKER, area, "la-" + area),
                "/slack",
                "slack, the demo area's brokers",
                Format.SLACK,
                wanted);
        subscribe(
                subscribe,
                receiver,
                new Caller("demo-admin", Role.ADMIN, area, "la-" + area),
                "/admins",
                "json, the demo area's admins",
                Format.JSON,
                List.of(EventCatalogue.SUBSCRIPTION_DISABLED));

        NotifierSettings settings = context.getBean(NotifierSettings.class);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("sse.aws.endpoint", dynamo.toString());
        properties.put("sse.notifier.table-name", settings.tableName());
        properties.put("sse.notifier.local-receivers", String.join(",", settings.localReceivers()));
        properties.put("sse.notifier.secret-key", settings.secretKey());
        properties.put("sse.notifier.link-base-url", settings.linkBaseUrl());
        properties.putAll(emailSettings(notify));
        NotifyOnEvents handler = new NotifyOnEvents(LocalSystem.consumerContext(properties));

        List<String> tables = List.of(
                context.getBean(BrokerageSettings.class).tableName(),
                context.getBean(DirectorySettings.class).tableName(),
                context.getBean(LedgerSettings.class).tableName(),
                settings.tableName());
        StreamDriver streams = StreamDriver.start(dynamo, tables, BATCH_SIZE, handler);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sse-webhook-sweeper").daemon().factory());
        SendDueDeliveries due = context.getBean(SendDueDeliveries.class);
        sweeper.scheduleWithFixedDelay(
                () -> {
                    try {
                        due.sweep(500);
                    } catch (RuntimeException failed) {
                        LOG.warn("the webhook sweep failed; the next one tries again", failed);
                    }
                },
                SWEEP_EVERY.toMillis(),
                SWEEP_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        RemindWhatIsDue remind = context.getBean(RemindWhatIsDue.class);
        sweeper.scheduleWithFixedDelay(
                () -> {
                    try {
                        remind.sweep();
                    } catch (RuntimeException failed) {
                        LOG.warn("the reminder sweep failed; the next one tries again", failed);
                    }
                },
                REMIND_EVERY.toMillis(),
                REMIND_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return new LocalNotifications(receiver, notify, streams, sweeper, tables);
    }

    private static void subscribe(
            Subscribe subscribe,
            LocalReceiver receiver,
            Caller who,
            String path,
            String label,
            Format format,
            List<String> types) {
        Outcome<Subscribe.Subscribed> made = subscribe.subscribe(
                who,
                new Subscription.Choice(
                        receiver.origin() + path, types, null, format, "the local run's receiver (" + label + ")"),
                null);
        if (!(made instanceof Outcome.Done<Subscribe.Subscribed> done)) {
            throw new IllegalStateException("the local receiver could not subscribe: " + made);
        }
        receiver.endpoint(path, label, done.value().secret());
    }

    LocalReceiver receiver() {
        return receiver;
    }

    NotifyStandIn notifyStandIn() {
        return notify;
    }

    /** The tables whose streams feed the notifier. */
    List<String> fed() {
        return fed;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        streams.close();
        receiver.close();
        notify.close();
    }
}
