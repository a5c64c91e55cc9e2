package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * An account of the area (not its issuing account): credits posted into and out of it in the period, its posted balance
 * at the end of the period and the credits then held on it by open holds. {@code kind} is SCHOOL for a school of the
 * register, else the provider's type, else UNKNOWN.
 */
@Serdeable
public record BalanceRow(
        @Nullable String account,
        @Nullable String owner,
        @Nullable String name,
        @Nullable String kind,
        long creditsIn,
        long creditsOut,
        long balance,
        long held)
        implements ReportRow {

    public static final List<String> COLUMNS =
            List.of("account", "owner", "name", "kind", "creditsIn", "creditsOut", "balance", "held");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(account, owner, name, kind, creditsIn, creditsOut, balance, held);
    }
}
