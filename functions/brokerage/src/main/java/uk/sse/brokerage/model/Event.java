package uk.sse.brokerage.model;

import java.time.Instant;
import java.util.Map;

/**
 * The envelope of every brokerage event, one per applied transition, written to the table's stream:
 * <ul>
 *   <li>{@code type}: {@code brokerage.<thing>.<what happened>}, see {@link Action#eventType()};</li>
 *   <li>{@code id}: {@code <requestId>/<version>}, the same for a retried command, so consumers can drop repeats;</li>
 *   <li>{@code occurredAt}: the command's time;</li>
 *   <li>{@code area}: the request's area (consumers route and filter by it);</li>
 *   <li>{@code data}: always {@code requestId, version, urn, action, from, to, by, byKind}, then what the action
 *   adds (proposals, engagement, days and credits, ratings, reason); values are strings, numbers, lists and maps.</li>
 * </ul>
 */
public record Event(String type, String id, Instant occurredAt, String area, Map<String, Object> data) {}
