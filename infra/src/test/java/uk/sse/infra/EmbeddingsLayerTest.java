package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sentence-embedding model and its runtime are one Lambda layer (decision 0055), for Java 21 on the handlers'
 * architecture (its native libraries are that architecture's only), on every handler of the directory and the indexer
 * (their jars leave the model out) and on no other.
 */
class EmbeddingsLayerTest {

    @Test
    void one_layer_for_java_21_on_arm64_named_by_stage() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Map<String, Object>> layers = s.ofType("AWS::Lambda::LayerVersion");
            assertThat(layers).hasSize(1);
            Map<String, Object> layer = layers.values().iterator().next();
            assertThat(layer.get("LayerName")).isEqualTo(s.name("embeddings"));
            assertThat(layer.get("CompatibleRuntimes")).isEqualTo(List.of("java21"));
            assertThat(layer.get("CompatibleArchitectures")).isEqualTo(List.of("arm64"));
        }
    }

    @Test
    void every_handler_of_the_directory_and_the_indexer_has_it_and_no_other_handler_has_a_layer() {
        for (Synthesised s : Synthesised.both()) {
            String layer =
                    s.ofType("AWS::Lambda::LayerVersion").keySet().iterator().next();
            FunctionsTest.HANDLERS.forEach((name, moduleAndHandler) -> {
                Object layers = s.function(name).get("Layers");
                if (List.of("directory", "indexer").contains(moduleAndHandler.get(0))) {
                    assertThat(layers).as(name).isEqualTo(List.of(Map.of("Ref", layer)));
                } else {
                    assertThat(layers).as(name).isNull();
                }
            });
        }
    }
}
