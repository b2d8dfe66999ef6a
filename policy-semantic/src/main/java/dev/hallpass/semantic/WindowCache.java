package dev.hallpass.semantic;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, thread-safe cache of the model's last hidden state per window, keyed by the window's exact
 * token ids. The model's output depends on nothing but those ids (one session, fixed options), so a hit
 * gives the very floats a run would: scores are bit-identical with and without it. It serves a draft
 * checked again unchanged (the web demo's check on send after its check while typing), the unchanged
 * windows of a long draft, and {@code explain}'s second reading of the same text. Least recently used
 * windows go first once the rows held exceed the budget in bytes; it holds token ids and floats, never text.
 */
final class WindowCache {
    /** The default budget: {@value} bytes of rows (a 50-token window is about 74 KB). */
    static final long DEFAULT_BYTES = 8L << 20;

    private final long budget;
    private final LinkedHashMap<Key, Entry> map = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    WindowCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budget: " + budgetBytes + " bytes, must be 0 (off) or more");
        }
        this.budget = budgetBytes;
    }

    /** The budget from system property {@code hallpass.semantic.cacheBytes} (0 turns the cache off), else the default. */
    static WindowCache fromSystemProperty() {
        String v = System.getProperty("hallpass.semantic.cacheBytes");
        if (v == null || v.isBlank()) {
            return new WindowCache(DEFAULT_BYTES);
        }
        try {
            return new WindowCache(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new SemanticException("hallpass.semantic.cacheBytes: not a number of bytes: " + v.strip());
        }
    }

    boolean enabled() {
        return budget > 0;
    }

    /** The rows cached for exactly these ids, or null. The rows are shared: never write to them. */
    synchronized float[][] get(long[] ids) {
        Entry e = map.get(new Key(ids));
        if (e == null) {
            misses++;
            return null;
        }
        hits++;
        return e.rows();
    }

    /** Keeps {@code rows} for {@code ids} (copied key), dropping the least recently used windows over the budget. */
    synchronized void put(long[] ids, float[][] rows) {
        long size = size(ids, rows);
        if (size > budget) {
            return;
        }
        Entry old = map.put(new Key(ids.clone()), new Entry(rows, size));
        if (old != null) {
            bytes -= old.size();
        }
        bytes += size;
        Iterator<Map.Entry<Key, Entry>> it = map.entrySet().iterator();
        while (bytes > budget && it.hasNext()) {
            bytes -= it.next().getValue().size();
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int windows() {
        return map.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    /** What an entry holds, counted: the rows, the key's ids and a fixed allowance for the objects around them. */
    static long size(long[] ids, float[][] rows) {
        long floats = 0;
        for (float[] r : rows) {
            floats += r.length;
        }
        return 128 + (long) ids.length * Long.BYTES + floats * Float.BYTES + (long) rows.length * 16;
    }

    private record Entry(float[][] rows, long size) {}

    /** Token ids compared by value. */
    private static final class Key {
        private final long[] ids;
        private final int hash;

        Key(long[] ids) {
            this.ids = ids;
            this.hash = Arrays.hashCode(ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.ids, ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
