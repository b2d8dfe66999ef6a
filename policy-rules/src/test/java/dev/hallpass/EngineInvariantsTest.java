package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.hallpass.fixtures.Engines;
import dev.hallpass.fixtures.Gens;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Engine-wide invariants, checked over generated messages. */
final class EngineInvariantsTest {
    private final PolicyEngine engine = Engines.defaults();

    private Decision decide(Channel channel, Role role, String text, Instant when) {
        return engine.evaluate(new ProposedMessage("m", channel, new Sender("t-oak", role), "oak", text, List.of(), when));
    }

    /** What a sender sees of a decision, leaving out evidence offsets (which move when the text does). */
    private static String gist(Decision d) {
        return d.outcome() + " " + d.redirectTo() + " " + d.reasons().stream().map(r -> r.clause() + ":" + r.outcome()).toList() + " " + d.obligations();
    }

    private static Gen<UnaryOperator<String>> formattingChanges() {
        List<UnaryOperator<String>> changes = List.of(
                s -> s.toUpperCase(Locale.ROOT),
                s -> s.toLowerCase(Locale.ROOT),
                s -> s.replace(" ", "   "),
                s -> s.replace(" ", "\t"),
                s -> "  " + s + "  ",
                s -> s + "!!!",
                s -> s + " 😊",
                s -> s.replaceAll("[.!?]+$", ""),
                s -> s.replace("'", "\u2019"),
                s -> Normalizer.normalize(s, Normalizer.Form.NFD),
                s -> Normalizer.normalize(s, Normalizer.Form.NFC));
        return integers().between(0, changes.size() - 1).map(changes::get);
    }

    @Test
    void the_same_message_always_gets_the_same_decision() {
        qt().forAll(Gens.sentences(), arbitrary().enumValues(Channel.class), Gens.workingTimes())
                .checkAssert((text, channel, when) ->
                        assertThat(decide(channel, Role.PARENT, text, when)).isEqualTo(decide(channel, Role.PARENT, text, when)));
    }

    @Test
    void case_whitespace_punctuation_and_unicode_form_do_not_change_a_decision() {
        // Names that are also words (Will, Grace) are told apart by their capital letter, so the
        // generated sentences use roster names that are not words.
        qt().forAll(Gens.sentences(), formattingChanges(), arbitrary().enumValues(Channel.class), Gens.workingTimes())
                .checkAssert((text, change, channel, when) ->
                        assertThat(gist(decide(channel, Role.PARENT, change.apply(text), when)))
                                .as("%s", change.apply(text))
                                .isEqualTo(gist(decide(channel, Role.PARENT, text, when))));
    }

    @Test
    void the_same_text_in_a_private_chat_is_never_stricter_than_in_class_chat() {
        qt().forAll(Gens.sentences(), Gens.chatRoles(), Gens.workingTimes())
                .checkAssert((text, role, when) -> {
                    Decision inPrivate = decide(Channel.PRIVATE_CHAT, role, text, when);
                    Decision inClass = decide(Channel.CLASS_CHAT, role, text, when);
                    assertThat(inPrivate.outcome().isMoreSevereThan(inClass.outcome())).as(text).isFalse();
                });
    }

    @Test
    void a_roster_name_wherever_many_parents_can_see_is_redirected_citing_4_12() {
        qt().forAll(Gens.rosterNames(), Gens.nameSentences(), Gens.manyParentChannels(), Gens.workingTimes())
                .checkAssert((name, sentence, channel, when) -> {
                    String text = String.format(sentence, name);
                    Decision d = engine.evaluate(new ProposedMessage("m", channel, new Sender("t-oak", Role.TEACHER), "oak", text, List.of(), when));
                    assertThat(d.outcome()).as(text).isIn(Outcome.REDIRECT, Outcome.BLOCK);
                    assertThat(d.reason("4.12")).as(text).hasValueSatisfying(r -> {
                        assertThat(r.outcome()).isEqualTo(Outcome.REDIRECT);
                        assertThat(r.message()).doesNotContainIgnoringCase(name);
                        assertThat(r.evidence()).anySatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualToIgnoringCase(
                                name.contains(" ") ? name : text.substring(e.start(), e.end())));
                    });
                });
    }

    @Test
    void a_negated_urgency_never_cites_4_2() {
        qt().forAll(Gens.negatedUrgency(), arbitrary().enumValues(Channel.class), Gens.workingTimes())
                .checkAssert((text, channel, when) -> assertThat(decide(channel, Role.PARENT, text, when).cites("4.2")).as(text).isFalse());
    }

    @Test
    void evidence_offsets_always_point_inside_the_text() {
        qt().forAll(Gens.sentences(), arbitrary().enumValues(Channel.class), Gens.workingTimes())
                .checkAssert((text, channel, when) -> decide(channel, Role.PARENT, text, when).reasons().stream()
                        .flatMap(r -> r.evidence().stream()).filter(e -> e.start() != null)
                        .forEach(e -> assertThat(e.end()).isLessThanOrEqualTo(text.length()).isGreaterThan(e.start())));
    }
}
