package uk.sse.brokerage.web;

import io.micronaut.serde.annotation.SerdeImport;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Rating;
import uk.sse.brokerage.model.RequestStatus;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.paging.Page;

/** The model's types that bodies and answers carry, made serialisable without annotating the model. */
@SerdeImport(Page.class)
@SerdeImport(Urgency.class)
@SerdeImport(DeliveryMode.class)
@SerdeImport(Rating.class)
@SerdeImport(RequestStatus.class)
final class BrokerageJson {

    private BrokerageJson() {}
}
