package dev.hallpass.detect;

import dev.hallpass.Attachment;
import dev.hallpass.AttachmentType;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every detector for one school, run over a message: the first stage of the pipeline (message +
 * profile → findings). Built once per profile; immutable and thread-safe.
 */
public final class Detectors {
    private final SchoolProfile profile;

    private Detectors(SchoolProfile profile) {
        this.profile = profile;
    }

    /** The detectors configured for {@code profile} (its roster, its word lists). */
    public static Detectors forProfile(SchoolProfile profile) {
        return new Detectors(Objects.requireNonNull(profile, "profile"));
    }

    /** The profile these detectors were built for. */
    public SchoolProfile profile() {
        return profile;
    }

    /** Everything found in {@code message}: text spans in text order, then attachments. */
    public List<Finding> scan(ProposedMessage message) {
        List<Finding> out = new ArrayList<>();
        List<Attachment> attachments = message.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentType type = attachments.get(i).type();
            if (type == AttachmentType.PHOTO) {
                out.add(Finding.attachment(FindingKind.PHOTO, i));
            } else if (type == AttachmentType.VIDEO) {
                out.add(Finding.attachment(FindingKind.VIDEO, i));
            }
        }
        return out;
    }
}
