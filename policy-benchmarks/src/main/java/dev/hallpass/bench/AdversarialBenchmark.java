package dev.hallpass.bench;

import dev.hallpass.facts.Channel;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.Sender;
import dev.hallpass.Decision;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One megabyte of text built to hit each detector's worst case (issue 8): long runs of digits,
 * of capitalised words, of near-miss roster names, of repeated trigger words, and of combining
 * marks (issue 8); and of each trick the text normaliser undoes (issue 15): invisible characters,
 * look-alike and full-width letters, spaced-out letters, spelled-out digits and e-mail addresses,
 * letters for digits, right-to-left overrides. Target: each evaluated in at most 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdversarialBenchmark {
    /** Which worst case. */
    @Param({"digits", "capitalised", "nearMissNames", "repeatedTriggers", "combiningMarks", "invisible", "lookAlikes", "fullWidth",
            "spacedOut", "spelledDigits", "spelledEmails", "lettersForDigits", "rightToLeft"})
    public String kind;

    private PolicyEngine engine;
    private ProposedMessage message;

    /** Builds the engine and the megabyte of text once. */
    @Setup
    public void setUp() {
        engine = PolicyEngine.builder().semanticTier(false).build();
        String unit = switch (kind) {
            case "digits" -> "0770090012307700 ";
            case "capitalised" -> "Mrs Tom Ruby Jack Grace Will May Summer Kacper ";
            case "nearMissNames" -> "Amelis Ameliaa Zoee Olivier Siobhan' Noahh Harpe Aara ";
            case "repeatedTriggers" -> "urgent not urgent emergency contact off sick pick him up new inhaler ";
            case "combiningMarks" -> "Zo\u0308\u0308\u0308\u0308e\u0301\u0301\u0301 Ame\u0301\u0301lia ";
            case "invisible" -> "Mi\u200Bl\u200Dl\u2060ie 07\u00AD700\uFE0F 9\u202A00123 ";
            case "lookAlikes" -> "\u041C\u0456ll\u0456\u0435 \u0441\u043E\u0440 N\u03BFah \u0441\u043F\u0430\u0441\u0438\u0431\u043E ";
            case "fullWidth" -> "\uFF2D\uFF49\uFF4C\uFF4C\uFF49\uFF45 \uFF10\uFF17\uFF17\uFF10\uFF10 \uD835\uDC0C\uD835\uDC22 ";
            case "spacedOut" -> "M i l l i e . 0 7 7 0 0 9 - a . b . c ";
            case "spelledDigits" -> "oh seven seven double oh nine treble one two ";
            case "spelledEmails" -> "jo at example dot co dot uk and jo [at] x (dot) com at dot ";
            case "lettersForDigits" -> "O77OO 9OOl23 Mi11ie lOl ";
            case "rightToLeft" -> "\u202EeilliM\u202C \u202E321009 00770 ";
            default -> throw new IllegalArgumentException(kind);
        };
        String text = unit.repeat(1_000_000 / unit.length());
        message = new ProposedMessage("adv", Channel.CLASS_CHAT, new Sender("p-1", Role.PARENT), "oak", text, List.of(), Inputs.WORKING_HOURS);
    }

    /** Evaluates the megabyte. */
    @Benchmark
    public Decision oneMegabyte() {
        return engine.evaluate(message);
    }
}
