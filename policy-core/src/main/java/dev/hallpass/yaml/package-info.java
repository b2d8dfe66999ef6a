/**
 * Hardened YAML and JSON readers shared by every package that reads a file (profiles, clauses, word
 * lists). Internal: hosts do not need it.
 */
package dev.hallpass.yaml;
