package io.pipelinesgateway.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * Reads the repository's deployment files as plain YAML: the Kubernetes manifests under {@code k8s/} and the
 * application's own settings, so tests can hold one against the other.
 */
final class Manifests {

    static final Path K8S = Path.of("k8s");

    private Manifests() {
    }

    /** Every YAML file under {@code k8s/}. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The documents of a (possibly multi-document) YAML file; empty documents left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The one document of a file under {@code k8s/}. */
    static Map<String, Object> document(String path) {
        List<Map<String, Object>> documents = documents(K8S.resolve(path));
        if (documents.size() != 1) {
            throw new AssertionError(path + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    /** {@code src/main/resources/<name>} as YAML. */
    static Map<String, Object> applicationSettings(String name) {
        List<Map<String, Object>> documents = documents(Path.of("src/main/resources", name));
        return documents.isEmpty() ? Map.of() : documents.get(0);
    }

    /** The value at a dotted path of nested maps ({@code server.port}), or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> root, String dottedPath) {
        Object value = root;
        for (String key : dottedPath.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
