package uk.sse.ledger.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.engines.Engines;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.ledger.LedgerSettings;
import uk.sse.ledger.application.ApplyCommand;
import uk.sse.ledger.application.LedgerStore;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.LedgerBook;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Snapshot;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;

/**
 * The DynamoDB store, driven through {@link ApplyCommand} as the use cases drive it, answers every command as the
 * in-memory model does, and ends holding exactly the model's accounts (versions too), transfers and entries.
 * This pins the item mapping and the transaction's conditions to the model.
 */
class StoreAgreesWithModelPropertyTest {

    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    static final AtomicInteger TRIES = new AtomicInteger();

    static DynamoDbClient client;
    static DynamoLedgerStore store;
    static ApplyCommand apply;

    sealed interface Step {}

    record Create(int id, int debit, int credit, long amount, TransferKind kind, boolean pending) implements Step {}

    record Post(int id, long amount, boolean all) implements Step {}

    record Void(int id) implements Step {}

    record Extend(int id, long seconds) implements Step {}

    @BeforeContainer
    static void table() {
        client = DynamoDbClient.builder()
                .endpointOverride(Engines.dynamo().endpoint())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        LedgerSettings settings = new LedgerSettings("ledger-agrees-" + System.nanoTime(), null, null, null);
        LedgerTable table = new LedgerTable(
                client, new AwsSettings(null, Engines.dynamo().endpoint().toString(), true), settings);
        table.onApplicationEvent(null);
        store = new DynamoLedgerStore(
                client, table, new uk.sse.kernel.events.EventJson(io.micronaut.serde.ObjectMapper.getDefault()));
        apply = new ApplyCommand(store, settings);
    }

    @AfterContainer
    static void close() {
        client.close();
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Integer> id = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> account = Arbitraries.integers().between(0, 3);
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(1, 40)),
                Tuple.of(1, Arbitraries.longs().between(-1, 0)));
        Arbitrary<Step> create = Combinators.combine(
                        id,
                        account,
                        account,
                        amount,
                        Arbitraries.of(TransferKind.ALLOCATION, TransferKind.PAYMENT, TransferKind.PAYMENT),
                        Arbitraries.of(true, false))
                .as((i, d, c, a, k, p) -> new Create(i, k == TransferKind.ALLOCATION ? 0 : d, c, a, k, p));
        Arbitrary<Step> post = Combinators.combine(id, Arbitraries.longs().between(0, 40), Arbitraries.of(true, false))
                .as(Post::new);
        Arbitrary<Step> voidHold = id.map(Void::new);
        Arbitrary<Step> extend =
                Combinators.combine(id, Arbitraries.longs().between(1, 7200)).as(Extend::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, create), Tuple.of(3, post), Tuple.of(2, voidHold), Tuple.of(2, extend))
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    @Property(tries = 30)
    void theTableAnswersAndEndsAsTheModelDoes(@ForAll("scenarios") List<Step> steps) {
        String area = "p" + TRIES.incrementAndGet();
        List<AccountId> accounts = List.of(
                AccountId.issuing(area),
                AccountId.of(area, "100001"),
                AccountId.of(area, "100002"),
                AccountId.of(area, "prv_x"));
        LedgerBook book = new LedgerBook();
        for (AccountId a : accounts) {
            Account fresh = a.owner().equals(AccountId.ISSUING_OWNER)
                    ? Account.openIssuing(area)
                    : Account.open(area, a.owner());
            book.open(fresh);
            assertThat(store.open(fresh, java.time.Instant.EPOCH)).isTrue();
        }
        Instant at = T0;
        for (Step step : steps) {
            at = at.plusSeconds(1);
            Command command = command(step, area, accounts, at);
            Result expected = book.apply(command);
            Result actual = apply.apply(() -> snapshot(command), command);
            assertThat(describe(actual)).as(step.toString()).isEqualTo(describe(expected));
        }
        LedgerStore.AreaContents stored = store.contentsOf(area);
        assertThat(stored.accounts()).containsExactlyInAnyOrderElementsOf(book.accounts.values());
        assertThat(stored.transfers()).containsExactlyInAnyOrderElementsOf(book.transfers.values());
        Comparator<Entry> order = Comparator.comparing((Entry e) -> e.account().value())
                .thenComparing(e -> e.transfer().value());
        assertThat(stored.entries().stream().sorted(order).toList())
                .isEqualTo(book.entries.stream().sorted(order).toList());
    }

    /** Reads as the use cases do: the transfer and the accounts it names. */
    private static Snapshot snapshot(Command command) {
        return switch (command) {
            case Command.CreateTransfer c ->
                store.read(
                        List.of(c.id()),
                        c.debit().equals(c.credit()) ? List.of(c.debit()) : List.of(c.debit(), c.credit()));
            case Command.PostPending p -> holdAndAccounts(p.id());
            case Command.VoidPending v -> holdAndAccounts(v.id());
            case Command.ExtendHold x -> holdAndAccounts(x.id());
            case Command.ExpireHolds e -> throw new IllegalArgumentException("not generated");
        };
    }

    private static Snapshot holdAndAccounts(TransferId id) {
        return store.transfer(id)
                .map(t -> store.read(List.of(id), List.of(t.debit(), t.credit())))
                .orElseGet(() -> Snapshot.of(List.of()));
    }

    private static Command command(Step step, String area, List<AccountId> accounts, Instant at) {
        return switch (step) {
            case Create c ->
                new Command.CreateTransfer(
                        id(area, c.id()),
                        accounts.get(c.debit()),
                        accounts.get(c.credit()),
                        c.amount(),
                        c.kind(),
                        "",
                        c.pending(),
                        c.pending() ? 3600 : 0,
                        c.kind() == TransferKind.ALLOCATION
                                ? Requester.person("c", "COMMISSIONER", area, null)
                                : by(area, c.id()),
                        at);
            case Post p ->
                new Command.PostPending(
                        id(area, p.id()),
                        p.all() ? OptionalLong.empty() : OptionalLong.of(p.amount()),
                        by(area, p.id()),
                        at);
            case Void v -> new Command.VoidPending(id(area, v.id()), by(area, v.id()), at);
            case Extend x -> new Command.ExtendHold(id(area, x.id()), x.seconds(), by(area, x.id()), at);
        };
    }

    /** Every third id is an engagement hold's, which the brokerage service asks for; a school asks for the rest. */
    private static TransferId id(String area, int n) {
        return new TransferId((n % 3 == 2 ? TransferId.BROKERAGE_PREFIX : "") + area + "-t" + n);
    }

    private static Requester by(String area, int n) {
        return n % 3 == 2
                ? Requester.service("sse-brokerage", Requester.person("a", "ADVISER", area, null))
                : Requester.person("s", "PROVIDER", area, "100001");
    }

    private static String describe(Result result) {
        return switch (result) {
            case Result.Applied a ->
                "applied " + a.transfers().stream().map(Transfer::toString).toList();
            case Result.AlreadyApplied r -> "replay " + r.original();
            case Result.Refused r -> "refused " + r.reason();
        };
    }
}
