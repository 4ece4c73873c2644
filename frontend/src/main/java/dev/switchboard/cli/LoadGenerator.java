package dev.switchboard.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A closed-loop HTTP/1.1 load: {@code concurrency} connections kept alive, each sending the next POST
 * as soon as the previous answer arrived, for a fixed time (after an optional settling time not counted).
 * One thread drives every connection through a selector, as wrk does: the load itself costs little of the
 * two cores the server shares with it (a thread per connection cost a sixth of the machine in context
 * switches), and an answer is timed as soon as the selector sees it rather than when its thread next gets
 * a core. Every answer must be 200 with the expected total in its body; anything else counts as an error.
 */
final class LoadGenerator {

    private final int port;
    private final String path;
    private final int concurrency;

    LoadGenerator(int port, String path, int concurrency) {
        this.port = port;
        this.path = path;
        this.concurrency = concurrency;
    }

    /**
     * What one load produced: every latency in nanoseconds (sorted), errors, the wall time, and each answer in the
     * order it came: when (microseconds since the epoch) and its latency (nanoseconds).
     */
    record Result(long[] latencies, long errors, String firstError, long nanos, long[] answeredAt, long[] latencyAsAnswered) {
        long count() {
            return latencies.length;
        }

        double perSecond() {
            return latencies.length / (nanos / 1e9);
        }

