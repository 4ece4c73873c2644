package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;

/** The packaged jar as a user runs it: {@code java -jar frontend/target/switchboard.jar run|validate ...}. */
class CommandLineJarIT {

    private static final Path JAR = Path.of("target/switchboard.jar");

    private record Outcome(int exit, String out, String err, long millis) {
    }

    private static Outcome java(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
    }

    @Test
    void runPrintsOneJsonDocumentAndExitsWithZero() throws Exception {
        Outcome o = java("run", "src/test/resources/workflows/greet.json", "--input",
                "src/test/resources/workflows/customers.json", "--ignore-pin-data");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(Json.parseObject(o.out())).containsEntry("status", "succeeded").containsKey("nodes");
        System.out.println("java -jar switchboard.jar run greet.json: " + o.millis() + " ms wall time");
    }

    @Test
    void exitCodesFollowTheContract() throws Exception {
        assertThat(java("run", "src/test/resources/workflows/broken-expression.json", "--input",
                "src/test/resources/workflows/customers.json").exit()).isEqualTo(1);
        Outcome invalid = java("validate", "src/test/resources/workflows/invalid.json");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("node \"Mystery\", field \"type\"");
    }
}
