package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * Locates a pipeline: workspace, repository, and its UUID (with braces, as Bitbucket writes it) or build number,
 * which Bitbucket accepts in the same path segment.
 */
public record PipelineKey(String workspace, String repository, String id) {

    /** From exactly one of a UUID and a build number, checked. */
    public static PipelineKey of(String workspace, String repository, String uuid, Integer buildNumber) {
        PathSegments.workspace(workspace, "workspace");
        PathSegments.repository(repository, "repository");
        if ((uuid == null) == (buildNumber == null)) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "Give exactly one of 'uuid' and 'buildNumber' to select a pipeline.");
        }
        if (buildNumber != null) {
            if (buildNumber < 1) {
                throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                        "'buildNumber' must be a positive number; it was " + buildNumber + ".");
            }
            return new PipelineKey(workspace, repository, String.valueOf(buildNumber));
        }
        return new PipelineKey(workspace, repository, Uuids.braced(uuid, "uuid"));
    }
}
