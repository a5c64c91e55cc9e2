package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Erasure;
import uk.sse.kernel.events.EventEnvelope;

/**
 * Rewrites a request and its event log in place with an {@link Erasure}: a person's erasure and retention's redaction
 * of every text alike (decisions 0104, 0111). The stream carries each rewrite as a MODIFY, which the read model takes.
 */
@Singleton
public class RedactRecords {

    private static final int ATTEMPTS = 5;

    private final PersonalRecords records;
    private final RequestStore requests;

    public RedactRecords(PersonalRecords records, RequestStore requests) {
        this.records = records;
        this.requests = requests;
    }

    /** Rewrites one request and its events, reading it again if it moved meanwhile; the number of events rewritten. */
    public int rewrite(Erasure erasure, BrokerageRequest found) {
        Optional<BrokerageRequest> current = Optional.of(found);
        for (int attempt = 1; attempt <= ATTEMPTS && current.isPresent(); attempt++) {
            List<PersonalRecords.LoggedEvent> changed = records.events(found.id()).stream()
                    .flatMap(e -> {
                        EventEnvelope after = erasure.apply(e.event());
                        return after == e.event()
                                ? Stream.empty()
                                : Stream.of(new PersonalRecords.LoggedEvent(e.key(), after));
                    })
                    .toList();
            if (records.rewrite(erasure.apply(current.get()), changed)) {
                return changed.size();
            }
            current = requests.find(found.id());
        }
        throw new IllegalStateException("request " + found.id() + " kept moving during its redaction");
    }
}
