package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UTF16;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The normaliser's Unicode data, checked against ICU4J's (test scope only, so the library does not
 * carry ICU's 14 MB): the committed confusables table is exactly what TR39's skeletons give for the
 * scripts it covers, and the default-ignorable ranges are Unicode's. To regenerate the table after
 * an ICU upgrade: {@code mvn -pl policy-core test -Dtest=UnicodeDataTest -Dhallpass.writeConfusables=true}.
 */
class UnicodeDataTest {
    /** The scripts whose letters pass for Latin ones on a phone keyboard. */
    static final Set<Integer> SCRIPTS = Set.of(UScript.LATIN, UScript.CYRILLIC, UScript.GREEK, UScript.ARMENIAN, UScript.CHEROKEE,
            UScript.COPTIC, UScript.COMMON);

    /**
     * One line per letter of those scripts whose TR39 skeleton is a single ASCII letter or digit,
     * leaving out what NFKC already turns into ASCII and accented Latin letters (which word keys
     * fold). An upper-case letter whose prototype is "l" imitates "I".
     */
    static List<String> expectedTable() {
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        List<String> lines = new ArrayList<>();
        lines.add("# Letters that imitate ASCII ones (Unicode TR39 confusables), generated from ICU4J "
                + com.ibm.icu.util.VersionInfo.ICU_VERSION + " (Unicode " + UCharacter.getUnicodeVersion() + ") by UnicodeDataTest.");
        lines.add("# Scripts: Latin, Cyrillic, Greek, Armenian, Cherokee, Coptic, Common. Format: code point, the ASCII it imitates, # name.");
        for (int cp = 0x80; cp < 0x20000; cp++) {
            if (!UCharacter.isLetter(cp) || !SCRIPTS.contains(UScript.getScript(cp))) {
                continue;
            }
            String s = UTF16.valueOf(cp);
            if (Normalizer2.getNFKCInstance().normalize(s).chars().allMatch(c -> c < 0x80)
                    || Normalizer2.getNFDInstance().normalize(s).charAt(0) < 0x80) {
                continue;
            }
            String skeleton = spoof.getSkeleton(s);
            if (skeleton.length() != 1 || skeleton.charAt(0) >= 0x80 || !Character.isLetterOrDigit(skeleton.charAt(0))) {
                continue;
            }
            char ascii = skeleton.charAt(0);
            if (ascii == 'l' && UCharacter.isUUppercase(cp)) {
                ascii = 'I';
            }
            lines.add(String.format("%04X %s # %s", cp, ascii, UCharacter.getName(cp)));
        }
        return lines;
    }

    @Test
    void theCommittedConfusablesTableIsWhatIcuGives() throws IOException {
        List<String> expected = expectedTable();
        if (Boolean.getBoolean("hallpass.writeConfusables")) {
            Files.write(Path.of("src/main/resources/dev/hallpass/detect/confusables.txt"), expected, StandardCharsets.UTF_8);
        }
        String committed;
        try (InputStream in = TextNormalizer.class.getResourceAsStream("confusables.txt")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed.lines().toList()).isEqualTo(expected);
    }

    @Test
    void theDefaultIgnorableRangesAreUnicodes() {
        List<Integer> wrong = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (TextNormalizer.isDefaultIgnorable(cp) != UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                wrong.add(cp);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyLookAlikeInTheTableReadsAsItsAsciiLetter() {
        for (String line : expectedTable()) {
            if (line.startsWith("#")) {
                continue;
            }
            int cp = Integer.parseInt(line.substring(0, line.indexOf(' ')), 16);
            assertThat(TextNormalizer.confusable(cp)).as(line).isEqualTo(line.charAt(line.indexOf(' ') + 1));
        }
    }
}
