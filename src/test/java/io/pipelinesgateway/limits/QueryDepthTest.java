package io.pipelinesgateway.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the depth of a query is measured: fields on the longest path, root field included, through fragments, with
 * introspection left out.
 */
class QueryDepthTest {

    @Test
    void aRootFieldIsOneDeep() {
        assertThat(QueryDepth.of(Queries.traverse("{ workspace(slug: \"acme\") { slug } }"))).isEqualTo(2);
    }

    @Test
    void fieldsInsideFragmentsCountAtTheirPlaceInTheQuery() {
        assertThat(QueryDepth.of(Queries.traverse("""
                query { repository(workspace: "acme", slug: "api") { ...Recent } }
                fragment Recent on Repository { pipelines(first: 1) { nodes { target { commit { hash } } } } }
                """))).isEqualTo(6);
    }

    @Test
    void introspectionIsNotCounted() {
        assertThat(QueryDepth.of(Queries.traverse("""
                { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType {
                    ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name }
                } } } } } } } } } } } } } } } } } }
                """))).isZero();
    }
}
