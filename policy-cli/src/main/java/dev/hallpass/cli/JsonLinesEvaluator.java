package dev.hallpass.cli;

import dev.hallpass.Decision;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Answers JSON Lines of proposed messages, one answer per non-blank line, in order: a decision,
 * or {@code {"line", "id", "error"}} for a line that is not a valid message (contract §4). A
 * line that could not be evaluated never gets an outcome. A line longer than the limit is
 * answered {@code line: too long (X bytes, limit L)} without being held in memory (§7.1).
 */
final class JsonLinesEvaluator {
    private final PolicyEngine engine;
    private final boolean explain;
    private final int maxLineBytes;

    JsonLinesEvaluator(PolicyEngine engine, boolean explain) {
        this(engine, explain, LineReader.DEFAULT_MAX_LINE_BYTES);
    }

    JsonLinesEvaluator(PolicyEngine engine, boolean explain, int maxLineBytes) {
        this.engine = engine;
        this.explain = explain;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Answers every line of {@code in}; returns true when every line was a valid message. Stops
     * reading once {@code out} reports an error (nobody is reading the answers); the caller checks
     * {@link PrintWriter#checkError()}.
     */
    boolean run(InputStream in, PrintWriter out, TextTable table) throws IOException {
        boolean allGood = true;
        LineReader reader = new LineReader(in, maxLineBytes);
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            String answer = null;
            String errorId = null;
            String error = null;
            Decision decision = null;
            if (line.tooLong()) {
                error = tooLong(line, maxLineBytes);
            } else if (line.text() == null) {
                error = "(line): not valid UTF-8";
            } else {
                try {
                    ProposedMessage message = MessageJson.parse(line.text());
                    if (explain) {
                        var x = engine.explain(message);
                        decision = x.decision();
                        answer = DecisionJson.toJson(x);
                    } else {
                        decision = engine.evaluate(message);
                        answer = DecisionJson.toJson(decision);
                    }
                } catch (InvalidMessageException e) {
                    errorId = MessageJson.idOf(line.text());
                    error = e.getMessage();
                }
            }
            allGood &= decision != null;
            if (table != null) {
                table.row(line.number(), errorId, error, decision);
            } else {
                out.println(decision != null ? answer : DecisionJson.error(line.number(), errorId, error));
            }
            if (!reader.ready() && out.checkError()) { // checkError() flushes
                break;
            }
        }
        out.flush();
        return allGood;
    }

    /** The error for a line over the limit: {@code line: too long (X bytes, limit L)}. */
    static String tooLong(LineReader.Line line, int maxLineBytes) {
        return "line: too long (" + line.bytes() + " bytes, limit " + maxLineBytes + ")";
    }
}
