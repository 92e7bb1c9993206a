package io.pipelinesgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code bitbucket/} knows Bitbucket's paths: no feature package builds an upstream request, reaches the
 * client below the endpoint layer, names a resource kind by a string, or writes a path of Bitbucket's REST API.
 * The cache and Redis, below the endpoint layer, are not features and are not read.
 */
class OnlyTheEndpointLayerKnowsBitbucketPathsTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "pipelinesgateway");
    /** The endpoint layer itself, and what lies below it. */
    private static final Set<String> NOT_FEATURES = Set.of("bitbucket", "cache", "redis");
    /** Types of the layer below the endpoints, which features have no business naming. */
    private static final Pattern BELOW_THE_ENDPOINTS = Pattern.compile(
            "\\b(UpstreamRequest|BitbucketClient|UpstreamExchange|CachePolicy|DIRECT_READ)\\b");
    /**
     * A string literal that is (part of) a Bitbucket REST path: one below a collection Bitbucket's paths start with,
     * or a segment only its paths use ({@code pipelines_config} is also a payload's type, and is not one).
     */
    private static final Pattern PATH_LITERAL = Pattern.compile(
            "\"[^\"\\n]*/?(repositories|workspaces|teams|users|user)/[^\"\\n]*\"|\"(repositories|workspaces|teams|users"
                    + "|pipelines-config|deployments_config|test_reports|stopPipeline)\"");

    @Test
    void noFeaturePackageBuildsABitbucketPathOrNamesTheLayerBelowTheEndpoints() {
        List<String> offences = new ArrayList<>();
        List<Path> features = featureSources();
        for (Path file : features) {
            String source = read(file);
            String withoutComments = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
            collect(offences, file, BELOW_THE_ENDPOINTS.matcher(withoutComments));
            collect(offences, file, PATH_LITERAL.matcher(withoutComments));
        }
        assertThat(features).as("feature sources read").hasSizeGreaterThan(100);
        assertThat(offences).as("Bitbucket paths and the layer below the endpoints, named outside bitbucket/")
                .isEmpty();
    }

    private static void collect(List<String> offences, Path file, Matcher matcher) {
        while (matcher.find()) {
            offences.add(MAIN.relativize(file) + ": " + matcher.group());
        }
    }

    private static List<Path> featureSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> MAIN.relativize(path).getNameCount() > 1
                            && !NOT_FEATURES.contains(MAIN.relativize(path).getName(0).toString()))
                    .toList();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
