package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java's messages for values it cannot take, in words a caller knows: they name the Java class a JSON value
 * was read into ("it was a 'LinkedHashMap'") and print a literal as its syntax tree does ("IntValue{value=7}"), which
 * tell a person nothing and a stranger how the gateway is built. Each becomes the JSON kind or the literal itself.
 */
final class PlainMessages {

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("LinkedHashMap", "an object"), Map.entry("HashMap", "an object"), Map.entry("Map", "an object"),
            Map.entry("ArrayList", "a list"), Map.entry("List", "a list"), Map.entry("Double", "a number"),
            Map.entry("Float", "a number"), Map.entry("Integer", "a number"), Map.entry("Long", "a number"),
            Map.entry("BigInteger", "a number"), Map.entry("BigDecimal", "a number"),
            Map.entry("Boolean", "a boolean"));

    /** "a 'LinkedHashMap'" and the like: a JSON value named by the Java class it was read into. */
    private static final Pattern JAVA_CLASS = Pattern.compile("\\ban? '(" + String.join("|", KINDS.keySet()) + ")'");

    /** A literal as graphql-java's syntax tree prints it: {@code IntValue{value=7}}, {@code StringValue{...}}. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:IntValue|FloatValue|BooleanValue)\\{value=([^}]*)}"
                    + "|StringValue\\{value='([^']*)'}|EnumValue\\{name='([^']*)'}");

    private PlainMessages() {
    }

    /** {@code message} with what names the gateway's insides put in a caller's words; unchanged where none does. */
    static String plain(String message) {
        if (message == null || message.indexOf('\'') < 0 && message.indexOf('{') < 0) {
            return message;
        }
        String kinds = JAVA_CLASS.matcher(message)
                .replaceAll(match -> Matcher.quoteReplacement(KINDS.get(match.group(1))));
        return LITERAL.matcher(kinds).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) != null ? match.group(1) : match.group(2) != null ? '"' + match.group(2) + '"'
                        : match.group(3)));
    }
}
