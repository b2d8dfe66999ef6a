package dev.hallpass.detect;

/**
 * One shared string for each of the commonest words' keys, found by its characters without making
 * a string: a token whose key is a common word gets this string, whose hash is already computed,
 * so the lookups every recognizer makes with it hash nothing and compare by identity first.
 * Immutable once built; thread-safe.
 */
final class Vocabulary {
    private Vocabulary() {}

    private static final class Table {
        static final String[] SLOTS = build();

        private static String[] build() {
            java.util.List<String> words = new java.util.ArrayList<>();
            CommonWords.forEach(words::add);
            String[] slots = new String[Integer.highestOneBit(Math.max(words.size(), 16)) * 4];
            for (String w : words) {
                int slot = spread(w.hashCode()) & (slots.length - 1);
                while (slots[slot] != null && !slots[slot].equals(w)) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = w;
            }
            return slots;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /**
     * The shared string of {@code chars[0, length)}, whose {@link String#hashCode} is {@code hash},
     * or null when it is not a common word.
     */
    static String find(char[] chars, int length, int hash) {
        String[] slots = Table.SLOTS;
        int slot = spread(hash) & (slots.length - 1);
        while (true) {
            String w = slots[slot];
            if (w == null) {
                return null;
            }
            if (w.length() == length && w.hashCode() == hash) {
                boolean same = true;
                for (int i = 0; i < length && same; i++) {
                    same = w.charAt(i) == chars[i];
                }
                if (same) {
                    return w;
                }
            }
            slot = (slot + 1) & (slots.length - 1);
        }
    }
}
