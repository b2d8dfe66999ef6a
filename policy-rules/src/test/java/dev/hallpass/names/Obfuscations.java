package dev.hallpass.names;

import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Generates obfuscated children's names, phone numbers and e-mail addresses the way a determined
 * sender would type them, each technique of issue 15 by name, embedded in a class-chat message. The
 * same seed gives the same messages.
 */
final class Obfuscations {
    /** Roster names whose detection does not depend on context (no word-names). */
    static final List<String> NAMES = List.of("Amelia", "Millie", "Oliver", "Ollie", "Isla", "Harper", "Aarav", "Noah", "Mohammed",
            "Florence", "Matilda", "Charlotte", "Georgie", "Tilly", "Chlo\u00E9", "Zo\u00EB");
    private static final List<String> NAME_TEMPLATES = List.of("Has anyone seen %s's water bottle? It's blue", "%s had a brilliant time at the party, thank you!",
            "Could %s come to ours after school on the 5th?", "Lovely to see %s reading in assembly today \uD83D\uDC4F",
            "found a jumper with %s written in the label", "so proud of %s today");
    private static final List<String> PHONE_TEMPLATES = List.of("Text me on %s if you can help", "ring me %s after 6 pls",
            "my new number is %s \uD83D\uDE0A", "Selling a uniform bundle, call %s");
    private static final List<String> EMAIL_TEMPLATES = List.of("email me at %s for the party list", "drop me a line: %s",
            "send the photos to %s please");

    /** One generated message: what it hides, where, by which technique. */
    record Case(String cls, FindingKind kind, String text, int start, int end, String plain) {}

    private static final String[] ZERO_WIDTH = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"};
    /** Bidi controls that leave a left-to-right run looking as it was (RLE, RLI and RLO would reorder it). */
    private static final String[] BIDI = {"\u200E", "\u200F", "\u202A", "\u202C", "\u202D", "\u2066", "\u2068", "\u2069"};
    private static final Map<Character, Character> CYRILLIC = Map.ofEntries(Map.entry('a', '\u0430'), Map.entry('e', '\u0435'),
            Map.entry('o', '\u043E'), Map.entry('c', '\u0441'), Map.entry('p', '\u0440'), Map.entry('x', '\u0445'), Map.entry('i', '\u0456'),
            Map.entry('A', '\u0410'), Map.entry('E', '\u0415'), Map.entry('O', '\u041E'), Map.entry('C', '\u0421'), Map.entry('M', '\u041C'),
            Map.entry('H', '\u041D'), Map.entry('T', '\u0422'), Map.entry('I', '\u0406'), Map.entry('j', '\u0458'));
    private static final Map<Character, Character> GREEK = Map.ofEntries(Map.entry('o', '\u03BF'), Map.entry('a', '\u03B1'),
            Map.entry('i', '\u03B9'), Map.entry('O', '\u039F'), Map.entry('A', '\u0391'), Map.entry('I', '\u0399'), Map.entry('N', '\u039D'),
            Map.entry('M', '\u039C'), Map.entry('H', '\u0397'), Map.entry('T', '\u03A4'), Map.entry('v', '\u03BD'));
    private static final char[] DIGIT_ZEROS = {'\u0660', '\u06F0', '\u0966', '\u09E6', '\uFF10', '\u0AE6'};
    private static final String[] SUPERSCRIPTS = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074", "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    /** Every technique by name, each turning a plain target into what the sender types. */
    static final Map<String, BiFunction<String, Random, String>> TECHNIQUES = Map.ofEntries(
            Map.entry("zero-width", (s, r) -> insertBetween(s, r, () -> ZERO_WIDTH[r.nextInt(ZERO_WIDTH.length)])),
            Map.entry("soft-hyphen", (s, r) -> insertBetween(s, r, () -> "\u00AD")),
            Map.entry("bidi", (s, r) -> r.nextInt(3) == 0
                    ? "\u202E" + new StringBuilder(s).reverse() + "\u202C" // typed backwards, shown forwards by an override
                    : insertBetween(s, r, () -> BIDI[r.nextInt(BIDI.length)])),
            Map.entry("cyrillic", (s, r) -> lookAlikes(s, r, CYRILLIC)),
            Map.entry("greek", (s, r) -> lookAlikes(s, r, GREEK)),
            Map.entry("fullwidth", (s, r) -> map(s, c -> c > ' ' && c < 0x7F ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf(c))),
            Map.entry("math-alnum", Obfuscations::mathematical),
            Map.entry("other-digits", (s, r) -> {
                char zero = DIGIT_ZEROS[r.nextInt(DIGIT_ZEROS.length)];
                return map(s, c -> c >= '0' && c <= '9' ? String.valueOf((char) (zero + c - '0')) : String.valueOf(c));
            }),
            Map.entry("superscript", (s, r) -> map(s, c -> c >= '0' && c <= '9' ? SUPERSCRIPTS[c - '0'] : String.valueOf(c))),
            Map.entry("keycap", (s, r) -> map(s, c -> c >= '0' && c <= '9' ? c + "\uFE0F\u20E3" : String.valueOf(c))),
            Map.entry("spaced", (s, r) -> {
                String sep = List.of(" ", ".", "-", "_", "*").get(r.nextInt(5));
                StringBuilder sb = new StringBuilder();
                for (char c : s.replace(" ", "").toCharArray()) {
                    sb.append(sb.length() == 0 ? "" : sep).append(c);
                }
                return sb.toString();
            }),
            Map.entry("letter-digit", (s, r) -> Character.isDigit(s.charAt(0))
                    ? map(s, c -> c == '0' ? (r.nextBoolean() ? "O" : "o") : c == '1' ? (r.nextBoolean() ? "l" : "I") : String.valueOf(c))
                    : leet(s, r)),
            Map.entry("split-digits", (s, r) -> {
                String sep = List.of(".", "/", "_", "\n", "-").get(r.nextInt(5));
                String d = s.replace(" ", "");
                return d.substring(0, 5) + sep + d.substring(5, 8) + sep + d.substring(8);
            }),
            Map.entry("spelled", Obfuscations::spelled),
            Map.entry("email-words", Obfuscations::emailWords),
            Map.entry("hyphen-break", (s, r) -> s.substring(0, s.length() / 2) + "-\n" + s.substring(s.length() / 2)),
            Map.entry("mixed", (s, r) -> Character.isDigit(s.charAt(0))
                    ? insertBetween(map(s, c -> c >= '0' && c <= '9' ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf(c)), r, () -> "\u200B")
                    : insertBetween(lookAlikes(s, r, CYRILLIC), r, () -> "\u2060")));

