package dev.hallpass;

import dev.hallpass.detect.DetectorConfig;
import dev.hallpass.detect.Detectors;
import dev.hallpass.detect.LexiconException;
import dev.hallpass.facts.AttachmentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boundary between a school's profile and the recognizers: builds the small {@link
 * DetectorConfig} they need from a {@link SchoolProfile}, and turns a word-list failure into
 * Hallpass's own exception type, so that {@code dev.hallpass.detect} never sees a root type.
 */
final class DetectorSetup {
    private DetectorSetup() {}

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Once per JVM, on a daemon thread: reads the built-in word lists and builds their shared
     * detectors (about 0.1–0.2 s at start-up, nothing of any profile) while the caller reads its
     * profile and rules; {@link #detectors} then finds them built, or waits for them. A failure
     * here is ignored: {@link #detectors} meets it again and reports it.
     */
    static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Detectors.of(dev.hallpass.detect.DetectorConfig.NONE);
            } catch (RuntimeException | LinkageError e) {
                // reported, with its cause, by the engine build that needs the word lists
            }
        }, "hallpass-word-lists");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The detectors for {@code profile} (its roster, its word lists, its own phone numbers).
     *
     * @throws PolicyException if the word lists cannot be read or the profile's cannot be compiled
     */
    static Detectors detectors(SchoolProfile profile) {
        try {
            return Detectors.of(config(profile));
        } catch (LexiconException e) {
            throw new PolicyException("word lists: " + e.getMessage(), e);
        }
    }

    /** What the recognizers need from {@code profile}, with every recognizer on. */
    static DetectorConfig config(SchoolProfile profile) {
        List<DetectorConfig.RosterName> roster = new ArrayList<>();
        List<String> notNames = new ArrayList<>();
        for (SchoolProfile.SchoolClass c : profile.classes()) {
            notNames.add(c.name());
            notNames.add(c.id());
            for (SchoolProfile.Child child : c.children()) {
                roster.add(new DetectorConfig.RosterName(child.name(), child.aliases()));
            }
        }
        notNames.add(profile.school());
        notNames.addAll(profile.notNames());
        SchoolProfile.Contacts c = profile.contacts();
        List<String> phones = new ArrayList<>();
        for (SchoolProfile.Contact contact : List.of(c.schoolOffice(), c.school(), c.nursingTeam(), c.evidenceForLearning())) {
            phones.add(contact.phone());
        }
        Map<String, DetectorConfig.WordList> words = new LinkedHashMap<>();
        profile.words().forEach((name, list) -> words.put(name, new DetectorConfig.WordList(list.add(), list.ignore())));
        return new DetectorConfig(roster, notNames, phones, words, Set.of(), profile.notNames());
    }

    /** The types of {@code message}'s attachments, in order: all the recognizers see of them. */
    static List<AttachmentType> attachmentTypes(ProposedMessage message) {
        if (message.attachments().isEmpty()) {
            return List.of(); // most messages: no stream built
        }
        return message.attachments().stream().map(Attachment::type).toList();
    }

    /** {@link Detectors#isCommonWord}, with a failure to read the word list as Hallpass's own exception. */
    static boolean isCommonWord(String word) {
        try {
            return Detectors.isCommonWord(word);
        } catch (LexiconException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new PolicyException("common words: " + e.getMessage(), e);
        }
    }

    /**
     * {@link Detectors#isOrdinaryWord}, with a word-list failure as Hallpass's own exception.
     *
     * @throws PolicyException if the word lists cannot be read
     */
    static boolean isOrdinaryWord(String name) {
        try {
            return Detectors.isOrdinaryWord(name);
        } catch (LexiconException e) {
            throw new PolicyException("word lists: " + e.getMessage(), e);
        }
    }
}
