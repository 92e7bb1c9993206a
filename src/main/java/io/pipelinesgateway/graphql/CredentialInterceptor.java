package io.pipelinesgateway.graphql;

import io.pipelinesgateway.bitbucket.Credential;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Carries the caller's {@code Authorization} header into the Reactor context of the request, where the
 * {@code BitbucketClient} finds it for every upstream call the request makes (pass-through authentication).
 * The header is checked when it is first used, so a malformed one fails each field with UNAUTHENTICATED and a
 * message saying what to send.
 */
@Component
class CredentialInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return chain.next(request);
        }
        return chain.next(request).contextWrite(context -> context.put(Credential.CONTEXT_KEY, authorization));
    }
}
