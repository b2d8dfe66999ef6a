/**
 * Internal: the Drools glue. Rule files are checked and re-emitted ({@code RuleValidator}),
 * compiled into rule bases ({@link dev.hallpass.engine.RuleSet}), cached on disk ({@link
 * dev.hallpass.engine.RuleCache}) and run within bounds. Nothing here is API: the types are public
 * only so that {@code dev.hallpass.PolicyEngine} can use them, may change in any release, and no
 * Drools type appears in a public signature. Depends only on {@code dev.hallpass.facts}.
 */
package dev.hallpass.engine;
