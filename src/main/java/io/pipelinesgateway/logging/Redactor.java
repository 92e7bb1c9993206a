package io.pipelinesgateway.logging;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for a log: the value of an {@code Authorization}, {@code Proxy-Authorization} or
 * {@code X-API-Key} header however it is printed, any {@code Bearer} or {@code Basic} credential, PEM private key
 * blocks, and the bodies Spring's codecs print at DEBUG and TRACE. It is defence in depth: the gateway never logs these on purpose, but a library's debug line, an exception
 * message or a future log call might.
 */
public final class Redactor {

    /** What a masked value is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final List<Rule> RULES = List.of(
            // A whole PEM block, up to its END line or, when cut off, to the end of the text (its line break kept).
            new Rule(Pattern.compile("(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----).*?"
                    + "(-----END [A-Z0-9 ]*PRIVATE KEY-----|(?=\\R?\\z))", Pattern.DOTALL),
                    match -> match.group(1) + MASK + match.group(2)),
            // A header as HTTP, a map, JSON or Spring's HttpHeaders prints it: "Authorization: x", "Authorization=[x]",
            // "\"authorization\": \"x\"", "Authorization:\"x\"". A quoted value runs to its closing quote, any other
            // to the end of the line or a delimiter.
            new Rule(Pattern.compile("(?i)\\b((?:proxy-)?authorization|x-api-key)(\"?\\s*[:=]\\s*\\[?)"
                    + "(\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"|[^\\r\\n,;\\]}]+)"),
                    match -> match.group(1) + match.group(2)
                            + (match.group(3).startsWith("\"") ? "\"" + MASK + "\"" : MASK)),
            // A body as Spring's codecs print it at DEBUG ("Decoded [...]", cut at 100 characters) and TRACE (whole,
            // line breaks and all): a body holds whatever was sent, a secured variable's value or a private key
            // among it, so none of it is kept, at any level.
            new Rule(Pattern.compile("\\b(Decoded|Encoding) [\\[\"].*?(?=\\R?\\z)", Pattern.DOTALL),
                    match -> match.group(1) + " " + MASK),
            // What authorizes an address by itself, in its query: the signature and credentials of a pre-signed
            // address (Bitbucket's storage of completed logs, at DEBUG of the HTTP client that reads them), or an
            // access token sent as a parameter. The address is kept, its authority is not.
            new Rule(Pattern.compile("(?i)([?&](?:x-amz-signature|x-amz-credential|x-amz-security-token|signature|sig"
                    + "|access_token|token)=)[^&#\\s\"'<>\\]]+"),
                    match -> match.group(1) + MASK),
            // A credential wherever else it appears, e.g. inside a message.
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]+"),
                    match -> match.group(1) + match.group(2) + MASK));

    private Redactor() {
    }

    /** The text with every credential it holds masked; the text itself when it holds none. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(match -> Matcher.quoteReplacement(rule.replacement().apply(match)));
            }
        }
        return result;
    }

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }
}
