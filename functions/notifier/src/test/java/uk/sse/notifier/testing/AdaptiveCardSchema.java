package uk.sse.notifier.testing;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Adaptive Card 1.5 JSON schema (draft-06), a byte-identical copy of shared/data/adaptivecards/adaptive-card-1.5.json
 * on the test classpath (its SOURCES.md beside it: Microsoft's, MIT), read by networknt's validator.
 */
public final class AdaptiveCardSchema {

    private AdaptiveCardSchema() {}

    public static JsonSchema load() {
        try (InputStream in = AdaptiveCardSchema.class.getResourceAsStream("/adaptivecards/adaptive-card-1.5.json")) {
            if (in == null) {
                throw new IllegalStateException("adaptivecards/adaptive-card-1.5.json is not on the test classpath");
            }
            // the schema names itself with draft-04's "id" (not "$id"): known here as a keyword that validates nothing
            JsonMetaSchema draft6 = JsonMetaSchema.builder(JsonMetaSchema.getV6())
                    .keyword(new NonValidationKeyword("id"))
                    .build();
            return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6))
                    .metaSchema(draft6)
                    .build()
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
