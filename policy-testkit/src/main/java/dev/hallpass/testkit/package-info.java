/**
 * The Hallpass test kit: QuickTheories generators for messages, times, texts and school profiles
 * ({@link dev.hallpass.testkit.PolicyGens}) and the policy's promises as ready-made properties
 * that any engine, default or customized, can be checked against ({@link
 * dev.hallpass.testkit.PolicyProperties}). Use it in test scope.
 */
package dev.hallpass.testkit;
