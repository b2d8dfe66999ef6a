package dev.hallpass.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.DetectorFixtures;
import dev.hallpass.Explanation;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import dev.hallpass.Sender;
import dev.hallpass.detect.Detectors;
import dev.hallpass.detect.NameNote;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Role;
import dev.hallpass.fixtures.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule that tells a child's name from a look-alike, on its own, and what explain says of it. */
final class LookAlikeNamesTest {
    private static final SchoolProfile PROFILE = NamesCorpus.profile();
    private static final Detectors DETECTORS = DetectorFixtures.forProfile(PROFILE);

    private static List<String> names(Detectors detectors, String text) {
        return detectors.scan(text, List.of()).stream().filter(f -> f.kind() == FindingKind.CHILD_NAME)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    private static List<String> names(String text) {
        return names(DETECTORS, text);
    }

    @Test
    void a_roster_name_followed_by_a_place_or_event_word_is_part_of_that_name() {
        assertThat(names("We live just off Florence Road near the park")).isEmpty();
        assertThat(names("Is the Victoria Park fun run still on?")).isEmpty();
        assertThat(names("Florence walked down the road with us")).containsExactly("Florence");
        assertThat(names("Harry's house is near ours")).containsExactly("Harry");
    }

    @Test
    void a_name_after_a_place_prefix_or_a_title_is_not_a_child() {
        assertThat(names("They sailed on Lake Victoria in the summer")).isEmpty();
        assertThat(names("St George's Day is on Thursday")).isEmpty();
        assertThat(names("Queen Victoria and Prince George in our topic")).isEmpty();
    }

    @Test
    void known_characters_titles_and_famous_people_are_not_children() {
        assertThat(names("We are reading Harry Potter and Charlotte's Web this term")).isEmpty();
        assertThat(names("Florence Nightingale was our history topic")).isEmpty();
        assertThat(names("Harry and Charlotte loved the book")).containsExactly("Harry", "Charlotte");
    }

    @Test
    void a_costume_or_character_is_not_a_child() {
        assertThat(names("She is going as Elsa for World Book Day")).isEmpty();
        assertThat(names("Elsa is going as a pirate for World Book Day")).containsExactly("Elsa");
    }

    @Test
    void a_roster_name_beside_a_rarer_capitalised_word_is_a_longer_proper_name() {
        assertThat(names("we watched Lewis Hamilton win on Sunday")).isEmpty();
        assertThat(names("Lewis Loves his new bike")).containsExactly("Lewis");
        assertThat(names("Lewis Carter was star of the week")).containsExactly("Lewis Carter");
        assertThat(names("Happy Birthday Harry From All Of Us")).containsExactly("Harry");
    }

    @Test
    void an_alias_that_is_a_common_word_is_a_name_only_where_used_as_one() {
        assertThat(names("Please pack a PE kit on Tuesday")).isEmpty();
        assertThat(names("The spelling bee is next week")).isEmpty();
        assertThat(names("Kit was brilliant in assembly")).containsExactly("Kit");
        assertThat(names("well done to Kit today")).containsExactly("Kit");
    }

    @Test
    void a_name_typed_with_digits_for_letters_is_still_found() {
        assertThat(names("Mi11ie left her coat")).containsExactly("Mi11ie");
        assertThat(names("ask 0liver about it")).containsExactly("0liver");
        assertThat(names("room A11 is open")).isEmpty();
    }

    @Test
    void the_profiles_not_names_are_never_children_and_the_same_name_elsewhere_still_is() {
        SchoolProfile withPark = PROFILE.toBuilder().notNames(List.of("Millie's Meadow", "Harper Fun Run")).build();
        Detectors detectors = DetectorFixtures.forProfile(withPark);
        assertThat(names(detectors, "See you at Millie's Meadow on Sunday")).isEmpty();
        assertThat(names(detectors, "The Harper Fun Run raised £300")).isEmpty();
        assertThat(names(detectors, "Millie loved the meadow")).containsExactly("Millie");
    }

    @Test
    void explain_says_why_each_name_was_taken_or_set_aside_without_the_name() {
        PolicyEngine engine = PolicyEngine.builder().profile(PROFILE).build();
        String text = "Millie and my son Tom walked down Florence Road to see Mrs Grace";
        Explanation x = engine.explain(new ProposedMessage("m", Channel.CLASS_CHAT, new Sender("p", Role.PARENT), "oak", text, List.of(),
                Messages.WORKING_TIME));
        assertThat(x.names()).extracting(Explanation.NameReason::taken, Explanation.NameReason::why).containsExactly(
                org.assertj.core.groups.Tuple.tuple(true, NameNote.ROSTER), org.assertj.core.groups.Tuple.tuple(true, NameNote.CONTEXT),
                org.assertj.core.groups.Tuple.tuple(false, NameNote.PLACE), org.assertj.core.groups.Tuple.tuple(false, NameNote.AFTER_TITLE));
        assertThat(x.names()).allSatisfy(n -> assertThat(n.why()).doesNotContain("Millie", "Tom", "Florence", "Grace"));
        assertThat(text.substring(x.names().get(2).start(), x.names().get(2).end())).isEqualTo("Florence");
        String json = dev.hallpass.json.DecisionJson.toJson(x);
        assertThat(json).contains("\"names\":[{\"start\":0,\"end\":6,\"taken\":true,\"why\":\"roster name or alias\"}");
    }
}
