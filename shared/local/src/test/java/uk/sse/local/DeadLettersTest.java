package uk.sse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record a consumer gave up on is kept, not dropped, and is handed back to it when asked, until it takes it. */
class DeadLettersTest {

    /** A consumer that fails on every record while {@link #failing}, and keeps what it took. */
    public static class Consumer extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
        static volatile boolean failing = true;
        static final List<String> TAKEN = new CopyOnWriteArrayList<>();

        public Consumer(ApplicationContext context) {
            super(context);
        }

        @Override
        public StreamsEventResponse execute(DynamodbEvent event) {
            if (failing) {
                return new StreamsEventResponse(event.getRecords().stream()
                        .map(r -> new StreamsEventResponse.BatchItemFailure(
                                r.getDynamodb().getSequenceNumber()))
                        .toList());
            }
            event.getRecords()
                    .forEach(r ->
                            TAKEN.add(r.getDynamodb().getNewImage().get("text").getS()));
            return new StreamsEventResponse();
        }
    }

    @Test
    void aRecordGivenUpOnIsKeptAndReplayedWhenAskedUntilTheConsumerTakesIt(@TempDir Path root) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("sse.aws.create-tables", false));
                Consumer consumer = new Consumer(context)) {
            DeadLetters letters = new DeadLetters(root, "Consumer", context.getBean(JsonMapper.class));
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("INSERT");
            record.setEventSourceARN("arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026");
            record.setDynamodb(new StreamRecord()
                    .withSequenceNumber("000000000000000000042")
                    .withKeys(Map.of("pk", new AttributeValue("R-1")))
                    .withNewImage(Map.of("text", new AttributeValue("\u00e9t\u00e9"))));
            letters.keep(record);
            Path kept = root.resolve("Consumer/000000000000000000042.json");
            assertThat(kept).exists();
            assertThat(letters.replay(consumer))
                    .as("only what is asked for is replayed")
                    .isZero();

            Files.move(kept, kept.resolveSibling("000000000000000000042.replay"));
            assertThat(letters.replay(consumer)).as("still failing").isZero();
            assertThat(kept).as("kept again").exists();

            Consumer.failing = false;
            Files.move(kept, kept.resolveSibling("000000000000000000042.replay"));
            assertThat(letters.replay(consumer)).isEqualTo(1);
            assertThat(Consumer.TAKEN).containsExactly("\u00e9t\u00e9");
            assertThat(root.resolve("Consumer")).isEmptyDirectory();
        }
    }
}
