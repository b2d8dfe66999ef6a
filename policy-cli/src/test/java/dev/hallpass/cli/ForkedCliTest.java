package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a process of its own, for what only a real process shows: a heap too small to hold a
 * long line, a stdout that cannot be written, a stdin that is closed (contract §7.1).
 */
final class ForkedCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"id\":\"m-2\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
            + "\"text\":\"See you at the fair\",\"sentAt\":\"2026-11-30T10:00:00Z\"}";

    record Exit(int code, String out, String err) {}

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static List<String> cli(String heap, String... args) {
        List<String> command = java(heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PolicyCli.class.getName());
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static Exit run(ProcessBuilder pb, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        if (pb.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
            pb.redirectOutput(out.toFile());
        }
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish in 180 s");
        }
        String stdout = Files.exists(out) ? Files.readString(out) : "";
        return new Exit(p.exitValue(), stdout, Files.readString(err));
    }

    private static Path messages(Path dir) throws IOException {
        return Files.writeString(dir.resolve("in.jsonl"), VALID + "\n");
    }

    @Test
    void a_64_mb_line_is_answered_as_too_long_in_a_192_mb_heap_and_the_next_line_is_evaluated(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("big.jsonl");
        byte[] head = "{\"id\":\"big\",\"channel\":\"CLASS_CHAT\",\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'a');
        int blocks = 64;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
            o.write(head);
            for (int i = 0; i < blocks; i++) {
                o.write(block);
            }
            o.write(tail);
            o.write('\n');
            o.write(VALID.getBytes(StandardCharsets.UTF_8));
            o.write('\n');
        }
        long lineBytes = head.length + (long) blocks * block.length + tail.length;

        Exit r = run(new ProcessBuilder(cli("-Xmx192m", "evaluate", input.toString())), dir);

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("{\"line\":1,\"id\":null,\"error\":\"line: too long (" + lineBytes + " bytes, limit 8388608)\"}");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.path("id").asText()).isEqualTo("m-2");
        assertThat(second.path("outcome").asText()).isEqualTo("ALLOW");
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void a_stdout_that_cannot_be_written_exits_one_with_a_message_on_stderr(@TempDir Path dir) throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "needs /dev/full (Linux)");
        ProcessBuilder pb = new ProcessBuilder(cli("-Xmx256m", "evaluate", messages(dir).toString())).redirectOutput(full);

        Exit r = run(pb, dir);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: cannot write the results to stdout");
    }

    @Test
    void a_reader_that_goes_away_is_not_an_error(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(cli("-Xmx256m", "evaluate", messages(dir).toString()))
                .redirectError(dir.resolve("stderr").toFile()).start();
        p.getInputStream().close(); // before the CLI has written anything: its writes meet a closed pipe
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stderr"))).doesNotContain("cannot write");
    }

    @Test
    void a_closed_stdin_is_empty_input(@TempDir Path dir) throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash) && Files.isDirectory(Path.of("/proc/self/fd")), "needs bash and /proc");
        List<String> command = new ArrayList<>(List.of(bash.toString(), "-c", "exec \"$@\" <&-", "bash"));
        command.addAll(cli("-Xmx256m", "evaluate"));

        Exit r = run(new ProcessBuilder(command), dir);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
    }
}
