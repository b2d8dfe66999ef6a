package dev.hallpass.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.facts.Channel;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.examples.embedding.EmbeddingExample.Action;
import dev.hallpass.examples.embedding.EmbeddingExample.Host;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class EmbeddingExampleTest {
    private static final PolicyEngine ENGINE = PolicyEngine.builder().build();
    private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");
    private final Host host = new Host(ENGINE);

    @Test
    void a_question_about_an_event_is_sent() {
        assertThat(host.send(ProposedMessage.of("m", Channel.CLASS_CHAT, Role.PARENT, "What time does the nativity start?", TUESDAY)))
                .isEqualTo(Action.SENT);
        assertThat(host.sent).hasSize(1);
    }

    @Test
    void an_hlta_draft_is_refused_and_the_sender_sees_why() {
        assertThat(host.send(ProposedMessage.of("m", Channel.CLASS_CHAT, Role.HLTA, "Covering today", TUESDAY))).isEqualTo(Action.REFUSED);
        assertThat(host.sent).isEmpty();
        assertThat(host.tipsShown).anySatisfy(t -> assertThat(t).contains("policy 4.4"));
    }

    @Test
    void a_saturday_draft_is_held_until_working_hours() {
        assertThat(host.send(ProposedMessage.of("m", Channel.PRIVATE_CHAT, Role.PARENT, "Thanks!", Instant.parse("2026-11-28T10:00:00Z"))))
                .isEqualTo(Action.DEFERRED);
        assertThat(host.deferred).hasSize(1);
        assertThat(host.sent).isEmpty();
    }

    @Test
    void a_safeguarding_concern_in_private_chat_is_sent_and_raises_a_review() {
        assertThat(host.send(ProposedMessage.of("m-7", Channel.PRIVATE_CHAT, Role.PARENT, "She keeps saying she's scared to go home", TUESDAY)))
                .isEqualTo(Action.SHOWN_TIP_AND_SENT);
        assertThat(host.safeguardingReviews).containsExactly("m-7");
        assertThat(host.sent).hasSize(1);
    }

    @Test
    void a_child_named_in_class_chat_is_offered_another_route_and_not_sent() {
        assertThat(host.send(ProposedMessage.of("m", Channel.CLASS_CHAT, Role.PARENT, "Has anyone seen Amelia's coat?", TUESDAY)))
                .isEqualTo(Action.OFFERED_ROUTE);
        assertThat(host.sent).isEmpty();
    }
}
