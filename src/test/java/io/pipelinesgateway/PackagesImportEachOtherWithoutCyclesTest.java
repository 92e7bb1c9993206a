package io.pipelinesgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages of {@code src/main} import each other in one direction only: no package reaches, through any
 * chain of imports, back to itself, so each can be read, tested and changed from the bottom up.
 */
class PackagesImportEachOtherWithoutCyclesTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "pipelinesgateway");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.pipelinesgateway\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void noPackageReachesItselfThroughItsImports() {
        Map<String, Set<String>> imports = importsByPackage();
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> path = pathBack(imports, start);
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertThat(imports).as("packages read").hasSizeGreaterThan(10);
        assertThat(cycles).as("import cycles between packages").isEmpty();
    }

    /** A chain of imports from {@code start} back to it, or null when there is none. */
    private static List<String> pathBack(Map<String, Set<String>> imports, String start) {
        Deque<List<String>> open = new ArrayDeque<>();
        open.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!open.isEmpty()) {
            List<String> path = open.poll();
            for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    open.add(longer);
                }
            }
        }
        return null;
    }

    private static Map<String, Set<String>> importsByPackage() {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String own = relative.getName(0).toString();
                Set<String> used = imports.computeIfAbsent(own, absent -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(own)) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return imports;
    }
}
