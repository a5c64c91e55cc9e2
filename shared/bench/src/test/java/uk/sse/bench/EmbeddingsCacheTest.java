package uk.sse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsCacheTest {

    @TempDir
    Path dir;

    /** A stand-in model whose vector is a function of the text (and a version, to play a changed model). */
    private static final class Model implements Function<List<String>, List<float[]>> {
        final List<String> asked = new ArrayList<>();
        final int version;

        Model(int version) {
            this.version = version;
        }

        @Override
        public List<float[]> apply(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(this::vector).toList();
        }

        float[] vector(String text) {
            return new float[] {text.length(), text.hashCode() % 1000, version, 0.25f};
        }
    }

    private static List<String> texts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "offer text " + i + " é").toList();
    }

    @Test
    void aSecondRunReadsEveryVectorTheFirstComputedAndEmbedsOnlyTheSample() {
        Path file = dir.resolve("cache.bin");
        Model first = new Model(1);
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", first)) {
            assertThat(cache.opened()).startsWith("rebuilt (no file");
            List<float[]> got = cache.embedAll(List.of("a", "b", "a"));
            assertThat(got).hasSize(3);
            assertThat(got.get(0)).containsExactly(first.vector("a"));
            cache.embedAll(texts(30));
            assertThat(first.asked).hasSize(32); // "a" once
            assertThat(cache.computed()).isEqualTo(32);
        }
        Model second = new Model(1);
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", second)) {
            assertThat(cache.opened()).isEqualTo("32 vectors read, 8 checked");
            assertThat(second.asked).hasSize(EmbeddingsCache.SAMPLE); // the check, nothing else
            List<float[]> got = cache.embedAll(texts(30));
            assertThat(got.get(29)).containsExactly(second.vector(texts(30).get(29)));
            assertThat(cache.computed()).isZero();
            assertThat(second.asked).hasSize(EmbeddingsCache.SAMPLE);
        }
    }

    @Test
    void theRealModelsVectorsPassTheCheckWhateverTheBatchTheyWereMadeIn() {
        Path file = dir.resolve("real.bin");
        Function<List<String>, List<float[]>> model =
                texts -> uk.sse.embeddings.SentenceEmbeddings.shared().embedAll(texts);
        List<String> texts = List.of(
                "Phonics training for reception teachers",
                "Support for pupils with SEMH needs in key stage 2, including a short course for teaching assistants",
                "Governor induction",
                "Maths mastery",
                "Attendance: working with families of persistently absent pupils",
                "EAL",
                "Early career teacher mentoring across a trust's primary schools",
                "Outdoor learning",
                "Curriculum design in history and geography");
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "real", model)) {
            cache.embedAll(texts.subList(0, 4));
            cache.embedAll(texts.subList(4, texts.size()));
        }
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "real", model)) {
            assertThat(cache.opened()).isEqualTo("9 vectors read, 8 checked");
        }
    }

    @Test
    void anotherModelsFileIsNotUsed() {
        Path file = dir.resolve("cache.bin");
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            cache.embedAll(texts(5));
        }
        Model other = new Model(2);
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "other", other)) {
            assertThat(cache.opened()).isEqualTo("rebuilt (another model's: m)");
            assertThat(cache.embedAll(texts(5)).get(0)).containsExactly(other.vector(texts(5).get(0)));
            assertThat(cache.computed()).isEqualTo(5);
        }
        assertThat(EmbeddingsCache.key("m", "x")).isNotEqualTo(EmbeddingsCache.key("other", "x"));
    }

    @Test
    void aFileWhoseVectorsNoLongerMatchTheModelIsRebuilt() {
        Path file = dir.resolve("cache.bin");
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            cache.embedAll(texts(3));
        }
        Model changed = new Model(2); // same name, different vectors: the sample finds it
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", changed)) {
            assertThat(cache.opened()).startsWith("rebuilt (a cached vector differs from a fresh one");
            assertThat(cache.embedAll(texts(3)).get(1)).containsExactly(changed.vector(texts(3).get(1)));
            assertThat(cache.computed()).isEqualTo(3);
        }
    }

    @Test
    void aCorruptFileIsRebuiltAndATornLastEntryCutOff() throws IOException {
        Path file = dir.resolve("cache.bin");
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            cache.embedAll(texts(4));
        }
        long whole = Files.size(file);
        Files.write(file, new byte[] {0, 7, 1, 2, 3}, StandardOpenOption.APPEND); // a torn fifth entry
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            assertThat(cache.opened()).isEqualTo("4 vectors read, 4 checked");
            assertThat(Files.size(file)).isEqualTo(whole);
            cache.embedAll(List.of("fifth"));
        }
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            assertThat(cache.opened()).isEqualTo("5 vectors read, 5 checked");
        }
        // a text changed on disk no longer matches its key
        byte[] bytes = Files.readAllBytes(file);
        String content = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = content.indexOf("offer text 2");
        bytes[at] = 'O';
        Files.write(file, bytes);
        Model fresh = new Model(1);
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", fresh)) {
            assertThat(cache.opened()).contains("rebuilt (corrupt entry at byte");
            cache.embedAll(texts(4));
            assertThat(cache.computed()).isEqualTo(4);
        }
        Files.write(file, "garbage".getBytes(StandardCharsets.UTF_8));
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            assertThat(cache.opened()).startsWith("rebuilt (");
            assertThat(cache.embedAll(List.of("x"))).hasSize(1);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        try (EmbeddingsCache cache = EmbeddingsCache.open(file, "m", new Model(1))) {
            assertThat(cache.opened()).isEqualTo("rebuilt (no header)");
        }
    }
}
