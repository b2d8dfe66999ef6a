package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy serve} as a process of its own, stopped as a service manager stops it: SIGTERM
 * while a request is in flight.
 */
final class ServeShutdownTest {
    private static final Pattern LISTENING = Pattern.compile("policy serve: listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final String TEXT = "See you at the fair on Friday";

    @Test
    void sigterm_lets_the_request_in_flight_finish_refuses_new_connections_and_exits_zero(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PolicyCli.class.getName(),
                "serve", "--port", "0", "--no-semantic"))
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(stderr.toFile()).start();
        try {
            int port = port(p, stderr);
            String body = "{\"id\":\"slow-1\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
                    + "\"text\":\"" + TEXT + "\",\"sentAt\":\"2026-11-30T10:00:00Z\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, 10);
                out.flush();
                // The server says 100 Continue once a worker has the exchange: it is in flight.
                assertThat(readUntil(in, "\r\n\r\n")).startsWith("HTTP/1.1 100");

                p.destroy(); // SIGTERM
                awaitRefused(port);
                out.write(bytes, 10, bytes.length - 10);
                out.flush();
                String headers = readUntil(in, "\r\n\r\n");
                Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(headers);
                assertThat(length.find()).as(headers).isTrue();
                String decision = new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);

                assertThat(headers).startsWith("HTTP/1.1 200").containsIgnoringCase("Connection: close");
                assertThat(decision).startsWith("{\"id\":\"slow-1\",\"outcome\":\"ALLOW\"");
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            String log = Files.readString(stderr);
            assertThat(log).contains("policy serve: stopped");
            assertThat(log).contains("hallpass.decisions").contains("\"type\":\"decision\",\"id\":\"slow-1\"");
            assertThat(log).doesNotContain("fair on Friday");
        } finally {
            p.destroyForcibly();
        }
    }

    /** The port the server printed on stderr, once it listens. */
    private static int port(Process p, Path stderr) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(stderr));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(p.isAlive()).as("the server exited: %s", Files.readString(stderr)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not listen within 180 s: " + Files.readString(stderr));
    }

    /** Waits until connecting to the port is refused: the server no longer accepts connections. */
    private static void awaitRefused(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still accepts connections 10 s after SIGTERM");
    }

    /** Reads from {@code in} until what was read ends with {@code end}. */
    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder read = new StringBuilder();
        while (!read.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the connection closed after: " + read);
            }
            read.append((char) b);
        }
        return read.toString();
    }
}
