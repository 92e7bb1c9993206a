package io.pipelinesgateway.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a service-mode caller may do, workspace by workspace: read, or write (which includes read); the workspace
 * {@code *} stands for every one. API keys give them as {@code acme:write}, JWT scopes as
 * {@code pipelines:acme:write}.
 */
public record Grants(Map<String, Access> byWorkspace) {

    /** What a grant allows. */
    public enum Access {
        READ, WRITE
    }

    private static final String EVERY_WORKSPACE = "*";

    public Grants {
        byWorkspace = Map.copyOf(byWorkspace);
    }

    /**
     * Reads entries such as {@code acme:read} or {@code *:write}; the stronger of two entries for a workspace wins.
     *
     * @param where names the setting in the message of a malformed entry
     * @throws IllegalArgumentException for an entry that is not {@code <workspace|*>:<read|write>}
     */
    static Grants parse(Collection<String> entries, String where) {
        Map<String, Access> grants = new LinkedHashMap<>();
        for (String entry : entries) {
            String value = entry == null ? "" : entry.trim();
            int colon = value.lastIndexOf(':');
            String access = colon < 0 ? "" : value.substring(colon + 1).toLowerCase(Locale.ROOT);
            String workspace = colon < 0 ? "" : value.substring(0, colon);
            if (workspace.isEmpty() || !(access.equals("read") || access.equals("write"))) {
                throw new IllegalArgumentException(where + ": grant '" + value + "' must be '<workspace>:read', "
                        + "'<workspace>:write', or '*:read' / '*:write' for every workspace.");
            }
            grants.merge(workspace, Access.valueOf(access.toUpperCase(Locale.ROOT)),
                    (one, other) -> one == Access.WRITE ? one : other);
        }
        return new Grants(grants);
    }

    boolean mayRead(String workspace) {
        return byWorkspace.containsKey(workspace) || byWorkspace.containsKey(EVERY_WORKSPACE);
    }

    boolean mayWrite(String workspace) {
        return byWorkspace.get(workspace) == Access.WRITE || byWorkspace.get(EVERY_WORKSPACE) == Access.WRITE;
    }

    boolean mayWriteAnywhere() {
        return byWorkspace.containsValue(Access.WRITE);
    }
}
