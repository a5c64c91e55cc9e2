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

/** Credits a commissioner allocates to an account ({@code to}) from its area's issuing account. */
@Serdeable
public record AllocationBody(
        @NotNull @Pattern(regexp = Shapes.TRANSFER, message = Shapes.TRANSFER_MESSAGE)
        String id,

        @NotNull @Pattern(regexp = Shapes.ACCOUNT, message = Shapes.ACCOUNT_MESSAGE)
        String to,

        @NotNull
        @Digits(integer = 10, fraction = 0, message = Shapes.AMOUNT_MESSAGE)
        @DecimalMin(value = "1", message = Shapes.AMOUNT_MESSAGE)
        @DecimalMax(value = Shapes.MAX_AMOUNT, message = Shapes.AMOUNT_MESSAGE)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal amount,

        @Nullable @Size(max = Ledger.MAX_REFERENCE) String reference) {

    TransferRequest request() {
        AccountId credit = new AccountId(to);
        return new TransferRequest(
                new TransferId(id),
                AccountId.issuing(credit.area()),
                credit,
                amount.longValueExact(),
                TransferKind.ALLOCATION,
                reference,
                false,
                0);
    }
}
