package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each function's shaded Lambda jar, as the CDK app deploys it, carries none of the local run, the engines, the test
 * support or the demo data. Run by failsafe in {@code verify}, after the functions' package phase made the jars.
 */
class LambdaJarsIT {

    static final java.util.List<String> FUNCTIONS = Modules.FUNCTIONS.stream().sorted().toList();

    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void carriesNothingThatStaysHome(String function) {
        Path jar = Path.of(System.getProperty("sse.functions.dir"), function, "target",
                "sse-" + function + "-" + System.getProperty("sse.version") + "-lambda.jar");
        assertThat(jar).as("the %s function's Lambda jar (built by its package phase)", function).satisfies(Files::isRegularFile);

        assertThat(LambdaJars.forbiddenEntries(jar)).as("what %s's Lambda jar must not carry", function).isEmpty();
    }
}
