package uk.sse.ledger.application;

import java.util.List;

/** The areas the ledger keeps accounts for: those whose issuing account has been opened. */
public interface LedgerAreas {

    List<String> all();
}
