package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.StepPlan.Command;
import io.pipelinesgateway.sandbox.StepPlan.Hold;
import io.pipelinesgateway.sandbox.StepPlan.Image;
import io.pipelinesgateway.sandbox.StepPlan.Outcome;
import io.pipelinesgateway.sandbox.StepPlan.ServiceContainer;
import io.pipelinesgateway.sandbox.StepPlan.TestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of steps the sandbox's repositories run, and the realistic build output, service logs and test cases each
 * produces for a given outcome. Everything is derived from names, so the seed is the same on every start.
 */
final class BuildScripts {

    private BuildScripts() {
    }

    /** The test-runner family of a step, which decides how its output and test names look. */
    enum Runner { NONE, MAVEN, JEST, GO, GRADLE, PYTEST }

    /** A step definition as it would appear in {@code bitbucket-pipelines.yml}. */
    enum Recipe {
        JAVA_BUILD("Build and test", Image.of("maven:3.9-eclipse-temurin-17"), Runner.MAVEN,
                List.of("postgres", "docker"), "mvn -B verify", "docker build -t acme/api:$BITBUCKET_COMMIT ."),
        SECURITY_SCAN("Security scan", Image.of("aquasec/trivy:0.50.1"), Runner.NONE, List.of(),
                "trivy fs --exit-code 1 --severity HIGH,CRITICAL ."),
        DEPLOY_STAGING("Deploy to staging", Image.of("atlassian/default-image:4"), Runner.NONE, List.of(),
                "./scripts/deploy.sh staging"),
        DEPLOY_PRODUCTION("Deploy to production", Image.of("atlassian/default-image:4"), Runner.NONE, List.of(),
                "./scripts/deploy.sh production"),
        NODE_INSTALL("Install and lint", Image.of("node:20"), Runner.NONE, List.of(), "npm ci", "npm run lint"),
        NODE_TEST("Unit tests", Image.of("node:20"), Runner.JEST, List.of(),
                "npm test -- --ci --reporters=default --reporters=jest-junit"),
        NODE_BUILD("Build", Image.of("node:20"), Runner.NONE, List.of(), "npm run build"),
        TF_VALIDATE("Validate", Image.of("hashicorp/terraform:1.8"), Runner.NONE, List.of(),
                "terraform init -backend=false", "terraform validate", "terraform fmt -check -recursive"),
        TF_PLAN("Plan", Image.of("hashicorp/terraform:1.8"), Runner.NONE, List.of(), "terraform init",
                "terraform plan -input=false -out=tfplan"),
        GO_TEST("Test", new Image("globex.jfrog.io/ci/go-builder:1.22", "ci-bot", "ci-bot@globex.example",
                "s3cr3t-registry-password"), Runner.GO, List.of("docker"), "go vet ./...",
                "go test -v ./... 2>&1 | go-junit-report -set-exit-code > test-results/report.xml"),
        GO_IMAGE("Build image", new Image("globex.jfrog.io/ci/go-builder:1.22", "ci-bot", "ci-bot@globex.example",
                "s3cr3t-registry-password"), Runner.NONE, List.of("docker"),
                "docker build -t globex/billing-service:$BITBUCKET_COMMIT ."),
        ANDROID_ASSEMBLE("Assemble", Image.of("cimg/android:2024.04"), Runner.NONE, List.of(),
                "./gradlew assembleDebug"),
        ANDROID_TEST("Unit tests", Image.of("cimg/android:2024.04"), Runner.GRADLE, List.of(),
                "./gradlew testDebugUnitTest"),
        PY_LINT("Lint", Image.of("python:3.12"), Runner.NONE, List.of(), "pip install -r requirements-dev.txt",
                "ruff check ."),
        PY_INTEGRATION("Integration tests", Image.of("python:3.12"), Runner.PYTEST, List.of("postgres"),
                "pip install -r requirements.txt", "pytest --junitxml=test-reports/junit.xml");

        private final String stepName;
        private final Image image;
        private final Runner runner;
        private final List<String> services;
        private final List<String> script;

        Recipe(String stepName, Image image, Runner runner, List<String> services, String... script) {
            this.stepName = stepName;
            this.image = image;
            this.runner = runner;
            this.services = services;
            this.script = List.of(script);
        }

        String stepName() {
            return stepName;
        }
    }

    /** Where a step runs: the facts its log mentions. */
    record Context(Repo repo, String branch, String commit, String commitMessage) {
    }

