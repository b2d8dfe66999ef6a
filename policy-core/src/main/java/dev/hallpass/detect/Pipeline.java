package dev.hallpass.detect;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order recognizers run in, stated once. Masks come first: what they hide (an email's digits,
 * an NHS number, dates and clock times) later recognizers never read as a phone number. Names come
 * before the word lists, which read the names found ("pick @name up"). The findings of all of them
 * come out in one order whatever the order they were found in: text spans by position, then
 * attachments. Immutable and thread-safe.
 */
final class Pipeline {
    /** Every recognizer's name, in the order they run. */
    static final List<String> ORDER = List.of(
            // masks first: each hides what it found from the recognizers after it
            EmailRecognizer.NAME,
            NhsNumberRecognizer.NAME,
            DateOfBirthRecognizer.NAME,
            ClockTimeMask.NAME,
            // then the other character scanners, which read the masked text
            PostcodeRecognizer.NAME,
            StreetAddressRecognizer.NAME,
            PhoneNumberRecognizer.NAME,
            // then the token recognizers: names first, because word lists match on them
            NameDetector.NAME,
            LexiconDetector.NAME,
            AttachmentRecognizer.NAME);


    private final List<Recognizer> recognizers;

    /** @throws IllegalArgumentException if a recognizer's name is not in {@link #ORDER} or comes twice */
    Pipeline(Collection<? extends Recognizer> recognizers) {
        List<Recognizer> inOrder = new ArrayList<>(recognizers);
        for (Recognizer r : inOrder) {
            if (!ORDER.contains(r.name())) {
                throw new IllegalArgumentException("recognizer " + r.name() + " has no place in the pipeline");
            }
        }
        inOrder.sort(Comparator.comparingInt(r -> ORDER.indexOf(r.name())));
        for (int i = 1; i < inOrder.size(); i++) {
            if (inOrder.get(i).name().equals(inOrder.get(i - 1).name())) {
                throw new IllegalArgumentException("recognizer " + inOrder.get(i).name() + " given twice");
            }
        }
        this.recognizers = List.copyOf(inOrder);
    }

    /** The recognizers that run, in order. */
    List<Recognizer> recognizers() {
        return recognizers;
    }

    /**
     * Everything found in {@code text} and {@code attachments}: text spans in text order, then
     * attachments. The recognizers read the text {@link TextNormalizer normalised}; the spans they
     * find are UTF-16 offsets of {@code text} as written, covering every character the sender typed
     * inside them (a zero-width space in a name, the words of a spelled-out number).
     */
    List<Finding> run(String text, List<AttachmentType> attachments) {
        NormalizedText normal = TextNormalizer.normalize(text);
        List<Finding> found = run(new Scan(normal.text(), plainSpaces(normal.text()), attachments));
        if (!normal.changed()) {
            return found;
        }
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding f : found) {
            out.add(normal.toOriginal(f));
        }
        out.sort(Finding.ORDER);
        return out;
    }

    /** Why each word that could be a child's name was taken or set aside, in text order, with offsets of {@code text}. */
    List<NameNote> nameNotes(String text) {
        NormalizedText normal = TextNormalizer.normalize(text);
        Scan scan = new Scan(normal.text(), plainSpaces(normal.text()), List.of()).explainingNames();
        run(scan);
        List<NameNote> out = new ArrayList<>();
        for (NameNote n : scan.nameNotes()) {
            Finding f = normal.toOriginal(Finding.span(dev.hallpass.facts.FindingKind.CHILD_NAME, n.start(), n.end()));
            out.add(new NameNote(f.start(), f.end(), n.taken(), n.why()));
        }
        out.sort(java.util.Comparator.comparingInt(NameNote::start));
        return out;
    }

    List<Finding> run(Scan scan) {
        for (Recognizer r : recognizers) {
            r.scan(scan);
        }
        List<Finding> out = new ArrayList<>(scan.findings());
        out.sort(Finding.ORDER);
        return out;
    }

    /**
     * Tabs, no-break and other spaces as plain spaces, one for one, so offsets do not move: a
     * number typed "07700\t900123" is the same number.
     */
    static String plainSpaces(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean otherSpace = c < 0x80
                    ? c < ' ' && c != '\n' && Character.isWhitespace(c) // tab, CR, form feed…; ASCII's only space char is ' '
                    : Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (otherSpace) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }
}
