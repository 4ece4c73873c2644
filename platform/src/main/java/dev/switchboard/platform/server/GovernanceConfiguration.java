package dev.switchboard.platform.server;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.governance.PolicyStore;
import dev.switchboard.platform.governance.Publishing;
import dev.switchboard.platform.store.MongoAuditLog;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoPolicyStore;
import dev.switchboard.platform.workflow.WorkflowStore;

/** The audit log, the policy, and publishing under them; runs and approvals report to the audit log. */
@Configuration(proxyBeanMethods = false)
public class GovernanceConfiguration {

    @Bean
    AuditLog auditLog(MongoConnection connection, RunService runs, ApprovalService approvals,
            dev.switchboard.platform.approval.AiReviewService reviews) {
        AuditLog audit = new MongoAuditLog(connection, Clock.systemUTC());
        runs.audit(audit);
        approvals.audit(audit);
        reviews.audit(audit);
        return audit;
    }

    @Bean
    dev.switchboard.platform.incident.IncidentStore incidentStore(MongoConnection connection, RunService runs) {
        var store = new dev.switchboard.platform.store.MongoIncidentStore(connection, Clock.systemUTC());
        runs.incidents(store);
        return store;
    }

    @Bean
    PolicyStore policyStore(MongoConnection connection) {
        return new MongoPolicyStore(connection);
    }

    @Bean
    Publishing publishing(WorkflowStore workflows, LocalEngine engine, PolicyStore policies, AuditLog audit,
            MongoConnection connection) {
        return new Publishing(workflows, engine, policies, audit,
                new dev.switchboard.platform.store.MongoPublishRequestStore(connection, Clock.systemUTC()));
    }
}