    /** Builds a step: its commands, service containers, log and test report, consistent with the outcome. */
    static StepPlan step(String uuid, Recipe recipe, Context ctx, Outcome outcome, Duration duration, Hold hold) {
        List<TestCase> tests = tests(uuid, recipe.runner, ctx.repo(), outcome);
        List<ServiceContainer> services = new ArrayList<>();
        for (String service : recipe.services) {
            String serviceUuid = Ids.uuid(uuid + "/service/" + service);
            services.add(new ServiceContainer(serviceUuid, service, serviceImage(service), serviceLog(service)));
        }
        List<Command> setup = List.of(new Command("Clone", cloneCommand(ctx)));
        List<Command> script = recipe.script.stream().map(c -> new Command(c, c)).toList();
        List<String> log = log(recipe, ctx, outcome, tests, duration);
        return new StepPlan(uuid, recipe.stepName, recipe.image, setup, script, services, duration, outcome, hold,
                log, tests);
    }

    private static String cloneCommand(Context ctx) {
        return "umask 000\n\nGIT_LFS_SKIP_SMUDGE=1 retry 6 git clone --branch=\"" + ctx.branch()
                + "\" --depth 50 https://x-token-auth:$REPOSITORY_OAUTH_ACCESS_TOKEN@bitbucket.org/"
                + "$BITBUCKET_REPO_FULL_NAME.git $BUILD_DIR\n\ngit reset --hard " + ctx.commit();
    }

    private static String serviceImage(String service) {
        return switch (service) {
            case "postgres" -> "postgres:16";
            case "docker" -> "docker:dind";
            default -> service;
        };
    }

    private static List<String> log(Recipe recipe, Context ctx, Outcome outcome, List<TestCase> tests,
            Duration duration) {
        List<String> out = new ArrayList<>();
        String full = ctx.repo().fullName();
        out.add("+ umask 000");
        out.add("+ GIT_LFS_SKIP_SMUDGE=1 retry 6 git clone --branch=\"" + ctx.branch()
                + "\" --depth 50 https://x-token-auth:$REPOSITORY_OAUTH_ACCESS_TOKEN@bitbucket.org/"
                + "$BITBUCKET_REPO_FULL_NAME.git $BUILD_DIR");
        out.add("Cloning into '/opt/atlassian/pipelines/agent/build'...");
        out.add("+ git reset --hard " + ctx.commit());
        out.add("HEAD is now at " + ctx.commit().substring(0, 7) + " " + ctx.commitMessage());
        out.add("+ git config user.name bitbucket-pipelines");
        out.add("+ git config user.email commits-noreply@bitbucket.org");
        out.add("+ git config push.default current");
        out.add("+ git config http.${BITBUCKET_GIT_HTTP_ORIGIN}.proxy http://localhost:29418/");
        out.add("+ git remote set-url origin http://bitbucket.org/" + full);
        out.add("+ git reflog expire --expire=all --all");
        out.add("+ echo \".bitbucket/pipelines/generated\" >> .git/info/exclude");
        out.add("+ chmod 777 $BUILD_DIR");
        out.add("");
        out.add("Images used:");
        out.add("    build : docker.io/library/" + recipe.image.name() + "@sha256:"
                + Ids.commitHash(recipe.image.name()) + Ids.commitHash(recipe.image.name()).substring(0, 24));
        for (String service : recipe.services) {
            out.add("    " + service + " : docker.io/library/" + serviceImage(service) + "@sha256:"
                    + Ids.commitHash(service) + Ids.commitHash(service).substring(0, 24));
        }
        for (int i = 0; i < recipe.script.size(); i++) {
            String command = recipe.script.get(i);
            boolean last = i == recipe.script.size() - 1;
            // A step fails in its test command if it has one, else in its last command.
            boolean failsHere = outcome != Outcome.SUCCESSFUL
                    && (recipe.runner != Runner.NONE ? isTestCommand(recipe, command) : last);
            out.add("+ " + command);
            out.addAll(output(recipe, command, ctx, failsHere ? outcome : Outcome.SUCCESSFUL, tests));
            if (failsHere) {
                break;
            }
        }
        out.add("");
        if (outcome == Outcome.ERROR) {
            out.add("Container 'Build' exceeded memory limit.");
            out.add("Error: the build container was terminated (exit code 137). Increase the step size or reduce "
                    + "memory usage.");
        } else {
            out.add("Searching for test report files in directories named [test-results, failsafe-reports, "
                    + "test-reports, TestResults, surefire-reports] down to a depth of 4");
            out.add(tests.isEmpty() ? "Finished scanning for test reports. Found 0 test report files."
                    : "Finished scanning for test reports. Found 1 test report files.");
            if (!tests.isEmpty()) {
                out.add("Merged test suites, total number tests is " + tests.size() + ", with "
                        + count(tests, TestCase.Status.FAILED) + " failures and " + count(tests, TestCase.Status.ERROR)
                        + " errors.");
            }
            out.add("Build duration: " + duration.toSeconds() + "s");
        }
        return out;
    }

