package dev.hallpass.detect;

import static dev.hallpass.facts.FindingKind.DATE_OF_BIRTH;
import static dev.hallpass.facts.FindingKind.EMAIL;
import static dev.hallpass.facts.FindingKind.NHS_NUMBER;
import static dev.hallpass.facts.FindingKind.PHONE_NUMBER;
import static dev.hallpass.facts.FindingKind.POSTCODE;
import static dev.hallpass.facts.FindingKind.STREET_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

final class PersonalDataDetectorTest {

    // ------------------------------------------------------------------ phone

    @Test
    void a_uk_mobile_number_is_found() {
        for (String number : List.of("+44 7400 123456", "07400123456", "07400 123456", "07400 123 456",
                "+447400123456", "+44 (0)7400 123456", "0044 7400 123456", "07400-123-456", "(07400) 123456")) {
            assertThat(texts("Text me on " + number + " after school", PHONE_NUMBER)).as(number).containsExactly(number);
        }
    }

    @Test
    void a_uk_landline_is_found() {
        for (String number : List.of("0113 496 0123", "(0113) 4960123", "0113-496-0123", "020 7946 0000",
                "+44 113 496 0123", "+44 (0) 113 496 0123", "01134960123")) {
            assertThat(texts("Home is " + number + ".", PHONE_NUMBER)).as(number).containsExactly(number);
        }
    }

    @Test
    void a_number_in_a_drama_range_is_found_though_libphonenumber_calls_it_invalid() {
        assertThat(texts("ring 01632 960000 or 07700 900123", PHONE_NUMBER))
                .containsExactly("01632 960000", "07700 900123");
    }

    @Test
    void a_valid_foreign_number_written_with_its_country_code_is_found() {
        assertThat(texts("Dad is on +33 6 12 34 56 78 this week", PHONE_NUMBER)).containsExactly("+33 6 12 34 56 78");
        assertThat(texts("US office +1 212 555 0123", PHONE_NUMBER)).containsExactly("+1 212 555 0123");
    }

    @Test
    void a_foreign_number_followed_by_another_count_is_found_without_the_count() {
        assertThat(texts("call +33 6 12 34 56 78 2 times", PHONE_NUMBER)).containsExactly("+33 6 12 34 56 78");
    }

    @Test
    void a_ten_digit_number_without_a_trunk_zero_or_country_code_is_not_a_phone_number() {
        assertThat(kinds("ref 123 456 7890")).doesNotContain(PHONE_NUMBER);
        assertThat(kinds("my number is 7400 123456")).doesNotContain(PHONE_NUMBER);
        assertThat(kinds("+999 123 456 789")).doesNotContain(PHONE_NUMBER);
    }

    @Test
    void a_number_that_is_not_a_uk_range_or_is_too_short_is_not_a_phone_number() {
        assertThat(kinds("code 04400 123456 and 06400 123456")).doesNotContain(PHONE_NUMBER);
        assertThat(kinds("0800 123 456 and 0113 496 012")).doesNotContain(PHONE_NUMBER);
    }

    @Test
    void dates_are_not_phone_numbers() {
        for (String date : List.of("12/03/2027", "2027-03-12", "12.03.27", "03.12.2027", "01-02-2003",
                "12/03/2027 - 14/03/2027", "2027-03-12 10:30")) {
            assertThat(scan("The trip is on " + date + ", please sign the form")).as(date).isEmpty();
        }
    }

    @Test
    void times_prices_scores_and_small_numbers_are_not_phone_numbers() {
        for (String text : List.of("pick up at 3:15", "home by 3.15pm", "it costs £12.50", "£1,234,567,890",
                "Year 6 assembly", "room 12", "2 kids", "a 3-2 win", "class 10 of 2027", "£07400123456",
                "€0113 496 0123", "10:00-11:30 10:00-11:30", "version 1.0.113.4960")) {
            assertThat(scan(text)).as(text).isEmpty();
        }
    }

    @Test
    void a_phone_number_beside_a_date_time_or_short_number_is_found_whole() {
        assertThat(texts("Year 6 07400 123456", PHONE_NUMBER)).containsExactly("07400 123456");
        assertThat(texts("on 12/03/2027 07400 123456", PHONE_NUMBER)).containsExactly("07400 123456");
        assertThat(texts("at 3.15 07400 123456", PHONE_NUMBER)).containsExactly("07400 123456");
        assertThat(texts("2027-03-12 07400123456", PHONE_NUMBER)).containsExactly("07400123456");
        assertThat(texts("07400 123456 2 kids", PHONE_NUMBER)).containsExactly("07400 123456");
    }

