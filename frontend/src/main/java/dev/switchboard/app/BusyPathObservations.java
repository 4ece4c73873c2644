package dev.switchboard.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.micrometer.observation.ObservationPredicate;

/**
 * No request observation (timers, long-task timers) for the busy machine paths: webhooks, resume URLs, the REST
 * API and the benchmark endpoint. Measuring each of these requests cost about as much CPU as running the
 * workflow it started, and the metrics endpoint is not exposed; the UI and health requests are still observed.
 */
@Configuration(proxyBeanMethods = false)
public class BusyPathObservations {

    static boolean busy(String uri) {
        return uri != null && (uri.startsWith("/webhook") || uri.startsWith("/api/") || uri.startsWith("/bench/"));
    }

    @Bean
    ObservationPredicate noObservationOfBusyPaths() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && busy(request.getCarrier().getRequestURI()));
    }
}
