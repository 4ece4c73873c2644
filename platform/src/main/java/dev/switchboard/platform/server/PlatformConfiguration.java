package dev.switchboard.platform.server;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoRunStore;
import dev.switchboard.platform.store.MongoWorkflowStore;
import dev.switchboard.platform.workflow.WorkflowStore;

/** The platform's parts as Spring beans. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    ServerSettings serverSettings(Environment env) {
        return ServerSettings.from(env);
    }

    @Bean(destroyMethod = "close")
    MongoConnection mongoConnection(ServerSettings settings) {
        return MongoConnection.from(settings.mongoUri(), settings.dataDir(), settings.embeddedMongoPort());
    }

    @Bean
    WorkflowStore workflowStore(MongoConnection connection) {
        return new MongoWorkflowStore(connection, Clock.systemUTC());
    }

    @Bean
    RunStore runStore(MongoConnection connection, ServerSettings settings, Environment env) {
        long half = Math.max(1_000, Math.min(30_000, settings.lease().toMillis() / 2));
        return new MongoRunStore(connection, java.time.Duration.ofMillis(half))
                .maxStepData(env.getProperty("switchboard.step-data.max-bytes", Integer.class, 4 * 1024 * 1024));
    }

    @Bean
    dev.switchboard.platform.user.UserStore userStore(MongoConnection connection, ServerSettings settings, Environment env) {
        dev.switchboard.platform.user.UserStore users = new dev.switchboard.platform.store.MongoUserStore(connection,
                new dev.switchboard.platform.user.Passwords(), Clock.systemUTC());
        String password = env.getProperty("switchboard.admin-password", env.getProperty("SWITCHBOARD_ADMIN_PASSWORD", ""));
        FirstAdmin.ensure(users, settings.dataDir(), password);
        return users;
    }

    @Bean
    LocalEngine localEngine() {
        return LocalEngine.load();
    }

    @Bean
    RunService runService(WorkflowStore workflows, RunStore runs, LocalEngine engine, ServerSettings settings,
            Environment env) {
        return new RunService(workflows, runs, engine, settings, RetentionSettings.from(env))
                .maxQueued(env.getProperty("switchboard.queue.max-queued", Long.class, 10_000L))
                .publicUrl(env.getProperty("switchboard.public-url",
                        "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))));
    }

    @Bean
    dev.switchboard.platform.schedule.ScheduleService scheduleService(WorkflowStore workflows, RunService runs,
            LocalEngine engine, ServerSettings settings, Environment env) {
        return new dev.switchboard.platform.schedule.ScheduleService(workflows, runs, engine, settings,
                env.getProperty("switchboard.schedule-sync-seconds", Long.class, 10L));
    }

    @Bean
    DatabaseHealth databaseHealth(MongoConnection connection) {
        return new DatabaseHealth(connection);
    }
}
