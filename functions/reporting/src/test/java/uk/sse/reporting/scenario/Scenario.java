package uk.sse.reporting.scenario;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.application.RequestStore;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Rating;
import uk.sse.brokerage.model.Urgency;
import uk.sse.directory.application.DraftOffer;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.application.MoveOfferThroughAssurance;
import uk.sse.directory.application.ProviderDraft;
import uk.sse.directory.application.RegisterProvider;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.storage.DirectorySettings;
import uk.sse.engines.Engines;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.LedgerSettings;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.ledger.application.ResolveHold;
import uk.sse.ledger.application.TransferRequest;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;
import uk.sse.reporting.support.BrokerageDesk;
import uk.sse.reporting.support.ReadModelProperties;
import uk.sse.reporting.support.StreamRecords;
import uk.sse.testing.SettableClock;

/**
 * The scripted autumn term of area 888 (and a little of area 999), played once per JVM through the real publishers:
 * the directory's use cases (register, providers, offers through assurance), the ledger's (accounts, allocations, an
 * adjustment, a peer payment and every hold brokerage places, posts and voids) and the brokerage model
 * ({@link BrokerageDesk}). Each step runs at its scripted time (the shared {@link SettableClock} is moved to it), so the
 * ledger's and the directory's own timestamps fall in the scripted months. What the three tables' streams then carry is
 * {@link #records()}: the input of every test that projects the scenario. The figures it must give are written out by
 * hand in {@link ExpectedFigures}.
 *
 * <pre>
 * request school  areas                          provider   days credits  what happens (UTC)
 * R10     100005  INC.SEND                       P-LA-SEND  5    15       raised 20 Aug, agreed 2 Sep, completed 30 Sep, 5 days
 * R1      100001  CT.READ                        P-CONS     4    12       raised 7 Sep, agreed 9 Sep, completed 5 Oct, 4 days; rated 5 and 4
 * R2      100002  INC.SEND, INC.SEND.ASD         P-LA-SEND  6    18       P-CONS declines, LA agreed 15 Sep, completed 2 Nov, 4 of 6 days; rated 3, 4
 * R3      100003  CT.MATHS, CT.READ, AB.ATT      P-HUB      3    9        agreed 25 Sep, cancelled 10 Oct (hold voided)
 * R4      100005  INC.SEND.SEMH                  P-LA-SEND  5    15       agreed 6 Oct, completed 16 Nov with 0 days (hold voided)
 * R5      100004  CT.MATHS                       P-HUB      2    6        agreed 8 Oct, completed 30 Oct, 2 days; rated 4 and 5
 * R6      100006  AB.BEH                         100004     3    9        agreement refused by the ledger 15 Oct (5 credits), withdrawn 20 Oct
 * R7      100001  PDW.MH                         100004     -    -        raised 3 Nov, proposed 5 Nov, still waiting
 * R8      100002  LG.GOV                         -          -    -        raised 20 Nov, nothing since
 * R9      100003  AB.BEH                         100004     2    6        agreed 13 Nov, in delivery
 * R99     200001  CT.ENG (area 999)              P-FAR      2    6        agreed 20 Sep, completed 10 Oct; rated 2
 * ledger: 1 Sep allocations (40 each, 60 to 100005, 5 to 100006; 40 to 200001 in 999); 20 Oct adjustment +10 to 100002;
 *         25 Nov a peer payment of 3 from 100001 to 100004
 * </pre>
 */
public final class Scenario {

    public static final String AREA = "888";
    public static final String OTHER_AREA = "999";
    public static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    public static final LocalDate TO = LocalDate.of(2026, 11, 30);

    /** A report's path (with or without options) asked for the scenario's period. */
    public static String uri(String path) {
        return path + (path.contains("?") ? "&" : "?") + "from=" + FROM + "&to=" + TO;
    }

    private static Scenario played;

    private final List<DynamodbStreamRecord> directory;
    private final List<DynamodbStreamRecord> ledger;
    private final List<DynamodbStreamRecord> brokerage;
    private final Map<String, String> sourceTables;

