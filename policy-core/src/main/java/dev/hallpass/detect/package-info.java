/**
 * Detectors: text and attachments in, {@link dev.hallpass.facts.Finding findings} out, with UTF-16
 * offsets and never the text itself. Used by the engine; hosts do not need it.
 */
package dev.hallpass.detect;
