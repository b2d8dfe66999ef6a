package dev.hallpass.cli;

import static dev.hallpass.cli.Run.run;
import static dev.hallpass.cli.Run.runWithStdin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines over the byte limit (contract §7.1): counted, skipped, answered; the next line goes on. */
final class LineLimitTest {
    private static final String VALID = "{\"id\":\"m-2\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
            + "\"text\":\"See you at the fair\",\"sentAt\":\"2026-11-30T10:00:00Z\"}";

    private static List<LineReader.Line> read(String input, int limit) {
        LineReader reader = new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), limit);
        List<LineReader.Line> lines = new ArrayList<>();
        try {
            for (LineReader.Line l = reader.next(); l != null; l = reader.next()) {
                lines.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    @Test
    void a_line_exactly_at_the_limit_is_kept_and_one_byte_more_is_too_long() {
        List<LineReader.Line> lines = read("abcde\nabcdef\r\nabcde\r\nxy", 5);
        assertThat(lines).extracting(LineReader.Line::text).containsExactly("abcde", null, "abcde", "xy");
        assertThat(lines).extracting(LineReader.Line::tooLong).containsExactly(false, true, false, false);
        assertThat(lines).extracting(LineReader.Line::bytes).containsExactly(5L, 6L, 5L, 2L);
        assertThat(lines).extracting(LineReader.Line::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void lines_read_the_same_whatever_their_lengths_and_the_limit() {
        qt().forAll(lists().of(integers().between(0, 200_000)).ofSizeBetween(0, 6), integers().between(1, 150_000))
                .checkAssert((lengths, limit) -> {
                    StringBuilder input = new StringBuilder();
                    for (int i = 0; i < lengths.size(); i++) {
                        input.append(String.valueOf((char) ('a' + i)).repeat(lengths.get(i))).append('\n');
                    }
                    List<LineReader.Line> lines = read(input.toString(), limit);
                    assertThat(lines).hasSize(lengths.size());
                    for (int i = 0; i < lengths.size(); i++) {
                        int n = lengths.get(i);
                        LineReader.Line l = lines.get(i);
                        assertThat(l.bytes()).isEqualTo(n);
                        assertThat(l.tooLong()).isEqualTo(n > limit);
                        assertThat(l.text()).isEqualTo(n > limit ? null : String.valueOf((char) ('a' + i)).repeat(n));
                    }
                });
    }



    @Test
    void evaluate_answers_a_line_over_max_line_bytes_as_too_long_without_its_id_and_goes_on(@TempDir Path dir) throws IOException {
        String big = VALID.replace("m-2", "m-1").replace("See you at the fair", "x".repeat(500));
        Path file = Files.writeString(dir.resolve("in.jsonl"), big + "\n" + VALID + "\n");

        Run r = run("evaluate", "--max-line-bytes", "300", file.toString());

        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"line\":1,\"id\":null,\"error\":\"line: too long ("
                + big.getBytes(StandardCharsets.UTF_8).length + " bytes, limit 300)\"}");
        assertThat(lines.get(1)).contains("\"id\":\"m-2\"").contains("\"outcome\"");
    }

    @Test
    void test_reports_a_case_line_over_max_line_bytes_as_an_invalid_case(@TempDir Path dir) throws IOException {
        String ok = "{\"message\":" + VALID + ",\"expect\":{\"outcome\":\"ALLOW\"}}";
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), ok + "\n" + ok.replace("See you", "y".repeat(400)) + "\n");

        Run r = run("test", "--max-line-bytes", "400", cases.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL " + cases + ":2: invalid case: line: too long (")
                .contains("limit 400)").endsWith("1 passed, 1 failed\n");
    }

    @Test
    void a_max_line_bytes_below_one_is_refused() {
        Run r = run("evaluate", "--max-line-bytes", "0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--max-line-bytes: must be between 1 and");
    }
}
