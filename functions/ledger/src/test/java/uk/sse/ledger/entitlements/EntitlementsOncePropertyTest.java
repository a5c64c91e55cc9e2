package uk.sse.ledger.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.engines.Engines;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.ledger.LedgerSettings;
import uk.sse.ledger.application.ApplyCommand;
import uk.sse.ledger.application.CreditSchemes;
import uk.sse.ledger.application.GiveEntitlements;
import uk.sse.ledger.application.LedgerStore;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.CreditScheme;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.Invariants;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Snapshot;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;
import uk.sse.ledger.storage.DynamoCreditSchemes;
import uk.sse.ledger.storage.DynamoLedgerStore;
import uk.sse.ledger.storage.LedgerTable;

/**
 * The credit schemes' job against the real DynamoDB store, run as the schedule runs it: in any order of terms, each
 * term's run repeated, two runs at once on real threads, and runs that crash half-way (the process stops before a write
 * or after a write landed, its answer never read). Whatever happened, the area has issued exactly schools x terms x
 * amount, each school holds one entitlement per term run in, and the ledger's invariants hold.
 */
class EntitlementsOncePropertyTest {

    static final List<Instant> TERM_DAYS = List.of(
            Instant.parse("2025-10-01T09:00:00Z"),
            Instant.parse("2026-02-02T09:00:00Z"),
            Instant.parse("2026-05-05T09:00:00Z"),
            Instant.parse("2026-09-07T09:00:00Z"));
    static final AtomicInteger AREAS = new AtomicInteger();

    static DynamoDbClient client;
    static DynamoLedgerStore store;
    static DynamoCreditSchemes schemes;
    static LedgerSettings settings;

    /** One run of the job in a term: repeated {@code times}, two at once if {@code together}, crashing after {@code crashAfter} writes (-1 never). */
    record RunInTerm(int term, int times, boolean together, int crashAfter, boolean landedBeforeCrash) {}

    @BeforeContainer
    static void table() {
        client = DynamoDbClient.builder()
                .endpointOverride(Engines.dynamo().endpoint())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        settings = new LedgerSettings("ledger-entitlements-" + System.nanoTime(), null, null, null);
        LedgerTable table = new LedgerTable(
                client, new AwsSettings(null, Engines.dynamo().endpoint().toString(), true), settings);
        table.onApplicationEvent(null);
        store = new DynamoLedgerStore(client, table, new EventJson(io.micronaut.serde.ObjectMapper.getDefault()));
        schemes = new DynamoCreditSchemes(client, table);
    }

    @AfterContainer
    static void close() {
        client.close();
    }

