package dev.hallpass.examples.embedding;

import dev.hallpass.facts.Channel;
import dev.hallpass.Decision;
import dev.hallpass.DecisionLog;
import dev.hallpass.facts.Obligation;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Reason;
import dev.hallpass.facts.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest host: build the engine once at start-up, ask it before each send, show the tip,
 * honour the obligations (hold a message until working hours, pass safeguarding concerns on), and
 * only send what the decision allows. Run it with
 * {@code mvn -q -pl policy-sdk-examples exec:java -Dexec.mainClass=dev.hallpass.examples.embedding.EmbeddingExample}.
 */
public final class EmbeddingExample {
    /** What the host did with a draft. */
    enum Action { SENT, DEFERRED, SHOWN_TIP_AND_SENT, OFFERED_ROUTE, REFUSED }

    /** A host's outbox: what it sent, what it holds for working hours, what it passed to safeguarding. */
    static final class Host {
        final PolicyEngine engine;
        final List<ProposedMessage> sent = new ArrayList<>();
        final List<ProposedMessage> deferred = new ArrayList<>();
        final List<String> safeguardingReviews = new ArrayList<>();
        final List<String> tipsShown = new ArrayList<>();

        Host(PolicyEngine engine) {
            this.engine = engine;
        }

        Action send(ProposedMessage draft) {
            Decision d = engine.evaluate(draft);
            d.reasons().stream().filter(r -> !r.shadow()).map(Reason::message).forEach(tipsShown::add);
            if (d.obligations().contains(Obligation.SAFEGUARDING_REVIEW)) {
                safeguardingReviews.add(draft.id()); // the host's own procedure: never drop the message
            }
            return switch (d.outcome()) {
                case BLOCK -> Action.REFUSED;
                case REDIRECT -> Action.OFFERED_ROUTE; // offer d.redirectTo(): private chat, or the number in the tip
                case WARN, ALLOW -> {
                    if (d.obligations().contains(Obligation.DEFER_UNTIL_WORKING_HOURS)) {
                        deferred.add(draft);
                        yield Action.DEFERRED;
                    }
                    sent.add(draft);
                    yield d.reasons().isEmpty() ? Action.SENT : Action.SHOWN_TIP_AND_SENT;
                }
            };
        }
    }

    private EmbeddingExample() {}

    /** Sends four drafts through a host with the built-in profile and prints what happened. */
    public static void main(String[] args) {
        byte[] key = "replace with a secret of 32 bytes".getBytes(StandardCharsets.UTF_8);
        PolicyEngine engine = PolicyEngine.builder()          // once, at start-up; thread-safe
                .textHashKey(key)
                .listener(DecisionLog.toSlf4j(key))          // one JSON line per decision, no personal data
                .build();
        Host host = new Host(engine);
        Instant tuesday = Instant.parse("2026-11-24T10:00:00Z");
        Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
        System.out.println(host.send(ProposedMessage.of("m-1", Channel.CLASS_CHAT, Role.PARENT, "What time does the nativity start?", tuesday)));
        System.out.println(host.send(ProposedMessage.of("m-2", Channel.CLASS_CHAT, Role.HLTA, "Covering Oak class today", tuesday)));
        System.out.println(host.send(ProposedMessage.of("m-3", Channel.PRIVATE_CHAT, Role.PARENT, "Thanks for today!", saturday)));
        System.out.println(host.send(ProposedMessage.of("m-4", Channel.PRIVATE_CHAT, Role.PARENT,
                "She keeps saying she's scared to go home", tuesday)));
        host.tipsShown.forEach(t -> System.out.println("tip: " + t));
        System.out.println("safeguarding reviews raised: " + host.safeguardingReviews);
    }
}
