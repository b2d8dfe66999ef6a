package dev.hallpass;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The validator writes a school's rules out again before they are compiled. For random
 * well-formed school rule files (either quote style, nested conditions, not/exists/or, every
 * operator, bound findings, obligations), the re-emitted rules decide every message exactly as the
 * same file compiled as written.
 */
final class ReEmittedRulesTest {
    private static final List<String> CLAUSES = List.of("4.1", "4.2", "4.9", "2.1", "5.3");
    private static final List<String> TEXTS = List.of(
            "Thanks for today", "Amelia was sick last night", "Call me on 07700 900123 please", "URGENT who is collecting Oliver?",
            "My son Tom is being bullied", "Her inhaler dose changed", "Email me at mum@example.com", "");

    private static <T> Gen<T> oneOf(List<T> values) {
        return Generate.pick(values);
    }

    private static Gen<String> quoted(List<String> values) {
        return oneOf(values).zip(SourceDSL.booleans().all(), (v, single) -> single ? "'" + v + "'" : "\"" + v + "\"");
    }

    private static Gen<String> messageAtom() {
        Gen<String> channel = oneOf(List.of(Channel.values())).zip(oneOf(List.of("==", "!=")), (c, op) -> "channel " + op + " Channel." + c);
        Gen<String> roles = oneOf(List.of(Role.values())).zip(oneOf(List.of(Role.values())), oneOf(List.of("in", "not in")),
                (a, b, op) -> "role " + op + " (Role." + a + ", Role." + b + ")");
        Gen<String> hours = oneOf(List.of("==", "!=", "<", "<=", ">", ">=")).zip(SourceDSL.integers().between(0, 23),
                (op, n) -> "localTime.hour " + op + " " + n);
        Gen<String> attachments = oneOf(List.of("==", "<", ">=")).zip(SourceDSL.integers().between(-1, 3), (op, n) -> "attachmentCount " + op + " " + n);
        Gen<String> flags = oneOf(List.of("duringWorkingHours", "!duringWorkingHours", "classTeachersListed", "senderTeachesClass == false"));
        Gen<String> classId = quoted(List.of("oak", "ash", "nope")).zip(oneOf(List.of("==", "!=")), (v, op) -> "classId " + op + " " + v);
        Gen<String> day = oneOf(List.of(java.time.DayOfWeek.values())).map(d -> "dayOfWeek != DayOfWeek." + d);
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(2, channel), org.quicktheories.api.Pair.of(2, roles), org.quicktheories.api.Pair.of(1, hours),
                org.quicktheories.api.Pair.of(1, attachments), org.quicktheories.api.Pair.of(2, flags), org.quicktheories.api.Pair.of(1, classId),
                org.quicktheories.api.Pair.of(1, day)));
    }

    private static Gen<String> messageConstraint() {
        return messageAtom().zip(messageAtom(), oneOf(List.of(", ", " && ", " || ", ") || (", "")),
                (a, b, join) -> join.isEmpty() ? a : join.equals(") || (") ? "(" + a + join + b + ")" : a + join + b);
    }

    private static Gen<String> findingConstraint() {
        List<String> kinds = List.of("CHILD_NAME", "PHONE_NUMBER", "EMAIL", "URGENCY", "ABSENCE", "HEALTH", "SAFEGUARDING", "MEDICATION_CHANGE");
        Gen<String> kind = oneOf(kinds).zip(oneOf(kinds), SourceDSL.booleans().all(),
                (a, b, in) -> in ? "kind in (FindingKind." + a + ", FindingKind." + b + ")" : "kind == FindingKind." + a);
        Gen<String> label = quoted(kinds).map(v -> "kind == FindingKind." + v.substring(1, v.length() - 1) + ", label == " + v);
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(3, kind), org.quicktheories.api.Pair.of(1, label)));
    }

    private static Gen<String> rule(int index) {
        Gen<String> head = oneOf(CLAUSES).zip(messageConstraint(), SourceDSL.booleans().all(),
                (clause, m, bindMessage) -> clause + "|" + (bindMessage ? "$m : " : "") + "Message( " + m + " )");
        Gen<String> finding = findingConstraint().zip(oneOf(List.of("bound", "not", "exists", "or", "none")), findingConstraint(),
                (f, how, g) -> switch (how) {
                    case "bound" -> "$f : Finding( " + f + " )";
                    case "not" -> "not Finding( " + f + " )";
                    case "exists" -> "exists ( Finding( " + f + " ) )";
                    case "or" -> "( Finding( " + f + " ) or Finding( " + g + " ) )";
                    default -> "";
                });
        Gen<String> then = oneOf(List.of("block", "warn", "allow", "redirect")).zip(oneOf(List.of(Route.values())),
                oneOf(List.of("", ".with(Obligation.LEADERSHIP_REVIEW)", ".with(Obligation.SAFEGUARDING_REVIEW).with(Obligation.DEFER_UNTIL_WORKING_HOURS)")),
                (f, route, with) -> f + "|" + route + "|" + with);
        return head.zip(finding, then, (h, fnd, t) -> {
            String clause = h.substring(0, h.indexOf('|'));
            String[] parts = t.split("\\|", -1);
            String factory = parts[0].equals("redirect") ? "redirect('" + clause + "', Route." + parts[1] + ")" : parts[0] + "(\"" + clause + "\")";
            String because = fnd.startsWith("$f") ? ".because($f)" : "";
            return "rule \"generated " + index + " for " + clause + "\" @clause('" + clause + "')\nwhen\n    " + h.substring(h.indexOf('|') + 1)
                    + "\n    " + fnd + "\nthen\n    insert(ClauseMatch." + factory + parts[2] + because + ");\nend\n";
        });
    }

    private static Gen<String> ruleFiles() {
        return rule(1).zip(rule(2), (a, b) -> """
                package dev.hallpass.rules;

                import dev.hallpass.*;
                import dev.hallpass.facts.*;
                import java.time.DayOfWeek;

                """.replace("import dev.hallpass.*;", "import dev.hallpass.facts.Channel;\nimport dev.hallpass.facts.Role;\nimport dev.hallpass.facts.Route;\nimport dev.hallpass.facts.Obligation;")
                + a + "\n" + b);
    }

    private static List<ProposedMessage> messages() {
        List<ProposedMessage> out = new ArrayList<>();
        Instant[] times = {Instant.parse("2026-11-24T10:15:00Z"), Instant.parse("2026-11-24T19:30:00Z"), Instant.parse("2026-11-28T09:00:00Z")};
        int i = 0;
        for (Channel c : Channel.values()) {
            for (Role r : Role.values()) {
                String text = TEXTS.get(i % TEXTS.size());
                List<Attachment> files = i % 3 == 0 ? List.of(new Attachment(AttachmentType.PHOTO, "a.jpg")) : List.of();
                out.add(new ProposedMessage("m-" + i, c, new Sender(i % 2 == 0 ? "t-oak" : "p-1", r), i % 4 == 0 ? null : "oak",
                        text.isEmpty() ? "hello" : text, files, times[i % times.length]));
                i++;
            }
        }
        return out;
    }

    @Test
    void re_emitted_school_rules_decide_every_message_as_the_file_compiled_as_written() {
        List<ProposedMessage> messages = messages();
        qt().withExamples(25).forAll(ruleFiles()).checkAssert(drl -> {
            PolicyEngine asWritten = PolicyEngine.builder().trustedRule("school-generated.drl", drl).build();
            PolicyEngine reEmitted = PolicyEngine.builder().rule("school-generated.drl", drl).build();
            for (ProposedMessage m : messages) {
                // The digest tells the two apart (a trusted file is another input); the decisions must not differ.
                assertThat(withoutDigest(reEmitted.evaluate(m))).as("%s%n%s", drl, m).isEqualTo(withoutDigest(asWritten.evaluate(m)));
            }
        });
    }

    private static Decision withoutDigest(Decision d) {
        return d.with(d.message(), d.rewrite(), null);
    }
}
