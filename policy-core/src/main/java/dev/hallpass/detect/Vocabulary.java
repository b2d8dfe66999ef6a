package dev.hallpass.detect;

/**
 * One shared string, and a dense id, for each of the commonest words' keys, found by its characters
 * without making a string: a token whose key is a common word gets this string, whose hash is
 * already computed, so the lookups every recognizer makes with it hash nothing and compare by
 * identity first; and a detector can keep what it knows of every common word in an array indexed by
 * the id ({@link #size} entries) instead of a map. Immutable once built; thread-safe.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** The id of a word that is not a common word. */
    static final int NONE = -1;

    private static final class Table {
        static final String[] WORDS;
        static final String[] SLOTS;
        static final int[] IDS;

        static {
            java.util.List<String> words = new java.util.ArrayList<>();
            CommonWords.forEach(words::add);
            java.util.Collections.sort(words); // ids do not depend on a set's iteration order
            WORDS = words.toArray(String[]::new);
            SLOTS = new String[Integer.highestOneBit(Math.max(WORDS.length, 16)) * 4];
            IDS = new int[SLOTS.length];
            for (int id = 0; id < WORDS.length; id++) {
                String w = WORDS[id];
                int slot = spread(w.hashCode()) & (SLOTS.length - 1);
                while (SLOTS[slot] != null) {
                    slot = (slot + 1) & (SLOTS.length - 1);
                }
                SLOTS[slot] = w;
                IDS[slot] = id;
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** How many common words there are: every id is below this. */
    static int size() {
        return Table.WORDS.length;
    }

    /** The common word whose id is {@code id}. */
    static String word(int id) {
        return Table.WORDS[id];
    }

    /**
     * The table slot of {@code chars[0, length)}, whose {@link String#hashCode} is {@code hash}, or
     * {@link #NONE} when it is not a common word; its string is {@link #wordAt}, its id {@link #idAt}.
     */
    static int slot(char[] chars, int length, int hash) {
        String[] slots = Table.SLOTS;
        int slot = spread(hash) & (slots.length - 1);
        while (true) {
            String w = slots[slot];
            if (w == null) {
                return NONE;
            }
            if (w.length() == length && w.hashCode() == hash) {
                boolean same = true;
                for (int i = 0; i < length && same; i++) {
                    same = w.charAt(i) == chars[i];
                }
                if (same) {
                    return slot;
                }
            }
            slot = (slot + 1) & (slots.length - 1);
        }
    }

    static String wordAt(int slot) {
        return Table.SLOTS[slot];
    }

    static int idAt(int slot) {
        return Table.IDS[slot];
    }

    /** The id of {@code key}, or {@link #NONE} when it is not a common word. */
    static int id(String key) {
        String[] slots = Table.SLOTS;
        int slot = spread(key.hashCode()) & (slots.length - 1);
        while (true) {
            String w = slots[slot];
            if (w == null) {
                return NONE;
            }
            if (w == key || w.equals(key)) {
                return Table.IDS[slot];
            }
            slot = (slot + 1) & (slots.length - 1);
        }
    }
}
