package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java's messages for values it cannot take, in words a caller knows: they name the Java class a JSON value
 * was read into ("it was a 'LinkedHashMap'") and print a literal as its syntax tree does ("IntValue{value=7}"), which
 * tell a person nothing and a stranger how the gateway is built. Each becomes the JSON kind or the literal itself;
 * a literal's kind is named in words ("a list"), and an input object or list quoted whole is left out.
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

    /**
     * An input object or list written in the query, quoted as graphql-java prints its syntax tree
     * ({@code with value 'ObjectValue{objectFields=[ObjectField{...}]}'}), nested and as long as the literal: the rest
     * of the message names the argument and what is wrong with it, so the quote is left out.
     */
    private static final Pattern TREE = Pattern.compile(" with value '(?:ObjectValue|ArrayValue)\\{.*}'(?= |$)");

    /** A literal's kind named as graphql-java's syntax tree names it ("an AST type of 'IntValue'"). */
    private static final Map<String, String> LITERAL_KINDS = Map.of("IntValue", "an integer", "FloatValue", "a number",
            "StringValue", "a string", "BooleanValue", "a boolean", "EnumValue", "an enum value", "ArrayValue", "a list",
            "ObjectValue", "an object", "NullValue", "null");

    private static final Pattern LITERAL_KIND = Pattern.compile(
            "(?:an AST type of |an? )?'(" + String.join("|", LITERAL_KINDS.keySet()) + ")'");

    private PlainMessages() {
    }

    /** {@code message} with what names the gateway's insides put in a caller's words; unchanged where none does. */
    static String plain(String message) {
        if (message == null || message.indexOf('\'') < 0 && message.indexOf('{') < 0) {
            return message;
        }
        String kinds = JAVA_CLASS.matcher(TREE.matcher(message).replaceAll(""))
                .replaceAll(match -> Matcher.quoteReplacement(KINDS.get(match.group(1))));
        kinds = LITERAL_KIND.matcher(kinds)
                .replaceAll(match -> Matcher.quoteReplacement(LITERAL_KINDS.get(match.group(1))));
        return LITERAL.matcher(kinds).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) != null ? match.group(1) : match.group(2) != null ? '"' + match.group(2) + '"'
                        : match.group(3)));
    }
}
