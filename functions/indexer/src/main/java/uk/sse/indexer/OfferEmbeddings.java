package uk.sse.indexer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.embeddings.SentenceEmbeddings;
import uk.sse.embeddings.Vectors;
import uk.sse.kernel.search.OfferEmbeddingText;
import uk.sse.kernel.search.SearchIndices;

/**
 * Gives each offer document its sentence embedding, once per offer version: a change that keeps the version (the
 * quality signals move in place) or replays it takes the embedding the index already holds for that version and model;
 * only new versions are embedded, all of a batch's at once.
 */
public final class OfferEmbeddings {

    private static final Logger LOG = LoggerFactory.getLogger(OfferEmbeddings.class);

    /** What makes embeddings: in use, {@link SentenceEmbeddings#embedAll}. */
    @FunctionalInterface
    public interface Model {
        List<float[]> embedAll(List<String> texts);
    }

    private final OpenSearchClient client;
    private final Model model;

    public OfferEmbeddings(OpenSearchClient client, Model model) {
        this.client = client;
        this.model = model;
    }

    /** The changes, each offer document with its embedding. */
    public List<IndexChange> embed(List<IndexChange> changes) {
        List<IndexChange.Put> offers = changes.stream()
                .filter(c -> c instanceof IndexChange.Put p && p.index() == SearchIndices.OFFERS)
                .map(IndexChange.Put.class::cast)
                .toList();
        if (offers.isEmpty()) {
            return changes;
        }
        Map<String, String> known = indexed(offers);
        Map<String, String> made = new HashMap<>();
        List<IndexChange.Put> toEmbed =
                offers.stream().filter(p -> !known.containsKey(key(p))).toList();
        if (!toEmbed.isEmpty()) {
            List<float[]> vectors =
                    model.embedAll(toEmbed.stream().map(p -> text(p.document())).toList());
            for (int i = 0; i < toEmbed.size(); i++) {
                made.put(key(toEmbed.get(i)), Vectors.encode(vectors.get(i)));
            }
        }
        List<IndexChange> out = new ArrayList<>(changes.size());
        for (IndexChange change : changes) {
            if (change instanceof IndexChange.Put p && p.index() == SearchIndices.OFFERS) {
                Map<String, Object> document = new LinkedHashMap<>(p.document());
                document.put("embedding", Objects.requireNonNullElseGet(known.get(key(p)), () -> made.get(key(p))));
                document.put("embeddingModel", SentenceEmbeddings.MODEL);
                out.add(new IndexChange.Put(p.source(), p.index(), p.id(), p.version(), p.versionType(), document));
            } else {
                out.add(change);
            }
        }
        return out;
    }

    /** What is embedded: the offer's own words (see {@link OfferEmbeddingText}). */
    public static String text(Map<String, Object> document) {
        return OfferEmbeddingText.of(document);
    }

    private static String key(IndexChange.Put p) {
        return p.id() + "@" + p.document().get("version");
    }

    /**
     * The embeddings the live index already has for these offers' versions, by the same model. Read from the readers'
     * alias, which during a rebuild is still the old index. Without an answer, everything is embedded again.
     */
    private Map<String, String> indexed(List<IndexChange.Put> offers) {
        Map<String, String> found = new HashMap<>();
        try {
            MgetResponse<Map> response = client.mget(
                    m -> m.index(SearchIndices.OFFERS.alias())
                            .ids(offers.stream()
                                    .map(IndexChange.Put::id)
                                    .distinct()
                                    .toList())
                            .sourceIncludes(List.of("version", "embedding", "embeddingModel")),
                    Map.class);
            for (var doc : response.docs()) {
                if (doc.isResult() && doc.result().found()) {
                    GetResult<Map> got = doc.result();
                    Map<?, ?> source = got.source();
                    if (source != null
                            && SentenceEmbeddings.MODEL.equals(source.get("embeddingModel"))
                            && source.get("embedding") instanceof String e
                            && source.get("version") instanceof Number v) {
                        found.put(got.id() + "@" + v.longValue(), e);
                    }
                }
            }
        } catch (Exception unreadable) {
            LOG.warn(
                    "cannot read the indexed embeddings, embedding {} offers afresh: {}",
                    offers.size(),
                    unreadable.toString());
        }
        return found;
    }
}
