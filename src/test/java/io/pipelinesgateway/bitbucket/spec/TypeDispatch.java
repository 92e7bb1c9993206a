package io.pipelinesgateway.bitbucket.spec;

import com.atlassian.oai.validator.interaction.request.CustomRequestValidator;
import com.atlassian.oai.validator.interaction.response.CustomResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second half of Swagger's {@code discriminator: type} on Bitbucket's base {@code object} (the first half, "the
 * type names the declared definition or a descendant", is plain JSON Schema; see
 * {@link BitbucketSpec#restrictTypes}): every JSON object whose {@code type} names a subtype, e.g. a {@code state} of
 * type {@code pipeline_state_completed} where the spec declares {@code pipeline_state}, must also satisfy that
 * subtype's own schema (its {@code name} enum, its {@code result}, ...).
 *
 * <p>Checked here with the validator's own {@link SchemaValidator} (so with the same rules), rather than in the schema:
 * JSON Schema draft 4 has no conditionals, and the {@code anyOf} encoding of "if type is T then T's schema" made every
 * object be validated against every sibling subtype, which was several times slower.
 */
final class TypeDispatch implements CustomResponseValidator, CustomRequestValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("^\\[Path '/(\\d+)([^']*)'\\] ");

    private final Map<String, Schema> schemas;
    private final Set<String> subtypes;
    private final SchemaValidator validator;

    /**
     * @param subtypes the definitions reached through {@code allOf} from another definition than {@code object},
     *                 i.e. those a {@code type} can select in place of a declared ancestor
     */
    TypeDispatch(OpenAPI api, Set<String> subtypes, MessageResolver messages) {
        this.schemas = api.getComponents().getSchemas();
        this.subtypes = Set.copyOf(subtypes);
        this.validator = new SchemaValidator(api, messages);
    }

    @Override
    public ValidationReport validate(Response response, ApiOperation operation) {
        return check(response.getResponseBody(), response.getContentType(), "response.body");
    }

    @Override
    public ValidationReport validate(Request request, ApiOperation operation) {
        return check(request.getRequestBody(), request.getContentType(), "request.body");
    }

    private ValidationReport check(Optional<Body> body, Optional<String> contentType, String keyPrefix) {
        if (body.isEmpty() || !body.get().hasBody() || contentType.isEmpty() || !contentType.get().contains("json")) {
            return ValidationReport.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body.get().toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // Unparseable JSON is already reported by the validator itself.
            return ValidationReport.empty();
        }
        List<Typed> found = new ArrayList<>();
        collect(root, "", found);
        if (found.isEmpty()) {
            return ValidationReport.empty();
        }
        // All subtype objects of a body in one validation (an object with one property per object found), since
        // each validation call carries a fixed cost far larger than the objects' own.
        ObjectSchema schema = new ObjectSchema();
        ObjectNode instance = JSON.createObjectNode();
        for (int i = 0; i < found.size(); i++) {
            schema.addProperty(Integer.toString(i), new Schema<>().$ref("#/components/schemas/" + found.get(i).type()));
            instance.set(Integer.toString(i), found.get(i).node());
        }
        ValidationReport report = validator.validate(instance.toString(), schema, keyPrefix);
        return ValidationReport.from(report.getMessages().stream().map(m -> locate(m, found)).toList());
    }

    /** A JSON object whose {@code type} names a subtype, and where it is in the body. */
    private record Typed(String pointer, String type, JsonNode node) {
    }

    private void collect(JsonNode node, String pointer, List<Typed> found) {
        if (node.isObject()) {
            String type = node.path("type").isTextual() ? node.path("type").textValue() : null;
            if (type != null && subtypes.contains(type)) {
                found.add(new Typed(pointer, type, node));
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), pointer + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    /** The message with its path in the synthetic instance ({@code /3/name}) turned back into the body's path. */
    private static ValidationReport.Message locate(ValidationReport.Message message, List<Typed> found) {
        String text = message.getMessage();
        Matcher m = PATH.matcher(text);
        if (m.find()) {
            Typed typed = found.get(Integer.parseInt(m.group(1)));
            text = "[Path '" + typed.pointer() + m.group(2) + "'] (as " + typed.type() + ") "
                    + text.substring(m.end());
        }
        ValidationReport.Message located = ValidationReport.Message.create(message.getKey(), text)
                .withAdditionalInfo(message.getAdditionalInfo())
                .build()
                .withLevel(message.getLevel());
        List<ValidationReport.Message> nested = message.getNestedMessages();
        if (nested == null || nested.isEmpty()) {
            return located;
        }
        return located.withNestedMessages(nested.stream().map(n -> locate(n, found)).toList());
    }
}
