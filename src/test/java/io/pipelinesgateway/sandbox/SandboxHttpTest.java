package io.pipelinesgateway.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A sandbox test that calls the simulated Bitbucket over HTTP through {@link SandboxHttp}. */
@SandboxTest
abstract class SandboxHttpTest {

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(client, port);
    }
}