    private Scenario(
            List<DynamodbStreamRecord> directory,
            List<DynamodbStreamRecord> ledger,
            List<DynamodbStreamRecord> brokerage,
            Map<String, String> sourceTables) {
        this.directory = List.copyOf(directory);
        this.ledger = List.copyOf(ledger);
        this.brokerage = List.copyOf(brokerage);
        this.sourceTables = Map.copyOf(sourceTables);
    }

    /** The scenario, played on first use. */
    public static synchronized Scenario played() {
        if (played == null) {
            played = new Player().play();
        }
        return played;
    }

    /**
     * The scenario played again on tables of its own, through the brokerage's own store (each request's state kept
     * beside its events, as the brokerage function keeps them): for a test that changes the tables, such as an erasure.
     */
    public static Scenario playedAfresh() {
        return new Player(true).play();
    }

    /** Every stream record of the three tables: the directory's, then the ledger's, then the brokerage's. */
    public List<DynamodbStreamRecord> records() {
        List<DynamodbStreamRecord> all = new ArrayList<>(directory);
        all.addAll(ledger);
        all.addAll(brokerage);
        return all;
    }

    public List<DynamodbStreamRecord> brokerageRecords() {
        return brokerage;
    }

    public List<DynamodbStreamRecord> ledgerRecords() {
        return ledger;
    }

    public List<DynamodbStreamRecord> directoryRecords() {
        return directory;
    }

    /** The source tables' configuration: sse.brokerage/ledger/directory.table-name and the DynamoDB endpoint. */
    public Map<String, String> sourceTables() {
        return sourceTables;
    }

    // ------------------------------------------------------------------ the script

    private static final class Player {
        /** Whether requests are written through the brokerage's own store, state and events, or as events alone. */
        final boolean withState;

        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String ledgerTable = "scenario-ledger-" + suffix;
        final String directoryTable = "scenario-directory-" + suffix;
        final String brokerageTable = "scenario-brokerage-" + suffix;
        final List<Step> steps = new ArrayList<>();
        final Map<String, String> offers = new HashMap<>();
        ApplicationContext context;
        SettableClock clock;
        BrokerageDesk desk;
        MoveCredits move;
        OpenAccount open;
        /** The scripted time of the step under way: what brokerage commands carry (the clock has moved on by microseconds). */
        Instant current;

        record Step(Instant at, Runnable action) {}

        Player(boolean withState) {
            this.withState = withState;
        }

        Player() {
            this(false);
        }

        Scenario play() {
            Map<String, Object> properties = new HashMap<>(ReadModelProperties.in("scenario_" + suffix));
            properties.put("sse.aws.endpoint", Engines.dynamo().endpoint().toString());
            properties.put("sse.aws.create-tables", "true");
            properties.put("sse.ledger.table-name", ledgerTable);
            properties.put("sse.directory.table-name", directoryTable);
            if (withState) {
                properties.put("sse.brokerage.table-name", brokerageTable);
            }
            context = ApplicationContext.builder()
                    .environments("test")
                    .properties(properties)
                    .start();
            try (StreamRecords directoryStream = StreamRecords.of(
                            Engines.dynamo().endpoint(),
                            context.getBean(DirectorySettings.class).tableName());
                    StreamRecords ledgerStream = StreamRecords.of(
                            Engines.dynamo().endpoint(),
                            context.getBean(LedgerSettings.class).tableName())) {
                clock = (SettableClock) context.getBean(Clock.class);
                move = context.getBean(MoveCredits.class);
                open = context.getBean(OpenAccount.class);
                desk = new BrokerageDesk(
                        context.getBean(DynamoDbClient.class),
                        brokerageTable,
                        context.getBean(EventJson.class),
                        move,
                        context.getBean(ResolveHold.class),
                        withState ? context.getBean(RequestStore.class) : null);
                try (StreamRecords brokerageStream =
                        StreamRecords.of(Engines.dynamo().endpoint(), brokerageTable)) {
                    at("2026-08-15T10:00:00Z", this::directory);
                    at("2026-08-15T11:00:00Z", this::accounts);
                    script();
                    steps.sort(Comparator.comparing(Step::at));
                    for (Step s : steps) {
                        moveClockTo(s.at());
                        current = s.at();
                        s.action().run();
                    }
                    moveClockTo(Instant.now());
                    return new Scenario(
                            directoryStream.next(),
                            ledgerStream.next(),
                            brokerageStream.next(),
                            Map.of(
                                    "sse.aws.endpoint",
                                            Engines.dynamo().endpoint().toString(),
                                    "sse.brokerage.table-name", brokerageTable,
                                    "sse.ledger.table-name", ledgerTable,
                                    "sse.directory.table-name", directoryTable));
                }
            } finally {
                moveClockTo(Instant.now());
                context.close();
            }
        }

