package io.pipelinesgateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} is written from Spring Boot's configuration metadata, which the build makes of the
 * properties records (their {@code @param} Javadoc and {@code @DefaultValue}s): each default is written once, in
 * code, and the reference cannot fall behind it. When a record changes, this test fails and says how to write the
 * reference again.
 */
class ConfigurationReferenceIsGeneratedFromTheCodeTest {

    private static final Path METADATA = Path.of("target", "classes", "META-INF",
            "spring-configuration-metadata.json");
    private static final Path REFERENCE = Path.of("docs", "configuration.md");
    private static final String WRITE = "gateway.docs.write";
    private static final Path APPLICATION = Path.of("src", "main", "resources", "application.yml");

    @Test
    void theReferenceInDocsIsTheOneTheCodeGives() throws IOException {
        String generated = reference(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(REFERENCE, generated);
        }
        assertThat(Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "")
                .as("docs/configuration.md is not the reference the properties records give; write it again with "
                        + "./mvnw -B test -Dtest=" + getClass().getSimpleName() + " -D" + WRITE + "=true")
                .isEqualTo(generated);
    }

    @Test
    void everyPropertySaysWhatItDoes() throws IOException {
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : JsonMapper.builder().build().readTree(Files.readString(METADATA))
                .path("properties")) {
            if (property.path("description").asString("").isBlank()) {
                undescribed.add(property.path("name").asString());
            }
        }
        assertThat(undescribed).as("properties without an @param in their record's Javadoc").isEmpty();
    }

    @Test
    void theShippedSettingsRepeatNoDefaultOfTheRecords() throws IOException {
        Map<String, Object> gateway = new TreeMap<>();
        flatten("gateway", new Yaml().<Map<String, Object>>load(Files.readString(APPLICATION)).get("gateway"),
                gateway);
        assertThat(gateway).as("gateway.* settings that application.yml gives a value of its own: a default belongs "
                + "once in its properties record, only an environment variable's name may be added here")
                .allSatisfy((name, value) -> assertThat(String.valueOf(value)).matches("\\$\\{[A-Z_]+:}"));
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> nested) {
            nested.forEach((key, inner) -> flatten(prefix + "." + key, inner, into));
        }
        else if (value != null) {
            into.put(prefix, value);
        }
    }

    private static String reference(JsonNode metadata) {
        Map<String, List<JsonNode>> byGroup = new TreeMap<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            String group = name.substring(0, name.lastIndexOf('.'));
            byGroup.computeIfAbsent(group, absent -> new ArrayList<>()).add(property);
        }
        StringBuilder out = new StringBuilder("""
                # Configuration reference

                Every `gateway.*` setting, its default and what it does, generated from the properties records' Javadoc
                and defaults (Spring Boot's configuration metadata) by `ConfigurationReferenceIsGeneratedFromTheCodeTest`:
                do not edit it by hand. Any setting can also be given as an environment variable (`gateway.cache.list`
                as `GATEWAY_CACHE_LIST`). The settings that are not the gateway's own (the port, Redis, logging) are in
                [operations.md](operations.md#configuration).
                """);
        byGroup.forEach((group, properties) -> {
            out.append("\n## `").append(group).append("`\n\n| property | default | what it does |\n|---|---|---|\n");
            properties.stream()
                    .sorted((one, other) -> one.path("name").asString().compareTo(other.path("name").asString()))
                    .forEach(property -> out.append("| `").append(property.path("name").asString()).append("` | ")
                            .append(defaultOf(property)).append(" | ")
                            .append(prose(property.path("description").asString(""))).append(" |\n"));
        });
        return out.toString();
    }

    private static String defaultOf(JsonNode property) {
        JsonNode value = property.path("defaultValue");
        if (value.isMissingNode() || value.isNull()) {
            return "none";
        }
        String text = value.isArray() ? String.join(", ", value.valueStream().map(JsonNode::asString).toList())
                : value.asString();
        return text.isEmpty() ? "empty" : "`" + text.replace("|", "\\|") + "`";
    }

    /** Javadoc's inline tags as Markdown, on one line. */
    private static String prose(String javadoc) {
        return javadoc.replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? [^} ]+ ([^}]+)}", "$1")
                .replaceAll("\\{@link(?:plain)? (?:[\\w.]+\\.)?([\\w]+)(?:#(\\w+))?}", "`$1`")
                .replaceAll("\\s+", " ")
                .replace("|", "\\|")
                .trim();
    }
}
