package uk.sse.kernel.dynamo;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/**
 * The function's role credentials as Lambda hands them over: in environment variables normally, but from the
 * runtime's credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) under SnapStart, where the key
 * variables are not set. Only these two sources are tried, which keeps the cold start short.
 */
public final class LambdaCredentials {

    private LambdaCredentials() {}

    public static AwsCredentialsProvider provider() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create())
                .reuseLastProviderEnabled(true)
                .build();
    }
}
