package uk.sse.kernel.dynamo;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function's own table, in the shape {@link Tables#definition} gives, created at start-up where the
 * configuration asks for it (the local run and the tests); in AWS the CDK app creates it.
 */
public abstract class OwnTable implements ApplicationEventListener<StartupEvent> {

    private final DynamoDbClient client;
    private final AwsSettings aws;
    private final String name;
    private final int indices;

    protected OwnTable(DynamoDbClient client, AwsSettings aws, String name, int indices) {
        this.client = client;
        this.aws = aws;
        this.name = name;
        this.indices = indices;
    }

    public String name() {
        return name;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (aws.shouldCreateTables()) {
            Tables.createIfAbsent(client, Tables.definition(name, indices));
        }
    }
}
