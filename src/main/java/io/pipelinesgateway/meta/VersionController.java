package io.pipelinesgateway.meta;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Answers the placeholder root field until the read path lands. */
@Controller
class VersionController {
    @QueryMapping
    String gatewayVersion() {
        return "0.1.0";
    }
}
