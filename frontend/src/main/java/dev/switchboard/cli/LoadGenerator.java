package dev.switchboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load: {@code concurrency} connections kept alive, each sending the next POST
 * as soon as the previous answer arrived, for a fixed time (after an optional settling time not counted). Written on plain sockets so that the load
 * itself costs little of the two cores the server shares with it. Every answer must be 200 with the
 * expected total in its body; anything else counts as an error.
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

    /** What one load produced: every latency in nanoseconds, errors, and the wall time. */
    record Result(long[] latencies, long errors, String firstError, long nanos) {
        long count() {
            return latencies.length;
        }

        double perSecond() {
            return latencies.length / (nanos / 1e9);
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
     */
    Result run(Duration settle, Duration duration, Runnable measuring) throws InterruptedException {
        long begin = System.nanoTime();
        long start = begin + settle.toNanos();
        long end = start + duration.toNanos();
        List<long[]> perThread = new ArrayList<>();
        long[] errors = new long[concurrency];
        int[] counts = new int[concurrency];
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            long[] lat = new long[1 << 16];
            perThread.add(lat);
            int me = c;
            threads.add(Thread.ofPlatform().daemon().name("bench-client-" + c).start(() -> {
                long[] mine = perThread.get(me);
                int n = 0;
                int i = me;
                Connection conn = null;
                while (System.nanoTime() < end) {
                    int qty = 1 + (i++ % 9);
                    String body = "{\"price\": 25, \"qty\": " + qty + "}";
                    String expected = Integer.toString(25 * qty);
                    long t0 = System.nanoTime();
                    try {
                        if (conn == null) {
                            conn = new Connection(port);
                        }
                        String answer = conn.post(path, body);
                        long t = System.nanoTime() - t0;
                        if (conn.closing) {
                            conn.close();
                            conn = null;
                        }
                        if (t0 < start) {
                            continue;
                        }
                        if (answer.contains("\"total\":" + expected) || answer.contains("\"total\": " + expected)
                                || answer.contains("\"total\":" + expected + ".0")) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                                perThread.set(me, mine);
                            }
                            mine[n++] = t;
                        } else {
                            errors[me]++;
                            firstError.compareAndSet(null, answer.length() > 200 ? answer.substring(0, 200) : answer);
                        }
                    } catch (IOException e) {
                        errors[me]++;
                        firstError.compareAndSet(null, e.toString());
                        if (conn != null) {
                            conn.close();
                        }
                        conn = null;
                    }
                }
                counts[me] = n;
                if (conn != null) {
                    conn.close();
                }
            }));
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        measuring.run();
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(perThread.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(all, Arrays.stream(errors).sum(), firstError.get(), nanos);
    }

    /** One keep-alive connection: writes a request, reads one answer by its Content-Length or chunks. */
    private static final class Connection {
        private final Socket socket;
        private final int port;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[16384];
        private int start;
        private int end;
        /** The server said it closes the connection after this answer. */
        boolean closing;

        Connection(int port) throws IOException {
            this.port = port;
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        String post(String path, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            // the Host header names the port, as HTTP clients send it
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + b.length + "\r\n\r\n";
            out.write((head + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = line();
            int length = -1;
            boolean chunked = false;
            closing = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            StringBuilder text = new StringBuilder();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    text.append(new String(bytes(size), StandardCharsets.UTF_8));
                    line();
                }
                line();
            } else if (length > 0) {
                text.append(new String(bytes(length), StandardCharsets.UTF_8));
            }
            return status.contains(" 200") ? text.toString() : status + " " + text;
        }

        private int fill() throws IOException {
            if (start == end) {
                start = 0;
                end = in.read(buffer);
                if (end <= 0) {
                    end = 0;
                    throw new IOException("the server closed the connection");
                }
            }
            return end - start;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                fill();
                byte c = buffer[start++];
                if (c == '\n') {
                    int l = sb.length();
                    return l > 0 && sb.charAt(l - 1) == '\r' ? sb.substring(0, l - 1) : sb.toString();
                }
                sb.append((char) c);
            }
        }

        private byte[] bytes(int n) throws IOException {
            byte[] b = new byte[n];
            int at = 0;
            while (at < n) {
                int k = Math.min(fill(), n - at);
                System.arraycopy(buffer, start, b, at, k);
                start += k;
                at += k;
            }
            return b;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
