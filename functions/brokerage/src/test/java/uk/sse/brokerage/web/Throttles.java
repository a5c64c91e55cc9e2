package uk.sse.brokerage.web;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Throttles every query the brokerage sends while on, as a busy table does (DynamoDB Local never does). */
@Singleton
@Requires(property = "sse.test.throttles", value = "on")
public class Throttles implements ExecutionInterceptor {

    static volatile boolean on;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (on && context.request() instanceof QueryRequest) {
            throw ProvisionedThroughputExceededException.builder()
                    .message("throttled (injected)")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
    }
}
