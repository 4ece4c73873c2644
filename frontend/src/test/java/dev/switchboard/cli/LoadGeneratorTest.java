package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The benchmark's load: keep-alive connections on loopback, each answer checked, timed and kept in order. */
class LoadGeneratorTest {

    private static final Pattern QTY = Pattern.compile("\"qty\": (\\d+)");

    /** Answers {@code {"total": price × qty}} as the benchmark workflow does. */
    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhook/quote", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher qty = QTY.matcher(body);
            byte[] answer = (qty.find() ? "{\"total\":" + 25 * Integer.parseInt(qty.group(1)) + "}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void everyAnswerIsCheckedAndItsTimeAndLatencyAreKeptInTheOrderItCame() throws Exception {
        HttpServer server = server();
        try {
            long before = System.currentTimeMillis() * 1_000;
            LoadGenerator.Result r = new LoadGenerator(server.getAddress().getPort(), "/webhook/quote", 4)
                    .run(Duration.ofMillis(200), Duration.ofSeconds(1), () -> { });
            long after = System.currentTimeMillis() * 1_000;
            assertThat(r.errors()).as(r.firstError()).isZero();
            assertThat(r.count()).isPositive();
            assertThat(r.percentile(50)).isPositive().isLessThanOrEqualTo(r.percentile(99));
            List<String> lines = r.timeline().lines().toList();
            assertThat(lines).hasSize((int) r.count() + 1).first().isEqualTo("answeredAtEpochMicros,latencyMicros");
            long last = 0;
            for (String line : lines.subList(1, lines.size())) {
                long at = Long.parseLong(line.split(",")[0]);
                assertThat(at).isBetween(before, after + 1_000).isGreaterThanOrEqualTo(last);
                assertThat(Long.parseLong(line.split(",")[1])).isNotNegative();
                last = at;
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAnswerWithoutTheExpectedTotalIsAnError() throws Exception {
        HttpServer server = server();
        try {
            LoadGenerator.Result r = new LoadGenerator(server.getAddress().getPort(), "/webhook/other", 2)
                    .run(Duration.ofMillis(300));
            assertThat(r.count()).isZero();
            assertThat(r.errors()).isPositive();
            assertThat(r.firstError()).startsWith("HTTP/1.1 404");
        } finally {
            server.stop(0);
        }
    }
}
