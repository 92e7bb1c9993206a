package io.pipelinesgateway.graphql;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the global IDs of one {@code Node} type are written and read: its type name, and the coordinates its key
 * becomes and is made again from, defined once, so an ID's writer and its readers cannot disagree on its parts.
 *
 * @param type   the GraphQL type the IDs name, the first field of every one of them
 * @param writer the coordinates of a key, in ID order
 * @param reader the key an ID of this type names; given where the ID came from ({@code id}, {@code input.id}) for
 *               the error when a coordinate is malformed
 * @param <K>    what locates an object of the type
 */
public record GlobalIdFormat<K>(String type, Function<K, List<String>> writer, BiFunction<GlobalId, String, K> reader) {

    /**
     * The format of a type whose IDs always carry {@code parts} coordinates: the count is checked on writing and on
     * reading.
     */
    public static <K> GlobalIdFormat<K> of(String type, int parts, Function<K, List<String>> writer,
            BiFunction<List<String>, String, K> reader) {
        return new GlobalIdFormat<>(type, key -> {
            List<String> written = writer.apply(key);
            if (written.size() != parts) {
                throw new IllegalStateException("The ID of a " + type + " takes " + parts + " coordinates, not "
                        + written.size());
            }
            return written;
        }, (id, field) -> {
            if (id.parts().size() != parts) {
                throw id.malformed();
            }
            return reader.apply(id.parts(), field);
        });
    }

    /** The global ID of the object {@code key} locates. */
    public String encode(K key) {
        return GlobalId.encode(type, writer.apply(key).toArray(String[]::new));
    }

    /**
     * The key a decoded ID of this type names.
     *
     * @throws io.pipelinesgateway.error.GatewayException BAD_USER_INPUT when its coordinates do not fit the type
     */
    public K decode(GlobalId id, String field) {
        if (!id.type().equals(type)) {
            throw new IllegalArgumentException("An ID of a " + id.type() + " read as one of a " + type);
        }
        return reader.apply(id, field);
    }

    /**
     * The key the ID in a mutation's input names, which must be of this type: anything else is BAD_USER_INPUT on
     * {@code field}, before any upstream call.
     */
    public K decodeInput(String id, String field) {
        return reader.apply(GlobalId.decode(id, type, field), field);
    }
}
