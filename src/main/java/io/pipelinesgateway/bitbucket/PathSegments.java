package io.pipelinesgateway.bitbucket;

import java.util.regex.Pattern;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.error.InvalidInputException;

/**
 * Bitbucket's own rules for the names a caller gives that become segments of an upstream path: a workspace slug
 * (letters, digits, {@code -} and {@code _}), a repository slug (those and {@code .}), or either's UUID in braces. A
 * name outside them (above all {@code .} and {@code ..}, which a URL resolver or proxy folds into the path around
 * them, so that {@code /repositories/acme/..} reaches another resource with the caller's or the workspace's token) is
 * refused with BAD_USER_INPUT before any call: early, naming its field, where inputs arrive, and in any case by
 * {@link UpstreamRequest}, which every upstream path is built by.
 */
public final class PathSegments {

    private static final String BRACED_UUID = "\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}}";
    private static final Pattern UUID = Pattern.compile(BRACED_UUID);
    private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9_-]{1,100}|" + BRACED_UUID);
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}|" + BRACED_UUID);

    private PathSegments() {
    }

    /** A workspace slug as {@code field} gave it, checked against Bitbucket's rules for one. */
    public static String workspace(String value, String field) {
        if (value == null || !WORKSPACE.matcher(value).matches()) {
            throw new InvalidInputException(field, "'" + field + "' must be a workspace slug (letters, digits, '-' "
                    + "and '_', as in bitbucket.org/<workspace>) or its UUID in braces; it was '" + value + "'.");
        }
        return value;
    }

    /** A repository slug as {@code field} gave it, checked against Bitbucket's rules for one. */
    public static String repository(String value, String field) {
        if (value == null || !REPOSITORY.matcher(value).matches() || isDotSegment(value)) {
            throw new InvalidInputException(field, "'" + field + "' must be a repository slug (letters, digits, '-', "
                    + "'_' and '.', but not '.' or '..' alone, as in bitbucket.org/<workspace>/<repository>) or its "
                    + "UUID in braces; it was '" + value + "'.");
        }
        return value;
    }

    /** Whether a checked workspace or repository names it by its UUID in braces rather than by its slug. */
    public static boolean isUuid(String checked) {
        return UUID.matcher(checked).matches();
    }

    /**
     * The last check of every segment of an upstream path, whatever it came from: no dot segment, no empty segment
     * (but a last one, for a trailing slash), no control character.
     */
    static String checked(String segment, boolean last) {
        if (segment == null || isDotSegment(segment) || segment.isEmpty() && !last || hasControlCharacter(segment)) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "'" + (segment == null ? "" : segment.strip())
                    + "' cannot name a workspace, repository or object: slugs are letters, digits, '-', '_' and "
                    + "'.' (not '.' or '..' alone), and IDs are those the gateway returned.");
        }
        return segment;
    }

    /** A loop, not a stream: every segment of every upstream request, cached or not, is checked. */
    private static boolean hasControlCharacter(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isISOControl(segment.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDotSegment(String segment) {
        return segment.equals(".") || segment.equals("..");
    }
}
