package dev.hallpass.detect;

import dev.hallpass.Attachment;
import dev.hallpass.facts.AttachmentType;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every detector for one school, run over a message: the first stage of the pipeline (message +
 * profile → findings). The text is cut into tokens once; names, word lists and personal data are
 * found from there. Built once per profile; immutable and thread-safe.
 */
public final class Detectors {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::isAttachment)
            .thenComparingInt(Finding::start).thenComparingInt(Finding::end).thenComparing(Finding::kind)
            .thenComparingInt(Finding::attachment);

    private final SchoolProfile profile;
    private final NameDetector names;
    private final LexiconDetector lexicon;
    private final PersonalDataDetector personalData = new PersonalDataDetector();
    private final Set<String> schoolNumbers = new HashSet<>();

    private Detectors(SchoolProfile profile) {
        this.profile = profile;
        Lexicon base = Lexicon.builtIn();
        this.names = new NameDetector(profile, base.names());
        // The built-in lists compile to one trie every school without its own words shares.
        this.lexicon = profile.words().isEmpty() ? SharedLexicon.DETECTOR : new LexiconDetector(base.extendedBy(profile.words()));
        SchoolProfile.Contacts c = profile.contacts();
        for (SchoolProfile.Contact contact : List.of(c.schoolOffice(), c.school(), c.nursingTeam(), c.evidenceForLearning())) {
            String digits = digits(contact.phone());
            if (!digits.isEmpty()) {
                schoolNumbers.add(digits);
            }
        }
    }

    /**
     * The detectors configured for {@code profile} (its roster, its word lists).
     *
     * @throws IllegalArgumentException if the profile's extra word lists cannot be compiled
     */
    public static Detectors forProfile(SchoolProfile profile) {
        return new Detectors(Objects.requireNonNull(profile, "profile"));
    }

    private static final class SharedLexicon {
        static final LexiconDetector DETECTOR = new LexiconDetector(Lexicon.builtIn());
    }

    /**
     * True when {@code name} is one word that is also an ordinary word (Will, May, Grace): such a
     * name is found only where it is used as a name, so its detection depends on capitals and
     * context. Test generators use this to keep such names out of properties about letter case.
     */
    public static boolean isOrdinaryWord(String name) {
        String[] words = name.trim().split("\\s+");
        return words.length == 1 && Lexicon.builtIn().names().wordNames().contains(Tokens.foldKey(words[0]));
    }

    /** The profile these detectors were built for. */
    public SchoolProfile profile() {
        return profile;
    }

    /** Everything found in {@code message}: text spans in text order, then attachments. */
    public List<Finding> scan(ProposedMessage message) {
        String text = message.text();
        List<Finding> out = new ArrayList<>();
        if (!text.isEmpty()) {
            Tokens tokens = Tokens.of(text);
            boolean[] isName = new boolean[tokens.size()];
            names.detect(tokens, isName, out);
            lexicon.detect(tokens, isName, out);
            List<Finding> personal = new ArrayList<>();
            personalData.detect(plainSpaces(text), personal);
            for (Finding f : personal) {
                // The school's own numbers (in a story asking families to ring the office) are not personal data.
                if (f.kind() != FindingKind.PHONE_NUMBER || !schoolNumbers.contains(digits(text.substring(f.start(), f.end())))) {
                    out.add(f);
                }
            }
        }
        List<Attachment> attachments = message.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentType type = attachments.get(i).type();
            if (type == AttachmentType.PHOTO) {
                out.add(Finding.attachment(FindingKind.PHOTO, i));
            } else if (type == AttachmentType.VIDEO) {
                out.add(Finding.attachment(FindingKind.VIDEO, i));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Tabs, no-break and other spaces as plain spaces, one for one, so offsets do not move: a
     * number typed "07700\t900123" is the same number.
     */
    private static String plainSpaces(String text) {
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

    /** The national digits of a UK number: "+44 1632 960000" and "01632 960000" both give "1632960000". */
    private static String digits(String phone) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < phone.length(); i++) {
            if (Character.isDigit(phone.charAt(i))) {
                sb.append(phone.charAt(i));
            }
        }
        String d = sb.toString();
        if (d.startsWith("44")) {
            return d.substring(2);
        }
        return d.startsWith("0") ? d.substring(1) : d;
    }
}
