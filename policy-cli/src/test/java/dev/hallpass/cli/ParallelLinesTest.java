package dev.hallpass.cli;

import static dev.hallpass.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.PolicyEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate --threads N}: whatever N, the same bytes in the same order as one thread, bad lines
 * answered in place; a line typed at a terminal is answered before the next one comes.
 */
final class ParallelLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINE_BYTES = 4096;
    private static final PolicyEngine LEXICAL = PolicyEngine.builder().semanticTier(false).build();

    /** About 3,000 lines: the labelled cases' messages, the semantic corpus's texts as messages, and bad lines among them. */
    private static byte[] corpus(int limit) throws IOException {
        List<String> messages = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("../policy-rules/src/test/resources/corpus", "../policy-rules/src/test/resources/names",
                "../policy-rules/src/test/resources/holdout-final", "../policy-semantic-corpus")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        }
        String[] times = {"2026-11-30T19:30:00Z", "2026-11-24T10:00:00Z", "2026-11-28T07:15:00Z"};
        for (Path f : files) {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (l.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(l);
                if (n.has("message")) {
                    messages.add(JSON.writeValueAsString(n.get("message")));
                } else if (n.has("text") && n.has("role")) {
                    ObjectNode m = JSON.createObjectNode();
                    m.put("id", n.path("id").asText());
                    m.put("channel", n.path("channel").asText("CLASS_CHAT"));
                    m.putObject("sender").put("role", n.get("role").asText());
                    m.put("text", n.get("text").asText());
                    m.put("sentAt", times[messages.size() % times.length]);
                    messages.add(JSON.writeValueAsString(m));
                }
            }
        }
        List<byte[]> bad = List.of(
                "{\"id\":\"bad-1\",\"channel\":\"CLASS_CHAT\"".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"bad-2\",\"channel\":\"NOWHERE\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\",\"sentAt\":\"2026-11-30T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                ("{\"id\":\"bad-4\",\"text\":\"" + "x".repeat(MAX_LINE_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8),
                "   ".getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size() && i < limit; i++) {
            out.writeBytes(messages.get(i).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            if (i % 37 == 5) {
                out.writeBytes(bad.get(i % bad.size()));
                out.write(i % 2 == 0 ? '\n' : '\r');
                if (i % 2 == 1) {
                    out.write('\n');
                }
            }
        }
        return out.toByteArray();
    }

    private static String answers(PolicyEngine engine, boolean explain, boolean text, int threads, InputStream in) throws IOException {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        new JsonLinesEvaluator(engine, explain, MAX_LINE_BYTES, threads).run(in, out, text ? new TextTable(out) : null);
        return s.toString();
    }

    /**
     * Input that arrives a few bytes at a time, often ending just after a line, and says it has nothing
     * more ready: batches are cut short, often to one line, with and without others in flight.
     */
    private static InputStream trickle(byte[] bytes) {
        Random random = new Random(17);
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, bytes.length - pos), 1 + random.nextInt(600));
                if (random.nextBoolean()) {
                    for (int i = pos; i < pos + n; i++) {
                        if (bytes[i] == '\n') {
                            n = i + 1 - pos;
                            break;
                        }
                    }
                }
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    @Test
    void two_or_three_threads_write_the_same_bytes_as_one_for_jsonl_explain_and_text() throws IOException {
        byte[] input = corpus(3000);
        assertThat(new String(input, StandardCharsets.UTF_8).lines().count()).isGreaterThan(2900);
        for (boolean explain : new boolean[] {false, true}) {
            for (boolean text : new boolean[] {false, true}) {
                String one = answers(LEXICAL, explain, text, 1, new ByteArrayInputStream(input));
                assertThat(one).contains("line: too long", "not valid UTF-8", "bad-2");
                for (int threads : new int[] {2, 3}) {
                    assertThat(answers(LEXICAL, explain, text, threads, new ByteArrayInputStream(input)))
                            .as("explain %s, text %s, %d threads", explain, text, threads).isEqualTo(one);
                }
                assertThat(answers(LEXICAL, explain, text, 3, trickle(input))).as("trickled, explain %s, text %s", explain, text).isEqualTo(one);
            }
        }
    }

    @Test
    void an_input_that_always_says_more_is_ready_still_has_its_last_short_batch_answered() throws IOException {
        byte[] input = corpus(100);
        String one = answers(LEXICAL, false, false, 1, new ByteArrayInputStream(input));
        InputStream eager = new ByteArrayInputStream(input) {
            @Override
            public synchronized int available() {
                return 1; // even at the end
            }
        };
        assertThat(answers(LEXICAL, false, false, 3, eager)).isEqualTo(one);
    }

    @Test
    void the_semantic_tier_on_two_or_three_threads_writes_the_same_bytes_as_on_one() throws IOException {
        PolicyEngine semantic = PolicyEngine.builder().build();
        byte[] input = corpus(300);
        for (boolean explain : new boolean[] {false, true}) {
            String one = answers(semantic, explain, false, 1, new ByteArrayInputStream(input));
            for (int threads : new int[] {2, 3}) {
                assertThat(answers(semantic, explain, false, threads, new ByteArrayInputStream(input)))
                        .as("explain %s, %d threads", explain, threads).isEqualTo(one);
            }
        }
    }

    @Test
    void a_line_typed_at_a_terminal_is_answered_before_the_next_line_comes() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 1 << 16);
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new JsonLinesEvaluator(LEXICAL, false, MAX_LINE_BYTES, 4).run(in, out, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String line = "{\"id\":\"t-%d\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"See you at the fair\",\"sentAt\":\"2026-11-30T10:00:00Z\"}\n";
        for (int i = 1; i <= 3; i++) {
            typing.write(String.format(line, i).getBytes(StandardCharsets.UTF_8));
            typing.flush();
            String expected = "\"id\":\"t-" + i + "\"";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // only a hang fails; no timing is asserted
            while (!s.toString().contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(s.toString()).as("answer to line %d before line %d is typed", i, i + 1).contains(expected);
        }
        typing.close();
        assertThat(run.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(s.toString().lines()).hasSize(3);
    }

    @Test
    void threads_must_be_at_least_one_and_the_help_says_what_the_option_does() {
        Run zero = run("evaluate", "--threads", "0", "--no-semantic");
        assertThat(zero.code()).isEqualTo(PolicyCli.FAILED);
        assertThat(zero.err()).contains("--threads: must be between 1 and 256");
        Run help = run("evaluate", "--help");
        assertThat(help.out()).contains("--threads=N", "input order");
    }

    @Test
    void the_command_answers_the_same_on_one_thread_and_on_three() throws IOException {
        Path file = Files.createTempFile("hallpass-threads", ".jsonl");
        try {
            Files.write(file, corpus(200));
            Run one = run("evaluate", "--no-semantic", "--no-rules-cache", "--max-line-bytes", "" + MAX_LINE_BYTES, "--threads", "1", file.toString());
            Run three = run("evaluate", "--no-semantic", "--no-rules-cache", "--max-line-bytes", "" + MAX_LINE_BYTES, "--threads", "3", file.toString());
            assertThat(one.code()).isEqualTo(PolicyCli.BAD_LINES);
            assertThat(three.code()).isEqualTo(one.code());
            assertThat(three.out()).isEqualTo(one.out());
        } finally {
            Files.delete(file);
        }
    }
}
