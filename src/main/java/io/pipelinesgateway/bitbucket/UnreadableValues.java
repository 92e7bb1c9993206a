package io.pipelinesgateway.bitbucket;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads a Bitbucket answer that the strict read refused because one of its values has a shape the records do not
 * expect (a {@code selector} whose {@code type} is an object, a date that is not one): each such value reads as null
 * (an unreadable element of a list is left out), the rest of the answer stands, and one WARN line names the JSON
 * paths. Works for every Bitbucket record, since it goes by the paths Jackson reports.
 * <p>
 * It remembers which property of which decoded record could not be read, so the GraphQL field that shows it can say
 * so on its own path rather than answer a silent null.
 */
@Component
public class UnreadableValues {

    private static final Logger log = LoggerFactory.getLogger(UnreadableValues.class);
    /** Beyond this many unreadable values in one answer, the answer is not worth reading. */
    private static final int MAX_REPAIRS = 500;
    /** How many JSON paths the one WARN line names. */
    private static final int LOGGED_PATHS = 5;

    private final JsonMapper jsonMapper;
    /** Decoded records (by identity, held weakly) and the names of their components that could not be read. */
    private final Cache<Object, Set<String>> unreadable = Caffeine.newBuilder().weakKeys().build();

    UnreadableValues(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * Reads {@code body} as {@code type}, turning each value Jackson cannot read into null.
     *
     * @param what the answer, for the log line (e.g. {@code pipelines at /repositories/acme/api/pipelines/})
     * @throws JacksonException when the body is not JSON at all, or the answer as a whole has the wrong shape
     */
    <T> T read(byte[] body, JavaType type, String what) {
        JsonNode tree = jsonMapper.readTree(body);
        List<List<JacksonException.Reference>> nulled = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        while (true) {
            try {
                T value = jsonMapper.treeToValue(tree, type);
                nulled.forEach(path -> remember(value, path));
                log.warn("Bitbucket's answer to {} held {} value(s) the gateway could not read, shown as null: {}{}",
                        what, paths.size(), String.join(", ", paths.subList(0, Math.min(LOGGED_PATHS, paths.size()))),
                        paths.size() > LOGGED_PATHS ? " and " + (paths.size() - LOGGED_PATHS) + " more" : "");
                return value;
            }
            catch (JacksonException unexpected) {
                List<JacksonException.Reference> path = unexpected.getPath();
                if (path.isEmpty() || paths.size() >= MAX_REPAIRS || !clear(tree, path)) {
                    throw unexpected;
                }
                paths.add(jsonPath(path));
                if (path.get(path.size() - 1).getPropertyName() != null) {
                    nulled.add(List.copyOf(path));
                }
            }
        }
    }

    /** Whether {@code property} (a record component's name) of {@code record} could not be read. */
    public boolean unreadable(Object record, String property) {
        Set<String> properties = unreadable.getIfPresent(record);
        return properties != null && properties.contains(property);
    }

    /** Whether any decoded record still held in memory has a value that could not be read. */
    public boolean anyRecorded() {
        return unreadable.estimatedSize() > 0;
    }

    /** Nulls the value at {@code path} (or leaves out the list element); false when the path leads nowhere. */
    private static boolean clear(JsonNode tree, List<JacksonException.Reference> path) {
        JsonNode parent = tree;
        for (JacksonException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getPropertyName() != null ? parent.get(step.getPropertyName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JacksonException.Reference last = path.get(path.size() - 1);
        if (last.getPropertyName() != null && parent instanceof ObjectNode object
                && object.has(last.getPropertyName()) && !object.get(last.getPropertyName()).isNull()) {
            object.putNull(last.getPropertyName());
            return true;
        }
        if (last.getPropertyName() == null && parent instanceof ArrayNode array && last.getIndex() >= 0
                && last.getIndex() < array.size()) {
            array.remove(last.getIndex());
            return true;
        }
        return false;
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder text = new StringBuilder("$");
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                text.append('.').append(step.getPropertyName());
            }
            else {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    /** Notes the record that holds the last step of {@code path} within the decoded value, if it can be found. */
    private void remember(Object value, List<JacksonException.Reference> path) {
        Object owner = value;
        for (JacksonException.Reference step : path.subList(0, path.size() - 1)) {
            owner = step.getPropertyName() != null ? property(owner, step.getPropertyName()).value()
                    : owner instanceof List<?> list && step.getIndex() < list.size() ? list.get(step.getIndex())
                    : null;
            if (owner == null) {
                return;
            }
        }
        Property last = property(owner, path.get(path.size() - 1).getPropertyName());
        if (last.name() != null) {
            unreadable.asMap().computeIfAbsent(owner, any -> ConcurrentHashMap.newKeySet()).add(last.name());
        }
    }

    /** A record's component by its JSON name: its Java name and value; empty when there is none. */
    private static Property property(Object owner, String jsonName) {
        if (owner instanceof Map<?, ?> map) {
            return new Property(null, map.get(jsonName));
        }
        if (owner == null || !owner.getClass().isRecord()) {
            return new Property(null, null);
        }
        for (RecordComponent component : owner.getClass().getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            if (name.equals(jsonName)) {
                try {
                    return new Property(component.getName(), component.getAccessor().invoke(owner));
                }
                catch (IllegalAccessException | InvocationTargetException inaccessible) {
                    return new Property(null, null);
                }
            }
        }
        return new Property(null, null);
    }

    private record Property(String name, Object value) {
    }
}
