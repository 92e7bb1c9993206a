package io.pipelinesgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the gateway: one GraphQL schema over the Bitbucket Cloud Pipelines REST API across workspaces.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PipelinesGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PipelinesGatewayApplication.class, args);
    }
}