        void moveClockTo(Instant target) {
            clock.advance(Duration.between(clock.instant(), target));
        }

        void at(String when, Runnable action) {
            steps.add(new Step(Instant.parse(when), action));
        }

        // ---------------------------------------------------------- directory: register, providers, offers

        static final String REGISTER = """
                "URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","EstablishmentStatus (name)","PhaseOfEducation (name)","Easting","Northing"
                "100001","888","Lancashire","Moorside Primary","Community school","Open","Primary","354000","429000"
                "100002","888","Lancashire","Hillcrest Academy","Academy converter","Open","Secondary","355000","430000"
                "100003","888","Lancashire","Riverside Infants","Community school","Open","Primary","356000","428000"
                "100004","888","Lancashire","Oakfield High School","Academy converter","Open","Secondary","353000","431000"
                "100005","888","Lancashire","Brook Special School","Community special school","Open","Not applicable","357000","427000"
                "100006","888","Lancashire","Elm Tree Primary","Voluntary aided school","Open","Primary","352000","432000"
                "200001","999","Farshire","Far Away School","Academy converter","Open","Secondary","400000","300000"
                """;

        void directory() {
            var imported = context.getBean(ImportSchoolRegister.class)
                    .importFile(new ByteArrayInputStream(REGISTER.getBytes(StandardCharsets.UTF_8)));
            done(imported);
            provider(ProviderType.SCHOOL, "100004", "Oakfield High School", AREA, "100004");
            provider(ProviderType.LOCAL_AUTHORITY_SERVICE, "P-LA-SEND", "Lancashire SEND Team", AREA, null);
            provider(ProviderType.CONSULTANT, "P-CONS", "Reading Matters Consulting", AREA, null);
            provider(ProviderType.HUB, "P-HUB", "Red Rose Maths Hub", AREA, null);
            provider(ProviderType.CHARITY, "P-FAR", "Far Trust", OTHER_AREA, null);
            offer("O-OAK", "100004", AREA, "Behaviour routines coaching", List.of("AB.BEH"), 9);
            offer("O-SEND", "P-LA-SEND", AREA, "SEND provision mapping", List.of("INC.SEND", "INC.SEND.ASD"), 15);
            offer("O-READ", "P-CONS", AREA, "Phonics catch-up", List.of("CT.READ"), 12);
            offer("O-MATHS", "P-HUB", AREA, "Maths mastery for KS2", List.of("CT.MATHS"), 9);
            offer("O-FAR", "P-FAR", OTHER_AREA, "English across the curriculum", List.of("CT.ENG"), 6);
        }

        void provider(ProviderType type, String id, String name, String area, String urn) {
            Caller caller = new Caller("member-" + id, Role.PROVIDER, area, id);
            done(context.getBean(RegisterProvider.class)
                    .register(
                            caller,
                            new ProviderDraft(
                                    type,
                                    name,
                                    area,
                                    urn,
                                    new Contact("Lead of " + name, "lead@" + id.toLowerCase() + ".example.org", null),
                                    null,
                                    List.of(),
                                    null,
                                    null)));
        }