        /** Each answer as a line {@code answeredAtEpochMicros,latencyMicros}, in the order they came. */
        String timeline() {
            StringBuilder lines = new StringBuilder("answeredAtEpochMicros,latencyMicros\n");
            for (int k = 0; k < answeredAt.length; k++) {
                lines.append(answeredAt[k]).append(',').append(latencyAsAnswered[k] / 1_000).append('\n');
            }
            return lines.toString();
        }

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))];
        }
    }

    Result run(Duration duration) throws InterruptedException {
        return run(Duration.ZERO, duration, () -> { });
    }

    /**
     * Drives the load for {@code settle} and then {@code duration} on the same connections, counting only the
     * requests sent after {@code settle}: a measurement then starts in the steady state, not with every
     * connection sending its first request at the same moment. {@code measuring} is called when counting starts.
     * Requests on their way when the time is up are awaited (for at most 30 s) and counted.
     */
    Result run(Duration settle, Duration duration, Runnable measuring) throws InterruptedException {
        long begin = System.nanoTime();
        long start = begin + settle.toNanos();
        long end = start + duration.toNanos();
        Driver driver = new Driver(start, end);
        Thread loop = Thread.ofPlatform().daemon().name("bench-client").start(driver::drive);
        long wait = start - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        measuring.run();
        loop.join();
        long nanos = System.nanoTime() - start;
        long[] inOrder = Arrays.copyOf(driver.latencies, driver.count);
        long[] all = inOrder.clone();
        Arrays.sort(all);
        long epochOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        long[] answeredAt = new long[driver.count];
        for (int k = 0; k < driver.count; k++) {
            answeredAt[k] = (driver.answered[k] + epochOffset) / 1_000;
        }
        return new Result(all, driver.errors, driver.firstError, nanos, answeredAt, inOrder);
    }

    /** The selector loop and what it measured (read once its thread ended). */
    private final class Driver {
        private final long start;
        private final long end;
        long[] latencies = new long[1 << 16];
        /** When each answer came ({@link System#nanoTime}). */
        long[] answered = new long[1 << 16];
        int count;
        long errors;
        String firstError;

        Driver(long start, long end) {
            this.start = start;
            this.end = end;
        }

        void drive() {
            try (Selector selector = Selector.open()) {
                List<Connection> connections = new ArrayList<>();
                for (int c = 0; c < concurrency; c++) {
                    Connection conn = new Connection(c);
                    connections.add(conn);
                    conn.open(selector);
                }
                int busy = connections.size();
                while (busy > 0) {
                    long now = System.nanoTime();
                    if (now > end + 30_000_000_000L) {
                        break;
                    }
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection conn = (Connection) key.attachment();
                        if (!conn.readable(selector)) {
                            busy--;
                        }
                    }
                    selector.selectedKeys().clear();
                }
                connections.forEach(Connection::close);
            } catch (IOException e) {
                error(e.toString());
            }
        }

        void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what.length() > 200 ? what.substring(0, 200) : what;
            }
        }

        void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
                answered = Arrays.copyOf(answered, answered.length * 2);
            }
            answered[count] = System.nanoTime();
            latencies[count++] = nanos;
        }

        /** One keep-alive connection with at most one request on its way. */
        private final class Connection {
            private int i;
            private SocketChannel channel;
            private final ByteBuffer in = ByteBuffer.allocate(16384);
            private long sentAt;
            private String expected;

            Connection(int first) {
                this.i = first;
            }

            void open(Selector selector) throws IOException {
                channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, this);
                send();
            }

            void send() throws IOException {
                int qty = 1 + (i++ % 9);
                String body = "{\"price\": 25, \"qty\": " + qty + "}";
                expected = Integer.toString(25 * qty);
                // the Host header names the port, as HTTP clients send it
                byte[] request = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8);
                in.clear();
                sentAt = System.nanoTime();
                ByteBuffer out = ByteBuffer.wrap(request);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            }

            /** Reads what arrived; false once this connection is done (its time is up and its last answer came). */
            boolean readable(Selector selector) {
                try {
                    if (channel.read(in) < 0) {
                        throw new IOException("the server closed the connection");
                    }
                    String answer = complete();
                    if (answer == null) {
                        if (!in.hasRemaining()) {
                            throw new IOException("an answer is larger than " + in.capacity() + " bytes");
                        }
                        return true;
                    }
                    long t = System.nanoTime() - sentAt;
                    if (sentAt >= start) {
                        if (answer.startsWith("HTTP/1.1 200") && (answer.contains("\"total\":" + expected)
                                || answer.contains("\"total\": " + expected) || answer.contains("\"total\":" + expected + ".0"))) {
                            record(t);
                        } else {
                            error(answer);
                        }
                    }
                    if (closing(answer)) {
                        close();
                        if (System.nanoTime() >= end) {
                            return false;
                        }
                        open(selector);
                        return true;
                    }
                    if (System.nanoTime() >= end) {
                        close();
                        return false;
                    }
                    send();
                    return true;
                } catch (IOException e) {
                    error(e.toString());
                    close();
                    if (System.nanoTime() >= end) {
                        return false;
                    }
                    try {
                        open(selector);
                        return true;
                    } catch (IOException again) {
                        error(again.toString());
                        return false;
                    }
                }
            }

            /** The whole answer once it is all there (by its Content-Length, or the last chunk), else null. */
            private String complete() throws IOException {
                String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                int head = text.indexOf("\r\n\r\n");
                if (head < 0) {
                    return null;
                }
                String lower = text.substring(0, head).toLowerCase(Locale.ROOT);
                int length = lower.indexOf("\r\ncontent-length:");
                if (length >= 0) {
                    int eol = lower.indexOf("\r\n", length + 2);
                    int n = Integer.parseInt(lower.substring(length + 17, eol < 0 ? lower.length() : eol).trim());
                    return text.length() >= head + 4 + n ? new String(in.array(), 0, head + 4 + n, StandardCharsets.UTF_8) : null;
                }
                if (lower.contains("\r\ntransfer-encoding: chunked")) {
                    return text.endsWith("\r\n0\r\n\r\n") || text.endsWith("\n0\r\n\r\n")
                            ? new String(in.array(), 0, in.position(), StandardCharsets.UTF_8) : null;
                }
                return new String(in.array(), 0, head + 4, StandardCharsets.UTF_8);
            }

            private boolean closing(String answer) {
                int head = answer.indexOf("\r\n\r\n");
                String lower = answer.substring(0, Math.max(0, head)).toLowerCase(Locale.ROOT);
                return lower.contains("\r\nconnection: close");
            }

            void close() {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