    @Test
    void numbers_in_a_list_are_found_one_by_one() {
        assertThat(texts("07400 123456/07400 654321, 0113 496 0123 or 07400123456", PHONE_NUMBER))
                .containsExactly("07400 123456", "07400 654321", "0113 496 0123", "07400123456");
    }

    @Test
    void a_number_glued_to_letters_or_inside_a_longer_code_is_not_a_phone_number() {
        for (String text : List.of("ref07400123456", "07400123456abc", "07400-123456-99", "0113 496 01234",
                "1.07400123456", "order 0113.496.0123.77")) {
            assertThat(kinds(text)).as(text).doesNotContain(PHONE_NUMBER);
        }
    }

    @Test
    void offsets_are_utf16_even_after_a_surrogate_pair() {
        String text = "\uD83D\uDE00 call 07400 123456";
        assertThat(scan(text)).containsExactly(Finding.span(PHONE_NUMBER, 8, 20));
    }

    // ------------------------------------------------------------------ email

    @Test
    void an_email_address_is_found() {
        for (String email : List.of("jo.bloggs+school@example.co.uk", "O'Brien@Mail.Example.org", "a_b%c-d@x-y.io",
                "JO@EXAMPLE.COM", "07400123456@example.com")) {
            assertThat(scan("write to " + email + " please")).as(email)
                    .containsExactly(Finding.span(EMAIL, 9, 9 + email.length()));
        }
    }

    @Test
    void punctuation_around_an_email_address_is_not_part_of_it() {
        assertThat(texts("Email me (jo@example.com).", EMAIL)).containsExactly("jo@example.com");
        assertThat(texts("'jo@example.com'", EMAIL)).containsExactly("jo@example.com");
        assertThat(texts("mailto:jo@example.com", EMAIL)).containsExactly("jo@example.com");
        assertThat(texts("it's jo@example.com.", EMAIL)).containsExactly("jo@example.com");
        assertThat(texts("jo@example.com.123", EMAIL)).containsExactly("jo@example.com");
    }

    @Test
    void things_with_an_at_sign_that_are_not_addresses_are_ignored() {
        for (String text : List.of("@handle", "jo@localhost", "meet @ 3", "a@b.c", "jo@@example.com",
                "jo@-example.com", "jo@example.c0m", "@@@@", "a@.com")) {
            assertThat(scan(text)).as(text).isEmpty();
        }
    }

    @Test
    void addresses_that_share_characters_do_not_overlap() {
        List<Finding> found = scan("a@b.com@c.com");
        assertThat(found).extracting(Finding::kind).containsOnly(EMAIL);
        assertNoOverlapWithinAKind(found);
    }

    // --------------------------------------------------------------- postcode

    @Test
    void a_uk_postcode_is_found_in_any_case_with_or_without_the_space() {
        for (String postcode : List.of("LS1 4AP", "SW1A 1AA", "m1 1ae", "LS14AP", "EC1A 1BB", "W1A 0AX",
                "GIR 0AA", "B33 8TH", "Cr2 6XH", "DN55 1PT")) {
            assertThat(texts("We are at " + postcode + ", near school", POSTCODE)).as(postcode)
                    .containsExactly(postcode);
        }
    }

    @Test
    void a_postcode_is_found_at_the_very_start_and_end_of_a_text_and_after_a_long_run_without_digits() {
        String letters = "no digits here at all for a good long while, ".repeat(20);
        for (String postcode : List.of("LS1 4AP", "GIR 0AA", "SW1A 1AA")) {
            assertThat(texts(postcode + " is ours", POSTCODE)).as(postcode).containsExactly(postcode);
            assertThat(texts("ours is " + postcode, POSTCODE)).as(postcode).containsExactly(postcode);
            assertThat(texts(letters + postcode + " " + letters, POSTCODE)).as(postcode).containsExactly(postcode);
        }
    }

    @Test
    void words_codes_and_ordinals_are_not_postcodes() {
        for (String text : List.of("close", "way", "Y6 2AB is a class", "the b6 2nd team", "A4 paper",
                "the M25", "LS1 only", "SW1A1AAA", "LS1 4AP2", "XLS1 4AP", "Q1 1AA", "LS1 4CP", "m1 1st place")) {
            assertThat(kinds(text)).as(text).doesNotContain(POSTCODE);
        }
    }

