package uk.sse.infra;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Each stage's template, synthesised once per test JVM (about 10 s each) and shared by every test class, with
 * placeholder assets so that no function needs to be built. Also small readers of the template's JSON.
 */
final class Synthesised {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-2";

    private static final Map<String, Synthesised> STAGES = new ConcurrentHashMap<>();

    final StageConfig stage;
    final Template template;
    final Map<String, Map<String, Object>> resources;

    private Synthesised(StageConfig stage) {
        this.stage = stage;
        App app = new App();
        SseStack stack = new SseStack(
                app,
                "sse-" + stage.name(),
                StackProps.builder()
                        .env(Environment.builder()
                                .account(ACCOUNT)
                                .region(REGION)
                                .build())
                        .build(),
                stage,
                Artefacts.placeholder(),
                "oncall@example.org");
        template = Template.fromStack(stack);
        resources = resourcesOf(template.toJSON());
    }

    static Synthesised dev() {
        return STAGES.computeIfAbsent("dev", name -> new Synthesised(StageConfig.named(name)));
    }

    static Synthesised prod() {
        return STAGES.computeIfAbsent("prod", name -> new Synthesised(StageConfig.named(name)));
    }

    static List<Synthesised> both() {
        return List.of(dev(), prod());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resourcesOf(Map<String, Object> json) {
        return (Map<String, Map<String, Object>>) json.get("Resources");
    }

    /** Logical id to properties of every resource of the type. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> ofType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, e ->
                        (Map<String, Object>) e.getValue().getOrDefault("Properties", Map.of())));
    }

    Map<String, Object> resource(String logicalId) {
        return Objects.requireNonNull(resources.get(logicalId), logicalId);
    }

    /** The logical id of the one resource of {@code type} whose {@code property} is {@code value}. */
    String idWhere(String type, String property, Object value) {
        List<String> ids = ofType(type).entrySet().stream()
                .filter(e -> value.equals(e.getValue().get(property)))
                .map(Map.Entry::getKey)
                .toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " with " + property + "=" + value + ", found " + ids);
        }
        return ids.get(0);
    }

    String name(String thing) {
        return "sse-" + stage.name() + "-" + thing;
    }

    String tableId(String function) {
        return idWhere("AWS::DynamoDB::Table", "TableName", name(function));
    }

    String functionId(String function) {
        return idWhere("AWS::Lambda::Function", "FunctionName", name(function));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> function(String function) {
        return (Map<String, Object>) resource(functionId(function)).get("Properties");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String function) {
        return (Map<String, Object>) ((Map<String, Object>) function(function).get("Environment")).get("Variables");
    }

    /** The logical id of the function's live alias. */
    String aliasId(String function) {
        String fn = functionId(function);
        return ofType("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> Map.of("Ref", fn).equals(e.getValue().get("FunctionName")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alias of " + function));
    }

    /** Every statement of every policy attached to the function's role. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statementsOf(String function) {
        Object roleArn = function(function).get("Role");
        String role = (String) ((List<Object>) ((Map<String, Object>) roleArn).get("Fn::GetAtt")).get(0);
        return ofType("AWS::IAM::Policy").values().stream()
                .filter(p -> ((List<Object>) p.get("Roles")).contains(Map.of("Ref", role)))
                .flatMap(p -> ((List<Map<String, Object>>)
                                ((Map<String, Object>) p.get("PolicyDocument")).get("Statement"))
                        .stream())
                .toList();
    }

    /** The logical id of the app client named {@code sse-<stage>-<name>} (web, brokerage). */
    String clientId(String name) {
        return ofType("AWS::Cognito::UserPoolClient").entrySet().stream()
                .filter(e ->
                        ("sse-" + stage.name() + "-" + name).equals(e.getValue().get("ClientName")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no app client " + name));
    }

    static List<String> list(Object actionOrActions) {
        if (actionOrActions instanceof List<?> many) {
            return many.stream().map(Object::toString).toList();
        }
        return List.of(actionOrActions.toString());
    }

    /** The JSON of a resource reference, for matching: {@code Resource} entries mention logical ids in Ref/GetAtt. */
    static boolean mentions(Object json, String logicalId) {
        return json != null && json.toString().contains(logicalId);
    }
}
