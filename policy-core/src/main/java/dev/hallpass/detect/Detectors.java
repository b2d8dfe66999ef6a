package dev.hallpass.detect;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The registry of recognizers, and the first stage of the pipeline (text + attachment types →
 * findings): builds every recognizer for one school's {@link DetectorConfig}, leaves out the ones it
 * switches off, and runs the rest in {@link Pipeline}'s order. Built once per school; immutable and
 * thread-safe.
 */
public final class Detectors {
    /** How each recognizer is built, by name. Which runs first is {@link Pipeline}'s business, not this map's. */
    private static final Map<String, BiFunction<Lexicon, DetectorConfig, Recognizer>> REGISTRY = registry();

    private static Map<String, BiFunction<Lexicon, DetectorConfig, Recognizer>> registry() {
        Map<String, BiFunction<Lexicon, DetectorConfig, Recognizer>> r = new LinkedHashMap<>();
        r.put(EmailRecognizer.NAME, (l, c) -> new EmailRecognizer());
        r.put(NhsNumberRecognizer.NAME, (l, c) -> new NhsNumberRecognizer());
        r.put(DateOfBirthRecognizer.NAME, (l, c) -> new DateOfBirthRecognizer(l.personal()));
        r.put(ClockTimeMask.NAME, (l, c) -> new ClockTimeMask());
        r.put(PostcodeRecognizer.NAME, (l, c) -> new PostcodeRecognizer(l.personal()));
        r.put(StreetAddressRecognizer.NAME, (l, c) -> new StreetAddressRecognizer(l.personal()));
        r.put(PhoneNumberRecognizer.NAME, (l, c) -> new PhoneNumberRecognizer(c.schoolPhones()));
        r.put(NameDetector.NAME, (l, c) -> new NameDetector(c, l.names()));
        r.put(LexiconDetector.NAME, Detectors::wordLists);
        r.put(AttachmentRecognizer.NAME, (l, c) -> new AttachmentRecognizer());
        return Map.copyOf(r);
    }

    private final Pipeline pipeline;

    private Detectors(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The recognizers configured for one school, on the built-in word lists.
     *
     * @throws LexiconException if the built-in word lists cannot be read
     * @throws IllegalArgumentException if {@code config} switches off a recognizer that does not
     *     exist, or the school's word lists cannot be compiled
     */
    public static Detectors of(DetectorConfig config) {
        return of(Lexicon.builtIn(), config);
    }

    /** As {@link #of(DetectorConfig)}, on the word lists {@code base}. */
    static Detectors of(Lexicon base, DetectorConfig config) {
        Objects.requireNonNull(config, "config");
        for (String off : config.switchedOff()) {
            if (!REGISTRY.containsKey(off)) {
                throw new IllegalArgumentException("no recognizer named " + off + " (expected one of "
                        + String.join(", ", Pipeline.ORDER) + ")");
            }
        }
        List<Recognizer> on = new ArrayList<>();
        for (String name : Pipeline.ORDER) {
            if (!config.switchedOff().contains(name)) {
                on.add(REGISTRY.get(name).apply(base, config));
            }
        }
        return new Detectors(new Pipeline(on));
    }

    /** The built-in lists compile to one trie that every school without words of its own shares. */
    private static Recognizer wordLists(Lexicon base, DetectorConfig config) {
        if (config.words().isEmpty()) {
            return base == Lexicon.builtInIfRead() ? SharedLexicon.DETECTOR : new LexiconDetector(base);
        }
        return new LexiconDetector(base.extendedBy(config.words()));
    }

    private static final class SharedLexicon {
        static final LexiconDetector DETECTOR = new LexiconDetector(Lexicon.builtIn());
    }

    /** Every recognizer's name, in the order they run: what {@link DetectorConfig#switchedOff} may name. */
    public static List<String> recognizerNames() {
        return Pipeline.ORDER;
    }

    /** The names of the recognizers these detectors run, in order. */
    public List<String> running() {
        return pipeline.recognizers().stream().map(Recognizer::name).toList();
    }

    /**
     * True when {@code name} is one word that is also an ordinary word (Will, May, Grace): such a
     * name is found only where it is used as a name, so its detection depends on capitals and
     * context. Test generators use this to keep such names out of properties about letter case.
     *
     * @throws LexiconException if the built-in word lists cannot be read
     */
    public static boolean isOrdinaryWord(String name) {
        String[] words = name.trim().split("\\s+");
        return words.length == 1 && Lexicon.builtIn().names().wordNames().contains(Tokens.foldKey(words[0]));
    }

    /**
     * True when {@code word} (one word, any case) is one of the commonest English words (SCOWL size
     * 20): a nickname that is one is found only where used as a name, and {@code ./policy check}
     * warns about a first name that is one.
     */
    public static boolean isCommonWord(String word) {
        return CommonWords.contains(Tokens.foldKey(word.trim()));
    }

    /**
     * SHA-256 (hex) over the built-in word lists the recognizers read ({@code hallpass/lexicon.yaml},
     * the common-word list, the confusables table), for the policy digest. Read once.
     *
     * @throws LexiconException if a word list cannot be read
     */
    public static String wordListsDigest() {
        return WordListsDigest.VALUE;
    }

    private static final class WordListsDigest {
        static final String VALUE = compute();

        private static String compute() {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String resource : List.of("/" + Lexicon.RESOURCE, "common-words.txt", "confusables.txt")) {
                    try (java.io.InputStream in = Detectors.class.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new LexiconException(resource, List.of("(root): not found: is policy-rules on the class path?"));
                        }
                        byte[] bytes = in.readAllBytes();
                        sha.update((resource + "\n" + bytes.length + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        sha.update(bytes);
                    }
                }
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    /**
     * Everything found in a message: text spans in text order, then attachments.
     *
     * @param text the message's text; offsets in findings are UTF-16 offsets into it
     * @param attachments the types of the message's attachments, in order (findings cite the index)
     */
    public List<Finding> scan(String text, List<AttachmentType> attachments) {
        return pipeline.run(Objects.requireNonNull(text, "text"), attachments);
    }

    /**
     * Why each word of {@code text} that could be a child's name was taken as one or set aside (for
     * {@code explain}): the roster entry, alias or context cue, or the rule that set it aside.
     */
    public List<NameNote> nameNotes(String text) {
        return pipeline.nameNotes(Objects.requireNonNull(text, "text"));
    }

    /** Only for tests in this package: the recognizers, to check each says what it emits. */
    List<Recognizer> recognizers() {
        return pipeline.recognizers();
    }

    static Set<String> registered() {
        return REGISTRY.keySet();
    }
}
