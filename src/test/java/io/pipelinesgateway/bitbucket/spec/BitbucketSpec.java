package io.pipelinesgateway.bitbucket.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Checks HTTP interactions against Bitbucket Cloud's published Swagger spec, so that test doubles of Bitbucket (the
 * sandbox, WireMock stubs) cannot drift from what the real API returns.
 *
 * <p>Usage, from any test:
 * <pre>{@code
 * BitbucketSpec.assertConforms("GET", "/repositories/acme/api/pipelines/?page=2", 200, "application/json", body);
 * List<String> problems = BitbucketSpec.violations("GET", "/user", 200, "application/json", body);
 * BitbucketSpec.assertRequestConforms("POST", "/repositories/acme/api/pipelines/", "application/json", requestBody);
 * }</pre>
 * Paths are relative to the API root ({@code /2.0}); a leading {@code .../2.0} (e.g. {@code /sandbox/2.0}) or a full
 * URL is accepted and cut off. A query string is allowed and ignored. Trailing slashes do not matter: Bitbucket
 * answers both forms, while the spec writes some paths with one and some without.
 *
 * <p>The spec ({@code src/test/resources/bitbucket/bitbucket-pipelines-swagger.json}, Swagger 2) is loaded through
 * Atlassian's {@link OpenApiInteractionValidator} after four preparations, each explained where it happens:
 * <ol>
 *   <li>nested inline objects are lifted into named definitions, because the Swagger 2 converter drops their
 *       properties (a converter artefact: without it, every {@code links.self} would be rejected);</li>
 *   <li>the quirks overlay {@code bitbucket-spec-quirks.json} adds what real Bitbucket does and the spec lacks
 *       (README "What the spec does not tell": the HALTED stage, the test report shapes, 206 and {@code text/plain}
 *       logs, ...), each entry with its reason;</li>
 *   <li>the {@code type} discriminator of the base {@code object} definition is re-expressed as a type restriction
 *       in the schema plus a per-object check ({@link TypeDispatch}), because the validator's own discriminator
 *       support overflows the stack on this spec;</li>
 *   <li>the list parameters Bitbucket accepts everywhere ({@code page}, {@code pagelen}) and the pipeline list's
 *       {@code sort} and {@code status} are declared, so that requests can be checked too.</li>
 * </ol>
 * Every validation message is an error, with two narrow exceptions, each justified where it is made: a missing
 * {@code type} in a request body (the spec's own request examples omit it), and request authentication (the
 * validator cannot evaluate OAuth 2).
 */
public final class BitbucketSpec {

    private static final String SPEC = "/bitbucket/bitbucket-pipelines-swagger.json";
    private static final String QUIRKS = "/bitbucket/bitbucket-spec-quirks.json";
    private static final String SCHEMAS = "#/components/schemas/";

    private BitbucketSpec() {
    }