        void offer(String key, String providerId, String area, String title, List<String> areas, long price) {
            Caller member = new Caller("member-" + providerId, Role.PROVIDER, area, providerId);
            Caller assurer = new Caller("assurer-" + area, Role.ASSURER, area, null);
            OfferContent content = new OfferContent(
                    title,
                    title + ": what we do and how",
                    areas,
                    List.of(Phase.PRIMARY, Phase.SECONDARY),
                    List.of(uk.sse.directory.model.DeliveryMode.IN_SCHOOL),
                    new BigDecimal("10"),
                    price,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            var drafted = context.getBean(DraftOffer.class).draft(member, providerId, content, null);
            String offerId = done(drafted).offer().id();
            MoveOfferThroughAssurance assurance = context.getBean(MoveOfferThroughAssurance.class);
            done(assurance.decide(member, offerId, OptionalLong.empty(), AssuranceAction.SUBMIT, null, null));
            done(assurance.decide(
                    assurer, offerId, OptionalLong.empty(), AssuranceAction.APPROVE, null, LocalDate.of(2027, 8, 31)));
            offers.put(key, offerId);
        }

        // ---------------------------------------------------------- ledger: accounts and what is not brokerage

        void accounts() {
            for (String owner : List.of(
                    "ISSUING",
                    "100001",
                    "100002",
                    "100003",
                    "100004",
                    "100005",
                    "100006",
                    "P-LA-SEND",
                    "P-CONS",
                    "P-HUB")) {
                done(open.open(commissioner(AREA), AccountId.of(AREA, owner)));
            }
            for (String owner : List.of("ISSUING", "200001", "P-FAR")) {
                done(open.open(commissioner(OTHER_AREA), AccountId.of(OTHER_AREA, owner)));
            }
        }

        void allocate(String area, String owner, long amount) {
            moved(move.allocate(
                    commissioner(area),
                    new TransferRequest(
                            new TransferId("alloc-" + owner),
                            AccountId.issuing(area),
                            AccountId.of(area, owner),
                            amount,
                            TransferKind.ALLOCATION,
                            "Autumn term allocation",
                            false,
                            0)));
        }

        static Caller commissioner(String area) {
            return new Caller("commissioner-" + area, Role.COMMISSIONER, area, null);
        }

        // ---------------------------------------------------------- brokerage

        final Actor adviser = Actor.adviser("ann", AREA);
        final Actor broker = Actor.broker("bob", AREA);
        final Actor farAdviser = Actor.adviser("fay", OTHER_AREA);
        final Actor farBroker = Actor.broker("fin", OTHER_AREA);

        static final Map<String, String> SCHOOL_NAMES = Map.of(
                "100001",
                "Moorside Primary",
                "100002",
                "Hillcrest Academy",
                "100003",
                "Riverside Infants",
                "100004",
                "Oakfield High School",
                "100005",
                "Brook Special School",
                "100006",
                "Elm Tree Primary",
                "200001",
                "Far Away School");

        void script() {
            at("2026-09-01T08:00:00Z", () -> {
                allocate(AREA, "100001", 40);
                allocate(AREA, "100002", 40);
                allocate(AREA, "100003", 40);
                allocate(AREA, "100004", 40);
                allocate(AREA, "100005", 60);
                allocate(AREA, "100006", 5);
                allocate(OTHER_AREA, "200001", 40);
            });
            at(
                    "2026-10-20T10:00:00Z",
                    () -> moved(move.transfer(
                            commissioner(AREA),
                            new TransferRequest(
                                    new TransferId("adjust-100002"),
                                    AccountId.issuing(AREA),
                                    AccountId.of(AREA, "100002"),
                                    10,
                                    TransferKind.ADJUSTMENT,
                                    "Extra support for concern",
                                    false,
                                    0))));
            at(
                    "2026-11-25T10:00:00Z",
                    () -> moved(move.transfer(
                            school("100001"),
                            new TransferRequest(
                                    new TransferId("peer-visit-1"),
                                    AccountId.of(AREA, "100001"),
                                    AccountId.of(AREA, "100004"),
                                    3,
                                    TransferKind.PAYMENT,
                                    "Peer review visit",
                                    false,
                                    0))));

            // R10: raised before the period, completed in full in September
            raise("2026-08-20T10:00:00Z", "R10", "100005", List.of("INC.SEND"), 20);
            propose("2026-08-25T10:00:00Z", "R10", offer("O-SEND", "P-LA-SEND", 5, 15));
            accept("2026-08-26T10:00:00Z", "R10", "P1", provider("P-LA-SEND"));
            agree("2026-09-02T10:00:00Z", "R10", "P1", "100005");
            start("2026-09-16T10:00:00Z", "R10");
            complete("2026-09-30T10:00:00Z", "R10", 5);
            // R1: delivered in full, rated
            raise("2026-09-07T09:00:00Z", "R1", "100001", List.of("CT.READ"), 20);
            propose("2026-09-08T09:00:00Z", "R1", offer("O-READ", "P-CONS", 4, 12));
            accept("2026-09-08T15:00:00Z", "R1", "P1", provider("P-CONS"));
            agree("2026-09-09T09:00:00Z", "R1", "P1", "100001");
            start("2026-09-14T09:00:00Z", "R1");
            complete("2026-10-05T09:00:00Z", "R1", 4);
            rateBySchool("2026-10-06T14:00:00Z", "R1", "100001", 5);
            rateByAdviser("2026-10-07T10:00:00Z", "R1", 4);
            // R2: two areas, one proposal declined, agreed by the adviser, 4 of 6 days delivered
            raise("2026-09-10T10:00:00Z", "R2", "100002", List.of("INC.SEND", "INC.SEND.ASD"), 30);
            propose("2026-09-11T10:00:00Z", "R2", offer("O-SEND", "P-LA-SEND", 6, 18), offer("O-READ", "P-CONS", 3, 9));
            at(
                    "2026-09-12T10:00:00Z",
                    () -> change(
                            "R2",
                            new Command.Decline(
                                    provider("P-CONS"), now(), version("R2"), "P2", "fully booked this term"),
                            null));
            accept("2026-09-12T11:00:00Z", "R2", "P1", provider("P-LA-SEND"));
            at(
                    "2026-09-15T10:00:00Z",
                    () -> change("R2", new Command.Agree(adviser, now(), version("R2"), "P1"), caller(adviser, AREA)));
            start("2026-09-20T10:00:00Z", "R2");
            complete("2026-11-02T10:00:00Z", "R2", 4);
            rateBySchool("2026-11-03T10:00:00Z", "R2", "100002", 3);
            rateByAdviser("2026-11-04T10:00:00Z", "R2", 4);
            // R3: three areas, agreed, then cancelled by the adviser
            raise("2026-09-21T08:00:00Z", "R3", "100003", List.of("CT.MATHS", "CT.READ", "AB.ATT"), 20);
            propose("2026-09-22T08:00:00Z", "R3", offer("O-MATHS", "P-HUB", 3, 9));
            accept("2026-09-23T08:00:00Z", "R3", "P1", provider("P-HUB"));
            agree("2026-09-25T08:00:00Z", "R3", "P1", "100003");
            at(
                    "2026-10-10T09:00:00Z",
                    () -> change(
                            "R3",
                            new Command.Cancel(adviser, now(), version("R3"), "leadership change at the school"),
                            caller(adviser, AREA)));
            // R4: agreed, nothing delivered: the hold is voided at completion
            raise("2026-10-01T09:00:00Z", "R4", "100005", List.of("INC.SEND.SEMH"), 20);
            propose("2026-10-02T09:00:00Z", "R4", offer("O-SEND", "P-LA-SEND", 5, 15));
            accept("2026-10-02T15:00:00Z", "R4", "P1", provider("P-LA-SEND"));
            agree("2026-10-06T09:00:00Z", "R4", "P1", "100005");
            start("2026-10-13T09:00:00Z", "R4");
            complete("2026-11-16T09:00:00Z", "R4", 0);
            // R5: the school provider's own request, delivered and rated
            raise("2026-10-05T12:00:00Z", "R5", "100004", List.of("CT.MATHS"), 10);
            propose("2026-10-06T12:00:00Z", "R5", offer("O-MATHS", "P-HUB", 2, 6));
            accept("2026-10-07T12:00:00Z", "R5", "P1", provider("P-HUB"));
            agree("2026-10-08T12:00:00Z", "R5", "P1", "100004");
            start("2026-10-12T12:00:00Z", "R5");
            complete("2026-10-30T12:00:00Z", "R5", 2);
            rateBySchool("2026-11-01T10:00:00Z", "R5", "100004", 4);
            rateByAdviser("2026-11-02T11:00:00Z", "R5", 5);
            // R6: the ledger refuses the agreement (5 credits for 9); the school withdraws
            raise("2026-10-12T09:00:00Z", "R6", "100006", List.of("AB.BEH"), 10);
            propose("2026-10-13T10:00:00Z", "R6", offer("O-OAK", "100004", 3, 9));
            accept("2026-10-14T09:00:00Z", "R6", "P1", schoolActor("100004"));
            at("2026-10-15T09:00:00Z", () -> {
                if (desk.apply(
                                "R6",
                                new Command.Agree(schoolActor("100006"), now(), version("R6"), "P1"),
                                school("100006"))
                        != BrokerageDesk.Outcome.HOLD_REFUSED) {
                    throw new IllegalStateException("R6's hold should have been refused");
                }
            });
            at(
                    "2026-10-20T09:00:00Z",
                    () -> change(
                            "R6",
                            new Command.Withdraw(schoolActor("100006"), now(), version("R6"), "not enough credits"),
                            school("100006")));
            // R7: proposed, never accepted; R8: raised, nothing since; R9: agreed, in delivery at the end
            raise("2026-11-03T09:00:00Z", "R7", "100001", List.of("PDW.MH"), 10);
            propose("2026-11-05T09:00:00Z", "R7", offer("O-OAK", "100004", 2, 6));
            raise("2026-11-20T09:00:00Z", "R8", "100002", List.of("LG.GOV"), 10);
            raise("2026-11-10T10:00:00Z", "R9", "100003", List.of("AB.BEH"), 10);
            propose("2026-11-11T10:00:00Z", "R9", offer("O-OAK", "100004", 2, 6));
            accept("2026-11-12T10:00:00Z", "R9", "P1", schoolActor("100004"));
            agree("2026-11-13T10:00:00Z", "R9", "P1", "100003");
            start("2026-11-16T10:00:00Z", "R9");
            // R99 in the other area
            at(
                    "2026-09-15T10:00:00Z",
                    () -> desk.raise(new Command.Raise(
                            farAdviser,
                            now(),
                            "R99",
                            "200001",
                            OTHER_AREA,
                            List.of("CT.ENG"),
                            "English across the curriculum",
                            Urgency.MEDIUM,
                            2,
                            List.of(DeliveryMode.IN_SCHOOL),
                            LocalDate.of(2026, 12, 31),
                            10,
                            List.of(),
                            SCHOOL_NAMES.get("200001"))));
            at(
                    "2026-09-16T10:00:00Z",
                    () -> change(
                            "R99",
                            new Command.Propose(
                                    farBroker, now(), version("R99"), List.of(offer("O-FAR", "P-FAR", 2, 6)), null),
                            null));
            at(
                    "2026-09-17T10:00:00Z",
                    () -> change("R99", new Command.Accept(provider("P-FAR"), now(), version("R99"), "P1"), null));
            at(
                    "2026-09-20T10:00:00Z",
                    () -> change(
                            "R99",
                            new Command.Agree(schoolActor("200001"), now(), version("R99"), "P1"),
                            new Caller("head-200001", Role.PROVIDER, OTHER_AREA, "200001")));
            at(
                    "2026-09-21T10:00:00Z",
                    () -> change("R99", new Command.StartDelivery(farBroker, now(), version("R99")), null));
            at(
                    "2026-10-10T10:00:00Z",
                    () -> change(
                            "R99",
                            new Command.Complete(farBroker, now(), version("R99"), 2, OptionalLong.empty(), null),
                            caller(farBroker, OTHER_AREA)));
            at(
                    "2026-10-11T10:00:00Z",
                    () -> change(
                            "R99",
                            new Command.Evaluate(schoolActor("200001"), now(), version("R99"), Rating.SCHOOL, 2, null),
                            null));
        }

        void raise(String when, String id, String urn, List<String> areas, long credits) {
            at(
                    when,
                    () -> desk.raise(new Command.Raise(
                            adviser,
                            now(),
                            id,
                            urn,
                            AREA,
                            areas,
                            "Support needed at " + SCHOOL_NAMES.get(urn),
                            Urgency.HIGH,
                            5,
                            List.of(DeliveryMode.IN_SCHOOL),
                            now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(90),
                            credits,
                            List.of(),
                            SCHOOL_NAMES.get(urn))));
        }

        Command.Offered offer(String key, String providerId, int days, long credits) {
            return new Command.Offered(key, providerId, days, credits); // resolved to the offer's id when proposed
        }

        void propose(String when, String id, Command.Offered... proposed) {
            at(
                    when,
                    () -> change(
                            id,
                            new Command.Propose(
                                    broker,
                                    now(),
                                    version(id),
                                    java.util.Arrays.stream(proposed)
                                            .map(o -> new Command.Offered(
                                                    offers.get(o.offerId()), o.providerId(), o.days(), o.credits()))
                                            .toList(),
                                    null),
                            null));
        }

        void accept(String when, String id, String proposalId, Actor provider) {
            at(when, () -> change(id, new Command.Accept(provider, now(), version(id), proposalId), null));
        }

        void agree(String when, String id, String proposalId, String urn) {
            at(
                    when,
                    () -> change(id, new Command.Agree(schoolActor(urn), now(), version(id), proposalId), school(urn)));
        }

        void start(String when, String id) {
            at(when, () -> change(id, new Command.StartDelivery(broker, now(), version(id)), null));
        }

        void complete(String when, String id, int days) {
            at(
                    when,
                    () -> change(
                            id,
                            new Command.Complete(
                                    broker,
                                    now(),
                                    version(id),
                                    days,
                                    OptionalLong.empty(),
                                    days == 0 ? "the provider fell ill" : null),
                            caller(broker, AREA)));
        }

        void rateBySchool(String when, String id, String urn, int score) {
            at(
                    when,
                    () -> change(
                            id,
                            new Command.Evaluate(schoolActor(urn), now(), version(id), Rating.SCHOOL, score, "useful"),
                            null));
        }

        void rateByAdviser(String when, String id, int score) {
            at(
                    when,
                    () -> change(
                            id,
                            new Command.Evaluate(adviser, now(), version(id), Rating.IMPACT, score, "impact seen"),
                            null));
        }

        void change(String id, Command.Change c, Caller ledgerCaller) {
            if (desk.apply(id, c, ledgerCaller) != BrokerageDesk.Outcome.APPLIED) {
                throw new IllegalStateException(c + " was not applied");
            }
        }

        long version(String id) {
            return desk.get(id).version();
        }

        Instant now() {
            return current;
        }

        static Actor provider(String providerId) {
            return Actor.provider("member-" + providerId, providerId);
        }

        static Actor schoolActor(String urn) {
            return Actor.school("head-" + urn, urn);
        }

        /** A school's member: a PROVIDER of the area whose organisation is the URN, as the ledger sees them. */
        static Caller school(String urn) {
            return new Caller("head-" + urn, Role.PROVIDER, AREA, urn);
        }

        static Caller caller(Actor actor, String area) {
            return new Caller(actor.subject(), Role.valueOf(actor.kind().name()), area, actor.org());
        }

        static void moved(Outcome<Result> outcome) {
            if (!(outcome instanceof Outcome.Done<Result> d) || d.value() instanceof Result.Refused) {
                throw new IllegalStateException("the ledger refused: " + outcome);
            }
        }

        static <T> T done(Outcome<T> outcome) {
            if (outcome instanceof Outcome.Done<T> d) {
                return d.value();
            }
            throw new IllegalStateException("refused: " + outcome);
        }
    }
}
