package dev.switchboard.platform.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * Fires the Schedule Trigger nodes of active workflows. Every instance runs one: it keeps Quartz's
 * jobs in step with the database (on start and every {@code switchboard.schedule-sync-seconds}), and
 * each firing creates its run under a key of workflow, version, node, rule and scheduled time, so
 * that however many instances fire, one run results. Fires missed while no instance was up are not
 * made up: the schedule goes on from the next time due.
 */
public final class ScheduleService implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
    private static final String GROUP = "schedules";
    private static final String SCHEDULE_TYPE = "switchboard.scheduleTrigger";

    private final WorkflowStore workflows;
    private final RunService runs;
    private final LocalEngine engine;
    private final ServerSettings settings;
    private final long syncSeconds;
    private Scheduler scheduler;
    private ScheduledExecutorService sync;
    private volatile boolean running;

    public ScheduleService(WorkflowStore workflows, RunService runs, LocalEngine engine, ServerSettings settings,
            long syncSeconds) {
        this.workflows = workflows;
        this.runs = runs;
        this.engine = engine;
        this.settings = settings;
        this.syncSeconds = syncSeconds;
    }

    /** One schedule rule of one node of one workflow version: the job's identity. */
    record Planned(String workflowId, int version, String node, ScheduleRules.Rule rule, ZoneId zone) {
        JobKey key() {
            return JobKey.jobKey(workflowId + "/" + version + "/" + node + "/" + rule.index() + "/" + rule.cron()
                    + "/" + zone.getId(), GROUP);
        }
    }

    @Override
    public void start() {
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "switchboard-" + UUID.randomUUID());
            p.setProperty("org.quartz.threadPool.threadCount", "2");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> (Job) context -> fire(context.getMergedJobDataMap(),
                    context.getScheduledFireTime().toInstant()));
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler cannot start: " + e.getMessage(), e);
        }
        running = true;
        sync = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("switchboard-schedule-sync").unstarted(r));
        sync.scheduleWithFixedDelay(this::syncSafely, 0, syncSeconds, TimeUnit.SECONDS);
    }

    private void syncSafely() {
        try {
            sync();
        } catch (RuntimeException | SchedulerException e) {
            LOG.warn("could not bring the schedules up to date: {}", e.getMessage());
        }
    }

    /** Makes Quartz's jobs match the schedule nodes of the active workflows' published versions. */
    public synchronized void sync() throws SchedulerException {
        Map<JobKey, Planned> wanted = new HashMap<>();
        int page = 0;
        while (true) {
            Page<StoredWorkflow> batch = workflows.list(null, new Page.Request(page++, Page.Request.MAX_SIZE));
            for (StoredWorkflow w : batch.items()) {
                if (w.active() && w.publishedVersion() != null) {
                    plan(w, wanted);
                }
            }
            if ((long) page * Page.Request.MAX_SIZE >= batch.total()) {
                break;
            }
        }
        Set<JobKey> existing = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
        for (JobKey key : existing) {
            if (!wanted.containsKey(key)) {
                scheduler.deleteJob(key);
            }
        }
        for (var e : wanted.entrySet()) {
            if (!existing.contains(e.getKey())) {
                schedule(e.getKey(), e.getValue());
            }
        }
    }

    private void plan(StoredWorkflow w, Map<JobKey, Planned> wanted) {
        Workflow definition = runs.workflowOf(w.id(), w.publishedVersion());
        ZoneId zone = definition.timezone().orElse(settings.zone());
        for (WorkflowNode node : definition.nodes()) {
            boolean isSchedule = engine.types().find(node.type())
                    .map(t -> t.descriptor().type().equals(SCHEDULE_TYPE)).orElse(false);
            if (!isSchedule || node.disabled()) {
                continue;
            }
            try {
                for (ScheduleRules.Rule rule : ScheduleRules.of(node.parameters())) {
                    Planned p = new Planned(w.id(), w.publishedVersion(), node.name(), rule, zone);
                    wanted.put(p.key(), p);
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("workflow \"{}\", node \"{}\": {}", w.name(), node.name(), e.getMessage());
            }
        }
    }

    private void schedule(JobKey key, Planned p) throws SchedulerException {
        JobDataMap data = new JobDataMap();
        data.put("workflowId", p.workflowId());
        data.put("version", p.version());
        data.put("node", p.node());
        data.put("rule", p.rule().index());
        data.put("weeksInterval", p.rule().weeksInterval());
        data.put("zone", p.zone().getId());
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(p.rule().cron()).inTimeZone(TimeZone.getTimeZone(p.zone()))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        scheduler.scheduleJob(JobBuilder.newJob(Job.class).withIdentity(key).usingJobData(data).build(), trigger);
    }

    /** A firing: one run per workflow, node, rule and scheduled time, however many instances fire. */
    void fire(JobDataMap data, Instant scheduled) {
        String workflowId = data.getString("workflowId");
        int version = data.getInt("version");
        ZoneId zone = ZoneId.of(data.getString("zone"));
        int weeks = data.getInt("weeksInterval");
        if (weeks > 1 && ChronoUnit.WEEKS.between(Instant.EPOCH.atZone(zone), scheduled.atZone(zone)) % weeks != 0) {
            return;
        }
        StoredWorkflow w = workflows.get(workflowId).orElse(null);
        if (w == null || w.deleted() || !w.active()) {
            return;
        }
        String key = "schedule:" + workflowId + ":" + version + ":" + data.getString("node") + ":" + data.getInt("rule")
                + ":" + scheduled.toEpochMilli();
        String run = runs.startOnce(w, version, data.getString("node"), List.of(Item.of(describe(scheduled, zone))),
                "trigger", key).id();
        LOG.debug("schedule fired: workflow {}, node \"{}\", rule {}, time {}: run {}", workflowId, data.getString("node"),
                data.getInt("rule"), scheduled, run);
    }

    /** n8n's Schedule Trigger item: the moment in several readable forms, in the workflow's zone. */
    static Map<String, Object> describe(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("Readable date", t.format(DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm:ss a", Locale.ENGLISH)));
        m.put("Readable time", t.format(DateTimeFormatter.ofPattern("h:mm:ss a", Locale.ENGLISH)));
        m.put("Day of week", t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        m.put("Year", String.valueOf(t.getYear()));
        m.put("Month", t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        m.put("Day of month", String.format("%02d", t.getDayOfMonth()));
        m.put("Hour", String.format("%02d", t.getHour()));
        m.put("Minute", String.format("%02d", t.getMinute()));
        m.put("Second", String.format("%02d", t.getSecond()));
        m.put("Timezone", zone.getId() + " (UTC" + t.getOffset().getId().replace("Z", "+00:00") + ")");
        return m;
    }

    @Override
    public void stop() {
        running = false;
        if (sync != null) {
            sync.shutdownNow();
        }
        try {
            if (scheduler != null) {
                scheduler.shutdown(false);
            }
        } catch (SchedulerException e) {
            LOG.warn("the scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
