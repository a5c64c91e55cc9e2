package uk.sse.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compact form keeps what ranking needs: cosines within 0.01 of the vectors' own. */
class VectorsPropertyTest {

    @Property(tries = 300)
    void cosinesSurviveTheRoundTrip(@ForAll("vectors") float[] a, @ForAll("vectors") float[] b) {
        float[] ua = Vectors.unit(a);
        float[] ub = Vectors.unit(b);
        float[] da = Vectors.decode(Vectors.encode(ua));
        float[] db = Vectors.decode(Vectors.encode(ub));
        assertThat(Vectors.dot(da, db)).isCloseTo(Vectors.dot(ua, ub), within(0.01));
        assertThat(Vectors.dot(da, da)).isCloseTo(1.0, within(1e-5));
        assertThat(Vectors.encode(ua)).hasSize(520);
    }

    @Property(tries = 200)
    void decodingGivesTheUnitVectorOfTheScaledComponents(@ForAll("vectors") float[] a) {
        String encoded = Vectors.encode(Vectors.unit(a));
        java.nio.ByteBuffer bytes =
                java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(encoded));
        float scale = bytes.getFloat() / 127;
        float[] scaled = new float[bytes.remaining()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = bytes.get() * scale;
        }
        float[] expected = Vectors.unit(scaled);
        float[] decoded = Vectors.decode(encoded);
        assertThat(decoded).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(decoded[i]).isCloseTo(expected[i], within(1e-6f));
        }
        assertThat(Vectors.decode(Vectors.encode(new float[4]))).containsExactly(0f, 0f, 0f, 0f);
    }

    @Property(tries = 100)
    void aUnitVectorHasLengthOneAndItsCosineWithItselfIsOne(@ForAll("vectors") float[] a) {
        float[] u = Vectors.unit(a);
        assertThat(Vectors.dot(u, u)).isCloseTo(1.0, within(1e-5));
        assertThat(Vectors.dot(Vectors.unit(u), u)).isCloseTo(1.0, within(1e-5));
    }

    @Provide
    Arbitrary<float[]> vectors() {
        // like sentence embeddings: many small components, a few larger, never all zero
        return Arbitraries.floats()
                .between(-0.3f, 0.3f)
                .array(float[].class)
                .ofSize(SentenceEmbeddings.DIMENSIONS)
                .filter(v -> {
                    for (float x : v) {
                        if (Math.abs(x) > 0.01f) {
                            return true;
                        }
                    }
                    return false;
                });
    }
}
