package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The sandbox must not exist outside the {@code sandbox} profile: a production gateway serving a fake Bitbucket
 * would be a serious surprise. Every bean the package declares therefore carries {@code @Profile("sandbox")}.
 */
class SandboxIsOnlyActiveWithItsProfileTest {

    @Test
    void everySandboxBeanIsRestrictedToTheSandboxProfile() {
        // Scanning evaluates @Profile: with the sandbox profile active, restricted and unrestricted beans are found.
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("sandbox");
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false, environment);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        // The tests' own configuration (the test clock) lives in the same package on the test classpath.
        scanner.addExcludeFilter(new AnnotationTypeFilter(TestConfiguration.class));
        Set<BeanDefinition> beans = scanner.findCandidateComponents("io.pipelinesgateway.sandbox");
        assertThat(beans).hasSizeGreaterThanOrEqualTo(10);
        Set<String> unrestricted = beans.stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> !restricted(name))
                .collect(Collectors.toSet());
        assertThat(unrestricted).as("sandbox beans without @Profile(\"sandbox\")").isEmpty();
    }

    private static boolean restricted(String className) {
        try {
            Class<?> type = ClassUtils.forName(className, SandboxIsOnlyActiveWithItsProfileTest.class.getClassLoader());
            Profile profile = type.getAnnotation(Profile.class);
            return profile != null && Set.of(profile.value()).equals(Set.of("sandbox"));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
