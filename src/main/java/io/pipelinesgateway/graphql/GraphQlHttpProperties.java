package io.pipelinesgateway.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway's own {@code /graphql} HTTP route ({@link GraphQlOverHttp}) agrees to read, before any GraphQL
 * is parsed. The limits on a parsed query's shape are {@code io.pipelinesgateway.limits}'.
 *
 * @param maxRequestSize the largest request body accepted over HTTP (query, variables and extensions together); a
 *                       larger one is answered 413 REQUEST_TOO_LARGE without being read further
 */
@ConfigurationProperties("gateway.graphql")
public record GraphQlHttpProperties(@DefaultValue("256KB") DataSize maxRequestSize) {
}
