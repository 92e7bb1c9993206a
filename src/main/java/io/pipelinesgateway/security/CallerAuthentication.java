package io.pipelinesgateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A service-mode caller as Spring Security holds it, once an API key or a JWT proved who it is. It carries no
 * credential: the key or token is dropped once checked.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller.Service caller;

    CallerAuthentication(Caller.Service caller) {
        super(List.of());
        this.caller = caller;
        setAuthenticated(true);
    }

    Caller.Service caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return caller.name();
    }
}
