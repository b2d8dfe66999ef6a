package dev.hallpass.detect;

import dev.hallpass.fixtures.Profiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.Attachment;
import dev.hallpass.DetectorFixtures;
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
 * detectors find together, attachments, the school's own phone numbers, and recognizers switched
 * off in the registry.
 */
final class DetectorsScanTest {
    private static final SchoolProfile PROFILE = Profiles.named("brookfield-scan.yaml");

    private static List<Finding> scan(String text, Attachment... attachments) {
        return scan(DetectorFixtures.forProfile(PROFILE), text, attachments);
    }

    private static List<Finding> scan(Detectors detectors, String text, Attachment... attachments) {
        ProposedMessage message = new ProposedMessage("m", Channel.CLASS_CHAT, new Sender("s", Role.PARENT), "rowan", text,
                List.of(attachments), Messages.WORKING_TIME);
        return detectors.scan(message.text(), DetectorFixtures.attachmentTypes(message));
    }

    private static List<String> phones(String text) {
        return scan(text).stream().filter(f -> f.kind() == FindingKind.PHONE_NUMBER)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void the_detectors_find_the_children_of_the_profile_they_were_built_for_and_no_others() {
        SchoolProfile otherSchool = SchoolProfile.parse(dev.hallpass.fixtures.Fixtures.text("profiles/brookfield-scan.yaml").replace("Amelia Khan", "Noor Ali"), "other.yaml");
        String text = "Noor was brilliant. Amelia too";
        assertThat(scan(text)).containsExactly(Finding.span(FindingKind.CHILD_NAME, 20, 26));
        assertThat(scan(DetectorFixtures.forProfile(otherSchool), text))
                .containsExactly(Finding.span(FindingKind.CHILD_NAME, 0, 4));
    }

    @Test
    void a_recognizer_switched_off_finds_nothing_and_the_others_still_run() {
        String text = "07400 123456 is Amelia's mum, urgent! jo@example.com";
        Detectors noPhones = Detectors.of(DetectorFixtures.config(PROFILE).withSwitchedOff("phone-number", "child-name"));
        assertThat(noPhones.running()).doesNotContain("phone-number", "child-name").contains("email", "word-lists");
        assertThat(scan(noPhones, text, Attachment.photo("p.jpg"))).extracting(Finding::kind)
                .containsExactly(FindingKind.URGENCY, FindingKind.EMAIL, FindingKind.PHOTO);
    }

    @Test
    void switching_off_the_email_mask_lets_an_addresss_digits_be_read_as_a_phone_number() {
        String text = "write to 07400123456@example.com";
        Detectors noEmail = Detectors.of(DetectorFixtures.config(PROFILE).withSwitchedOff("email"));
        assertThat(scan(noEmail, text)).containsExactly(Finding.span(FindingKind.PHONE_NUMBER, 9, 20));
        assertThat(scan(text)).containsExactly(Finding.span(FindingKind.EMAIL, 9, text.length()));
    }

    @Test
    void switching_off_a_recognizer_that_does_not_exist_is_refused_naming_the_ones_that_do() {
        assertThatThrownBy(() -> Detectors.of(DetectorFixtures.config(PROFILE).withSwitchedOff("phone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no recognizer named phone")
                .hasMessageContaining("phone-number");
    }

    @Test
    void every_recognizer_finds_only_the_kinds_it_says_it_emits() {
        String text = "DOB 03/12/2019, NHS 943 476 5919, 14 Elm Grove LS1 4AP, jo@example.com, at 3.15 ring "
                + "07400 123456 urgent, Amelia's mum";
        for (Recognizer r : Detectors.of(DetectorFixtures.config(PROFILE)).recognizers()) {
            List<Finding> alone = scan(Detectors.of(DetectorFixtures.config(PROFILE).withSwitchedOff(
                    Detectors.recognizerNames().stream().filter(n -> !n.equals(r.name())).toArray(String[]::new))),
                    text, Attachment.photo("p.jpg"));
            assertThat(alone).as(r.name()).allMatch(f -> r.emits().contains(f.kind()));
            assertThat(alone.isEmpty()).as(r.name() + " finds something here unless it is a mask").isEqualTo(r.emits().isEmpty());
        }
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
