package uk.sse.notifier.web;

import io.micronaut.serde.annotation.SerdeImport;
import uk.sse.kernel.paging.Page;
import uk.sse.notifier.model.DeliveryStatus;
import uk.sse.notifier.model.Urgency;

/** Serialisers generated here for the types the API reads and answers as they are. */
@SerdeImport(Page.class)
@SerdeImport(Urgency.class)
@SerdeImport(DeliveryStatus.class)
final class NotifierJson {

    private NotifierJson() {}
}
