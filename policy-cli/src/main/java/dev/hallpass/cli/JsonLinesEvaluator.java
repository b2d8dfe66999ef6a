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
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 *
 * <p>With more than one thread ({@code --threads}), the lines are read on the calling thread in
 * batches of {@value #BATCH_LINES}, each batch is evaluated on a worker, at most {@code threads + 2}
 * batches are in flight, and the answers are written strictly in input order: the output is byte for
 * byte that of one thread. A batch is cut short, and everything read so far answered and flushed, as
 * soon as the input has nothing more ready (a person typing lines at a terminal gets each answer at
 * once); a lone line with nothing else in flight is evaluated on the calling thread.
 */
final class JsonLinesEvaluator {
    /** Lines per batch handed to a worker. */
    static final int BATCH_LINES = 64;

    /** The threads when none are given: the number of processors, at most 4. */
    static final int DEFAULT_THREADS = Math.min(Runtime.getRuntime().availableProcessors(), 4);

    private final PolicyEngine engine;
    private final boolean explain;
    private final int maxLineBytes;
    private final int threads;

    JsonLinesEvaluator(PolicyEngine engine, boolean explain) {
        this(engine, explain, LineReader.DEFAULT_MAX_LINE_BYTES);
    }

    JsonLinesEvaluator(PolicyEngine engine, boolean explain, int maxLineBytes) {
        this(engine, explain, maxLineBytes, 1);
    }

    /** @param threads lines evaluated at once; 1 evaluates every line on the calling thread */
    JsonLinesEvaluator(PolicyEngine engine, boolean explain, int maxLineBytes, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be at least 1");
        }
        this.engine = engine;
        this.explain = explain;
        this.maxLineBytes = maxLineBytes;
        this.threads = threads;
    }

    /**
     * Answers every line of {@code in}; returns true when every line was a valid message. Stops
     * reading once {@code out} reports an error (nobody is reading the answers); the caller checks
     * {@link PrintWriter#checkError()}. {@code table}, when given, writes to {@code out}.
     */
    boolean run(InputStream in, PrintWriter out, TextTable table) throws IOException {
        return threads == 1 ? runOneThread(in, out, table) : runBatches(in, out, table != null);
    }

    private boolean runOneThread(InputStream in, PrintWriter out, TextTable table) throws IOException {
        boolean allGood = true;
        LineReader reader = new LineReader(in, maxLineBytes);
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            allGood &= answer(line, out, table);
            if (!reader.ready() && out.checkError()) { // checkError() flushes
                break;
            }
        }
        out.flush();
        return allGood;
    }

    /** A batch's answers as written, and whether each of its lines was a valid message. */
    private record Answers(String text, boolean allGood) {}

    private boolean runBatches(InputStream in, PrintWriter out, boolean asTable) throws IOException {
        boolean[] allGood = {true};
        LineReader reader = new LineReader(in, maxLineBytes);
        ArrayDeque<Future<Answers>> inFlight = new ArrayDeque<>();
        ExecutorService pool = null;
        try {
            List<LineReader.Line> batch = new ArrayList<>(BATCH_LINES);
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                if (line.text() == null || !line.text().isBlank()) {
                    batch.add(line);
                }
                boolean idle = !reader.ready();
                if (batch.size() < BATCH_LINES && !idle) {
                    continue;
                }
                if (batch.size() == 1 && idle && inFlight.isEmpty()) {
                    allGood[0] &= answer(batch.get(0), out, asTable ? new TextTable(out) : null);
                    batch.clear();
                } else if (!batch.isEmpty()) {
                    while (inFlight.size() >= threads + 2) {
                        write(inFlight.poll(), out, allGood);
                    }
                    if (pool == null) {
                        pool = pool(threads);
                    }
                    List<LineReader.Line> lines = batch;
                    inFlight.add(pool.submit(() -> answers(lines, asTable)));
                    batch = new ArrayList<>(BATCH_LINES);
                }
                boolean wrote = false;
                while (!inFlight.isEmpty() && (idle || inFlight.peek().isDone())) {
                    write(inFlight.poll(), out, allGood);
                    wrote = true;
                }
                if ((idle || wrote) && out.checkError()) { // checkError() flushes
                    return allGood[0];
                }
            }
            // Lines still in the batch: the input said more was ready, then ended.
            if (!batch.isEmpty()) {
                if (inFlight.isEmpty()) {
                    allGood[0] &= answers(batch, asTable, out);
                } else {
                    List<LineReader.Line> lines = batch;
                    inFlight.add(pool.submit(() -> answers(lines, asTable)));
                }
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll(), out, allGood);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        out.flush();
        return allGood[0];
    }

    /** Evaluates {@code lines} on this thread, writing their answers to {@code out}; true when all were valid messages. */
    private boolean answers(List<LineReader.Line> lines, boolean asTable, PrintWriter out) {
        TextTable table = asTable ? new TextTable(out) : null;
        boolean allGood = true;
        for (LineReader.Line line : lines) {
            allGood &= answer(line, out, table);
        }
        return allGood;
    }

    private Answers answers(List<LineReader.Line> lines, boolean asTable) {
        StringWriter text = new StringWriter(lines.size() * 512);
        PrintWriter out = new PrintWriter(text);
        TextTable table = asTable ? new TextTable(out) : null;
        boolean allGood = true;
        for (LineReader.Line line : lines) {
            allGood &= answer(line, out, table);
        }
        out.flush();
        return new Answers(text.toString(), allGood);
    }

    /** Waits for a batch and writes its answers; an engine failure on a worker is thrown here, as on one thread. */
    private static void write(Future<Answers> batch, PrintWriter out, boolean[] allGood) throws IOException {
        Answers answers;
        try {
            answers = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while evaluating");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        out.write(answers.text());
        allGood[0] &= answers.allGood();
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "policy-evaluate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Evaluates one non-blank line and writes its answer to {@code out}, or its block to {@code table}
     * when given; returns true when the line was a valid message.
     */
    private boolean answer(LineReader.Line line, PrintWriter out, TextTable table) {
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
        if (table != null) {
            table.row(line.number(), errorId, error, decision, message, explanation);
        } else {
            out.println(decision != null ? answer : DecisionJson.error(line.number(), errorId, error));
        }
        return decision != null;
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
