/**
 * Recognizers: text and attachment types in, {@link dev.hallpass.facts.Finding findings} out, with
 * UTF-16 offsets and never the text itself. One small class per entity ({@code EmailRecognizer},
 * {@code NhsNumberRecognizer} …), each implementing {@code Recognizer}; {@code Pipeline} states the
 * order they run in; {@link dev.hallpass.detect.Detectors} is the registry that builds them from a
 * {@link dev.hallpass.detect.DetectorConfig} and switches them off. Every word list is in the
 * lexicon ({@code hallpass/lexicon.yaml}). Depends on {@code dev.hallpass.facts} and the shared YAML
 * reader only, never on the root package. Used by the engine; hosts do not need it.
 */
package dev.hallpass.detect;
