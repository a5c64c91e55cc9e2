package uk.sse.local.demo;

import java.time.Duration;
import java.util.List;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.ledger.application.TransferRequest;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;

/**
 * The demo area's credits, made through the ledger's own use cases as its commissioner and broker would: an
 * account per demo provider, a term's allocation to each school (more for the first few, as for schools causing
 * concern), a few paid engagements and two open holds. Ids are fixed, so seeding twice changes nothing.
 */
public final class DemoLedger {

    public static final long TERM_ALLOCATION = 30;
    public static final long EXTRA_FOR_CONCERN = 20;

    private DemoLedger() {}

    public record Seeded(int accounts, long allocated, int transfers) {}

    public static Seeded seed(DemoDirectory demo, OpenAccount open, MoveCredits move) {
        String area = demo.demoArea();
        Caller commissioner = new Caller("demo-commissioner", Role.COMMISSIONER, area, null);
        List<Provider> inArea =
                demo.providers().stream().filter(p -> p.area().equals(area)).toList();
        List<Provider> schools =
                inArea.stream().filter(p -> p.type() == ProviderType.SCHOOL).toList();
        List<Provider> others =
                inArea.stream().filter(p -> p.type() != ProviderType.SCHOOL).toList();

        done(open.open(commissioner, AccountId.issuing(area)));
        inArea.forEach(p -> done(open.open(commissioner, AccountId.of(area, p.id()))));
        long allocated = 0;
        int transfers = 0;
        for (int i = 0; i < schools.size(); i++) {
            long amount = TERM_ALLOCATION + (i < 3 ? EXTRA_FOR_CONCERN : 0);
            applied(move.allocate(
                    commissioner,
                    request(
                            "demo-allocation-" + schools.get(i).id(),
                            AccountId.issuing(area),
                            account(area, schools.get(i)),
                            amount,
                            TransferKind.ALLOCATION,
                            "Autumn term allocation",
                            false,
                            0)));
            allocated += amount;
            transfers++;
        }
        if (others.isEmpty()) {
            return new Seeded(inArea.size() + 1, allocated, transfers);
        }
        for (int i = 0; i < Math.min(4, schools.size()); i++) {
            applied(move.transfer(
                    member(area, schools.get(i)),
                    request(
                            "demo-engagement-" + i,
                            account(area, schools.get(i)),
                            account(area, others.get(i % others.size())),
                            6 + i,
                            TransferKind.PAYMENT,
                            "Delivered support, demo engagement " + i,
                            false,
                            0)));
            transfers++;
        }
        for (int i = 4; i < Math.min(6, schools.size()); i++) {
            applied(move.transfer(
                    member(area, schools.get(i)),
                    request(
                            "demo-hold-" + i,
                            account(area, schools.get(i)),
                            account(area, others.get(i % others.size())),
                            12,
                            TransferKind.PAYMENT,
                            "Agreed support, demo engagement " + i,
                            true,
                            Duration.ofDays(60).toSeconds())));
            transfers++;
        }
        return new Seeded(inArea.size() + 1, allocated, transfers);
    }

    /** Someone of the paying school: only a payer pays or holds its own credits. */
    private static Caller member(String area, Provider school) {
        return new Caller("demo-school-" + school.id(), Role.PROVIDER, area, school.id());
    }

    private static AccountId account(String area, Provider provider) {
        return AccountId.of(area, provider.id());
    }

    private static TransferRequest request(
            String id,
            AccountId debit,
            AccountId credit,
            long amount,
            TransferKind kind,
            String reference,
            boolean pending,
            long timeoutSeconds) {
        return new TransferRequest(new TransferId(id), debit, credit, amount, kind, reference, pending, timeoutSeconds);
    }

    private static void done(Outcome<?> outcome) {
        if (!(outcome instanceof Outcome.Done<?>)) {
            throw new IllegalStateException("the demo ledger was refused: " + outcome);
        }
    }

    private static void applied(Outcome<Result> outcome) {
        if (!(outcome instanceof Outcome.Done<Result> done) || done.value() instanceof Result.Refused) {
            throw new IllegalStateException("a demo transfer was refused: " + outcome);
        }
    }
}
