package dev.hallpass.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.Channel;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class EmbeddingExampleTest {
    private static final PolicyEngine ENGINE = PolicyEngine.builder().build();

    @Test
    void a_question_about_an_event_is_sent() {
        assertThat(EmbeddingExample.beforeSend(ENGINE, ProposedMessage.of("m", Channel.CLASS_CHAT, Role.PARENT,
                "What time does the nativity start?", Instant.parse("2026-11-24T10:00:00Z")))).isEqualTo("sent");
    }

    @Test
    void an_hlta_draft_is_not_sent_and_the_sender_sees_why() {
        assertThat(EmbeddingExample.beforeSend(ENGINE, ProposedMessage.of("m", Channel.CLASS_CHAT, Role.HLTA,
                "Covering today", Instant.parse("2026-11-24T10:00:00Z")))).startsWith("not sent: ").contains("policy 4.4");
    }

    @Test
    void a_saturday_draft_is_sent_with_the_deferral_obligation() {
        assertThat(EmbeddingExample.beforeSend(ENGINE, ProposedMessage.of("m", Channel.PRIVATE_CHAT, Role.PARENT,
                "Thanks!", Instant.parse("2026-11-28T10:00:00Z")))).startsWith("sent after the tip with [DEFER_UNTIL_WORKING_HOURS]");
    }
}
