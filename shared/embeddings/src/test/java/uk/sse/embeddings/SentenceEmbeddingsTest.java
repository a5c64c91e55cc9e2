package uk.sse.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model in the jar loads without the network and places a need nearer the support that meets it than other support. */
class SentenceEmbeddingsTest {

    static final SentenceEmbeddings MODEL = SentenceEmbeddings.shared();

    @Test
    void meaningIsNearerThanSharedWords() {
        float[] need = MODEL.embed("fights in the playground");
        float[] lunchtimes = MODEL.embed(
                "Calmer lunchtimes: training for midday supervisors on managing unstructured times and defusing conflict between pupils");
        float[] governance = MODEL.embed("Governance review: an external review of the board's effectiveness");
        assertThat(Vectors.dot(need, lunchtimes)).isGreaterThan(Vectors.dot(need, governance) + 0.1);
    }

    @Test
    void vectorsHaveUnitLengthAndTheModelsDimensions() {
        float[] v = MODEL.embed("phonics");
        assertThat(v).hasSize(SentenceEmbeddings.DIMENSIONS);
        assertThat(Vectors.dot(v, v)).isCloseTo(1.0, within(1e-5));
        assertThat(SentenceEmbeddings.shared()).isSameAs(MODEL);
    }

    @Test
    void manyAtOnceAreTheSameAsOneByOne() {
        List<String> texts = List.of("early reading", "attendance", "safeguarding audit");
        List<float[]> all = MODEL.embedAll(texts);
        assertThat(all).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.dot(all.get(i), MODEL.embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
        }
        assertThat(MODEL.embedAll(List.of())).isEmpty();
    }
}
