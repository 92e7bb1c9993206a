package io.pipelinesgateway.node;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many objects one {@code nodes(ids:)} may name: each distinct ID can cost an upstream call, so a list past the
 * cap is refused before any call rather than spending the query's upstream budget on one field.
 *
 * @param maxIds the most IDs one {@code nodes} field takes
 */
@ConfigurationProperties("gateway.nodes")
public record NodeProperties(@DefaultValue("500") int maxIds) {
}
