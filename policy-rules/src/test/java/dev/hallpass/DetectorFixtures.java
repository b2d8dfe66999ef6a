package dev.hallpass;

import dev.hallpass.detect.DetectorConfig;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.AttachmentType;
import java.util.List;

/**
 * For tests of {@code dev.hallpass.detect}: detectors built from a school profile exactly as the
 * engine builds them ({@link DetectorSetup}), which is package-private here.
 */
public final class DetectorFixtures {
    private DetectorFixtures() {}

    /** What the recognizers get from {@code profile}. */
    public static DetectorConfig config(SchoolProfile profile) {
        return DetectorSetup.config(profile);
    }

    /** The detectors the engine builds for {@code profile}. */
    public static Detectors forProfile(SchoolProfile profile) {
        return DetectorSetup.detectors(profile);
    }

    /** What the recognizers see of {@code message}'s attachments. */
    public static List<AttachmentType> attachmentTypes(ProposedMessage message) {
        return DetectorSetup.attachmentTypes(message);
    }
}
