package dev.hallpass.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.InvalidProfileException;
import dev.hallpass.examples.kafka.KafkaPolicyApp.Options;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's command line and start-up, short of contacting a broker. */
final class KafkaPolicyAppTest {

    @Test
    void with_no_arguments_it_uses_the_built_in_profile_and_the_default_topics() {
        Options o = KafkaPolicyApp.parse();

        assertThat(o.profile()).isNull();
        assertThat(o.rules()).isNull();
        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.applicationId()).isEqualTo("hallpass-policy");
        assertThat(o.threads()).isEqualTo(1);
        assertThat(o.topics()).isEqualTo(PolicyTopology.Topics.defaults());
        assertThat(o.semantic()).isTrue();
        assertThat(KafkaPolicyApp.engine(o).profile().school()).isEqualTo("Oakfield Primary School");
    }

    @Test
    void the_semantic_tier_is_on_unless_no_semantic_is_given() {
        String everyday = "{\"id\":\"m-1\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
                + "\"text\":\"I'm on a late shift so her grandad will be at the gate for her tonight\",\"sentAt\":\"2026-12-01T10:00:00Z\"}";
        var message = dev.hallpass.json.MessageJson.parse(everyday);
        assertThat(KafkaPolicyApp.engine(KafkaPolicyApp.parse()).evaluate(message).cites("5.4")).isTrue();
        Options off = KafkaPolicyApp.parse("--no-semantic");
        assertThat(off.semantic()).isFalse();
        assertThat(KafkaPolicyApp.engine(off).evaluate(message).cites("5.4")).isFalse();
    }

    @Test
    void every_option_is_read_in_either_spelling() {
        Options o = KafkaPolicyApp.parse("--profile", "p.yaml", "--rules=rules", "--bootstrap-servers", "kafka-1:9092,kafka-2:9092",
                "--application-id=oakfield", "--threads", "4", "--messages-topic", "in", "--decisions-topic=out",
                "--dead-letter-topic", "bad");

        assertThat(o.profile()).isEqualTo(Path.of("p.yaml"));
        assertThat(o.rules()).isEqualTo(Path.of("rules"));
        assertThat(o.topics()).isEqualTo(new PolicyTopology.Topics("in", "out", "bad"));
        Properties config = KafkaPolicyApp.streamsConfig(o);
        assertThat(config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("oakfield");
        assertThat(config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(4);
    }

    @Test
    void help_asks_for_the_usage_text() {
        assertThat(KafkaPolicyApp.parse("--help")).isNull();
    }

    @Test
    void a_bad_command_line_names_the_option() {
        assertThatThrownBy(() -> KafkaPolicyApp.parse("--colour", "red")).hasMessage("--colour: unknown option");
        assertThatThrownBy(() -> KafkaPolicyApp.parse("--profile")).hasMessage("--profile: needs a value");
        assertThatThrownBy(() -> KafkaPolicyApp.parse("--profile", "--rules", "r")).hasMessage("--profile: needs a value");
        assertThatThrownBy(() -> KafkaPolicyApp.parse("--threads", "0")).hasMessage("--threads: must be a whole number above 0");
        assertThatThrownBy(() -> KafkaPolicyApp.parse("profile.yaml")).hasMessage("profile.yaml: unexpected argument");
        assertThatThrownBy(() -> KafkaPolicyApp.parse("--decisions-topic", "hallpass.messages"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
    }

    @Test
    void a_bad_profile_stops_it_before_kafka_is_contacted(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(profile, "school: Nowhere\ntimezone: Mars/Olympus\n");

        assertThatThrownBy(() -> KafkaPolicyApp.engine(KafkaPolicyApp.parse("--profile", profile.toString())))
                .isInstanceOf(InvalidProfileException.class);
    }
}
