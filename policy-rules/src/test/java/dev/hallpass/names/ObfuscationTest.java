package dev.hallpass.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Reason;
import dev.hallpass.Sender;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.fixtures.Messages;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Names, phone numbers and e-mail addresses typed to get past the detectors are still caught in
 * class chat, with evidence on exactly what the sender typed; messages rich in emoji, full-width
 * punctuation and other scripts are still allowed.
 */
final class ObfuscationTest {
    private static final PolicyEngine ENGINE = PolicyEngine.builder().profile(NamesCorpus.profile()).build();
    /** Characters of slack either side of the target (a possessive, a closing bracket). */
    private static final int SLACK = 3;

    private static Decision classChat(String id, String text) {
        return ENGINE.evaluate(new ProposedMessage(id, Channel.CLASS_CHAT, new Sender("p-1", Role.PARENT), "oak", text, List.of(),
                Messages.WORKING_TIME));
    }

    /** The reason citing {@code kind} whose evidence covers [start, end), or null. */
    private static Evidence covering(Decision d, FindingKind kind, int start, int end) {
        for (Reason r : d.reasons()) {
            for (Evidence e : r.evidence()) {
                if (kind.name().equals(e.label()) && e.start() != null && e.start() <= start && e.end() >= end
                        && e.start() >= start - SLACK && e.end() <= end + SLACK) {
                    return e;
                }
            }
        }
        return null;
    }

    private static void assertCaught(String what, String text, FindingKind kind, int start, int end) {
        Decision d = classChat("obf", text);
        assertThat(d.outcome()).as("%s: %s", what, d).isNotEqualTo(Outcome.ALLOW);
        assertThat(covering(d, kind, start, end)).as("%s: evidence of %s on [%d, %d) in %s", what, kind, start, end, d).isNotNull();
    }

    @TestFactory
    Stream<DynamicTest> every_hand_written_obfuscation_is_caught_with_evidence_on_what_was_typed() {
        return NamesCorpus.obfuscated().stream().map(c -> dynamicTest(c.id() + " " + c.cls(),
                () -> assertCaught(c.id(), c.text(), c.kind(), c.targetStart(), c.targetEnd())));
    }

    @TestFactory
    Stream<DynamicTest> every_generated_obfuscation_is_caught_with_evidence_on_what_was_typed() {
        return Obfuscations.generate(15, 12).stream().map(c -> dynamicTest(c.cls() + " " + c.kind(),
                () -> assertCaught(c.cls(), c.text(), c.kind(), NamesCorpus.visibleStart(c.text(), c.start(), c.end()),
                        NamesCorpus.visibleEnd(c.text(), c.start(), c.end()))));
    }

    @Test
    void any_technique_on_any_target_is_caught_with_evidence_on_what_was_typed() {
        List<String> techniques = List.copyOf(new java.util.TreeSet<>(Obfuscations.TECHNIQUES.keySet()));
        qt().withExamples(400).forAll(Generate.pick(techniques), SourceDSL.longs().all()).checkAssert((technique, seed) -> {
            Random r = new Random(seed);
            List<FindingKind> kinds = Obfuscations.kindsFor(technique);
            Obfuscations.Case c = Obfuscations.one(technique, kinds.get(r.nextInt(kinds.size())), r);
            assertCaught(technique, c.text(), c.kind(), NamesCorpus.visibleStart(c.text(), c.start(), c.end()),
                    NamesCorpus.visibleEnd(c.text(), c.start(), c.end()));
        });
    }

    @TestFactory
    Stream<DynamicTest> messages_rich_in_unicode_without_personal_data_are_allowed() {
        return NamesCorpus.benign().stream().map(b -> dynamicTest(b.id() + " (" + b.note() + ")", () -> {
            Decision d = classChat(b.id(), b.text());
            assertThat(d.outcome()).as("%s: %s", b.id(), d).isEqualTo(Outcome.ALLOW);
        }));
    }

    @Test
    void the_corpora_cover_every_technique_with_enough_messages() {
        Map<String, Integer> byClass = new TreeMap<>();
        NamesCorpus.obfuscated().forEach(c -> byClass.merge(c.cls(), 1, Integer::sum));
        int generated = Obfuscations.generate(15, 12).size();
        System.out.println("obfuscation corpus: " + NamesCorpus.obfuscated().size() + " hand-written " + byClass + ", " + generated
                + " generated; " + NamesCorpus.benign().size() + " benign Unicode messages");
        assertThat(byClass.keySet()).containsAll(Obfuscations.TECHNIQUES.keySet());
        assertThat(NamesCorpus.obfuscated().size() + generated).isGreaterThanOrEqualTo(200);
        assertThat(NamesCorpus.benign().size()).isGreaterThanOrEqualTo(100);
    }
}
