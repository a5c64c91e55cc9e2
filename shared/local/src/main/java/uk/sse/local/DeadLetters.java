package uk.sse.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's dead-letter store for one stream consumer, a folder ({@code .local/dead-letters/<consumer>/}): a
 * record the consumer failed on through every retry is kept as the Lambda event that carries it alone
 * ({@code <sequence number>.json}), never dropped. To replay one after fixing the cause, rename it to {@code .replay}:
 * the run hands it to the consumer again within seconds, deletes it when the consumer takes it, and renames it back to
 * {@code .json} (and logs why) when it fails again. In AWS the same records go to the mapping's SQS queue (operations.md).
 */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    static final String KEPT = ".json";
    static final String REPLAY = ".replay";

    private final Path folder;
    private final JsonMapper json;

    DeadLetters(Path root, String consumer, JsonMapper json) {
        this.folder = root.resolve(consumer);
        this.json = json;
    }

    Path folder() {
        return folder;
    }

    /** Keeps a record given up on, as the one-record event its consumer is invoked with. */
    void keep(DynamodbEvent.DynamodbStreamRecord record) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(record.getDynamodb().getSequenceNumber() + KEPT);
            Files.write(file, json.writeValueAsBytes(event));
            LOG.error(
                    "stream record {} of {} is kept in {}: rename it to {} to replay it",
                    record.getDynamodb().getSequenceNumber(),
                    record.getEventSourceARN(),
                    file,
                    REPLAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands each record asked for ({@code .replay}) to the consumer again; answers how many it took. */
    int replay(MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> consumer) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> asked = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + REPLAY)) {
            files.forEach(asked::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int taken = 0;
        for (Path file : asked) {
            try {
                DynamodbEvent event = json.readValue(Files.readAllBytes(file), DynamodbEvent.class);
                StreamsEventResponse response = consumer.handleRequest(event, null);
                if (response == null
                        || response.getBatchItemFailures() == null
                        || response.getBatchItemFailures().isEmpty()) {
                    Files.delete(file);
                    taken++;
                    LOG.info("replayed {}", file);
                } else {
                    keepAgain(file, "the consumer failed on it again");
                }
            } catch (IOException | RuntimeException failed) {
                keepAgain(file, failed.toString());
            }
        }
        return taken;
    }

    private static void keepAgain(Path file, String why) {
        try {
            String name = file.getFileName().toString();
            Files.move(
                    file,
                    file.resolveSibling(name.substring(0, name.length() - REPLAY.length()) + KEPT),
                    StandardCopyOption.REPLACE_EXISTING);
            LOG.error("replaying {} failed ({}); it is kept", file, why);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
