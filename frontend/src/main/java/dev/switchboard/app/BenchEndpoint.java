package dev.switchboard.app;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bare Spring endpoint that computes what the benchmark's workflow computes (total = price × qty,
 * and whether it is above 100) with no run, no step and no storage: the ceiling the benchmark compares
 * the workflow with. Present only when {@code switchboard.bench-endpoint=true}.
 */
@RestController
@ConditionalOnProperty(name = "switchboard.bench-endpoint", havingValue = "true")
class BenchEndpoint {

    @PostMapping("/bench/bare")
    Map<String, Object> bare(@RequestBody Map<String, Object> body) {
        double total = ((Number) body.get("price")).doubleValue() * ((Number) body.get("qty")).doubleValue();
        return Map.of("total", total, "big", total > 100);
    }
}
