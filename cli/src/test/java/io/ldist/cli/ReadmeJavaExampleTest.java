package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example of running a scenario from Java, taken from the README itself, compiles against the
 * modules and runs, from the repository's folder as a user would run it, printing what it says it prints.
 */
class ReadmeJavaExampleTest {
    private static final Path ROOT = TestScenarios.SCENARIOS.getParent();

    @TempDir
    Path tmp;

    private static String example() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### Running a scenario from Java");
        assertThat(section).as("the README's Java section").isPositive();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }

    @Test
    void theReadmesJavaExample_compilesAndRunsTheQuickstart() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("src")).resolve("RunScenario.java");
        Files.writeString(source, example(), StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();

        int compiled = javac.run(null, null, errors, "-classpath", classpath, "-d", classes.toString(),
                source.toString());

        assertThat(compiled).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        Process run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classes + java.io.File.pathSeparator + classpath, "RunScenario"))
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).matches("quickstart: p95 wait \\d+\\.\\d s, cost \\d+\\.\\d\\d USD\n");
    }
}
