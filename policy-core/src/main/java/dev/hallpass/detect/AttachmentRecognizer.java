package dev.hallpass.detect;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.Set;

/** Photos and videos attached to a message; other files are not findings. Reads no text. */
final class AttachmentRecognizer implements Recognizer {
    static final String NAME = "attachments";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.PHOTO, FindingKind.VIDEO);
    }

    @Override
    public void scan(Scan scan) {
        List<AttachmentType> attachments = scan.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentType type = attachments.get(i);
            if (type == AttachmentType.PHOTO) {
                scan.add(Finding.attachment(FindingKind.PHOTO, i));
            } else if (type == AttachmentType.VIDEO) {
                scan.add(Finding.attachment(FindingKind.VIDEO, i));
            }
        }
    }
}
