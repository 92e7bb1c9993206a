package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.bitbucket.spec.BitbucketSpec;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Loads Bitbucket's spec while the application context starts, rather than after: both take seconds. */
class PreloadBitbucketSpec implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        BitbucketSpec.preload();
    }
}
