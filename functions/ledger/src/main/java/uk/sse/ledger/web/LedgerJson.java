package uk.sse.ledger.web;

import io.micronaut.serde.annotation.SerdeImport;
import uk.sse.kernel.paging.Page;
import uk.sse.ledger.application.CheckLedger;
import uk.sse.ledger.model.TransferKind;

/** Serialisers generated here for the records the API answers as they are. */
@SerdeImport(Page.class)
@SerdeImport(TransferKind.class)
@SerdeImport(CheckLedger.Report.class)
final class LedgerJson {

    private LedgerJson() {}
}
