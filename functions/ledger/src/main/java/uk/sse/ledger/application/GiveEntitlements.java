package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.kernel.time.SchoolPeriod;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.CreditScheme;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.Refusal;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;

/**
 * The credit schemes' job (decision 0083), run on a schedule: for every area with a scheme and every member school
 * (a school with an account in the area), takes back what is left of last school year's entitlement if the scheme
 * expires it, then gives this term's entitlement. Each transfer's id names the area, the term or year and the school,
 * so a second run, a run alongside, or a run after one that crashed half-way gives and takes each exactly once.
 */
@Singleton
public class GiveEntitlements {

    /** Terms are English school terms, so the day is London's. */
    public static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    /** A member school's account is owned by its URN. */
    private static final Pattern URN = Pattern.compile("[0-9]{6,7}");

    private static final Logger LOG = LoggerFactory.getLogger(GiveEntitlements.class);

    private final LedgerStore store;
    private final CreditSchemes schemes;
    private final ApplyCommand apply;
    private final Clock clock;

    public GiveEntitlements(LedgerStore store, CreditSchemes schemes, ApplyCommand apply, Clock clock) {
        this.store = store;
        this.schemes = schemes;
        this.apply = apply;
        this.clock = clock;
    }

    /** What one run did: areas with a scheme, member schools seen, entitlements given, expiries made, schools that failed. */
    public record Run(String term, int areas, int schools, int given, int expired, int failed) {}

    public Run run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, SCHOOL_TIME);
        SchoolPeriod term = SchoolPeriod.termOf(today);
        SchoolPeriod lastYear = SchoolPeriod.yearOf(today).previous();
        int areas = 0, schools = 0, given = 0, expired = 0, failed = 0;
        for (CreditScheme scheme : schemes.all()) {
            areas++;
            for (String school : members(scheme.area())) {
                schools++;
                try {
                    if (expire(scheme, school, lastYear, now)) {
                        expired++;
                    }
                    if (give(scheme, school, term, now)) {
                        given++;
                    }
                } catch (RuntimeException e) { // one school's trouble does not stop the rest; the next run retries it
                    failed++;
                    LOG.warn(
                            "credit scheme of area {}: school {} not done this run: {}",
                            scheme.area(),
                            school,
                            e.toString());
                }
            }
        }
        LOG.info(
                "credit schemes: {} areas, {} schools, {} entitlements given, {} expired, {} failed for {}",
                areas,
                schools,
                given,
                expired,
                failed,
                term.key());
        return new Run(term.key(), areas, schools, given, expired, failed);
    }

    /** The area's member schools: its accounts owned by a URN. */
    List<String> members(String area) {
        List<String> owners = new ArrayList<>();
        String cursor = null;
        do {
            Page<Account> page = store.accountsIn(area, new PageRequest(PageRequest.MAX_LIMIT, cursor))
                    .orElseThrow();
            page.items().stream()
                    .filter(a -> !a.issuing() && URN.matcher(a.owner()).matches())
                    .forEach(a -> owners.add(a.owner()));
            cursor = page.next();
        } while (cursor != null);
        return owners;
    }

    /** This term's entitlement, once: true if this call gave it. */
    private boolean give(CreditScheme scheme, String school, SchoolPeriod term, Instant now) {
        Optional<Command.CreateTransfer> entitlement = scheme.entitlement(school, term, now);
        if (entitlement.isEmpty() || store.transfer(entitlement.get().id()).isPresent()) {
            return false;
        }
        Command.CreateTransfer c = entitlement.get();
        return applied(
                scheme, c.id(), apply.apply(() -> store.read(List.of(c.id()), List.of(c.debit(), c.credit())), c));
    }

    /** What is left of last year's entitlement, taken back once if the scheme says so: true if this call took it. */
    private boolean expire(CreditScheme scheme, String school, SchoolPeriod year, Instant now) {
        TransferId id = TransferId.expiry(scheme.area(), year.key(), school);
        if (!scheme.unspentExpires() || store.transfer(id).isPresent()) {
            return false;
        }
        AccountId account = AccountId.of(scheme.area(), school);
        List<TransferId> entitlements = year.terms().stream()
                .map(t -> TransferId.entitlement(scheme.area(), t.key(), school))
                .toList();
        List<TransferId> read = new ArrayList<>(entitlements);
        read.add(id);
        Instant yearBegan = year.from().atStartOfDay(SCHOOL_TIME).toInstant();
        Optional<Result> result =
                apply.apply(() -> store.read(read, List.of(account, AccountId.issuing(scheme.area()))), snapshot -> {
                    long entitled = entitlements.stream()
                            .map(snapshot::transfer)
                            .flatMap(Optional::stream)
                            .mapToLong(Transfer::postedAmount)
                            .sum();
                    Account a = snapshot.account(account).orElse(null);
                    if (entitled == 0 || a == null) {
                        return Optional.empty();
                    }
                    // read after the snapshot: if a payment lands in between, the account's version has moved and the
                    // write fails
                    long spent = spentSince(account, yearBegan) + a.debitsPending();
                    return scheme.expiry(school, year, CreditScheme.unspent(entitled, spent, a.available()), now);
                });
        return result.isPresent() && applied(scheme, id, result.get());
    }

    /** Credits that left the account since {@code since}, the scheme's own expiries apart. */
    private long spentSince(AccountId account, Instant since) {
        long spent = 0;
        String cursor = null;
        do {
            Page<Entry> page = store.statement(account, new PageRequest(PageRequest.MAX_LIMIT, cursor))
                    .orElseThrow();
            for (Entry e : page.items()) {
                if (e.at().isBefore(since)) {
                    return spent;
                }
                if (e.amount() < 0 && !e.transfer().value().startsWith(TransferId.EXPIRY_PREFIX)) {
                    spent -= e.amount();
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return spent;
    }

    /** True if written now; a replay, or the id taken by an earlier run with another amount, is done already. */
    private static boolean applied(CreditScheme scheme, TransferId id, Result result) {
        return switch (result) {
            case Result.Applied a -> true;
            case Result.AlreadyApplied replay -> false;
            case Result.Refused r when r.reason() == Refusal.ID_REUSED_WITH_DIFFERENT_BODY -> false;
            case Result.Refused r -> {
                LOG.warn("credit scheme of area {}: {} refused: {} {}", scheme.area(), id, r.reason(), r.message());
                yield false;
            }
        };
    }
}