    @Provide
    Arbitrary<List<RunInTerm>> runs() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, TERM_DAYS.size() - 1),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(-1, 6),
                        Arbitraries.of(true, false))
                .as(RunInTerm::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Property(tries = 12)
    void eachSchoolIsGivenOncePerTermWhateverHappensToTheRuns(
            @ForAll("runs") List<RunInTerm> runs,
            @ForAll @IntRange(min = 1, max = 5) int schools,
            @ForAll @IntRange(min = 1, max = 40) int amount)
            throws Exception {
        String area = "e" + AREAS.incrementAndGet();
        List<String> urns = open(area, schools);
        assertThat(schemes.put(CreditScheme.first(area, amount, false, commissioner(area), TERM_DAYS.get(0))))
                .isTrue();

        for (RunInTerm run : runs) {
            MovableClock clock = new MovableClock(TERM_DAYS.get(run.term()));
            if (run.crashAfter() >= 0) {
                // a run that stops half-way: the process dies before a write, or after one landed with its answer lost
                CrashingStore crashing = new CrashingStore(store, run.crashAfter(), run.landedBeforeCrash());
                try {
                    job(crashing, clock, area).run();
                } catch (Crash expected) {
                    assertThat(crashing.writes.get()).isEqualTo(run.crashAfter() + 1);
                }
            }
            for (int i = 0; i < run.times(); i++) {
                if (run.together()) {
                    together(
                            () -> job(store, clock, area).run(),
                            () -> job(store, clock, area).run());
                } else {
                    job(store, clock, area).run();
                }
            }
        }

        long termsRun = runs.stream().map(RunInTerm::term).distinct().count();
        LedgerStore.AreaContents contents = store.contentsOf(area);
        assertThat(Invariants.check(contents.accounts(), contents.transfers(), contents.entries()))
                .isEmpty();
        Account issuing = contents.accounts().stream()
                .filter(Account::issuing)
                .findFirst()
                .orElseThrow();
        assertThat(issuing.debitsPosted()).as("minted").isEqualTo(schools * termsRun * amount);
        Map<String, Long> perSchool = contents.transfers().stream()
                .collect(Collectors.groupingBy(t -> t.credit().owner(), Collectors.counting()));
        assertThat(perSchool.keySet()).containsExactlyInAnyOrderElementsOf(urns);
        assertThat(perSchool.values()).allMatch(n -> n == termsRun);
        assertThat(contents.accounts().stream()
                        .filter(a -> urns.contains(a.owner()))
                        .mapToLong(Account::balance))
                .allMatch(balance -> balance == termsRun * amount);
    }

    @Example
    void expiryTakesOnlyWhatIsLeftOfTheEntitlementNeverWhatTheSchoolEarned() {
        String area = "x" + AREAS.incrementAndGet();
        List<String> urns = open(area, 3);
        String spender = urns.get(0), earner = urns.get(1), idle = urns.get(2);
        assertThat(schemes.put(CreditScheme.first(area, 10, true, commissioner(area), TERM_DAYS.get(0))))
                .isTrue();
        ApplyCommand apply = new ApplyCommand(store, settings);
        for (int term = 0; term < 3; term++) { // the three terms of 2025 to 2026: 30 each
            job(store, new MovableClock(TERM_DAYS.get(term)), area).run();
        }
        Instant may = TERM_DAYS.get(2).plusSeconds(3600);
        // the spender pays 25 of its 30 to the earner: 5 of its entitlement are left; the earner earned 25
        pay(apply, area, "pay-1", spender, earner, 25, may);
        // the idle school holds 12 for agreed support: counted as spent
        apply.apply(
                () -> store.read(
                        List.of(new TransferId("hold-1")),
                        List.of(AccountId.of(area, idle), AccountId.of(area, earner))),
                new Command.CreateTransfer(
                        new TransferId("hold-1"),
                        AccountId.of(area, idle),
                        AccountId.of(area, earner),
                        12,
                        TransferKind.PAYMENT,
                        "",
                        true,
                        0,
                        school(area, idle),
                        may));

        MovableClock september = new MovableClock(TERM_DAYS.get(3));
        GiveEntitlements.Run first = job(store, september, area).run();
        GiveEntitlements.Run again = job(store, september, area).run();
        assertThat(first.expired()).isEqualTo(3);
        assertThat(again.expired()).isZero();
        assertThat(again.given()).isZero();

        assertThat(expired(area, spender)).isEqualTo(5);
        assertThat(expired(area, earner))
                .as("the earner spent none of its entitlement: 30 expire, its 25 earned stay")
                .isEqualTo(30);
        assertThat(expired(area, idle)).isEqualTo(30 - 12);
        assertThat(account(area, spender).balance()).isEqualTo(30 - 25 - 5 + 10);
        assertThat(account(area, earner).balance()).isEqualTo(25 + 10);
        assertThat(account(area, idle).available()).isEqualTo(10);
        Transfer expiry =
                store.transfer(TransferId.expiry(area, "year-2025", earner)).orElseThrow();
        assertThat(expiry.reference()).isEqualTo("Unspent entitlement of the school year 2025 to 2026 expired");
        assertThat(expiry.requestedBy().isSchemesFor(area)).isTrue();
        LedgerStore.AreaContents contents = store.contentsOf(area);
        assertThat(Invariants.check(contents.accounts(), contents.transfers(), contents.entries()))
                .isEmpty();
    }

    private static long expired(String area, String urn) {
        return store.transfer(TransferId.expiry(area, "year-2025", urn))
                .map(Transfer::amount)
                .orElse(0L);
    }

    private static Account account(String area, String urn) {
        return store.account(AccountId.of(area, urn)).orElseThrow();
    }

    private static void pay(
            ApplyCommand apply, String area, String id, String from, String to, long amount, Instant at) {
        Command.CreateTransfer c = new Command.CreateTransfer(
                new TransferId(id),
                AccountId.of(area, from),
                AccountId.of(area, to),
                amount,
                TransferKind.PAYMENT,
                "",
                false,
                0,
                school(area, from),
                at);
        assertThat(apply.apply(() -> store.read(List.of(c.id()), List.of(c.debit(), c.credit())), c))
                .isInstanceOf(Result.Applied.class);
    }

    private static List<String> open(String area, int schools) {
        assertThat(store.open(Account.openIssuing(area), Instant.EPOCH)).isTrue();
        assertThat(store.open(Account.open(area, "la-team"), Instant.EPOCH))
                .isTrue(); // a provider, not a member school
        List<String> urns = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            String urn = String.valueOf(100001 + i);
            assertThat(store.open(Account.open(area, urn), Instant.EPOCH)).isTrue();
            urns.add(urn);
        }
        return urns;
    }

    private static Requester commissioner(String area) {
        return Requester.person("commissioner-" + area, Requester.COMMISSIONER, area, "la-" + area);
    }

    private static Requester school(String area, String urn) {
        return Requester.person("head-" + urn, "PROVIDER", area, urn);
    }

    /** The job as scheduled, seeing only {@code area}'s scheme, so that one try's runs do not walk every earlier try's. */
    private static GiveEntitlements job(LedgerStore on, Clock clock, String area) {
        CreditSchemes onlyThis = new CreditSchemes() {
            @Override
            public Optional<CreditScheme> find(String a) {
                return schemes.find(a);
            }

            @Override
            public boolean put(CreditScheme scheme) {
                return schemes.put(scheme);
            }

            @Override
            public List<CreditScheme> all() {
                return schemes.find(area).stream().toList();
            }
        };
        return new GiveEntitlements(on, onlyThis, new ApplyCommand(on, settings), clock);
    }

    private static void together(Runnable a, Runnable b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (Runnable r : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    r.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The process stopping: not an exception the job may catch and carry on from. */
    static final class Crash extends Error {
        Crash() {
            super("the process stopped (injected)");
        }
    }

    /** The real store, until its write number {@code crashAfter + 1}: then the process stops, before or after that write lands. */
    static final class CrashingStore implements LedgerStore {
        final LedgerStore real;
        final int crashAfter;
        final boolean landFirst;
        final AtomicInteger writes = new AtomicInteger();

        CrashingStore(LedgerStore real, int crashAfter, boolean landFirst) {
            this.real = real;
            this.crashAfter = crashAfter;
            this.landFirst = landFirst;
        }

        @Override
        public boolean write(Result.Applied applied) {
            if (writes.incrementAndGet() > crashAfter) {
                if (landFirst) {
                    real.write(applied);
                }
                throw new Crash();
            }
            return real.write(applied);
        }

        @Override
        public Snapshot read(Collection<TransferId> transfers, Collection<AccountId> accounts) {
            return real.read(transfers, accounts);
        }

        @Override
        public Optional<Transfer> transfer(TransferId id) {
            return real.transfer(id);
        }

        @Override
        public Optional<Account> account(AccountId id) {
            return real.account(id);
        }

        @Override
        public boolean open(Account account, Instant at) {
            return real.open(account, at);
        }

        @Override
        public Optional<Page<Entry>> statement(AccountId account, PageRequest page) {
            return real.statement(account, page);
        }

        @Override
        public Optional<Page<Account>> accountsIn(String area, PageRequest page) {
            return real.accountsIn(area, page);
        }

        @Override
        public AreaContents contentsOf(String area) {
            return real.contentsOf(area);
        }

        @Override
        public Optional<Page<Transfer>> pendingHolds(String idPrefix, PageRequest page) {
            return real.pendingHolds(idPrefix, page);
        }

        @Override
        public List<TransferId> holdsDueBy(Instant now, int limit) {
            return real.holdsDueBy(now, limit);
        }
    }

    static final class MovableClock extends Clock {
        private final Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
