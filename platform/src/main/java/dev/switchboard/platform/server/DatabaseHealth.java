package dev.switchboard.platform.server;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.switchboard.platform.store.MongoConnection;

/** {@code /actuator/health} says whether the database answers. */
public final class DatabaseHealth implements HealthIndicator {

    private final MongoConnection connection;

    public DatabaseHealth(MongoConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        return (connection.ping() ? Health.up() : Health.down()).withDetail("database", connection.description()).build();
    }
}
