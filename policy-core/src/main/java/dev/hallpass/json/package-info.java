/**
 * JSON for the contract's shapes: proposed messages in ({@link dev.hallpass.json.MessageJson}),
 * decisions and line errors out ({@link dev.hallpass.json.DecisionJson}).
 */
package dev.hallpass.json;
