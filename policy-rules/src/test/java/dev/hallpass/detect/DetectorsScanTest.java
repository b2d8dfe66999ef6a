package dev.hallpass.detect;

import dev.hallpass.fixtures.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.Attachment;
import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.SchoolProfile;
import dev.hallpass.Sender;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.fixtures.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detectors as one stage, each test building its own from a profile: the order of what all
 * detectors find together, attachments, and the school's own phone numbers.
 */
final class DetectorsScanTest {
    private static final SchoolProfile PROFILE = Profiles.named("brookfield-scan.yaml");

    private static List<Finding> scan(String text, Attachment... attachments) {
        Detectors detectors = Detectors.forProfile(PROFILE);
        return detectors.scan(new ProposedMessage("m", Channel.CLASS_CHAT, new Sender("s", Role.PARENT), "rowan", text,
                List.of(attachments), Messages.WORKING_TIME));
    }

    private static List<String> phones(String text) {
        return scan(text).stream().filter(f -> f.kind() == FindingKind.PHONE_NUMBER)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void the_detectors_remember_their_profile() {
        assertThat(Detectors.forProfile(PROFILE).profile()).isSameAs(PROFILE);
    }

    @Test
    void findings_of_every_detector_come_together_in_text_order() {
        String text = "07400 123456 is Amelia's mum, urgent!";
        assertThat(scan(text)).extracting(Finding::kind)
                .containsExactly(FindingKind.PHONE_NUMBER, FindingKind.CHILD_NAME, FindingKind.URGENCY);
    }

    @Test
    void photos_and_videos_come_after_the_text_and_other_files_are_not_findings() {
        List<Finding> found = scan("Amelia", new Attachment(AttachmentType.VIDEO, "v.mp4"),
                new Attachment(AttachmentType.DOCUMENT, "d.pdf"), Attachment.photo("p.jpg"), new Attachment(AttachmentType.OTHER, "x"));
        assertThat(found).first().isEqualTo(Finding.span(FindingKind.CHILD_NAME, 0, 6));
        assertThat(found.subList(1, found.size()))
                .containsExactlyInAnyOrder(Finding.attachment(FindingKind.VIDEO, 0), Finding.attachment(FindingKind.PHOTO, 2));
    }

    @Test
    void an_empty_text_still_reports_its_attachments() {
        assertThat(scan("", Attachment.photo("p.jpg"))).containsExactly(Finding.attachment(FindingKind.PHOTO, 0));
    }

    @Test
    void the_schools_own_numbers_are_not_personal_data_however_they_are_written() {
        assertThat(phones("Ring the office on 01632 960000 or +44 1632 960000")).isEmpty();
        assertThat(phones("School: 01632 960002, nurse: 01632 960001")).isEmpty();
    }

    @Test
    void a_parents_number_next_to_the_schools_is_still_personal_data() {
        assertThat(phones("ring 01632 960000 not my 07400 123456")).containsExactly("07400 123456");
    }

    @Test
    void only_phone_numbers_are_screened_for_the_schools_digits() {
        String text = "write to 01632960000@example.com";
        assertThat(scan(text)).containsExactly(Finding.span(FindingKind.EMAIL, 9, text.length()));
    }

    @Test
    void a_phone_number_split_by_any_kind_of_space_but_a_new_line_is_found_with_its_offsets() {
        int tried = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (!space && c % 61 != 0) {
                continue; // every space, and a sample of the rest
            }
            String text = "Call 07700" + c + "900123 please";
            List<Finding> found = scan(text).stream().filter(f -> f.kind() == FindingKind.PHONE_NUMBER).toList();
            if (space && c != '\n') {
                tried++;
                assertThat(found).as("U+%04X", (int) c).containsExactly(Finding.span(FindingKind.PHONE_NUMBER, 5, 17));
            } else if (c >= '0' && c <= '9' || Character.isLetter(c)) {
                assertThat(found).as("U+%04X", (int) c).isEmpty();
            }
        }
        assertThat(tried).isGreaterThan(20); // tab, form feed, the Unicode spaces …
    }
}
