package dev.hallpass.detect;

import java.util.Objects;

/**
 * Why a word that could be a child's name was taken as one, or set aside ({@code explain}). Says
 * which rule decided, never the word itself.
 *
 * @param start UTF-16 offset of the word in the message's text
 * @param end offset after it
 * @param taken true when it was taken as a child's name
 * @param why one of the constants of this record: the roster entry, alias or context that made it a
 *     name, or the rule that set it aside
 */
public record NameNote(int start, int end, boolean taken, String why) {
    /** A roster name or alias as written. */
    public static final String ROSTER = "roster name or alias";
    /** A child's full name from the roster. */
    public static final String FULL_NAME = "roster full name";
    /** A name that is also a word (Will, Grace, an alias like Kit), used as a name here. */
    public static final String WORD_NAME = "word-name used as a name";
    /** A roster name typed with look-alike characters or digits ("Mi11ie"). */
    public static final String LOOK_ALIKE = "roster name written with look-alike characters";
    /** A word-name in a list of names ("Jack, Will, Kit & Bear", "grace and millie"). */
    public static final String IN_A_LIST = "word-name in a list of names";
    /** An unlisted name that context introduces ("my son Tom", "Ruby's mum"). */
    public static final String CONTEXT = "introduced by context";
    /** A name after a title: a member of staff or a saint ("Mrs Grace", "St George"). */
    public static final String AFTER_TITLE = "after a title: staff, a saint or a royal";
    /** Part of a known title, character, famous person or place, or of the school's notNames. */
    public static final String KNOWN_PHRASE = "part of a known title, character, person or place (notNames)";
    /** Part of a place's or event's name ("Florence Road", "Lake Victoria"). */
    public static final String PLACE = "part of a place or event name";
    /** A character or costume ("dressed as Elsa"). */
    public static final String CHARACTER = "a character or costume";
    /** Part of a title ("Peter and the Wolf", "George and the Dragon"). */
    public static final String TITLE = "part of the title of a book, film, song or show";
    /** Part of a product's name ("Alice band", "Elsa dress", "henry hoover"). */
    public static final String PRODUCT = "part of a product's name";
    /** Beside a capitalised word that is not a roster name: a longer proper name ("Lewis Hamilton"). */
    public static final String LONGER_NAME = "part of a longer proper name";
    /** A word-name used as the ordinary word ("say grace", "the bear"). */
    public static final String ORDINARY_WORD = "used as an ordinary word";

    /** @throws NullPointerException if {@code why} is null */
    public NameNote {
        Objects.requireNonNull(why, "why");
    }
}
