package dev.hallpass.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word list, compiled into one trie over token keys, matched in a single pass over a
 * message's tokens. A pattern is words separated by spaces; a word may be {@code a|b}
 * (alternatives), {@code *} (any one word) or {@code @class} (a word of a named class such as
 * {@code @pron} or {@code @time}, decided by a predicate). Patterns are at most
 * {@value #MAX_LENGTH} words, so the work per token is bounded and the whole match is linear in
 * the text's length.
 */
final class PhraseMatcher {
    static final int MAX_LENGTH = 8;

    /** What a pattern is for, within its kind. */
    enum Role { TRIGGER, IGNORE, NEEDS }

    /**
     * A pattern's payload: which list it came from.
     *
     * @param kind the finding kind it finds
     * @param label the kind's name, or the school's list name for SCHOOL_WORDS
     * @param role what the pattern does for that list
     */
    record Entry(dev.hallpass.facts.FindingKind kind, String label, Role role) {}

    /** One match: tokens {@code first..last} inclusive. */
    record Match(Entry entry, int first, int last) {}

    private static final class Node {
        final Map<String, Node> words = new HashMap<>();
        /** Word classes by name, as parallel arrays: walked for every token, so no iterator. */
        String[] classNames = new String[0];
        Node[] classNodes = new Node[0];
        Node any;
        final List<Entry> entries = new ArrayList<>(1);

        Node classNode(String name) {
            for (int k = 0; k < classNames.length; k++) {
                if (classNames[k].equals(name)) {
                    return classNodes[k];
                }
            }
            classNames = java.util.Arrays.copyOf(classNames, classNames.length + 1);
            classNodes = java.util.Arrays.copyOf(classNodes, classNodes.length + 1);
            classNames[classNames.length - 1] = name;
            return classNodes[classNodes.length - 1] = new Node();
        }
    }

    private final Node root = new Node();

    /**
     * Adds a pattern.
     *
     * @throws IllegalArgumentException if the pattern is empty, too long or names an unknown class
     */
    void add(String pattern, Entry entry, java.util.Set<String> knownClasses) {
        String[] words = normalise(pattern);
        if (words.length == 0 || words.length > MAX_LENGTH) {
            throw new IllegalArgumentException("pattern must have 1 to " + MAX_LENGTH + " words: \"" + pattern + "\"");
        }
        List<Node> frontier = List.of(root);
        for (String word : words) {
            List<Node> next = new ArrayList<>();
            for (Node node : frontier) {
                if (word.equals("*")) {
                    if (node.any == null) {
                        node.any = new Node();
                    }
                    next.add(node.any);
                } else if (word.startsWith("@")) {
                    String cls = word.substring(1);
                    if (!knownClasses.contains(cls)) {
                        throw new IllegalArgumentException("unknown word class @" + cls + " in \"" + pattern + "\"");
                    }
                    next.add(node.classNode(cls));
                } else {
                    for (String alt : word.split("\\|")) {
                        String key = Tokens.foldKey(alt);
                        if (!key.isEmpty()) {
                            next.add(node.words.computeIfAbsent(key, k -> new Node()));
                        }
                    }
                }
            }
            frontier = next;
        }
        for (Node node : frontier) {
            if (!node.entries.contains(entry)) {
                node.entries.add(entry);
            }
        }
    }

    /**
     * The pattern's words as the tokenizer would cut the same text: "£5 each" is the two words
     * "5" and "each", "drop-off" stays one. Alternatives, "*" and classes are kept as written.
     */
    private static String[] normalise(String pattern) {
        List<String> out = new ArrayList<>();
        for (String word : pattern.trim().split("\\s+")) {
            if (word.equals("*") || word.startsWith("@") || word.contains("|")) {
                out.add(word);
            } else {
                Tokens t = Tokens.of(word);
                for (int i = 0; i < t.size(); i++) {
                    out.add(t.key(i));
                }
            }
        }
        return out.toArray(new String[0]);
    }

    /**
     * Every match at every token.
     *
     * @param inClass decides whether token {@code i} belongs to class {@code name}
     */
    /** Whether token {@code i} belongs to word class {@code name} (an int, not a boxed Integer: this runs for every token). */
    @FunctionalInterface
    interface InClass {
        boolean test(String name, int i);
    }

    List<Match> matchAll(Tokens tokens, InClass inClass) {
        List<Match> out = new ArrayList<>(32); // a typical message has a dozen or two: no regrowth
        for (int i = 0; i < tokens.size(); i++) {
            walk(root, tokens, i, i, inClass, out);
        }
        return out;
    }

    private void walk(Node node, Tokens tokens, int first, int at, InClass inClass, List<Match> out) {
        if (at >= tokens.size() || at - first >= MAX_LENGTH || tokens.sentence(at) != tokens.sentence(first)) {
            return;
        }
        Node w = node.words.get(tokens.key(at));
        if (w != null) {
            step(w, tokens, first, at, inClass, out);
        }
        String[] classNames = node.classNames;
        for (int k = 0; k < classNames.length; k++) {
            if (inClass.test(classNames[k], at)) {
                step(node.classNodes[k], tokens, first, at, inClass, out);
            }
        }
        if (node.any != null) {
            step(node.any, tokens, first, at, inClass, out);
        }
    }

    private void step(Node node, Tokens tokens, int first, int at, InClass inClass, List<Match> out) {
        List<Entry> entries = node.entries;
        for (int k = 0; k < entries.size(); k++) {
            out.add(new Match(entries.get(k), first, at));
        }
        walk(node, tokens, first, at + 1, inClass, out);
    }
}
