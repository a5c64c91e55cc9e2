package uk.sse.brokerage.application;

import java.util.Optional;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Result;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** Where requests, their events and the Idempotency-Keys that raised them are kept. */
public interface RequestStore {

    Optional<BrokerageRequest> find(String id);

    /** Stores a raised request with its event, claiming {@code key} in the same write; false if the key was claimed first. */
    boolean create(Result.Applied raised, IdempotencyKey key);

    Optional<PriorRequest> priorRequest(IdempotencyKey key);

    /** Stores the request's next state with its event, if it is still at the version before; false if it has moved. */
    boolean update(Result.Applied applied);

    /**
     * Records, once, an event about the request at {@code version} that does not change it: the ledger refusing an
     * agreement's hold ({@code kind} HOLD_REFUSED), or a repair reconciliation made ({@code REPAIR#<repair>#<hold>}).
     * False if it was recorded before.
     */
    boolean recordEvent(String requestId, long version, String kind, EventEnvelope event);

    /** The ids of requests whose engagement's hold is HELD, for reconciliation. */
    Page<String> heldEngagements(PageRequest page);

    /** An area's requests still in the queue, most urgent and then oldest first. */
    Page<BrokerageRequest> queue(String area, RequestFilter filter, PageRequest page);

    /** All of an area's requests, newest first. */
    Page<BrokerageRequest> inArea(String area, RequestFilter filter, PageRequest page);

    /** A school's requests, newest first. */
    Page<BrokerageRequest> ofSchool(String urn, RequestFilter filter, PageRequest page);

    /** The requests on which something was proposed to a provider. */
    Page<BrokerageRequest> addressedTo(String providerId, RequestFilter filter, PageRequest page);
}