    // --------------------------------------------------------- street address

    @Test
    void a_street_address_is_found() {
        assertThat(texts("we live at 14 Elm Grove", STREET_ADDRESS)).containsExactly("14 Elm Grove");
        assertThat(texts("12 acacia avenue", STREET_ADDRESS)).containsExactly("12 acacia avenue");
        assertThat(texts("Flat 2, 3 The Close", STREET_ADDRESS)).containsExactly("3 The Close");
        assertThat(texts("at 2 St John's Road.", STREET_ADDRESS)).containsExactly("2 St John's Road");
        assertThat(texts("14a Park Lane", STREET_ADDRESS)).containsExactly("14a Park Lane");
        assertThat(texts("221 Baker St. London", STREET_ADDRESS)).containsExactly("221 Baker St");
        assertThat(texts("7 Lower Mill Bank Terrace", STREET_ADDRESS)).containsExactly("7 Lower Mill Bank Terrace");
        assertThat(texts("1 Court Lane", STREET_ADDRESS)).containsExactly("1 Court Lane");
    }

    @Test
    void a_full_address_gives_its_street_and_its_postcode() {
        assertThat(scan("14 Elm Grove, Leeds LS1 4AP")).containsExactly(
                Finding.span(STREET_ADDRESS, 0, 12), Finding.span(POSTCODE, 20, 27));
    }

    @Test
    void a_count_or_label_before_a_street_word_is_not_an_address() {
        for (String text : List.of("Year 6 Road safety talk", "Year 6 Road Safety Lane", "3 close friends",
                "3 very close friends", "2 more on the way", "it is a 10 minutes drive", "2 kids close by",
                "room 12 Church Lane", "I have 3 on the way", "we won 3 Grove", "5 the way", "0 Elm Grove",
                "12345 Elm Grove", "£5 Elm Grove", "10 very long words in a row before a way")) {
            assertThat(kinds(text)).as(text).doesNotContain(STREET_ADDRESS);
        }
    }

    @Test
    void a_street_word_must_be_a_whole_word_on_the_same_line() {
        assertThat(kinds("14 Elm Groves")).doesNotContain(STREET_ADDRESS);
        assertThat(kinds("14 Elm\nGrove")).doesNotContain(STREET_ADDRESS);
        assertThat(kinds("14 Elm Way2")).doesNotContain(STREET_ADDRESS);
    }

    // ---------------------------------------------------------- date of birth

    @Test
    void a_date_after_a_birth_cue_is_a_date_of_birth() {
        assertThat(texts("DOB: 12/03/2019", DATE_OF_BIRTH)).containsExactly("12/03/2019");
        assertThat(texts("date of birth is 12.3.19", DATE_OF_BIRTH)).containsExactly("12.3.19");
        assertThat(texts("He was born on 3rd March 2019.", DATE_OF_BIRTH)).containsExactly("3rd March 2019");
        assertThat(texts("d.o.b. 2019-03-12", DATE_OF_BIRTH)).containsExactly("2019-03-12");
        assertThat(texts("Her birthday is March 3 2019", DATE_OF_BIRTH)).containsExactly("March 3 2019");
        assertThat(texts("born on the 3rd of March", DATE_OF_BIRTH)).containsExactly("3rd of March");
        assertThat(texts("Date of Birth - Sept. 3rd, 2019", DATE_OF_BIRTH)).containsExactly("Sept. 3rd, 2019");
        assertThat(texts("(dob 03-12-2019)", DATE_OF_BIRTH)).containsExactly("03-12-2019");
        assertThat(texts("Birth date:\n12/03/2019", DATE_OF_BIRTH)).containsExactly("12/03/2019");
        assertThat(texts("born on Tuesday 12 March 2019", DATE_OF_BIRTH)).containsExactly("12 March 2019");
        assertThat(texts("Birthday: 3rd March", DATE_OF_BIRTH)).containsExactly("3rd March");
    }

    @Test
    void a_date_without_a_birth_cue_is_not_a_date_of_birth() {
        for (String text : List.of("The trip is on 12/03/2027", "birthday party on 12/03/2027",
                "born and raised in Leeds, on 12/03/2027 we move", "newborn 12/03/2027", "on 3rd March 2027",
                "She was born. 12/03/2027 is the trip.", "born in March 2019")) {
            assertThat(kinds(text)).as(text).doesNotContain(DATE_OF_BIRTH);
        }
    }

