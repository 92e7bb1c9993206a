package io.pipelinesgateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pipelinesgateway.graphql.Loaders;

import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * A {@link GraphQlTest} slice for one feature's controllers, which the test names with {@code @Import}: the whole
 * schema, the gateway's own error mapping ({@code extensions.code}) and scalars, and {@link Loaders}, so a test
 * registers the DataLoaders the controller reads through (see {@link SliceUpstream}). None of the request-level
 * interceptors and instrumentations (limits, security, logging), which the full-server tests cover, nor Bitbucket.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@GraphQlTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.pipelinesgateway\\.graphql\\.(GatewayExceptionResolver|DateTimeScalar)"))
@Import(Loaders.class)
public @interface ControllerSliceTest {
}
