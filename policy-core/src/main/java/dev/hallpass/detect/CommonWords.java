package dev.hallpass.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The commonest English words (SCOWL size 20, {@code common-words.txt} beside this class, with its
 * source and notice): a nickname that is one (Kit, Sunny) is a name only where used as one, and a
 * capitalised word beside a roster name that is not one ("Lewis Hamilton") makes a longer proper
 * name. Read once, on first use; immutable.
 */
final class CommonWords {
    private CommonWords() {}

    private static final class Holder {
        static final Set<String> WORDS = read();
    }

    /** True when {@code key} (a folded token key) is one of the commonest English words. */
    static boolean contains(String key) {
        return Holder.WORDS.contains(key);
    }

    /** Gives every common word to {@code each}. */
    static void forEach(java.util.function.Consumer<String> each) {
        Holder.WORDS.forEach(each);
    }

    private static Set<String> read() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = CommonWords.class.getResourceAsStream("common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-words.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
