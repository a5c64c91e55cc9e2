package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import uk.sse.kernel.json.StrictJson;
import uk.sse.ledger.application.TransferRequest;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Ledger;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;

/**
 * A transfer, or with {@code pending} a hold that reserves the amount until posted or voided (or, with
 * {@code timeoutSeconds}, until the sweeper voids it). {@code id} is the client's and makes retries safe.
 * Numbers arrive as decimals so that 2.5 or 1e30 is refused by name rather than rounded or overflowed.
 */
@Serdeable
public record TransferBody(
        @NotNull @Pattern(regexp = Shapes.TRANSFER, message = Shapes.TRANSFER_MESSAGE)
        String id,

        @NotNull @Pattern(regexp = Shapes.ACCOUNT, message = Shapes.ACCOUNT_MESSAGE)
        String debit,

        @NotNull @Pattern(regexp = Shapes.ACCOUNT, message = Shapes.ACCOUNT_MESSAGE)
        String credit,

        @NotNull
        @Digits(integer = 10, fraction = 0, message = Shapes.AMOUNT_MESSAGE)
        @DecimalMin(value = "1", message = Shapes.AMOUNT_MESSAGE)
        @DecimalMax(value = Shapes.MAX_AMOUNT, message = Shapes.AMOUNT_MESSAGE)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal amount,

        @NotNull TransferKind kind,
        @Nullable @Size(max = Ledger.MAX_REFERENCE) String reference,

        @Nullable @Serdeable.Deserializable(using = StrictJson.Flag.class)
        Boolean pending,

        @Nullable
        @Digits(integer = 10, fraction = 0, message = Shapes.TIMEOUT_MESSAGE)
        @DecimalMin(value = "0", message = Shapes.TIMEOUT_MESSAGE)
        @DecimalMax(value = Shapes.MAX_TIMEOUT, message = Shapes.TIMEOUT_MESSAGE)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal timeoutSeconds) {

    TransferRequest request() {
        return new TransferRequest(
                new TransferId(id),
                new AccountId(debit),
                new AccountId(credit),
                amount.longValueExact(),
                kind,
                reference,
                Boolean.TRUE.equals(pending),
                timeoutSeconds == null ? 0 : timeoutSeconds.longValueExact());
    }
}
