package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry and the order recognizers run in, on the fixture lexicon. */
final class PipelineTest {
    private static final DetectorConfig CONFIG = new DetectorConfig(
            List.of(new DetectorConfig.RosterName("Amelia Khan", List.of("Millie"))), List.of("Rowan"),
            List.of("01632 960000"), Map.of(), Set.of());

    private static List<Finding> scan(DetectorConfig config, String text, AttachmentType... attachments) {
        return Detectors.of(TestLexicon.LEXICON, config).scan(text, List.of(attachments));
    }

    @Test
    void every_registered_recognizer_has_a_place_in_the_order_and_masks_come_before_the_phone_numbers() {
        assertThat(Detectors.registered()).containsExactlyInAnyOrderElementsOf(Detectors.recognizerNames());
        List<String> order = Detectors.recognizerNames();
        for (String mask : List.of("email", "nhs-number", "date-of-birth", "clock-time")) {
            assertThat(order.indexOf(mask)).as(mask).isLessThan(order.indexOf("phone-number"));
        }
        assertThat(order.indexOf("child-name")).isLessThan(order.indexOf("word-lists"));
    }

    @Test
    void the_pipeline_runs_recognizers_in_its_own_order_whatever_order_they_are_given_in() {
        List<Recognizer> given = new ArrayList<>(Detectors.of(TestLexicon.LEXICON, CONFIG).recognizers());
        Collections.reverse(given);
        assertThat(new Pipeline(given).recognizers()).extracting(Recognizer::name)
                .containsExactlyElementsOf(Detectors.recognizerNames());
    }

    @Test
    void a_recognizer_the_pipeline_does_not_know_or_given_twice_is_refused() {
        Recognizer stranger = new Recognizer() {
            @Override public String name() { return "semantic"; }
            @Override public Set<FindingKind> emits() { return Set.of(); }
            @Override public void scan(Scan scan) {}
        };
        assertThatThrownBy(() -> new Pipeline(List.of(stranger))).hasMessageContaining("semantic has no place");
        assertThatThrownBy(() -> new Pipeline(List.of(new EmailRecognizer(), new EmailRecognizer())))
                .hasMessageContaining("email given twice");
    }

    @Test
    void names_are_unique_and_context_words_are_the_recognizers_own_lists() {
        List<Recognizer> all = Detectors.of(TestLexicon.LEXICON, CONFIG).recognizers();
        assertThat(new HashSet<>(all.stream().map(Recognizer::name).toList())).hasSize(all.size());
        Recognizer dob = all.stream().filter(r -> r.name().equals("date-of-birth")).findFirst().orElseThrow();
        assertThat(dob.contextWords()).contains("born", "dob", "on");
        assertThat(all.stream().filter(r -> r.name().equals("nhs-number")).findFirst().orElseThrow().contextWords()).isEmpty();
    }

    @Test
    void the_nhs_check_digit_holds_only_for_real_numbers_and_never_for_one_digit_ten_times() {
        assertThat(NhsNumberRecognizer.checkDigitHolds(new int[] {9, 4, 3, 4, 7, 6, 5, 9, 1, 9})).isTrue();
        assertThat(NhsNumberRecognizer.checkDigitHolds(new int[] {9, 4, 3, 4, 7, 6, 5, 9, 1, 8})).isFalse();
        assertThat(NhsNumberRecognizer.checkDigitHolds(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isFalse();
    }

    @Test
    void the_recognizers_read_only_their_configuration_roster_school_numbers_and_switches() {
        String text = "Millie: ring 01632 960000 or 07400 123456, urgent";
        assertThat(scan(CONFIG, text)).extracting(Finding::kind)
                .containsExactly(FindingKind.CHILD_NAME, FindingKind.PHONE_NUMBER, FindingKind.URGENCY);
        assertThat(scan(CONFIG.withSwitchedOff("word-lists", "child-name"), text)).extracting(Finding::kind)
                .containsExactly(FindingKind.PHONE_NUMBER);
        assertThat(scan(DetectorConfig.NONE, text)).extracting(Finding::kind)
                .containsExactly(FindingKind.PHONE_NUMBER, FindingKind.PHONE_NUMBER, FindingKind.URGENCY);
    }

    @Test
    void a_message_with_no_text_still_reports_its_photos_and_videos_after_any_text() {
        assertThat(scan(CONFIG, "", AttachmentType.DOCUMENT, AttachmentType.VIDEO))
                .containsExactly(Finding.attachment(FindingKind.VIDEO, 1));
        assertThat(scan(CONFIG, "urgent", AttachmentType.PHOTO))
                .containsExactly(Finding.span(FindingKind.URGENCY, 0, 6), Finding.attachment(FindingKind.PHOTO, 0));
        assertThat(scan(CONFIG.withSwitchedOff("attachments"), "", AttachmentType.PHOTO)).isEmpty();
    }
}