    private static boolean isTestCommand(Recipe recipe, String command) {
        return switch (recipe.runner) {
            case MAVEN -> command.startsWith("mvn");
            case JEST -> command.startsWith("npm test");
            case GO -> command.startsWith("go test");
            case GRADLE -> command.contains("test");
            case PYTEST -> command.startsWith("pytest");
            case NONE -> false;
        };
    }

    private static long count(List<TestCase> tests, TestCase.Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    private static List<String> output(Recipe recipe, String command, Context ctx, Outcome outcome,
            List<TestCase> tests) {
        boolean ok = outcome == Outcome.SUCCESSFUL;
        if (outcome == Outcome.ERROR) {
            return List.of("Killed");
        }
        return switch (recipe) {
            case JAVA_BUILD -> command.startsWith("mvn") ? maven(tests, ok) : dockerBuild("acme/api", ctx);
            case SECURITY_SCAN -> ok ? List.of(
                    "2024-05-02T09:14:03.118Z\tINFO\tVulnerability scanning is enabled",
                    "2024-05-02T09:14:03.120Z\tINFO\tSecret scanning is enabled",
                    "2024-05-02T09:14:07.431Z\tINFO\tNumber of language-specific files: 1",
                    "2024-05-02T09:14:07.431Z\tINFO\tDetecting pom vulnerabilities...",
                    "",
                    "pom.xml (pom)",
                    "=============",
                    "Total: 0 (HIGH: 0, CRITICAL: 0)")
                    : List.of(
                    "2024-05-02T09:14:07.431Z\tINFO\tDetecting pom vulnerabilities...",
                    "",
                    "pom.xml (pom)",
                    "=============",
                    "Total: 1 (HIGH: 1, CRITICAL: 0)",
                    "",
                    "| Library                         | Vulnerability  | Severity | Installed | Fixed  |",
                    "| com.fasterxml.jackson.core:jackson-databind | CVE-2023-35116 | HIGH | 2.15.2 | 2.16.0 |");
            case DEPLOY_STAGING, DEPLOY_PRODUCTION -> deploy(recipe == Recipe.DEPLOY_STAGING ? "staging" : "production",
                    ctx, ok);
            case NODE_INSTALL -> command.equals("npm ci") ? List.of(
                    "npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
                    "",
                    "added 1184 packages, and audited 1185 packages in 38s",
                    "",
                    "214 packages are looking for funding",
                    "  run `npm fund` for details",
                    "",
                    "found 0 vulnerabilities")
                    : ok ? List.of("", "> web-app@3.8.0 lint", "> eslint . --max-warnings 0", "")
                    : List.of("", "> web-app@3.8.0 lint", "> eslint . --max-warnings 0", "",
                    "/opt/atlassian/pipelines/agent/build/src/cart/CartSummary.tsx",
                    "  42:7  error  'total' is assigned a value but never used  @typescript-eslint/no-unused-vars",
                    "", "✖ 1 problem (1 error, 0 warnings)");
            case NODE_TEST -> jest(tests, ok);
            case NODE_BUILD -> List.of("", "> web-app@3.8.0 build", "> vite build", "",
                    "vite v5.2.11 building for production...",
                    "transforming...",
                    "✓ 1412 modules transformed.",
                    "rendering chunks...",
                    "computing gzip size...",
                    "dist/index.html                   0.62 kB │ gzip:   0.38 kB",
                    "dist/assets/index-4f1c9a2e.css   38.17 kB │ gzip:   7.02 kB",
                    "dist/assets/index-9b7d11c0.js   412.55 kB │ gzip: 131.84 kB",
                    "✓ built in 11.42s");
            case TF_VALIDATE -> command.contains("init") ? List.of(
                    "Initializing provider plugins...",
                    "- Finding hashicorp/aws versions matching \"~> 5.40\"...",
                    "- Installing hashicorp/aws v5.49.0...",
                    "- Installed hashicorp/aws v5.49.0 (signed by HashiCorp)",
                    "",
                    "Terraform has been successfully initialized!")
                    : command.contains("validate") ? List.of("Success! The configuration is valid.")
                    : ok ? List.of() : List.of("modules/network/main.tf");
            case TF_PLAN -> command.equals("terraform init") ? List.of(
                    "Initializing the backend...",
                    "Successfully configured the backend \"s3\"! Terraform will automatically",
                    "use this backend unless the backend configuration changes.",
                    "Terraform has been successfully initialized!")
                    : ok ? List.of(
                    "aws_vpc.main: Refreshing state... [id=vpc-0a1b2c3d4e5f67890]",
                    "aws_subnet.private[0]: Refreshing state... [id=subnet-0123456789abcdef0]",
                    "aws_ecs_cluster.apps: Refreshing state... [id=arn:aws:ecs:eu-west-1:123456789012:cluster/apps]",
                    "",
                    "Terraform will perform the following actions:",
                    "",
                    "  # aws_ecs_service.api will be updated in-place",
                    "  ~ resource \"aws_ecs_service\" \"api\" {",
                    "      ~ desired_count = 2 -> 3",
                    "    }",
                    "",
                    "Plan: 0 to add, 1 to change, 0 to destroy.",
                    "",
                    "Saved the plan to: tfplan")
                    : List.of(
                    "aws_vpc.main: Refreshing state... [id=vpc-0a1b2c3d4e5f67890]",
                    "",
                    "Error: Error acquiring the state lock",
                    "",
                    "  Lock Info:",
                    "    ID:        5d3f2c1a-8b9e-4f70-a6d2-0c1b2a3d4e5f",
                    "    Path:      acme-terraform-state/infra/terraform.tfstate",
                    "    Operation: OperationTypePlan");
            case GO_TEST -> command.startsWith("go vet") ? List.of() : goTest(tests, ok);
            case GO_IMAGE -> dockerBuild("globex/billing-service", ctx);
            case ANDROID_ASSEMBLE -> List.of(
                    "Downloading https://services.gradle.org/distributions/gradle-8.7-bin.zip",
                    "..........10%...........20%...........30%..........40%...........50%...........60%..........70%",
                    "Welcome to Gradle 8.7!",
                    "> Task :app:preBuild UP-TO-DATE",
                    "> Task :app:compileDebugKotlin",
                    "> Task :app:mergeDebugResources",
                    "> Task :app:packageDebug",
                    "> Task :app:assembleDebug",
                    "",
                    "BUILD SUCCESSFUL in 3m 12s",
                    "41 actionable tasks: 41 executed");
            case ANDROID_TEST -> gradleTest(tests, ok);
            case PY_LINT -> command.startsWith("pip") ? List.of(
                    "Collecting ruff==0.4.4 (from -r requirements-dev.txt (line 1))",
                    "  Downloading ruff-0.4.4-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (8.7 MB)",
                    "Installing collected packages: ruff",
                    "Successfully installed ruff-0.4.4")
                    : ok ? List.of("All checks passed!")
                    : List.of("pipeline/loaders/csv_loader.py:17:1: F401 [*] `os` imported but unused",
                    "Found 1 error.", "[*] 1 fixable with the `--fix` option.");
            case PY_INTEGRATION -> command.startsWith("pip") ? List.of(
                    "Collecting psycopg[binary]==3.1.19 (from -r requirements.txt (line 3))",
                    "Collecting pandas==2.2.2 (from -r requirements.txt (line 4))",
                    "Installing collected packages: pytz, tzdata, six, numpy, python-dateutil, psycopg, pandas",
                    "Successfully installed numpy-1.26.4 pandas-2.2.2 psycopg-3.1.19 python-dateutil-2.9.0 "
                            + "pytz-2024.1 six-1.16.0 tzdata-2024.1")
                    : pytest(tests, ok);
        };
    }

    private static List<String> maven(List<TestCase> tests, boolean ok) {
        List<String> out = new ArrayList<>(List.of(
                "[INFO] Scanning for projects...",
                "[INFO] ",
                "[INFO] ---------------------------< com.acme:api >----------------------------",
                "[INFO] Building api 2.4.0-SNAPSHOT",
                "[INFO]   from pom.xml",
                "[INFO] --------------------------------[ jar ]---------------------------------",
                "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/springframework/boot/"
                        + "spring-boot-dependencies/3.2.5/spring-boot-dependencies-3.2.5.pom",
                "[INFO] ",
                "[INFO] --- resources:3.3.1:resources (default-resources) @ api ---",
                "[INFO] Copying 4 resources from src/main/resources to target/classes",
                "[INFO] ",
                "[INFO] --- compiler:3.13.0:compile (default-compile) @ api ---",
                "[INFO] Recompiling the module because of changed source code.",
                "[INFO] Compiling 87 source files with javac [debug release 17] to target/classes",
                "[INFO] ",
                "[INFO] --- surefire:3.2.5:test (default-test) @ api ---",
                "[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider",
                "[INFO] ",
                "[INFO] -------------------------------------------------------",
                "[INFO]  T E S T S",
                "[INFO] -------------------------------------------------------"));
        Map<String, List<TestCase>> byClass = byClass(tests);
        byClass.forEach((cls, cases) -> {
            out.add("[INFO] Running " + cls);
            long failures = cases.stream().filter(t -> t.status() == TestCase.Status.FAILED).count();
            long errors = cases.stream().filter(t -> t.status() == TestCase.Status.ERROR).count();
            long skipped = cases.stream().filter(t -> t.status() == TestCase.Status.SKIPPED).count();
            double seconds = cases.stream().mapToLong(t -> t.duration().toMillis()).sum() / 1000.0;
            String level = failures + errors > 0 ? "[ERROR]" : skipped > 0 ? "[WARNING]" : "[INFO]";
            out.add(level + " Tests run: " + cases.size() + ", Failures: " + failures + ", Errors: " + errors
                    + ", Skipped: " + skipped + ", Time elapsed: " + String.format(java.util.Locale.ROOT, "%.3f",
                    seconds) + " s" + (failures + errors > 0 ? " <<< FAILURE!" : "") + " -- in " + cls);
            for (TestCase t : cases) {
                if (t.status() == TestCase.Status.FAILED || t.status() == TestCase.Status.ERROR) {
                    out.add("[ERROR] " + cls + "." + t.name() + " -- Time elapsed: "
                            + t.duration().toMillis() / 1000.0 + " s <<< " + t.status() + "!");
                    out.addAll(t.stackTrace().lines().limit(4).toList());
                }
            }
        });
        out.add("[INFO] ");
        out.add("[INFO] Results:");
        out.add("[INFO] ");
        String counts = "Tests run: " + tests.size() + ", Failures: " + count(tests, TestCase.Status.FAILED)
                + ", Errors: " + count(tests, TestCase.Status.ERROR) + ", Skipped: "
                + count(tests, TestCase.Status.SKIPPED);
        if (ok) {
            out.addAll(List.of(
                    "[WARNING] " + counts,
                    "[INFO] ",
                    "[INFO] --- jar:3.4.1:jar (default-jar) @ api ---",
                    "[INFO] Building jar: /opt/atlassian/pipelines/agent/build/target/api-2.4.0-SNAPSHOT.jar",
                    "[INFO] ------------------------------------------------------------------------",
                    "[INFO] BUILD SUCCESS",
                    "[INFO] ------------------------------------------------------------------------",
                    "[INFO] Total time:  01:42 min",
                    "[INFO] ------------------------------------------------------------------------"));
        } else {
            out.addAll(List.of(
                    "[ERROR] " + counts,
                    "[INFO] ",
                    "[INFO] ------------------------------------------------------------------------",
                    "[INFO] BUILD FAILURE",
                    "[INFO] ------------------------------------------------------------------------",
                    "[INFO] Total time:  01:37 min",
                    "[INFO] ------------------------------------------------------------------------",
                    "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test "
                            + "(default-test) on project api: There are test failures.",
                    "[ERROR] -> [Help 1]"));
        }
        return out;
    }

    private static List<String> jest(List<TestCase> tests, boolean ok) {
        List<String> out = new ArrayList<>(List.of("", "> web-app@3.8.0 test", "> jest --ci --reporters=default "
                + "--reporters=jest-junit", ""));
        byClass(tests).forEach((file, cases) -> {
            boolean failed = cases.stream().anyMatch(t -> t.status() == TestCase.Status.FAILED);
            out.add((failed ? "FAIL " : "PASS ") + file.replace('.', '/') + ".test.tsx");
            for (TestCase t : cases) {
                String mark = switch (t.status()) {
                    case SUCCESS -> "✓";
                    case SKIPPED -> "○ skipped";
                    default -> "✕";
                };
                out.add("  " + mark + " " + t.name() + " (" + t.duration().toMillis() + " ms)");
            }
        });
        out.add("");
        long failed = count(tests, TestCase.Status.FAILED);
        out.add("Test Suites: " + (failed > 0 ? "1 failed, " : "") + byClass(tests).size() + " total");
        out.add("Tests:       " + (failed > 0 ? failed + " failed, " : "") + count(tests, TestCase.Status.SKIPPED)
                + " skipped, " + count(tests, TestCase.Status.SUCCESS) + " passed, " + tests.size() + " total");
        out.add("Time:        14.208 s");
        out.add(ok ? "Ran all test suites." : "npm error Test failed.  See above for more details.");
        return out;
    }

    private static List<String> goTest(List<TestCase> tests, boolean ok) {
        List<String> out = new ArrayList<>();
        byClass(tests).forEach((pkg, cases) -> {
            for (TestCase t : cases) {
                out.add("=== RUN   " + t.name());
                String verdict = switch (t.status()) {
                    case SUCCESS -> "--- PASS: ";
                    case SKIPPED -> "--- SKIP: ";
                    default -> "--- FAIL: ";
                };
                if (t.message() != null) {
                    out.add("    " + t.message());
                }
                out.add(verdict + t.name() + " (" + String.format(java.util.Locale.ROOT, "%.2f",
                        t.duration().toMillis() / 1000.0) + "s)");
            }
            boolean failed = cases.stream().anyMatch(t -> t.status() == TestCase.Status.FAILED);
            out.add((failed ? "FAIL\t" : "ok  \t") + cases.get(0).packageName() + "\t0.841s");
        });
        if (!ok) {
            out.add("FAIL");
        }
        return out;
    }

    private static List<String> gradleTest(List<TestCase> tests, boolean ok) {
        List<String> out = new ArrayList<>(List.of("> Task :app:compileDebugUnitTestKotlin",
                "> Task :app:testDebugUnitTest"));
        for (TestCase t : tests) {
            if (t.status() == TestCase.Status.FAILED) {
                out.add("");
                out.add(suiteOf(t) + " > " + t.name() + " FAILED");
                out.add("    " + t.message());
            }
        }
        out.add("");
        out.add(tests.size() + " tests completed, " + count(tests, TestCase.Status.FAILED) + " failed, "
                + count(tests, TestCase.Status.SKIPPED) + " skipped");
        out.add(ok ? "BUILD SUCCESSFUL in 1m 48s" : "BUILD FAILED in 1m 51s");
        return out;
    }

    private static List<String> pytest(List<TestCase> tests, boolean ok) {
        List<String> out = new ArrayList<>(List.of(
                "============================= test session starts ==============================",
                "platform linux -- Python 3.12.3, pytest-8.2.0, pluggy-1.5.0",
                "rootdir: /opt/atlassian/pipelines/agent/build",
                "collected " + tests.size() + " items",
                ""));
        byClass(tests).forEach((module, cases) -> {
            StringBuilder marks = new StringBuilder(module.replace('.', '/') + ".py ");
            for (TestCase t : cases) {
                marks.append(switch (t.status()) {
                    case SUCCESS -> '.';
                    case SKIPPED -> 's';
                    case FAILED -> 'F';
                    case ERROR -> 'E';
                });
            }
            out.add(marks.toString());
        });
        out.add("");
        out.add("- generated xml file: /opt/atlassian/pipelines/agent/build/test-reports/junit.xml -");
        out.add((ok ? "========================= " : "=================== ") + count(tests, TestCase.Status.SUCCESS)
                + " passed, " + (ok ? "" : count(tests, TestCase.Status.FAILED) + " failed, ")
                + count(tests, TestCase.Status.SKIPPED) + " skipped in 9.87s =========================");
        return out;
    }

    private static List<String> dockerBuild(String image, Context ctx) {
        return List.of(
                "#0 building with \"default\" instance using docker driver",
                "#1 [internal] load build definition from Dockerfile",
                "#1 transferring dockerfile: 612B done",
                "#2 [internal] load metadata for docker.io/library/eclipse-temurin:17-jre",
                "#3 [1/3] FROM docker.io/library/eclipse-temurin:17-jre",
                "#4 [2/3] COPY target/*.jar /app/app.jar",
                "#5 exporting to image",
                "#5 writing image sha256:" + Ids.commitHash(image + ctx.commit()) + " done",
                "#5 naming to docker.io/" + image + ":" + ctx.commit() + " done");
    }

    private static List<String> deploy(String environment, Context ctx, boolean ok) {
        List<String> out = new ArrayList<>(List.of(
                "Deploying " + ctx.repo().slug() + "@" + ctx.commit().substring(0, 7) + " to " + environment,
                "Assuming role arn:aws:iam::123456789012:role/bitbucket-deployer via OIDC",
                "Registering task definition " + ctx.repo().slug() + "-" + environment + ":412",
                "Updating service " + ctx.repo().slug() + "-" + environment + " in cluster apps"));
        if (ok) {
            out.addAll(List.of(
                    "Waiting for service " + ctx.repo().slug() + "-" + environment + " to become stable...",
                    "Service is stable: 3/3 tasks running task definition :412",
                    "Deployment to " + environment + " finished."));
        } else {
            out.addAll(List.of(
                    "Waiting for service " + ctx.repo().slug() + "-" + environment + " to become stable...",
                    "Error: tasks failed health checks: (service " + ctx.repo().slug() + "-" + environment
                            + ") (port 8080) is unhealthy in target-group api-tg due to (reason Health checks failed)",
                    "Rolling back to task definition :411"));
        }
        return out;
    }

    private static List<String> serviceLog(String service) {
        return switch (service) {
            case "postgres" -> List.of(
                    "The files belonging to this database system will be owned by user \"postgres\".",
                    "This user must also own the server process.",
                    "",
                    "The database cluster will be initialized with locale \"en_US.utf8\".",
                    "fixing permissions on existing directory /var/lib/postgresql/data ... ok",
                    "creating subdirectories ... ok",
                    "selecting default max_connections ... 100",
                    "performing post-bootstrap initialization ... ok",
                    "syncing data to disk ... ok",
                    "",
                    "Success. You can now start the database server using:",
                    "",
                    "2024-05-02 09:12:41.118 UTC [1] LOG:  starting PostgreSQL 16.3 (Debian 16.3-1.pgdg120+1) on "
                            + "x86_64-pc-linux-gnu",
                    "2024-05-02 09:12:41.119 UTC [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
                    "2024-05-02 09:12:41.124 UTC [62] LOG:  database system was shut down at 2024-05-02 09:12:40 UTC",
                    "2024-05-02 09:12:41.129 UTC [1] LOG:  database system is ready to accept connections",
                    "2024-05-02 09:13:02.547 UTC [88] LOG:  connection received: host=127.0.0.1 port=41822",
                    "2024-05-02 09:13:02.551 UTC [88] LOG:  connection authorized: user=test database=app",
                    "2024-05-02 09:14:10.003 UTC [88] LOG:  disconnection: session time: 0:01:07.455 user=test");
            case "docker" -> List.of(
                    "time=\"2024-05-02T09:12:40.882Z\" level=info msg=\"Starting up\"",
                    "time=\"2024-05-02T09:12:40.903Z\" level=info msg=\"containerd successfully booted in 0.021s\"",
                    "time=\"2024-05-02T09:12:41.207Z\" level=info msg=\"Loading containers: start.\"",
                    "time=\"2024-05-02T09:12:41.398Z\" level=info msg=\"Loading containers: done.\"",
                    "time=\"2024-05-02T09:12:41.421Z\" level=info msg=\"Docker daemon\" commit=8e96db1 "
                            + "containerd-snapshotter=false storage-driver=overlay2 version=26.1.1",
                    "time=\"2024-05-02T09:12:41.422Z\" level=info msg=\"Daemon has completed initialization\"",
                    "time=\"2024-05-02T09:12:41.463Z\" level=info msg=\"API listen on [::]:2375\"",
                    "time=\"2024-05-02T09:14:12.530Z\" level=info msg=\"image pulled\" "
                            + "image=docker.io/library/eclipse-temurin:17-jre");
            default -> List.of(service + " started");
        };
    }

    private static Map<String, List<TestCase>> byClass(List<TestCase> tests) {
        Map<String, List<TestCase>> byClass = new LinkedHashMap<>();
        for (TestCase t : tests) {
            byClass.computeIfAbsent(suiteOf(t), k -> new ArrayList<>()).add(t);
        }
        return byClass;
    }

    /** The test class, file or package a case belongs to: its qualified name without the case's own name. */
    private static String suiteOf(TestCase t) {
        String fqn = t.fullyQualifiedName();
        return fqn.substring(0, fqn.length() - t.name().length() - 1);
    }

    /** One test of a suite: where it lives and how it goes when the suite fails. */
    private record Spec(String pkg, String cls, String name, long millis, TestCase.Status whenFailing,
            String message, String trace) {
        Spec(String pkg, String cls, String name, long millis) {
            this(pkg, cls, name, millis, TestCase.Status.SUCCESS, null, null);
        }
    }

    private static List<TestCase> tests(String stepUuid, Runner runner, Repo repo, Outcome outcome) {
        List<Spec> specs = switch (runner) {
            case NONE -> List.of();
            case MAVEN -> List.of(
                    new Spec("com.acme.api.orders", "OrderServiceTest", "createsOrderForValidCart", 212),
                    new Spec("com.acme.api.orders", "OrderServiceTest", "rejectsEmptyCart", 18),
                    new Spec("com.acme.api.orders", "OrderServiceTest", "appliesPercentageDiscount", 35,
                            TestCase.Status.FAILED,
                            "expected: <90.00> but was: <100.00>",
                            """
                            org.opentest4j.AssertionFailedError: expected: <90.00> but was: <100.00>
                            \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                            \tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:197)
                            \tat com.acme.api.orders.OrderServiceTest.appliesPercentageDiscount(OrderServiceTest.java:88)
                            \tat java.base/java.lang.reflect.Method.invoke(Method.java:580)
                            \tat org.junit.platform.launcher.core.DefaultLauncher.execute(DefaultLauncher.java:86)"""),
                    new Spec("com.acme.api.orders", "OrderControllerTest", "returns404ForUnknownOrder", 143),
                    new Spec("com.acme.api.orders", "OrderControllerTest", "listsOrdersOnePageAtATime", 97),
                    new Spec("com.acme.api.billing", "InvoiceRepositoryTest", "savesInvoiceWithLines", 1204),
                    new Spec("com.acme.api.billing", "InvoiceRepositoryTest", "findsInvoicesByCustomer", 388,
                            TestCase.Status.ERROR,
                            "Connection to localhost:5432 refused. Check that the hostname and port are correct "
                                    + "and that the postmaster is accepting TCP/IP connections.",
                            """
                            org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.
                            \tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:342)
                            \tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:263)
                            \tat com.acme.api.billing.InvoiceRepositoryTest.findsInvoicesByCustomer(InvoiceRepositoryTest.java:54)
                            Caused by: java.net.ConnectException: Connection refused"""),
                    new Spec("com.acme.api.auth", "TokenValidatorTest", "acceptsTokenSignedWithCurrentKey", 41),
                    new Spec("com.acme.api.auth", "TokenValidatorTest", "rejectsExpiredToken", 12),
                    new Spec("com.acme.api.auth", "TokenValidatorTest", "rotatesSigningKeys", 0,
                            TestCase.Status.SKIPPED, null, null));
            case JEST -> List.of(
                    new Spec("src.cart", "CartSummary", "shows the total with tax", 61),
                    new Spec("src.cart", "CartSummary", "hides the discount row without a coupon", 23),
                    new Spec("src.cart", "CartSummary", "formats totals in the user's currency", 31,
                            TestCase.Status.FAILED,
                            "Expected: \"€1.234,50\" Received: \"€1,234.50\"",
                            """
                            Error: expect(received).toBe(expected) // Object.is equality

                            Expected: "€1.234,50"
                            Received: "€1,234.50"
                                at Object.<anonymous> (src/cart/CartSummary.test.tsx:48:27)"""),
                    new Spec("src.checkout", "CheckoutForm", "validates the postcode", 88),
                    new Spec("src.checkout", "CheckoutForm", "submits the order once", 140),
                    new Spec("src.checkout", "CheckoutForm", "supports saved cards", 0,
                            TestCase.Status.SKIPPED, null, null));
            case GO -> List.of(
                    new Spec("github.com/globex/billing-service/internal/invoice", "invoice_test", "TestCalculateTax", 10),
                    new Spec("github.com/globex/billing-service/internal/invoice", "invoice_test", "TestCalculateTaxZeroRated", 4),
                    new Spec("github.com/globex/billing-service/internal/invoice", "invoice_test", "TestRoundHalfEven", 2,
                            TestCase.Status.FAILED,
                            "invoice_test.go:57: round(2.345) = 2.35, want 2.34",
                            """
                            invoice_test.go:57: round(2.345) = 2.35, want 2.34
                            goroutine 21 [running]:
                            testing.tRunner.func1.2({0x6b2f40, 0xc000118030})
                            \t/usr/local/go/src/testing/testing.go:1631 +0x24a"""),
                    new Spec("github.com/globex/billing-service/internal/ledger", "ledger_test", "TestPostEntry", 31),
                    new Spec("github.com/globex/billing-service/internal/ledger", "ledger_test", "TestReconcileWithBank", 0,
                            TestCase.Status.SKIPPED, null, null));
            case GRADLE -> List.of(
                    new Spec("com.globex.mobile.login", "LoginViewModelTest", "emitsErrorOnWrongPassword", 120),
                    new Spec("com.globex.mobile.login", "LoginViewModelTest", "storesTokenAfterLogin", 95),
                    new Spec("com.globex.mobile.feed", "FeedRepositoryTest", "pagesThroughFeed", 210,
                            TestCase.Status.FAILED,
                            "java.lang.AssertionError: Expected 20 items but was 19",
                            """
                            java.lang.AssertionError: Expected 20 items but was 19
                            \tat com.globex.mobile.feed.FeedRepositoryTest.pagesThroughFeed(FeedRepositoryTest.kt:73)"""),
                    new Spec("com.globex.mobile.feed", "FeedRepositoryTest", "cachesFirstPage", 64));
            case PYTEST -> List.of(
                    new Spec("tests", "test_loaders", "test_csv_loader_reads_headers", 35),
                    new Spec("tests", "test_loaders", "test_csv_loader_skips_blank_lines", 21),
                    new Spec("tests", "test_warehouse", "test_upsert_is_idempotent", 812,
                            TestCase.Status.FAILED,
                            "AssertionError: assert 2 == 1",
                            """
                            def test_upsert_is_idempotent(db):
                                load(db, rows)
                                load(db, rows)
                            >   assert db.count("orders") == 1
                            E   AssertionError: assert 2 == 1

                            tests/test_warehouse.py:41: AssertionError"""),
                    new Spec("tests", "test_warehouse", "test_partitions_by_day", 640),
                    new Spec("tests", "test_warehouse", "test_backfill_large_range", 0,
                            TestCase.Status.SKIPPED, null, null));
        };
        List<TestCase> cases = new ArrayList<>();
        for (Spec spec : specs) {
            TestCase.Status status = spec.whenFailing;
            if (outcome != Outcome.FAILED && status != TestCase.Status.SKIPPED) {
                status = TestCase.Status.SUCCESS;
            }
            boolean failing = status == TestCase.Status.FAILED || status == TestCase.Status.ERROR;
            String fqn = spec.pkg + "." + spec.cls + "." + spec.name;
            cases.add(new TestCase(Ids.uuid(stepUuid + "/test/" + fqn), spec.name, fqn, spec.pkg, status,
                    Duration.ofMillis(spec.millis), failing ? spec.message : null, failing ? spec.trace : null));
        }
        return cases;
    }
}
