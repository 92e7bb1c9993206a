package io.pipelinesgateway.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The objects the payloads describe (workspace {@code acme}, repository {@code acme/api}, its pipelines, steps and
 * test cases), and the upstream paths the gateway reads them from, percent-encoded as it sends them.
 */
public final class Fixtures {

    public static final String WORKSPACE = "acme";
    public static final String REPOSITORY = "api";

    /** #43, running on main. */
    public static final String PIPELINE_43 = "{5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80}";
    /** #42, successful on main, with the steps, logs and test report of the payloads. */
    public static final String PIPELINE_42 = "{4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f}";
    /** #41, failed on feature/login. */
    public static final String PIPELINE_41 = "{6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8091}";
    /** #40, a pull request from feature/login to main. */
    public static final String PIPELINE_40 = "{7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f809102}";
    /** #39, paused, on tag v1.4.0. */
    public static final String PIPELINE_39 = "{8a9b0c1d-2e3f-4a4b-9c5d-6e7f80910213}";
    /** #44, a matrix build with 250 steps. */
    public static final String PIPELINE_44 = "{9b0c1d2e-3f4a-4b5c-8d6e-7f8091021324}";

    /** Pipeline #42's first step: successful, with a postgres service container. */
    public static final String STEP_BUILD = "{b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e}";
    /** Pipeline #42's second step: failed, with a test report. */
    public static final String STEP_TEST = "{c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f}";
    /** Pipeline #43's step, running, whose log is still empty. */
    public static final String STEP_DEPLOY = "{e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7081}";
    /** The log UUID of the build step's postgres service container. */
    public static final String LOG_POSTGRES = "{d3e4f5a6-b7c8-4d9e-8f0a-1b2c3d4e5f60}";

    public static final String TEST_CASE_SUCCESS = "{e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6071}";
    public static final String TEST_CASE_FAILED = "{f5a6b7c8-d9e0-4f1a-8b2c-3d4e5f607182}";
    public static final String TEST_CASE_ERROR = "{06a7b8c9-d0e1-4a2b-9c3d-4e5f60718293}";
    public static final String TEST_CASE_SKIPPED = "{17b8c9d0-e1f2-4b3c-8d4e-5f60718293a4}";

    /** A workspace access token as Bitbucket issues them. */
    public static final String BEARER_TOKEN = TestSecrets.BEARER_TOKEN;
    /** An API token credential as {@code email:api_token}. */
    public static final String BASIC_USER = "ada@acme.example";
    public static final String BASIC_SECRET = TestSecrets.API_TOKEN;

    private Fixtures() {
    }

    public static String bearer() {
        return "Bearer " + BEARER_TOKEN;
    }

    public static String basic() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((BASIC_USER + ":" + BASIC_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /** A path segment as the gateway sends it: braces percent-encoded. */
    public static String encoded(String segment) {
        return segment.replace("{", "%7B").replace("}", "%7D");
    }

    public static String repositoryPath() {
        return "/repositories/" + WORKSPACE + "/" + REPOSITORY;
    }

    public static String pipelinesPath() {
        return repositoryPath() + "/pipelines/";
    }

    public static String pipelinePath(String pipeline) {
        return repositoryPath() + "/pipelines/" + encoded(pipeline);
    }

    public static String stepsPath(String pipeline) {
        return pipelinePath(pipeline) + "/steps/";
    }

    public static String stepPath(String pipeline, String step) {
        return pipelinePath(pipeline) + "/steps/" + encoded(step);
    }
}
