package dev.hallpass.cli;

import dev.hallpass.Decision;
import dev.hallpass.Explanation;
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
 *
 * <p>Blank lines (empty or only whitespace) are skipped, not answered; so that a host can still pair
 * answers with its input, every answer, decision or error, carries {@code "line"}: the 1-based number
 * of the physical input line it answers ({@code \n}-separated, blank lines counted). A decision's
 * {@code "line"} comes first, as an error's does: {@code {"line": 3, "id": "m-3", "outcome": ...}}.
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
            ProposedMessage message = null;
            Explanation explanation = null;
            if (line.tooLong()) {
                error = tooLong(line, maxLineBytes);
            } else if (line.text() == null) {
                error = "(line): not valid UTF-8";
            } else {
                try {
                    message = MessageJson.parse(line.text());
                    if (explain) {
                        explanation = engine.explain(message);
                        decision = explanation.decision();
                        answer = withLine(line.number(), DecisionJson.toJson(explanation));
                    } else {
                        decision = engine.evaluate(message);
                        answer = withLine(line.number(), DecisionJson.toJson(decision));
                    }
                } catch (InvalidMessageException e) {
                    errorId = MessageJson.idOf(line.text());
                    error = e.getMessage();
                }
            }
            allGood &= decision != null;
            if (table != null) {
                table.row(line.number(), errorId, error, decision, message, explanation);
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

    /** {@code json}, a decision's object, with {@code "line": number} as its first field. */
    static String withLine(int number, String json) {
        if (!json.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return "{\"line\":" + number + (json.equals("{}") ? "" : ",") + json.substring(1);
    }

    /** The error for a line over the limit: {@code line: too long (X bytes, limit L)}. */
    static String tooLong(LineReader.Line line, int maxLineBytes) {
        return "line: too long (" + line.bytes() + " bytes, limit " + maxLineBytes + ")";
    }
}
