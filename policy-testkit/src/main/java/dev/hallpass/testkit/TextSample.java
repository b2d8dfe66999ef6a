package dev.hallpass.testkit;

/**
 * A generated text and where its trigger is.
 *
 * @param text the text
 * @param trigger what it was built to contain
 * @param start UTF-16 offset of the trigger, or -1 when there is none
 * @param end offset after the trigger, or -1
 */
public record TextSample(String text, TriggerKind trigger, int start, int end) {
    /** The text, quoted, with its trigger marked: readable in a counterexample. */
    @Override
    public String toString() {
        return trigger == TriggerKind.NONE ? "\"" + text + "\"" : "\"" + text + "\" (" + trigger + " at " + start + ".." + end + ")";
    }
}
