package uk.sse.kernel.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where the OpenSearch cluster is: the embedded node locally and in tests, the domain's endpoint in AWS. */
@ConfigurationProperties("sse.opensearch")
public record OpenSearchSettings(@Nullable String url) {

    public String urlOrDefault() {
        return url == null || url.isBlank() ? "http://127.0.0.1:9200" : url;
    }
}
