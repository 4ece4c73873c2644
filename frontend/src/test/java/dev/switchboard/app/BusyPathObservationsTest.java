package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.observation.Observation;

/** Webhooks, resume URLs, the REST API and the benchmark endpoint are not observed; the UI and health are. */
class BusyPathObservationsTest {

    private final io.micrometer.observation.ObservationPredicate predicate = new BusyPathObservations().noObservationOfBusyPaths();

    private boolean observed(String uri) {
        var request = new MockHttpServletRequest("POST", uri);
        return predicate.test("http.server.requests", new ServerRequestObservationContext(request, new MockHttpServletResponse()));
    }

    @Test
    void theBusyMachinePathsAreNotObserved() {
        assertThat(observed("/webhook/orders")).isFalse();
        assertThat(observed("/webhook-waiting/run-1")).isFalse();
        assertThat(observed("/api/v1/runs")).isFalse();
        assertThat(observed("/bench/bare")).isFalse();
        assertThat(observed("/workflows")).isTrue();
        assertThat(observed("/actuator/health")).isTrue();
        assertThat(predicate.test("some.task", new Observation.Context())).isTrue();
    }
}
