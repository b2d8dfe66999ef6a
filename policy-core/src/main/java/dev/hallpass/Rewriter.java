package dev.hallpass;

import dev.hallpass.facts.Audience;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rewrite a decision may offer (contract §7.2): for a post in a channel many parents see whose
 * every reason against it is about children's names or contact details, the text with those spans
 * replaced by neutral words. It is offered only when the rewritten text, evaluated as the same
 * message, is allowed. None is offered when the engine dropped findings past its cap (the caller
 * checks: spans past it would stay in the text), when the rewritten text is over the engine's length
 * limit, or for a text over {@value #MAX_TEXT} characters. Thread-safe.
 */
final class Rewriter {
    /** What each kind of span is replaced by; a child's name depends on who writes. */
    private static final Map<FindingKind, String> WORDS = new EnumMap<>(Map.of(
            FindingKind.PHONE_NUMBER, "[phone number]",
            FindingKind.EMAIL, "[email address]",
            FindingKind.STREET_ADDRESS, "[address]",
            FindingKind.POSTCODE, "[postcode]"));

    /**
     * Longer texts are offered no rewrite: checking one is a second evaluation, and a message this long
     * is not a post a sender retypes. Keeps a megabyte's evaluation at one pass.
     */
    static final int MAX_TEXT = 10_000;

    private Rewriter() {}

    /**
     * The checked rewrite of {@code m}'s text, or null when none is offered.
     *
     * @param check evaluates a message without telling listeners and without offering a rewrite
     */
    static Rewrite of(Decision d, ProposedMessage m, int maxTextLength, Function<ProposedMessage, Decision> check) {
        if (d.outcome() == Outcome.ALLOW || m.channel().audience() != Audience.MANY_PARENTS || m.text().length() > MAX_TEXT) {
            return null;
        }
        List<Evidence> spans = new ArrayList<>();
        for (Reason r : d.reasons()) {
            if (r.shadow() || r.outcome() == Outcome.ALLOW) {
                continue;
            }
            if (r.evidence().isEmpty()) {
                return null; // a reason about who posts, or when: no rewrite of the text helps
            }
            for (Evidence e : r.evidence()) {
                if (e.start() == null || !(e.kind() == FindingKind.CHILD_NAME || WORDS.containsKey(e.kind()))) {
                    return null;
                }
                spans.add(e);
            }
        }
        List<Evidence> replaced = disjoint(spans);
        if (replaced.isEmpty()) {
            return null;
        }
        String text = replace(m.text(), replaced, m.sender().role());
        if (text.length() > maxTextLength) {
            return null;
        }
        ProposedMessage rewritten = new ProposedMessage(m.id(), m.channel(), m.sender(), m.classId(), text, m.attachments(), m.sentAt());
        Decision again = check.apply(rewritten);
        return again.outcome() == Outcome.ALLOW ? new Rewrite(text, replaced) : null;
    }

    /** The spans in text order, each once; a span inside or overlapping an earlier one is dropped. */
    private static List<Evidence> disjoint(List<Evidence> spans) {
        List<Evidence> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> a.start().equals(b.start()) ? Integer.compare(b.end(), a.end()) : Integer.compare(a.start(), b.start()));
        List<Evidence> out = new ArrayList<>();
        int end = -1;
        for (Evidence e : sorted) {
            if (e.start() >= end) {
                out.add(Evidence.span(e.kind(), e.start(), e.end()));
                end = e.end();
            }
        }
        return out;
    }

    /**
     * The text with each span replaced. Children's names in a list ("Grace, Isla and Amelia") become
     * one "the children"; one name becomes "my child" from a parent and "a pupil" from staff.
     */
    static String replace(String text, List<Evidence> spans, Role role) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int i = 0; i < spans.size(); i++) {
            Evidence e = spans.get(i);
            int end = e.end();
            int last = i;
            if (e.kind() == FindingKind.CHILD_NAME) {
                while (last + 1 < spans.size() && spans.get(last + 1).kind() == FindingKind.CHILD_NAME
                        && listGap(text, end, spans.get(last + 1).start())) {
                    last++;
                    end = spans.get(last).end();
                }
            }
            out.append(text, at, e.start());
            String word;
            if (e.kind() != FindingKind.CHILD_NAME) {
                word = WORDS.get(e.kind());
            } else if (last > i) {
                word = "the children";
            } else {
                word = role == Role.PARENT ? "my child" : "a pupil";
            }
            out.append(sentenceStart(text, e.start()) ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            at = end;
            i = last;
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    /** True when {@code at} starts the text or a sentence: only spaces between it and a full stop, ! or ?. */
    private static boolean sentenceStart(String text, int at) {
        int k = at - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k < 0 || text.charAt(k) == '.' || text.charAt(k) == '!' || text.charAt(k) == '?';
    }

    /** Only list separators between two names: commas, spaces, "&", "and", "or". */
    private static boolean listGap(String text, int from, int to) {
        String gap = text.substring(from, to).trim().toLowerCase(java.util.Locale.ROOT);
        return gap.matches("(,|&|\\+|and|or|,\\s*and|,\\s*or)?") && to - from <= 8;
    }
}
