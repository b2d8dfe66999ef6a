package dev.hallpass.detect;

import static dev.hallpass.facts.FindingKind.DATE_OF_BIRTH;
import static dev.hallpass.facts.FindingKind.EMAIL;
import static dev.hallpass.facts.FindingKind.NHS_NUMBER;
import static dev.hallpass.facts.FindingKind.PHONE_NUMBER;
import static dev.hallpass.facts.FindingKind.POSTCODE;
import static dev.hallpass.facts.FindingKind.STREET_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The personal data detector at the edges of each shape it accepts: the largest and smallest
 * values, the first and last letters, the separators it allows and the ones it does not.
 */
final class PersonalDataBoundaryTest {

    private static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        TestLexicon.personalData(text, out);
        return out;
    }

    private static List<String> texts(String text, FindingKind kind) {
        return scan(text).stream().filter(f -> f.kind() == kind).map(f -> text.substring(f.start(), f.end())).toList();
    }

    // ------------------------------------------------------------------ email

    @Test
    void a_local_part_may_have_64_characters_but_not_65() {
        String local64 = "a".repeat(64);
        assertThat(texts("to " + local64 + "@example.com", EMAIL)).containsExactly(local64 + "@example.com");
        assertThat(texts("to " + local64 + "b@example.com", EMAIL)).isEmpty();
    }

    @Test
    void a_domain_label_may_have_63_characters_but_not_64() {
        String label63 = "d".repeat(63);
        assertThat(texts("jo@" + label63 + ".com", EMAIL)).containsExactly("jo@" + label63 + ".com");
        assertThat(texts("jo@" + label63 + "d.com", EMAIL)).isEmpty();
    }

    @Test
    void a_domain_longer_than_253_characters_is_cut_at_a_label_that_ends_within_the_limit() {
        String domain = "abc.".repeat(80) + "com";
        String text = "jo@" + domain + " thanks";
        List<String> emails = texts(text, EMAIL);
        assertThat(emails).singleElement().satisfies(e -> {
            assertThat(e).startsWith("jo@abc.abc.");
            assertThat(e.length() - "jo@".length()).isLessThanOrEqualTo(253);
            assertThat(e).doesNotEndWith(".");
        });
    }

    @Test
    void a_domain_of_253_characters_is_kept_whole() {
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(domain).hasSize(253);
        assertThat(texts("jo@" + domain + " thanks", EMAIL)).containsExactly("jo@" + domain);
        String longer = domain.replace(".com", "d.com");
        assertThat(texts("jo@" + longer + " thanks", EMAIL)).as("one more is cut at its last whole label")
                .containsExactly("jo@" + longer.substring(0, longer.length() - ".com".length()));
    }

    @Test
    void an_address_after_a_leading_mention_is_still_found() {
        assertThat(texts("@team write to jo@example.com", EMAIL)).containsExactly("jo@example.com");
    }

    @Test
    void the_first_and_last_letters_of_the_alphabet_in_either_case_belong_to_an_address() {
        assertThat(texts("zara.azam@zone.za", EMAIL)).containsExactly("zara.azam@zone.za");
        assertThat(texts("ZARA.AZAM@ZONE.ZA", EMAIL)).containsExactly("ZARA.AZAM@ZONE.ZA");
    }

    // ------------------------------------------------------------- NHS number

    @Test
    void an_nhs_number_grouped_by_no_break_spaces_is_found() {
        assertThat(texts("NHS 943\u00A0476\u00A05919", NHS_NUMBER)).containsExactly("943\u00A0476\u00A05919");
    }

    @Test
    void nhs_numbers_in_a_list_without_spaces_are_each_found() {
        assertThat(texts("9434765919,4010232137", NHS_NUMBER)).containsExactly("9434765919", "4010232137");
    }

    @Test
    void an_nhs_number_at_the_very_start_of_the_text_is_found() {
        assertThat(texts("9434765919 is his NHS number", NHS_NUMBER)).containsExactly("9434765919");
    }

    @Test
    void ten_digits_that_continue_a_longer_number_are_not_an_nhs_number() {
        for (String text : List.of("1.9434765919", "1/9434765919", "1\u00A0943 476 5919", "9434765919x",
                "9434765919/2", "9434765919.5", "+44 (0) 943 476 5919")) {
            assertThat(texts(text, NHS_NUMBER)).as(text).isEmpty();
        }
    }

    // ------------------------------------------------------------------ dates

    @Test
    void the_first_and_last_day_and_month_are_dates() {
        assertThat(texts("DOB 01/01/2019", DATE_OF_BIRTH)).containsExactly("01/01/2019");
        assertThat(texts("DOB 31/12/2019", DATE_OF_BIRTH)).containsExactly("31/12/2019");
        assertThat(texts("DOB: 12/25/2019", DATE_OF_BIRTH)).as("month first").containsExactly("12/25/2019");
        assertThat(texts("DOB 13/13/2019", DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void a_year_first_date_has_a_day_of_one_or_two_digits_from_1_to_31() {
        assertThat(texts("DOB 2019-3-5", DATE_OF_BIRTH)).containsExactly("2019-3-5");
        assertThat(texts("DOB 2019-03-31", DATE_OF_BIRTH)).containsExactly("2019-03-31");
        for (String text : List.of("DOB 2019-03-32", "DOB 2019-03-00", "DOB 2019-03-123")) {
            assertThat(texts(text, DATE_OF_BIRTH)).as(text).isEmpty();
        }
    }

    @Test
    void a_written_date_may_have_a_two_digit_day_and_an_ordinal_at_the_end_of_the_text() {
        assertThat(texts("DOB March 12, 2019", DATE_OF_BIRTH)).containsExactly("March 12, 2019");
        assertThat(texts("born on March 3rd", DATE_OF_BIRTH)).containsExactly("March 3rd");
        assertThat(texts("born on March 3", DATE_OF_BIRTH)).containsExactly("March 3");
    }

    @Test
    void a_birth_year_before_1930_is_history_not_personal_data() {
        assertThat(texts("Roald Dahl was born on 13 September 1916", DATE_OF_BIRTH)).isEmpty();
        assertThat(texts("born on 13/09/1916", DATE_OF_BIRTH)).isEmpty();
        assertThat(texts("born on 1 March 1929", DATE_OF_BIRTH)).isEmpty();
        assertThat(texts("born on 1 March 1930", DATE_OF_BIRTH)).containsExactly("1 March 1930");
    }

    @Test
    void up_to_three_gap_words_may_stand_between_a_birth_cue_and_its_date() {
        assertThat(texts("Her birthday is on the 3rd of March", DATE_OF_BIRTH)).containsExactly("3rd of March");
        assertThat(texts("Her birthday was on the Tuesday 3rd March", DATE_OF_BIRTH)).isEmpty();
        assertThat(texts("The trip is on Tuesday the 12/03/2027", DATE_OF_BIRTH)).as("gap words but no cue").isEmpty();
    }

    @Test
    void up_to_four_gap_characters_may_stand_between_a_birth_cue_and_its_date() {
        assertThat(texts("DOB: - 12/03/2019", DATE_OF_BIRTH)).containsExactly("12/03/2019");
        assertThat(texts("DOB: -  12/03/2019", DATE_OF_BIRTH)).isEmpty();
    }

    // ------------------------------------------------------------- postcode

    @Test
    void a_postcode_without_its_space_may_have_five_to_seven_characters() {
        assertThat(texts("at M11AE today", POSTCODE)).containsExactly("M11AE");
        assertThat(texts("at SW1A1AA today", POSTCODE)).containsExactly("SW1A1AA");
    }

    @Test
    void a_postcode_split_by_a_no_break_space_is_found() {
        assertThat(texts("LS1\u00A04AP", POSTCODE)).containsExactly("LS1\u00A04AP");
    }

    @Test
    void postcodes_next_to_each_other_are_each_found() {
        assertThat(texts("LS1 4AP/M1 1AE", POSTCODE)).containsExactly("LS1 4AP", "M1 1AE");
    }

    @Test
    void an_outward_code_needs_one_or_two_digits_after_its_area() {
        assertThat(texts("B123 4AP", POSTCODE)).isEmpty();
        assertThat(texts("AB 1AA", POSTCODE)).isEmpty();
    }

    // ------------------------------------------------------- street address

    @Test
    void house_numbers_run_from_1_to_9999() {
        assertThat(texts("9 Elm Grove", STREET_ADDRESS)).containsExactly("9 Elm Grove");
        assertThat(texts("1234 Elm Grove", STREET_ADDRESS)).containsExactly("1234 Elm Grove");
    }

    @Test
    void a_comma_may_follow_the_house_number() {
        assertThat(texts("14, Elm Grove", STREET_ADDRESS)).containsExactly("14, Elm Grove");
    }

    @Test
    void addresses_on_consecutive_lines_are_each_found() {
        assertThat(texts("14 Elm Grove\n3 Oak Road", STREET_ADDRESS)).containsExactly("14 Elm Grove", "3 Oak Road");
    }

    @Test
    void a_street_has_at_most_three_name_words_and_a_name_word_is_a_word() {
        assertThat(texts("7 Lower Mill Bank Side Terrace", STREET_ADDRESS)).isEmpty();
        assertThat(texts("ages 14 & 15", STREET_ADDRESS)).isEmpty();
    }

    // ----------------------------------------------------------------- phone

    @Test
    void a_foreign_number_written_in_one_group_or_after_00_is_found() {
        assertThat(texts("call +33612345678", PHONE_NUMBER)).containsExactly("+33612345678");
        assertThat(texts("call 0033 612345678", PHONE_NUMBER)).containsExactly("0033 612345678");
        assertThat(texts("Berlin 0049 30 12345678", PHONE_NUMBER)).as("twelve digits after the 00")
                .containsExactly("0049 30 12345678");
    }

    @Test
    void a_foreign_number_of_eight_digits_with_its_country_code_is_found() {
        assertThat(texts("Cook Islands +682 21234", PHONE_NUMBER)).containsExactly("+682 21234");
    }

    @Test
    void a_price_with_a_space_after_the_currency_sign_is_not_a_phone_number() {
        assertThat(texts("£ 07400 123456", PHONE_NUMBER)).isEmpty();
        assertThat(texts("costs € 0113 496 0123", PHONE_NUMBER)).isEmpty();
    }

    @Test
    void a_clock_time_joined_by_a_dash_does_not_hide_the_phone_number_after_it() {
        assertThat(texts("9.30-07400 123456", PHONE_NUMBER)).containsExactly("07400 123456");
        assertThat(texts("from 10:30-0113 496 0123", PHONE_NUMBER)).containsExactly("0113 496 0123");
        assertThat(texts("10:30:00-07400 123456", PHONE_NUMBER)).containsExactly("07400 123456");
    }
}
