package dev.hallpass.examples.embedding;

import dev.hallpass.Channel;
import dev.hallpass.Decision;
import dev.hallpass.Outcome;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Reason;
import dev.hallpass.Role;
import java.time.Instant;

/**
 * The smallest host: build the engine once at start-up, ask it before each send, show the tip,
 * and only send what the decision allows. Run it with
 * {@code mvn -q -pl policy-sdk-examples exec:java -Dexec.mainClass=dev.hallpass.examples.embedding.EmbeddingExample}.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    /** What the host would do with a draft: a line for the sender, or "sent". */
    static String beforeSend(PolicyEngine engine, ProposedMessage draft) {
        Decision d = engine.evaluate(draft);
        if (d.outcome() == Outcome.ALLOW) {
            return "sent";
        }
        Reason top = d.reasons().get(0);
        return switch (d.outcome()) {
            case BLOCK -> "not sent: " + top.message();
            case REDIRECT -> "send via " + d.redirectTo() + " instead: " + top.message();
            case WARN -> "sent after the tip" + (d.obligations().isEmpty() ? "" : " with " + d.obligations()) + ": " + top.message();
            case ALLOW -> "sent";
        };
    }

    /** Evaluates two drafts with the built-in profile and prints what the host would do. */
    public static void main(String[] args) {
        PolicyEngine engine = PolicyEngine.builder().build(); // once, at start-up; thread-safe
        Instant tuesdayMorning = Instant.parse("2026-11-24T10:00:00Z");
        System.out.println(beforeSend(engine, ProposedMessage.of("m-1", Channel.CLASS_CHAT, Role.PARENT,
                "What time does the nativity start?", tuesdayMorning)));
        System.out.println(beforeSend(engine, ProposedMessage.of("m-2", Channel.CLASS_CHAT, Role.HLTA,
                "Covering Oak class today", tuesdayMorning)));
    }
}