    @Test
    void an_impossible_date_is_not_a_date_of_birth() {
        for (String text : List.of("DOB 32/13/2019", "DOB 0/03/2019", "DOB 12/03/219", "DOB 32nd March 2019",
                "DOB 2019-13-01", "born on Marchy 3")) {
            assertThat(kinds(text)).as(text).doesNotContain(DATE_OF_BIRTH);
        }
    }

    // ------------------------------------------------------------- NHS number

    @Test
    void a_valid_nhs_number_is_found_and_not_reported_as_a_phone_number() {
        for (String number : List.of("943 476 5919", "943-476-5919", "9434765919")) {
            assertThat(scan("NHS no. " + number + ".")).as(number)
                    .containsExactly(Finding.span(NHS_NUMBER, 8, 8 + number.length()));
        }
    }

    @Test
    void a_ten_digit_number_failing_the_check_is_not_an_nhs_number() {
        assertThat(kinds("NHS 943 476 5918")).doesNotContain(NHS_NUMBER);
        assertThat(kinds("NHS 0000000000 and 1111111111")).doesNotContain(NHS_NUMBER);
    }

    @Test
    void an_nhs_number_must_be_grouped_consistently_and_stand_alone() {
        for (String text : List.of("943 476-5919", "943  476 5919", "94 3476 5919", "19434765919",
                "1-943-476-5919", "943-476-5919-2", "x9434765919", "+9434765919")) {
            assertThat(kinds(text)).as(text).doesNotContain(NHS_NUMBER);
        }
    }

    @Test
    void every_number_with_a_right_check_digit_is_an_nhs_number_in_every_grouping() {
        qt().forAll(nhsNumbers(), nhsGroupings())
                .checkAssert((digits, grouping) -> {
                    String number = grouping.apply(digits);
                    assertThat(scan("NHS number " + number + " thanks"))
                            .containsExactly(Finding.span(NHS_NUMBER, 11, 11 + number.length()));
                });
    }

    @Test
    void a_wrong_check_digit_is_never_an_nhs_number() {
        qt().forAll(nhsNumbers(), integers().between(1, 9), nhsGroupings())
                .checkAssert((digits, delta, grouping) -> {
                    char wrong = (char) ('0' + (digits.charAt(9) - '0' + delta) % 10);
                    String number = grouping.apply(digits.substring(0, 9) + wrong);
                    assertThat(kinds("NHS number " + number)).doesNotContain(NHS_NUMBER);
                });
    }

    // ----------------------------------------------------- properties, load

    @Test
    void a_uk_mobile_in_a_sentence_is_found_exactly_where_it_is() {
        qt().forAll(ukMobiles(), mobileFormats(), textsBefore(), textsAfter())
                .checkAssert((digits, format, before, after) -> {
                    String number = format.apply(digits);
                    String text = before + number + after;
                    assertThat(scan(text)).filteredOn(f -> f.kind() == PHONE_NUMBER)
                            .containsExactly(Finding.span(PHONE_NUMBER, before.length(), before.length() + number.length()));
                });
    }

    @Test
    void a_date_in_any_numeric_format_is_never_a_phone_number() {
        qt().forAll(integers().between(1, 28), integers().between(1, 12), integers().between(1990, 2040), dateFormats())
                .checkAssert((day, month, year, format) -> {
                    String text = "on " + format.apply(day, month, year) + " at 9:30";
                    assertThat(kinds(text)).doesNotContain(PHONE_NUMBER, NHS_NUMBER, DATE_OF_BIRTH);
                });
    }