    /**
     * Fails with every validation message when the response does not conform to the spec (unknown path or status,
     * content type not allowed, body not matching the schema).
     *
     * @param method       HTTP method, e.g. {@code "GET"}
     * @param pathWithQuery path below the API root, query string allowed, e.g. {@code "/repositories/acme/api"}
     * @param status       the response's HTTP status
     * @param contentType  the response's {@code Content-Type}, or {@code null} when it has no body
     * @param body         the response body, or {@code null}
     */
    public static void assertConforms(String method, String pathWithQuery, int status, String contentType,
            String body) {
        List<String> problems = violations(method, pathWithQuery, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + pathWithQuery + " -> " + status + " " + contentType
                    + " does not conform to Bitbucket's spec:\n  " + String.join("\n  ", problems)
                    + "\nbody: " + abbreviate(body));
        }
    }

    /** The validation messages for a response (empty when it conforms); see {@link #assertConforms}. */
    public static List<String> violations(String method, String pathWithQuery, int status, String contentType,
            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        Request.Method m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        String path = apiPath(pathWithQuery);
        SimpleResponse built = response.build();
        return Holder.INSTANCE.validate(path, (validator, p) -> validator.validateResponse(p, m, built));
    }

    /**
     * Fails when a request (path, parameters, body) does not conform to the spec, e.g. the body a client POSTs.
     * Authentication is not checked: the validator cannot evaluate Bitbucket's OAuth 2 scheme.
     */
    public static void assertRequestConforms(String method, String pathWithQuery, String contentType, String body) {
        String path = apiPath(pathWithQuery);
        String query = pathWithQuery.contains("?") ? pathWithQuery.substring(pathWithQuery.indexOf('?') + 1) : "";
        Function<String, Request> build = p -> {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), p);
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            decode(eq < 0 ? "" : pair.substring(eq + 1)));
                }
            }
            if (contentType != null) {
                request.withContentType(contentType);
            }
            if (body != null && !body.isEmpty()) {
                request.withBody(body);
            }
            return request.build();
        };
        List<String> problems = Holder.INSTANCE.validate(path,
                (validator, p) -> validator.validateRequest(build.apply(p)));
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + pathWithQuery + " request does not conform to Bitbucket's spec:\n  "
                    + String.join("\n  ", problems) + "\nbody: " + abbreviate(body));
        }
    }

    /**
     * Starts loading the spec on a background thread and returns at once. Loading takes a few seconds; a test suite
     * that also starts an application context can overlap the two by calling this first. Optional: the assertions
     * load the spec themselves when needed (and wait for a load in progress).
     */
    public static void preload() {
        Thread loader = new Thread(() -> {
            Holder ignored = Holder.INSTANCE;
        }, "bitbucket-spec-preload");
        loader.setDaemon(true);
        loader.start();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reduces whatever the caller has (full URL, /sandbox/2.0/..., /2.0/..., /...) to the path below /2.0. */
    static String apiPath(String pathWithQuery) {
        String path = pathWithQuery;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int root = path.indexOf("/2.0/");
        if (root >= 0) {
            path = path.substring(root + 4);
        } else if (path.endsWith("/2.0")) {
            path = "/";
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "<none>";
        }
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }

    /** The prepared validator, built once per JVM (loading and converting the spec takes a few seconds). */
    private static final class Holder {
        static final Holder INSTANCE = new Holder();

        private final OpenApiInteractionValidator validator;

        private Holder() {
            ObjectMapper mapper = Json.mapper();
            ObjectNode swagger2 = (ObjectNode) read(mapper, SPEC);
            liftNestedObjects((ObjectNode) swagger2.get("definitions"));

            // The converter reports the spec's incomplete operations (no responses, undeclared path parameters);
            // the quirks overlay completes them, and the parse below rejects anything still wrong.
            OpenAPI converted = new OpenAPIParser().readContents(swagger2.toString(), null, null).getOpenAPI();
            ObjectNode openApi = mapper.valueToTree(converted);
            mergePatch(openApi, read(mapper, QUIRKS));
            declareListParameters(openApi);
            Set<String> subtypes = restrictTypes((ObjectNode) openApi.path("components").path("schemas"));

            // Parsed here with the validator's own default options, so that the same model serves the interaction
            // validator and the type dispatch; and rejected, as the validator's loader would, if anything is wrong.
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            options.setResolveCombinators(false);
            SwaggerParseResult parsed = new OpenAPIParser().readContents(openApi.toString(), null, options);
            if (parsed.getMessages() != null && !parsed.getMessages().isEmpty()) {
                throw new IllegalStateException("The prepared Bitbucket spec does not load: " + parsed.getMessages());
            }
            LevelResolver levels = LevelResolver.create()
                    // Everything is an error unless listed here with the reason it is a spec artefact.
                    .withDefaultLevel(ValidationReport.Level.ERROR)
                    // Request checks only: the validator cannot evaluate OAuth 2 (it logs "not supported") and the
                    // spec lists no anonymous access, while Bitbucket serves public repositories without
                    // credentials. Authentication is outside what this utility checks.
                    .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                    .build();
            TypeDispatch dispatch = new TypeDispatch(parsed.getOpenAPI(), subtypes, new MessageResolver(levels));
            validator = OpenApiInteractionValidator.createFor(parsed.getOpenAPI())
                    // Bitbucket's paths differ only by trailing slashes in places (pipelines/ vs pipelines/{uuid});
                    // lenient matching would let "pipelines/" match the single-pipeline operation.
                    .withStrictOperationPathMatching()
                    .withLevelResolver(levels)
                    .withCustomResponseValidation(dispatch)
                    .withCustomRequestValidation(dispatch)
                    .build();
        }

        /**
         * Runs {@code call} for the path and, if the spec has no such path, for the path with its trailing slash
         * toggled. Under a lock: the underlying JSON Schema library is not documented as thread-safe.
         */
        synchronized List<String> validate(String path,
                BiFunction<OpenApiInteractionValidator, String, ValidationReport> call) {
            ValidationReport report = call.apply(validator, path);
            if (report.getMessages().stream().anyMatch(msg -> msg.getKey().endsWith(".path.missing"))) {
                String toggled = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
                ValidationReport retry = call.apply(validator, toggled);
                if (retry.getMessages().stream().noneMatch(msg -> msg.getKey().endsWith(".path.missing"))) {
                    report = retry;
                }
            }
            List<String> problems = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    flatten(message, seen);
                }
            }
            problems.addAll(seen);
            return problems;
        }

        /**
         * Keeps the innermost messages of composed schemas (allOf/anyOf), where the actual mismatch is named; the
         * outer "failed to match all required schemas" lines add nothing but noise.
         */
        private static void flatten(ValidationReport.Message message, Set<String> out) {
            List<ValidationReport.Message> nested = message.getNestedMessages();
            if (nested == null || nested.isEmpty()) {
                // Request bodies may leave out 'type': the spec's own createPipelineForRepository examples post
                // {"target": ...} without it (and commits without it), and 'type' is the only property the spec
                // ever requires of a request body.
                boolean requestWithoutType = message.getKey().equals("validation.request.body.schema.required")
                        && message.getMessage().contains("[\"type\"]");
                if (!requestWithoutType) {
                    out.add(message.getKey() + ": " + message.getMessage());
                }
                return;
            }
            nested.forEach(inner -> flatten(inner, out));
        }

        private static JsonNode read(ObjectMapper mapper, String resource) {
            try (InputStream in = BitbucketSpec.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + resource);
                }
                return mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The Swagger 2 to OpenAPI 3 converter keeps the properties of a definition and of its allOf parts, but drops
     * the properties of objects nested inline below them (e.g. {@code repository.links.self}), leaving
     * {@code additionalProperties: false} with nothing allowed. Lifting each nested object with properties into a
     * definition of its own, referenced by {@code $ref}, keeps the schema identical and the converter faithful.
     */
    static void liftNestedObjects(ObjectNode definitions) {
        Map<String, JsonNode> lifted = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = it.next();
            liftWithin(definition.getValue(), "lifted__" + definition.getKey(), lifted);
        }
        lifted.forEach(definitions::set);
    }

    private static void liftWithin(JsonNode schema, String name, Map<String, JsonNode> lifted) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        JsonNode allOf = object.get("allOf");
        if (allOf instanceof ArrayNode parts) {
            for (JsonNode part : parts) {
                liftWithin(part, name, lifted);
            }
        }
        JsonNode properties = object.get("properties");
        if (properties instanceof ObjectNode props) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                property.setValue(lift(property.getValue(), name + "__" + property.getKey(), lifted));
            }
        }
        JsonNode items = object.get("items");
        if (items != null) {
            object.set("items", lift(items, name + "__items", lifted));
        }
    }

    private static JsonNode lift(JsonNode schema, String name, Map<String, JsonNode> lifted) {
        liftWithin(schema, name, lifted);
        if (schema.has("properties") && schema.get("properties").size() > 0 && !schema.has("$ref")) {
            lifted.put(name, schema);
            return JsonNodeFactory.instance.objectNode().put("$ref", "#/definitions/" + name);
        }
        return schema;
    }

    /**
     * Declares the query parameters Bitbucket accepts but the spec leaves out of the operations: {@code page} and
     * {@code pagelen} on every list (Bitbucket documents pagination once for the whole API, not per operation), and
     * the pipeline list's {@code sort} and repeatable {@code status} filter (README, "Listing pipelines"). Without
     * them, request validation would reject every paged request.
     */
    static void declareListParameters(ObjectNode openApi) {
        openApi.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            String schema = get.path("responses").path("200").path("content").path("application/json").path("schema")
                    .path("$ref").asText("");
            if (!(get instanceof ObjectNode operation) || !schema.startsWith(SCHEMAS + "paginated_")) {
                return;
            }
            ArrayNode parameters = operation.withArray("parameters");
            addQuery(parameters, "page", JsonNodeFactory.instance.objectNode().put("type", "integer").put("minimum", 1));
            addQuery(parameters, "pagelen", JsonNodeFactory.instance.objectNode().put("type", "integer")
                    .put("minimum", 1).put("maximum", 100));
            if (path.getKey().equals("/repositories/{workspace}/{repo_slug}/pipelines/")) {
                addQuery(parameters, "sort", JsonNodeFactory.instance.objectNode().put("type", "string"));
                ObjectNode status = JsonNodeFactory.instance.objectNode().put("type", "array");
                ArrayNode names = status.putObject("items").put("type", "string").putArray("enum");
                for (String name : List.of("SUCCESSFUL", "FAILED", "ERROR", "STOPPED", "EXPIRED", "IN_PROGRESS",
                        "RUNNING", "PENDING", "PAUSED", "HALTED", "COMPLETED")) {
                    names.add(name);
                }
                addQuery(parameters, "status", status).put("style", "form").put("explode", true);
            }
        });
    }

    private static ObjectNode addQuery(ArrayNode parameters, String name, ObjectNode schema) {
        for (JsonNode existing : parameters) {
            if (name.equals(existing.path("name").asText()) && "query".equals(existing.path("in").asText())) {
                return (ObjectNode) existing;
            }
        }
        ObjectNode parameter = parameters.addObject().put("name", name).put("in", "query").put("required", false);
        parameter.set("schema", schema);
        return parameter;
    }

    /**
     * Re-expresses Swagger's {@code discriminator: type} of the base {@code object} definition, which the validator's
     * own support cannot handle here: it only accepts direct children of the discriminating definition (every
     * Bitbucket type is a grandchild of {@code object} or deeper) and, on this spec, recurses until the stack
     * overflows.
     *
     * <p>What the discriminator means in Bitbucket's spec: an object's {@code type} names the definition it is an
     * instance of, which must be the declared definition or one of its descendants through {@code allOf} (a
     * {@code state} declared as {@code pipeline_state} is a {@code pipeline_state_completed}, whose {@code result}
     * is a {@code pipeline_state_completed_successful}), and the object must then satisfy that definition.
     *
     * <p>How: the discriminator is removed; every definition below {@code object} restricts {@code type} to itself
     * and its descendants (here, in the schema); and each object is checked against the definition its
     * {@code type} names by {@link TypeDispatch}.
     *
     * @return the subtypes: definitions a {@code type} can select in place of a declared ancestor
     */
    static Set<String> restrictTypes(ObjectNode schemas) {
        JsonNode base = schemas.get("object");
        if (!(base instanceof ObjectNode baseObject) || !baseObject.has("discriminator")) {
            throw new IllegalStateException("expected the base 'object' schema with a discriminator");
        }
        baseObject.remove("discriminator");

        Map<String, Set<String>> parents = new LinkedHashMap<>();
        schemas.fields().forEachRemaining(e -> parents.put(e.getKey(), parentRefs(e.getValue())));
        Map<String, Set<String>> ancestors = new LinkedHashMap<>();
        for (String name : parents.keySet()) {
            ancestors.put(name, ancestorsOf(name, parents, new LinkedHashSet<>()));
        }

        Set<String> subtypes = new TreeSet<>();
        for (String d : parents.keySet()) {
            if (d.equals("object") || !ancestors.get(d).contains("object")) {
                continue;
            }
            if (!parents.get(d).equals(Set.of("object"))) {
                subtypes.add(d);
            }
            Set<String> allowed = new TreeSet<>();
            allowed.add(d);
            for (String t : parents.keySet()) {
                if (ancestors.get(t).contains(d)) {
                    allowed.add(t);
                }
            }
            // Says its JSON type and allows other properties: the validator otherwise injects
            // additionalProperties: false into schemas that list properties without saying.
            ObjectNode rule = ((ObjectNode) schemas.get(d)).withArray("allOf").addObject()
                    .put("type", "object").put("additionalProperties", true);
            ArrayNode values = rule.putObject("properties").putObject("type").put("type", "string").putArray("enum");
            allowed.forEach(values::add);
        }
        return subtypes;
    }

    private static Set<String> parentRefs(JsonNode schema) {
        Set<String> refs = new LinkedHashSet<>();
        for (JsonNode part : schema.path("allOf")) {
            String ref = part.path("$ref").asText("");
            if (ref.startsWith(SCHEMAS)) {
                refs.add(ref.substring(SCHEMAS.length()));
            }
        }
        return refs;
    }

    private static Set<String> ancestorsOf(String name, Map<String, Set<String>> parents, Set<String> acc) {
        for (String parent : parents.getOrDefault(name, Set.of())) {
            if (acc.add(parent)) {
                ancestorsOf(parent, parents, acc);
            }
        }
        return acc;
    }

    /** RFC 7386 JSON merge patch: objects merge recursively, null removes, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode current = target.get(e.getKey());
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject()) {
                // Merging into a fresh object, not copying, so that nulls inside the patch never reach the result.
                ObjectNode into = current instanceof ObjectNode currentObject ? currentObject : target.putObject(e.getKey());
                mergePatch(into, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }
}
