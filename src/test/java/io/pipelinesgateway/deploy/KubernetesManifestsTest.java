package io.pipelinesgateway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.pipelinesgateway.deploy.Manifests.at;
import static io.pipelinesgateway.deploy.Manifests.document;
import static io.pipelinesgateway.deploy.Manifests.list;
import static io.pipelinesgateway.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests under {@code k8s/} are well-formed and agree with the application: every file parses,
 * every kustomization's references exist, and the Deployment's port and probes are the ones {@code application.yml}
 * configures.
 */
class KubernetesManifestsTest {

    private static final Map<String, Object> APPLICATION = Manifests.applicationSettings("application.yml");

    private static Map<String, Object> gatewayContainer() {
        Map<String, Object> deployment = document("base/deployment.yaml");
        assertThat(deployment.get("kind")).isEqualTo("Deployment");
        return map(list(at(deployment, "spec.template.spec.containers")).get(0));
    }

    /** A probe's or Service's port, by number or by the name of a container port, as the number it stands for. */
    private static Object resolvePort(Object port, Map<String, Object> container) {
        for (Object declared : list(container.get("ports"))) {
            if (map(declared).get("name").equals(port)) {
                return map(declared).get("containerPort");
            }
        }
        return port;
    }

    @Test
    void everyManifestParsesAsKubernetesObjects() {
        List<Path> files = Manifests.yamlFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            List<Map<String, Object>> documents = Manifests.documents(file);
            assertThat(documents).as(file.toString()).isNotEmpty();
            for (Map<String, Object> document : documents) {
                assertThat(document).as(file.toString()).containsKeys("apiVersion", "kind");
                if (!String.valueOf(document.get("apiVersion")).startsWith("kustomize.config.k8s.io")) {
                    assertThat(at(document, "metadata.name")).as(file + " metadata.name").isNotNull();
                }
            }
        }
    }

    @Test
    void everyKustomizationsResourcesComponentsAndPatchesExist() {
        List<Path> kustomizations = Manifests.yamlFiles().stream()
                .filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        assertThat(kustomizations).extracting(Path::toString).contains(
                "k8s/base/kustomization.yaml",
                "k8s/overlays/sandbox/kustomization.yaml",
                "k8s/overlays/production/kustomization.yaml");
        for (Path kustomization : kustomizations) {
            Map<String, Object> content = Manifests.documents(kustomization).get(0);
            Path dir = kustomization.getParent();
            List<String> references = new ArrayList<>();
            list(content.get("resources")).forEach(resource -> references.add((String) resource));
            list(content.get("components")).forEach(component -> references.add((String) component));
            list(content.get("patches")).stream().map(patch -> map(patch).get("path"))
                    .filter(path -> path != null).forEach(path -> references.add((String) path));
            assertThat(references).as(kustomization + " references").isNotEmpty();
            for (String reference : references) {
                Path target = dir.resolve(reference).normalize();
                assertThat(target).as(kustomization + " → " + reference).exists();
                if (Files.isDirectory(target)) {
                    assertThat(target.resolve("kustomization.yaml")).as(kustomization + " → " + reference).exists();
                }
            }
        }
    }

    @Test
    void theContainerPortIsTheApplicationsServerPort() {
        Object serverPort = at(APPLICATION, "server.port");
        assertThat(serverPort).isEqualTo(8080);
        assertThat(list(gatewayContainer().get("ports")))
                .extracting(port -> map(port).get("containerPort"))
                .containsExactly(serverPort);
    }

    @Test
    void theProbesAskSpringBootsLivenessAndReadinessGroupsOnTheServerPort() {
        assertThat(at(APPLICATION, "management.endpoint.health.probes.enabled")).isEqualTo(true);
        Object basePath = at(APPLICATION, "management.endpoints.web.base-path");
        String actuator = basePath == null ? "/actuator" : (String) basePath;

        Map<String, Object> container = gatewayContainer();
        Map<String, String> expected = Map.of(
                "startupProbe", actuator + "/health/liveness",
                "livenessProbe", actuator + "/health/liveness",
                "readinessProbe", actuator + "/health/readiness");
        expected.forEach((probe, path) -> {
            Map<String, Object> httpGet = map(at(container, probe + ".httpGet"));
            assertThat(httpGet.get("path")).as(probe).isEqualTo(path);
            assertThat(resolvePort(httpGet.get("port"), container)).as(probe + " port")
                    .isEqualTo(at(APPLICATION, "server.port"));
        });
    }

    @Test
    void theServiceSendsTrafficToTheContainerPort() {
        Map<String, Object> service = document("base/service.yaml");
        Object targetPort = map(list(at(service, "spec.ports")).get(0)).get("targetPort");
        assertThat(resolvePort(targetPort, gatewayContainer())).isEqualTo(at(APPLICATION, "server.port"));
        assertThat(at(service, "spec.selector"))
                .isEqualTo(at(document("base/deployment.yaml"), "spec.selector.matchLabels"));
    }

    @Test
    void theGatewayRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
        Map<String, Object> deployment = document("base/deployment.yaml");
        assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
        Map<String, Object> container = gatewayContainer();
        assertThat(at(container, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(list(at(container, "securityContext.capabilities.drop"))).containsExactly("ALL");
        assertThat(map(at(container, "resources")).keySet()).containsExactlyInAnyOrder("requests", "limits");

        Map<String, Object> tmpMount = list(container.get("volumeMounts")).stream().map(Manifests::map)
                .filter(mount -> "/tmp".equals(mount.get("mountPath"))).findFirst().orElseThrow();
        Map<String, Object> tmpVolume = list(at(deployment, "spec.template.spec.volumes")).stream().map(Manifests::map)
                .filter(volume -> tmpMount.get("name").equals(volume.get("name"))).findFirst().orElseThrow();
        assertThat(tmpVolume).containsKey("emptyDir");
    }

    @Test
    void everyConfigMapSettingIsOneTheApplicationKnows() {
        // Environment names of the settings in application*.yml, as Spring Boot's relaxed binding reads them.
        Set<String> known = new HashSet<>(Set.of("REDIS_URL", "SPRING_PROFILES_ACTIVE", "GATEWAY_CACHE_KEY_SECRET"));
        try (var files = Files.list(Path.of("src/main/resources"))) {
            files.filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml"))
                    .forEach(file -> collectEnvironmentNames("", Manifests.applicationSettings(
                            file.getFileName().toString()), known));
            // And the gateway's own, whose defaults are in their properties records rather than in a file.
            JsonMapper.builder().build().readTree(Files.readString(Path.of("target", "classes", "META-INF",
                    "spring-configuration-metadata.json"))).path("properties").forEach(property -> known.add(
                            property.path("name").asString().replace("-", "").replace('.', '_').toUpperCase()));
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        for (Path file : Manifests.yamlFiles()) {
            for (Map<String, Object> document : Manifests.documents(file)) {
                if ("ConfigMap".equals(document.get("kind")) && document.get("data") != null) {
                    assertThat(map(document.get("data")).keySet()).as(file + " data").isSubsetOf(known);
                }
            }
        }
    }

    private static void collectEnvironmentNames(String prefix, Map<String, Object> settings, Set<String> names) {
        settings.forEach((key, value) -> {
            String name = prefix + key.replace("-", "").toUpperCase();
            if (value instanceof Map<?, ?> nested) {
                collectEnvironmentNames(name + "_", map(nested), names);
            }
            else {
                names.add(name);
            }
        });
    }

    @Test
    void theSandboxOverlayRunsOneReplicaWithTheSandboxProfileAndNoRedis() {
        Map<String, Object> sandbox = document("overlays/sandbox/kustomization.yaml");
        assertThat(list(sandbox.get("replicas"))).extracting(replica -> map(replica).get("count")).containsExactly(1);
        assertThat(sandbox).doesNotContainKey("components");
        assertThat(at(document("overlays/sandbox/configmap-sandbox.yaml"), "data.SPRING_PROFILES_ACTIVE"))
                .isEqualTo("sandbox");
    }

    @Test
    void theProductionOverlayWiresRedisIntoTheGateway() {
        Map<String, Object> production = document("overlays/production/kustomization.yaml");
        assertThat(list(production.get("components"))).contains("../../components/redis");
        assertThat(String.valueOf(at(document("components/redis/configmap-redis-url.yaml"), "data.REDIS_URL")))
                .isEqualTo("redis://" + at(document("components/redis/service.yaml"), "metadata.name") + ":6379");
    }

    @Test
    void theSecretTemplateHoldsOnlyPlaceholders() {
        Map<String, Object> secret = document("base/secret.template.yaml");
        assertThat(secret.get("kind")).isEqualTo("Secret");
        assertThat(map(secret.get("stringData")).values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).startsWith("<").endsWith(">"));
        assertThat(list(document("base/kustomization.yaml").get("resources"))).doesNotContain("secret.template.yaml");
    }
}
