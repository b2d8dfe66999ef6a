package dev.hallpass.examples.kafka;

import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import dev.hallpass.SchoolProfile;
import dev.hallpass.examples.kafka.PolicyTopology.Topics;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PolicyTopology} against a Kafka broker until stopped (Ctrl-C or SIGTERM).
 *
 * <pre>
 * java dev.hallpass.examples.kafka.KafkaPolicyApp [--profile F] [--rules DIR]
 *     [--bootstrap-servers localhost:9092] [--application-id hallpass-policy] [--threads 1]
 *     [--messages-topic hallpass.messages] [--decisions-topic hallpass.decisions]
 *     [--dead-letter-topic hallpass.dead-letter]
 * </pre>
 *
 * <p>The engine is built once, before Kafka is contacted, so a bad profile or a rule that does not
 * compile stops the app at start-up (exit 1) rather than on the first record. To scale out, start
 * more instances with the same {@code --application-id} (up to one per input partition) or raise
 * {@code --threads}; every thread of an instance shares the one engine. The input topics must exist
 * (create them with as many partitions as you want instances × threads).
 *
 * <p>Processing is Kafka Streams' default at-least-once: after a crash a message may be decided
 * twice. Both decisions are the same (same input, same decision) and carry the same key, so a
 * consumer can keep the last one per key.
 */
public final class KafkaPolicyApp {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPolicyApp.class);

    static final String USAGE = """
            usage: KafkaPolicyApp [--profile F] [--rules DIR] [--bootstrap-servers HOST:PORT,...]
                                  [--application-id ID] [--threads N] [--messages-topic T]
                                  [--decisions-topic T] [--dead-letter-topic T] [--no-semantic]
              --profile F            school profile (JSON or YAML); default: the built-in profile
              --rules DIR            a school's own .drl files, added to the built-in rules
              --bootstrap-servers    default: localhost:9092
              --application-id       Kafka Streams application id (consumer group); default: hallpass-policy
              --threads N            stream threads in this instance, sharing one engine; default: 1
              --messages-topic       default: hallpass.messages
              --decisions-topic      default: hallpass.decisions
              --dead-letter-topic    default: hallpass.dead-letter
              --no-semantic          the word lists alone, without the on-device semantic tier (on by default)""";

    private KafkaPolicyApp() {}

    /** What the command line asked for; null {@code profile} or {@code rules} means the built-in ones. */
    record Options(Path profile, Path rules, String bootstrapServers, String applicationId, int threads, Topics topics, boolean semantic) {}

    /**
     * Reads the command line; {@code --name value} and {@code --name=value} both work.
     *
     * @return the options, or null when {@code --help} was asked for
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or is bad
     */
    static Options parse(String... args) {
        Path profile = null;
        Path rules = null;
        String bootstrap = "localhost:9092";
        String applicationId = "hallpass-policy";
        int threads = 1;
        String messages = PolicyTopology.DEFAULT_MESSAGES_TOPIC;
        String decisions = PolicyTopology.DEFAULT_DECISIONS_TOPIC;
        String deadLetter = PolicyTopology.DEFAULT_DEAD_LETTER_TOPIC;
        boolean semantic = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--no-semantic")) {
                semantic = false;
                continue;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException(name + ": unexpected argument");
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
            switch (name) {
                case "--profile" -> profile = Path.of(value);
                case "--rules" -> rules = Path.of(value);
                case "--bootstrap-servers" -> bootstrap = value;
                case "--application-id" -> applicationId = value;
                case "--threads" -> threads = positive(name, value);
                case "--messages-topic" -> messages = value;
                case "--decisions-topic" -> decisions = value;
                case "--dead-letter-topic" -> deadLetter = value;
                default -> throw new IllegalArgumentException(name + ": unknown option");
            }
        }
        return new Options(profile, rules, bootstrap, applicationId, threads, new Topics(messages, decisions, deadLetter), semantic);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + ": must be a whole number above 0");
    }

    /**
     * Builds the one engine every stream thread shares.
     *
     * @throws PolicyException if the profile is invalid or the rules do not compile
     * @throws IllegalArgumentException if the rules directory is not a readable directory
     * @throws UncheckedIOException if a file cannot be read
     */
    static PolicyEngine engine(Options options) {
        PolicyEngine.Builder builder = PolicyEngine.builder().semanticTier(options.semantic());
        if (options.profile() != null) {
            builder.profile(SchoolProfile.load(options.profile()));
        }
        if (options.rules() != null) {
            builder.rulesDirectory(options.rules());
        }
        return builder.build();
    }

    /** The Kafka Streams configuration for these options. */
    static Properties streamsConfig(Options options) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.threads());
        return config;
    }

    /**
     * Builds the engine and runs the topology until the JVM is told to stop. Exits 1 if it cannot
     * start (bad arguments, bad profile, rules that do not compile) or if Kafka Streams fails.
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("could not start: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(1);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        PolicyEngine engine;
        try {
            engine = engine(options);
        } catch (PolicyException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("could not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        KafkaStreams streams = new KafkaStreams(PolicyTopology.build(engine, options.topics()), streamsConfig(options));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        streams.setUncaughtExceptionHandler(e -> {
            // Only the type: a record-level exception's text could quote a message.
            LOG.error("stream thread failed: {}; shutting down", e.getClass().getName());
            failed.set(true);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }, "hallpass-shutdown"));

        LOG.info("reading {}, deciding to {}, dead letters to {} ({} thread(s), application id {})",
                options.topics().messages(), options.topics().decisions(), options.topics().deadLetter(),
                options.threads(), options.applicationId());
        streams.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close(Duration.ofSeconds(30));
        if (failed.get()) {
            System.exit(1);
        }
    }
}
