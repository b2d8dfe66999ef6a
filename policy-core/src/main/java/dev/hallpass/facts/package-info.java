/**
 * The fact model that rule files are written against: {@link dev.hallpass.facts.Message} (who,
 * where, when), {@link dev.hallpass.facts.Finding} (what detectors found in the text and
 * attachments), and {@link dev.hallpass.facts.ClauseMatch} (what a rule infers). A school's own
 * rule files may use these types and nothing else from Hallpass.
 */
package dev.hallpass.facts;
