package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.RuleLoadException;
import dev.hallpass.Sender;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A school teaches the tier by its own cases: its file moves its own decisions and nothing else, and is read as untrusted input. */
class SchoolTrainingTest {
    private static final java.time.Instant TUESDAY_TEN = LocalDateTime.of(2026, 12, 1, 10, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    /** A false alarm of the built-in weights (4.1 for an offer of help). */
    private static final String HANDYMAN = "My other half is a bit of a jack of all trades if school needs a hand fixing up the reading shed";
    /** A pick-up change in this school's own words (its after-school club's minibus), which the built-in weights miss. */
    private static final String RAINBOW_BUS = "She's on the Rainbow bus tonight";
    private final SemanticTier tier = CorpusRun.get().tier;

    private static ProposedMessage in(Channel channel, String text) {
        return new ProposedMessage("m-1", channel, new Sender("s-1", Role.PARENT), "oak", text, List.of(), TUESDAY_TEN);
    }

    private PolicyEngine engine(Path rules) {
        return PolicyEngine.builder().rulesDirectory(rules).meaningDetector(SemanticDetector.of(tier)).build();
    }

    private Path taught(Path dir) throws IOException {
        List<SchoolTraining.Case> cases = List.of(
                new SchoolTraining.Case(HANDYMAN, "CLASS_CHAT", true, Set.of(), Set.of()),
                new SchoolTraining.Case(RAINBOW_BUS, "PRIVATE_CHAT", false, Set.of("5.4"), Set.of()));
        Files.write(dir.resolve(SchoolTraining.FILE), SchoolTraining.learn(tier, cases).bytes());
        return dir;
    }

    @Test
    void aSchoolsCasesCorrectItsOwnFalseAlarmAndMissAndLeaveOtherDecisionsAlone(@TempDir Path dir) throws IOException {
        PolicyEngine before = engine(Files.createDirectories(dir.resolve("before")));
        PolicyEngine after = engine(taught(Files.createDirectories(dir.resolve("after"))));
        assertThat(before.evaluate(in(Channel.CLASS_CHAT, HANDYMAN)).cites("4.1")).as("built-in weights").isTrue();
        assertThat(before.evaluate(in(Channel.PRIVATE_CHAT, RAINBOW_BUS)).cites("5.4")).as("built-in weights").isFalse();
        assertThat(after.evaluate(in(Channel.CLASS_CHAT, HANDYMAN)).reasons()).isEmpty();
        assertThat(after.evaluate(in(Channel.PRIVATE_CHAT, RAINBOW_BUS)).cites("5.4")).isTrue();
        String grandad = "I'm on a late shift so her grandad will be at the gate for her tonight";
        assertThat(after.evaluate(in(Channel.PRIVATE_CHAT, grandad)).cites("5.4")).isTrue();
        assertThat(after.evaluate(in(Channel.PRIVATE_CHAT, "Thank you for the lovely assembly!")).reasons()).isEmpty();
    }

    @Test
    void theSchoolsFileChangesTheTiersDigest(@TempDir Path dir) throws IOException {
        SemanticDetector plain = SemanticDetector.of(tier);
        SemanticDetector schools = plain.withSchoolTraining(Files.readAllBytes(taught(dir).resolve(SchoolTraining.FILE)), "x");
        assertThat(schools.digest()).isNotEqualTo(plain.digest());
    }

    @Test
    void aDamagedFileIsARuleProblemNamingTheFileAndTheField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(SchoolTraining.FILE), "{\"format\": 1, \"classifier\": \"nope\", \"exemplars\": []}");
        assertThatThrownBy(() -> engine(dir)).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining(SchoolTraining.FILE).hasMessageContaining("classifier: must be a SHA-256 digest");
    }

    @Test
    void anExemplarThatIsNotAUnitVectorOrALabelThatIsNotABooleanIsRefused() {
        String digest = tier.classifier().digest();
        String zeros = java.util.Base64.getEncoder().encodeToString(new byte[Encoder.DIMENSIONS * 4]);
        String bad = "{\"format\": 1, \"classifier\": \"" + digest + "\", \"exemplars\": [{\"embedding\": \"" + zeros + "\", \"labels\": {}}]}";
        assertThatThrownBy(() -> SchoolAdjustments.read(bad.getBytes(StandardCharsets.UTF_8), "f.json"))
                .hasMessageContaining("f.json: exemplars[0].embedding: must have unit length");
        String label = "{\"format\": 1, \"classifier\": \"" + digest + "\", \"shift\": {\"ABUSE\": 99}, \"exemplars\": []}";
        assertThatThrownBy(() -> SchoolAdjustments.read(label.getBytes(StandardCharsets.UTF_8), "f.json"))
                .hasMessageContaining("f.json: shift.ABUSE: must be a number within");
    }

    @Test
    void aFileLearntAgainstOtherWeightsIsRefused() {
        SchoolAdjustments other = new SchoolAdjustments("0".repeat(64), java.util.Map.of(), List.of());
        assertThatThrownBy(() -> SemanticDetector.of(tier).withSchoolTraining(other.bytes(), "f.json"))
                .hasMessageContaining("f.json: trained against other classifier weights");
    }

    @Test
    void aShiftIsPulledTowardsZeroWhenFewCasesSpeak() {
        double one = SchoolTraining.shift(List.of(new double[] {-2, 1}));
        double many = SchoolTraining.shift(java.util.Collections.nCopies(50, new double[] {-2, 1}));
        assertThat(one).isPositive().isLessThan(many);
        assertThat(many).isLessThanOrEqualTo(SchoolAdjustments.MAX_SHIFT);
    }
}
