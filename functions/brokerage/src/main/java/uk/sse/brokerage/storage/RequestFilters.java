package uk.sse.brokerage.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.brokerage.application.RequestFilter;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.RequestStatus;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.taxonomy.Taxonomy;

/** A listing's filter as a DynamoDB filter expression, and the same test in memory. */
final class RequestFilters {

    private RequestFilters() {}

    static IndexQueries.Filter expression(RequestFilter f) {
        List<String> terms = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (!f.statuses().isEmpty()) {
            List<String> placeholders = new ArrayList<>();
            int n = 0;
            for (RequestStatus s : f.statuses()) {
                placeholders.add(":status" + n);
                values.put(":status" + n++, AttributeValue.fromS(s.name()));
            }
            names.put("#status", "status");
            terms.add("#status IN (" + String.join(", ", placeholders) + ")");
        }
        if (f.areaOfSupport() != null) {
            terms.add("contains(areasLineage, :area)");
            values.put(":area", AttributeValue.fromS(f.areaOfSupport()));
        }
        if (f.urn() != null) {
            terms.add("urn = :urn");
            values.put(":urn", AttributeValue.fromS(f.urn()));
        }
        if (f.raisedBefore() != null) {
            terms.add("raisedAtMs < :before");
            values.put(
                    ":before",
                    AttributeValue.fromN(Long.toString(f.raisedBefore().toEpochMilli())));
        }
        if (f.raisedBy() != null) {
            terms.add("(raisedBy = :by OR " + RequestItems.BY_SCHOOL + " = :bySchool)");
            values.put(":by", AttributeValue.fromS(f.raisedBy()));
            values.put(":bySchool", AttributeValue.fromBool(true));
        }
        return terms.isEmpty()
                ? IndexQueries.Filter.NONE
                : new IndexQueries.Filter(String.join(" AND ", terms), names, values);
    }

    static boolean keeps(RequestFilter f, BrokerageRequest r) {
        return (f.statuses().isEmpty() || f.statuses().contains(r.status()))
                && (f.areaOfSupport() == null
                        || r.areasOfSupport().stream()
                                .anyMatch(code ->
                                        Taxonomy.standard().lineage(code).contains(f.areaOfSupport())))
                && (f.urn() == null || f.urn().equals(r.urn()))
                && (f.raisedBefore() == null || r.raisedAt().isBefore(f.raisedBefore()))
                && (f.raisedBy() == null || f.raisedBy().equals(r.raisedBy()) || r.raisedBySchool());
    }
}
