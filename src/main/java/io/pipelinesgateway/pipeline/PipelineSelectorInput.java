package io.pipelinesgateway.pipeline;

import java.util.Locale;

import io.pipelinesgateway.bitbucket.BitbucketSelector;
import io.pipelinesgateway.graphql.Inputs;

/**
 * A definition of bitbucket-pipelines.yml to run, as runs and schedules name it: its section (the schema's
 * {@code PipelineSelectorType}) and its name there.
 */
public record PipelineSelectorInput(String type, String pattern) {

    /** The selector as Bitbucket reads it; every section but {@code default} needs the definition's name. */
    public BitbucketSelector toSelector(String field) {
        String section = type.toLowerCase(Locale.ROOT).replace('_', '-');
        if (section.equals("default")) {
            return new BitbucketSelector(section, pattern == null || pattern.isBlank() ? null : pattern);
        }
        return new BitbucketSelector(section, Inputs.nonBlank(pattern, field + ".pattern"));
    }
}
