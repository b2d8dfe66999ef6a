package dev.hallpass;

import java.util.Locale;

/** Case-insensitive enum parsing, as the contract asks of every enum on input. */
final class Enums {
    private Enums() {}

    /** The constant named {@code raw} in any case, or null if there is none. */
    static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        String wanted = raw.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        return null;
    }
}
