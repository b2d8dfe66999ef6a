/**
 * Scale-out with Kafka Streams: proposed messages in on one topic, decisions out on another, lines
 * that are not messages on a dead-letter topic.
 *
 * <p>{@link dev.hallpass.examples.kafka.PolicyTopology} builds the topology around one shared
 * {@link dev.hallpass.PolicyEngine}; {@link dev.hallpass.examples.kafka.KafkaPolicyApp} runs it
 * against a broker. Evaluation keeps no state between messages, so throughput grows with the input
 * topic's partitions and the number of instances sharing the application id.
 */
package dev.hallpass.examples.kafka;
