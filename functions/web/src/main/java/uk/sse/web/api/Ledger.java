package uk.sse.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What the pages read from the ledger's API (docs/api/ledger.yml). */
public final class Ledger {

    private Ledger() {}

    /** An account's balances; {@code available} is what it can spend (the balance less what is held). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(
            String id,
            String area,
            String owner,
            long balance,
            long available,
            long debitsPending,
            long creditsPending) {}

    /** An area's credit scheme (version 0: none set, it gives nothing). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreditScheme(long creditsPerTerm, boolean unspentExpires, long version) {}

    /** A statement line: {@code amount} signed (negative out), with the balance after it. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String account, String transfer, long amount, long balanceAfter, String at) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EntryPage(List<Entry> items, @Nullable String next) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transfer(
            String id,
            String debit,
            String credit,
            long amount,
            String kind,
            @Nullable String reference,
            boolean pending,
            @Nullable String state,
            long postedAmount) {}
}
