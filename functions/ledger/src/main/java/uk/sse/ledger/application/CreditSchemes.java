package uk.sse.ledger.application;

import java.util.List;
import java.util.Optional;
import uk.sse.ledger.model.CreditScheme;

/** Where the areas' credit schemes are kept, in the ledger's own table. May throw {@code StoreBusy}, as the ledger's store. */
public interface CreditSchemes {

    Optional<CreditScheme> find(String area);

    /** Writes {@code scheme} on condition that the stored one is its version - 1 (none for version 1); false if not. */
    boolean put(CreditScheme scheme);

    /** Every area's scheme, for the scheme job. */
    List<CreditScheme> all();
}