    @Test
    void findings_are_valid_spans_in_text_order_that_never_overlap_within_a_kind() {
        qt().forAll(lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 40).map(pieces -> String.join("", pieces)))
                .checkAssert(text -> {
                    List<Finding> found = scan(text);
                    for (int i = 0; i < found.size(); i++) {
                        Finding f = found.get(i);
                        assertThat(f.end()).isLessThanOrEqualTo(text.length());
                        if (i > 0) {
                            assertThat(f.start()).isGreaterThanOrEqualTo(found.get(i - 1).start());
                        }
                    }
                    assertNoOverlapWithinAKind(found);
                });
    }

    @Test
    void adversarial_inputs_of_200_kb_give_the_right_answer() {
        // Checked by hand to run in well under a second each; no timing assert, which would be flaky.
        int size = 200_000;
        assertThat(scan("0".repeat(size))).isEmpty();
        assertThat(scan("7".repeat(size))).isEmpty();
        assertThat(scan("@a".repeat(size / 2))).isEmpty();
        assertThat(scan("a".repeat(size / 2) + "@" + "a".repeat(size / 2))).isEmpty();
        assertThat(scan("a@b".repeat(size / 3))).isEmpty();
        assertThat(scan("0 ".repeat(size / 2))).isEmpty();
        assertThat(scan("+9".repeat(size / 2))).isEmpty();
        assertThat(scan("+99999999 ".repeat(size / 10))).isEmpty();
        assertThat(scan("1/".repeat(size / 2))).isEmpty();
        assertThat(scan("born on ".repeat(size / 8))).isEmpty();
        assertThat(scan("1 a ".repeat(size / 4))).isEmpty();

        // Only the first MAX_PHONE_CANDIDATES phone-shaped runs go to libphonenumber: bounded cost.
        String mobile = "07400 123456 ";
        List<Finding> phones = scan(mobile.repeat(size / mobile.length()));
        assertThat(phones).hasSize(PhoneNumberRecognizer.MAX_PHONE_CANDIDATES).allMatch(f -> f.kind() == PHONE_NUMBER);

        String email = "jo@example.com ";
        assertThat(scan(email.repeat(size / email.length()))).hasSize(size / email.length());
    }

    @Test
    void findings_are_appended_after_what_the_list_already_holds() {
        List<Finding> out = new ArrayList<>(List.of(Finding.attachment(FindingKind.PHOTO, 0)));
        TestLexicon.personalData("07400 123456", out);
        assertThat(out).containsExactly(Finding.attachment(FindingKind.PHOTO, 0), Finding.span(PHONE_NUMBER, 0, 12));
    }

    // ------------------------------------------------------------- helpers

    private static final List<String> PIECES = List.of(
            "0", "07400", "123456", "0113", " ", "  ", "-", ".", "/", ":", "@", "a", "jo", "example", ".com", "+44",
            "+", "(", ")", "(0)", "LS1", "4AP", "ls14ap", "14", "Elm", "Grove", "Road", "the", "DOB", "born on",
            "12", "2019", "March", "3rd", "£", "\n", "\uD83D\uDE00", "9434765919", "943 476 5919", "x");

    private static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        TestLexicon.personalData(text, out);
        return out;
    }

    private static List<FindingKind> kinds(String text) {
        return scan(text).stream().map(Finding::kind).toList();
    }

    private static List<String> texts(String text, FindingKind kind) {
        return scan(text).stream()
                .filter(f -> f.kind() == kind)
                .map(f -> text.substring(f.start(), f.end()))
                .toList();
    }

    private static void assertNoOverlapWithinAKind(List<Finding> found) {
        for (FindingKind kind : FindingKind.values()) {
            int lastEnd = 0;
            for (Finding f : found) {
                if (f.kind() == kind) {
                    assertThat(f.start()).as("%s overlaps the one before", kind).isGreaterThanOrEqualTo(lastEnd);
                    lastEnd = f.end();
                }
            }
        }
    }

    /** Ten-digit strings with a correct NHS check digit, not all one digit. */
    private static Gen<String> nhsNumbers() {
        return integers().between(0, 999_999_999)
                .map(n -> String.format("%09d", n))
                .map(PersonalDataDetectorTest::withCheckDigit)
                .assuming(s -> s != null && s.chars().distinct().count() > 1);
    }

    /** The NHS modulus-11 check, written independently of the detector: null when no digit fits. */
    private static String withCheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? null : nine + check;
    }

    private static Gen<Format> nhsGroupings() {
        return Generate.pick(List.<Format>of(
                s -> s,
                s -> s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6),
                s -> s.substring(0, 3) + "-" + s.substring(3, 6) + "-" + s.substring(6)))
                .describedAs(format -> format.apply("9434765919"));
    }

    /** "07" then a digit 4-9 then eight digits: the shape of a UK mobile number. */
    @Test
    void every_uk_number_in_any_format_is_found_exactly_when_libphonenumber_calls_it_a_possible_uk_number() {
        // The detector builds the number from its digit groups instead of running libphonenumber's
        // text matcher; this checks the two agree on any ten-digit national number, any layout.
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        Gen<String> national = integers().between(1, 9).zip(integers().between(0, 999_999_999),
                (lead, rest) -> "0" + lead + String.format("%09d", rest)); // "00…" is an international prefix: other tests
        Gen<Format> layouts = Generate.pick(List.<Format>of(
                s -> s,
                s -> s.substring(0, 4) + " " + s.substring(4, 7) + " " + s.substring(7),
                s -> s.substring(0, 3) + " " + s.substring(3, 7) + " " + s.substring(7),
                s -> s.substring(0, 5) + " " + s.substring(5),
                s -> "+44 " + s.substring(1, 4) + " " + s.substring(4),
                s -> "+44 (0)" + s.substring(1, 5) + " " + s.substring(5),
                s -> "0044 " + s.substring(1),
                s -> "(" + s.substring(0, 4) + ") " + s.substring(4),
                s -> s.substring(0, 5) + "-" + s.substring(5, 8) + "-" + s.substring(8),
                s -> s.substring(0, 5) + "." + s.substring(5)))
                .describedAs(format -> format.apply("01134960123"));
        qt().withExamples(3_000).forAll(national, layouts).checkAssert((digits, layout) -> {
            String number = layout.apply(digits);
            String text = "Ring " + number + " today";
            boolean possible = false;
            for (var match : phones.findNumbers(text, "GB", com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency.POSSIBLE, 4)) {
                possible = match.start() == 5 && match.end() == 5 + number.length() && match.number().getCountryCode() == 44
                        && phones.getNationalSignificantNumber(match.number()).length() == 10;
            }
            boolean ukRange = "1235789".indexOf(digits.charAt(1)) >= 0;
            List<String> found = texts(text, PHONE_NUMBER);
            if (possible && ukRange) {
                assertThat(found).as(number).containsExactly(number);
            } else {
                assertThat(found).as(number).isEmpty();
            }
        });
    }

    private static Gen<String> ukMobiles() {
        return integers().between(4, 9).zip(integers().between(0, 99_999_999),
                (third, rest) -> "07" + third + String.format("%08d", rest));
    }

    private static Gen<Format> mobileFormats() {
        return Generate.pick(List.<Format>of(
                s -> s,
                s -> s.substring(0, 5) + " " + s.substring(5),
                s -> s.substring(0, 5) + " " + s.substring(5, 8) + " " + s.substring(8),
                s -> "+44 " + s.substring(1, 5) + " " + s.substring(5),
                s -> "+44" + s.substring(1),
                s -> "+44 (0)" + s.substring(1, 5) + " " + s.substring(5),
                s -> "0044 " + s.substring(1),
                s -> "(" + s.substring(0, 5) + ") " + s.substring(5),
                s -> s.substring(0, 5) + "-" + s.substring(5)))
                .describedAs(format -> format.apply("07400123456"));
    }

    /** What may stand before a number: nothing, or text ending in something other than a letter or digit. */
    private static Gen<String> textsBefore() {
        return Generate.pick(List.of("", "Call ", "Year 6 ", "on 12/03/2027 ", "at 3:15 ", "(Mum) ", "Tel: ",
                "\n", "\uD83D\uDE00 ", "jo@example.com ", "LS1 4AP ", "14 Elm Grove, ", "NHS 943 476 5919 or "));
    }

    /** What may stand after a number: nothing, or text starting with something other than a letter or digit. */
    private static Gen<String> textsAfter() {
        return Generate.pick(List.of("", " thanks", " 2 kids", ", or ", " on 12/03/2027", " (Mum)", ".", "\n",
                " \uD83D\uDE00", " jo@example.com", " LS1 4AP", " after 3.15pm", "!"));
    }

    private static Gen<DateFormat> dateFormats() {
        return Generate.pick(List.<DateFormat>of(
                (d, m, y) -> String.format("%02d/%02d/%d", d, m, y),
                (d, m, y) -> String.format("%d/%d/%02d", d, m, y % 100),
                (d, m, y) -> String.format("%02d.%02d.%02d", d, m, y % 100),
                (d, m, y) -> String.format("%02d-%02d-%d", d, m, y),
                (d, m, y) -> String.format("%d-%02d-%02d", y, m, d),
                (d, m, y) -> String.format("%02d/%02d/%d", m, d, y)))
                .describedAs(format -> format.apply(3, 12, 2019));
    }

    /** How a test writes a ten-digit string: grouped, prefixed, bracketed. */
    @FunctionalInterface
    private interface Format {
        String apply(String digits);
    }

    @FunctionalInterface
    private interface DateFormat {
        String apply(int day, int month, int year);
    }
}
