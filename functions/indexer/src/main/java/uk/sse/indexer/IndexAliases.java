package uk.sse.indexer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.search.SearchIndices;

/**
 * The concrete indices behind the {@code offers} and {@code schools} aliases. Readers and writers use the
 * alias; while a rebuild runs a second alias ({@code offers-next}) names the index being built, and the
 * stream handler writes to both (external versions make the double write safe).
 */
public final class IndexAliases {

    private static final Logger LOG = LoggerFactory.getLogger(IndexAliases.class);
    // to the millisecond: a rebuild straight after the first index was made must not reuse its name
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final OpenSearchClient client;
    private final Clock clock;

    public IndexAliases(OpenSearchClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    static final String NEXT_SUFFIX = "-next";

    public static String nextAlias(SearchIndices which) {
        return which.alias() + NEXT_SUFFIX;
    }

    /** Makes the first index and points the alias at it, unless the alias exists. */
    public void ensure(SearchIndices which) {
        if (!indicesBehind(which.alias()).isEmpty()) {
            return;
        }
        String index = newIndexName(which);
        try {
            create(which, index, which.alias(), Boolean.TRUE);
            LOG.info("created {} behind {}", index, which.alias());
        } catch (RuntimeException e) {
            // another instance may have made it at the same moment
            if (indicesBehind(which.alias()).isEmpty()) {
                throw e;
            }
        }
    }

    /** The aliases a change must be written to now: the live one, and the one being rebuilt if any. */
    public List<String> writeTargets(SearchIndices which) {
        Set<String> aliases = aliasesNamed(which.alias() + "*");
        if (!aliases.contains(which.alias())) {
            ensure(which);
        }
        List<String> targets = new ArrayList<>(List.of(which.alias()));
        if (aliases.contains(nextAlias(which))) {
            targets.add(nextAlias(which));
        }
        return targets;
    }

    /** The concrete indices an alias points at (none if it does not exist). */
    public Set<String> indicesBehind(String alias) {
        try {
            Set<String> indices = new TreeSet<>();
            client.indices()
                    .getAlias(r -> r.name(alias).allowNoIndices(true).ignoreUnavailable(true))
                    .result()
                    .forEach((index, aliases) -> {
                        if (aliases.aliases().containsKey(alias)) {
                            indices.add(index);
                        }
                    });
            return indices;
        } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> aliasesNamed(String pattern) {
        try {
            Set<String> names = new TreeSet<>();
            client.indices()
                    .getAlias(r -> r.name(pattern))
                    .result()
                    .values()
                    .forEach(a -> names.addAll(a.aliases().keySet()));
            return names;
        } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String newIndexName(SearchIndices which) {
        return which.indexNamed(SUFFIX.format(clock.instant()));
    }

    /** Creates an index from the kernel's definition with one alias on it ({@code writeIndex} null: left unset). */
    void create(SearchIndices which, String index, String alias, Boolean writeIndex) {
        JsonObject definition =
                Json.createReader(new StringReader(which.definition())).readObject();
        var aliasSettings = Json.createObjectBuilder();
        if (writeIndex != null) {
            aliasSettings.add("is_write_index", writeIndex);
        }
        JsonObject body = Json.createObjectBuilder(definition)
                .add("aliases", Json.createObjectBuilder().add(alias, aliasSettings))
                .build();
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("PUT")
                        .endpoint("/" + index)
                        .json(body)
                        .build())) {
            if (response.getStatus() >= 300) {
                String reason = response.getBody().map(b -> b.bodyAsString()).orElse(response.getReason());
                throw new IllegalStateException(
                        "could not create " + index + ": " + response.getStatus() + " " + reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
