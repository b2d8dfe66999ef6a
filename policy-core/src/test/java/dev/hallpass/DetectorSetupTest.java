package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.detect.DetectorConfig;
import dev.hallpass.detect.LexiconException;
import dev.hallpass.facts.AttachmentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boundary between a profile and the recognizers, on policy-core's class path (no built-in word lists). */
final class DetectorSetupTest {
    private static final SchoolProfile PROFILE = SchoolProfile.parse("""
            school: Brookfield Primary School
            timezone: Europe/London
            workingHours: {days: [MONDAY], start: "08:00", end: "17:00"}
            contacts:
              schoolOffice: {name: Office, phone: "01632 960000"}
              school: {phone: "+44 1632 960002"}
              nursingTeam: {phone: "1632 960001"}
            classes:
              - {id: rowan, name: Rowan Class, teachers: [t-rowan], children: [{name: Amelia Khan, aliases: [Millie]}]}
            words:
              SELLING: {add: [for sale]}
            """, "setup-test.yaml");

    @Test
    void the_configuration_carries_the_roster_the_words_never_names_the_schools_numbers_and_word_lists() {
        DetectorConfig c = DetectorSetup.config(PROFILE);
        assertThat(c.roster()).containsExactly(new DetectorConfig.RosterName("Amelia Khan", List.of("Millie")));
        assertThat(c.notNames()).containsExactly("Rowan Class", "rowan", "Brookfield Primary School");
        assertThat(c.schoolPhones()).containsExactly("01632 960000", "+44 1632 960002", "1632 960001", "");
        assertThat(c.words()).containsOnlyKeys("SELLING");
        assertThat(c.switchedOff()).isEmpty();
    }

    @Test
    void only_attachment_types_cross_the_boundary() {
        ProposedMessage m = new ProposedMessage("m", dev.hallpass.facts.Channel.CLASS_CHAT,
                new Sender("s", dev.hallpass.facts.Role.TEACHER), "rowan", "",
                List.of(Attachment.photo("p.jpg"), new Attachment(AttachmentType.DOCUMENT, "d.pdf")), java.time.Instant.EPOCH);
        assertThat(DetectorSetup.attachmentTypes(m)).containsExactly(AttachmentType.PHOTO, AttachmentType.DOCUMENT);
    }

    @Test
    void word_lists_that_cannot_be_read_become_hallpasss_own_exception_naming_the_file() {
        // policy-core's class path has no hallpass/lexicon.yaml: that is policy-rules' to ship.
        assertThatThrownBy(() -> DetectorSetup.detectors(PROFILE))
                .isExactlyInstanceOf(PolicyException.class)
                .hasCauseInstanceOf(LexiconException.class)
                .hasMessageContaining("lexicon.yaml: (root): hallpass/lexicon.yaml not found");
        assertThatThrownBy(() -> DetectorSetup.isOrdinaryWord("Will")).isExactlyInstanceOf(PolicyException.class);
    }
}