    /** Which targets each technique applies to. */
    static List<FindingKind> kindsFor(String technique) {
        return switch (technique) {
            case "other-digits", "superscript", "keycap", "split-digits", "spelled" -> List.of(FindingKind.PHONE_NUMBER);
            case "email-words" -> List.of(FindingKind.EMAIL);
            case "hyphen-break" -> List.of(FindingKind.CHILD_NAME);
            case "letter-digit", "spaced" -> List.of(FindingKind.CHILD_NAME, FindingKind.PHONE_NUMBER);
            case "cyrillic", "greek" -> List.of(FindingKind.CHILD_NAME, FindingKind.EMAIL);
            default -> List.of(FindingKind.CHILD_NAME, FindingKind.PHONE_NUMBER, FindingKind.EMAIL);
        };
    }

    private Obfuscations() {}

    /** {@code perTechnique} messages for every technique, from {@code seed}. */
    static List<Case> generate(long seed, int perTechnique) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        for (String technique : new java.util.TreeSet<>(TECHNIQUES.keySet())) {
            for (int k = 0; k < perTechnique; k++) {
                List<FindingKind> kinds = kindsFor(technique);
                out.add(one(technique, kinds.get(k % kinds.size()), r));
            }
        }
        return out;
    }

    static Case one(String technique, FindingKind kind, Random r) {
        String plain = switch (kind) {
            case CHILD_NAME -> NAMES.get(r.nextInt(NAMES.size()));
            case PHONE_NUMBER -> r.nextBoolean() ? String.format("07700 9%05d", r.nextInt(100_000)) : String.format("01632 96%04d", 2 + r.nextInt(9_998));
            default -> List.of("jo", "sam.k", "jbrown", "parent2", "mum.of.two").get(r.nextInt(5)) + "@example."
                    + List.of("com", "org", "co.uk").get(r.nextInt(3));
        };
        String typed = TECHNIQUES.get(technique).apply(plain, r);
        List<String> templates = kind == FindingKind.CHILD_NAME ? NAME_TEMPLATES : kind == FindingKind.PHONE_NUMBER ? PHONE_TEMPLATES : EMAIL_TEMPLATES;
        String template = templates.get(r.nextInt(templates.size()));
        int at = template.indexOf("%s");
        String text = template.substring(0, at) + typed + template.substring(at + 2);
        return new Case(technique, kind, text, at, at + typed.length(), plain);
    }

    private static String map(String s, java.util.function.Function<Character, String> f) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(f.apply(c));
        }
        return sb.toString();
    }

    private static String insertBetween(String s, Random r, java.util.function.Supplier<String> what) {
        StringBuilder sb = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        int inserted = 0;
        for (int i = 0; i < cps.length; i++) {
            sb.appendCodePoint(cps[i]);
            if (i + 1 < cps.length && (r.nextInt(3) == 0 || (inserted == 0 && i == cps.length / 2))) {
                sb.append(what.get());
                inserted++;
            }
        }
        return sb.toString();
    }

    private static String lookAlikes(String s, Random r, Map<Character, Character> table) {
        StringBuilder sb = new StringBuilder();
        int swapped = 0;
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            Character alike = table.get(chars[i]);
            boolean last = swapped == 0 && i == chars.length - 1;
            if (alike != null && (r.nextInt(2) == 0 || last)) {
                sb.append(alike.charValue());
                swapped++;
            } else {
                sb.append(chars[i]);
            }
        }
        if (swapped == 0) { // nothing in the table: swap the first letter that has a look-alike anywhere
            for (int i = 0; i < chars.length; i++) {
                if (table.containsKey(chars[i])) {
                    return s.substring(0, i) + table.get(chars[i]) + s.substring(i + 1);
                }
            }
        }
        return sb.toString();
    }

    private static String mathematical(String s, Random r) {
        int style = r.nextInt(3); // bold, italic, sans-serif bold
        int upper = new int[] {0x1D400, 0x1D434, 0x1D5D4}[style];
        int lower = new int[] {0x1D41A, 0x1D44E, 0x1D5EE}[style];
        int digit = new int[] {0x1D7CE, 0x1D7CE, 0x1D7EC}[style];
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                sb.appendCodePoint(upper + c - 'A');
            } else if (c >= 'a' && c <= 'z') {
                sb.appendCodePoint(c == 'h' && style == 1 ? 0x210E : lower + c - 'a'); // italic h is Planck's constant
            } else if (c >= '0' && c <= '9') {
                sb.appendCodePoint(digit + c - '0');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String leet(String name, Random r) {
        StringBuilder sb = new StringBuilder();
        int swapped = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String sub = switch (c) {
                case 'i', 'l' -> "1";
                case 'o', 'O' -> "0";
                case 'e' -> "3";
                case 'a' -> "4";
                default -> null;
            };
            // at most half the letters swapped, so a reader still reads the name
            if (sub != null && i > 0 && swapped < name.length() / 2 && (r.nextInt(2) == 0 || (swapped == 0 && i == name.length() - 1))) {
                sb.append(sub);
                swapped++;
            } else {
                sb.append(c);
            }
        }
        if (swapped == 0) {
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                String sub = c == 'i' || c == 'l' ? "1" : c == 'a' ? "4" : c == 'e' ? "3" : c == 'o' ? "0" : null;
                if (sub != null) {
                    return name.substring(0, i) + sub + name.substring(i + 1);
                }
            }
        }
        return sb.toString();
    }

    private static String spelled(String number, Random r) {
        String d = number.replace(" ", "");
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < d.length()) {
            char c = d.charAt(i);
            int run = 1;
            while (i + run < d.length() && d.charAt(i + run) == c && run < 3) {
                run++;
            }
            String word = c == '0' ? (r.nextBoolean() ? "oh" : "zero") : WORDS[c - '0'];
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (run == 3 && r.nextBoolean()) {
                sb.append(r.nextBoolean() ? "treble " : "triple ").append(word);
                i += 3;
            } else if (run >= 2 && r.nextBoolean()) {
                sb.append("double ").append(word);
                i += 2;
            } else if (r.nextInt(5) == 0 && i + 3 <= d.length()) {
                sb.append(d, i, i + 3); // a group left as digits
                i += 3;
            } else {
                sb.append(word);
                i++;
            }
        }
        return sb.toString();
    }

    private static String emailWords(String address, Random r) {
        String local = address.substring(0, address.indexOf('@'));
        String domain = address.substring(address.indexOf('@') + 1);
        return switch (r.nextInt(5)) {
            case 0 -> local.replace(".", " dot ") + " at " + domain.replace(".", " dot ");
            case 1 -> local + " [at] " + domain.replace(".", " [dot] ");
            case 2 -> local + "(at)" + domain.replace(".", "(dot)");
            case 3 -> local + " @ " + domain.replace(".", " . ");
            default -> local.replace(".", " DOT ") + " AT " + domain.replace(".", " DOT ");
        };
    }
}
