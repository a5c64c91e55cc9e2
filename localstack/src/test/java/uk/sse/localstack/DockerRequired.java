package uk.sse.localstack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips the tests, saying why and how to run them, where Testcontainers finds no Docker engine; under
 * {@code -Plocalstack} ({@code sse.localstack.required=true}) that is an error instead.
 */
final class DockerRequired implements ExecutionCondition {

    static final String HOW = "run them where Docker is: ./mvnw -B -Plocalstack -pl localstack -am verify "
            + "-Dtest=DeployAndCallTest -Dsurefire.failIfNoSpecifiedTests=false (see localstack/README.md)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is available");
        }
        String why = "No Docker engine found (Testcontainers tried the Docker socket, DOCKER_HOST and Docker Desktop; "
                + "a docker CLI without a daemon is not enough), so the LocalStack tests cannot start LocalStack; "
                + HOW;
        if (Boolean.getBoolean("sse.localstack.required")) {
            throw new IllegalStateException(why);
        }
        if (context.getTestMethod().isEmpty()) {
            System.out.println("[SKIPPED] " + context.getDisplayName() + ": " + why);
        }
        return ConditionEvaluationResult.disabled(why);
    }
}
