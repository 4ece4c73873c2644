package dev.switchboard.platform.expression;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * The process-wide JavaScript runtime: one GraalVM {@link Engine} shared by pooled, sandboxed
 * contexts ({@link Sandbox}), two pools with their own limits (expressions and scripts), and a
 * watchdog that cancels an evaluation that spends more CPU time than its limit allows.
 */
public final class JavaScriptEngine implements AutoCloseable {

    private static final String LUXON = "/META-INF/resources/webjars/luxon/3.7.2/build/global/luxon.min.js";
    private static volatile JavaScriptEngine shared;

    private final Engine engine;
    private final Source luxon;
    private final Source extensions;
    private final Source prelude;
    private final SandboxLimits expressionLimits;
    private final SandboxLimits scriptLimits;
    private final java.util.concurrent.LinkedBlockingDeque<Sandbox> pool = new java.util.concurrent.LinkedBlockingDeque<>();
    /**
     * Sandboxes in existence. Each JavaScript context costs megabytes and a second to make, so past
     * {@link #SOFT_LIMIT} a caller first waits briefly for one to come back; only a longer wait makes
     * another (which then stays in the pool).
     */
    private final java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger();
    private static final int SOFT_LIMIT = Integer.getInteger("switchboard.js.contexts",
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    private volatile java.util.concurrent.CompletableFuture<Void> warming;
    private final ScheduledExecutorService watchdog;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final java.util.concurrent.ConcurrentHashMap<Sandbox, Watch> watched = new java.util.concurrent.ConcurrentHashMap<>();

    public JavaScriptEngine(SandboxLimits expressionLimits, SandboxLimits scriptLimits) {
        this.expressionLimits = expressionLimits;
        this.scriptLimits = scriptLimits;
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.luxon = source(LUXON, "luxon.js");
        this.extensions = source("/dev/switchboard/platform/expression/extensions.js", "extensions.js");
        this.prelude = source("/dev/switchboard/platform/expression/prelude.js", "prelude.js");
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-js-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::checkWatched, 25, 25, TimeUnit.MILLISECONDS);
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** The engine of this process, created on first use with the default limits. */
    public static JavaScriptEngine shared() {
        JavaScriptEngine e = shared;
        if (e == null) {
            synchronized (JavaScriptEngine.class) {
                e = shared;
                if (e == null) {
                    e = new JavaScriptEngine(SandboxLimits.expressions(), SandboxLimits.scripts());
                    shared = e;
                }
            }
        }
        return e;
    }

    private static Source source(String resource, String name) {
        try (InputStream in = JavaScriptEngine.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name)
                    .cached(true).buildLiteral();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * A sandbox from the pool (or a new one); give it back with {@link #release}. Expressions and
     * scripts share contexts: the statement limit is the larger of the two, and each evaluation is
     * watched with its own CPU-time limit.
     */
    public Sandbox acquire() {
        if (warming != null && !warming.isDone() && pool.isEmpty()) {
            warming.join();
        }
        Sandbox s;
        while ((s = pool.pollFirst()) != null) {
            if (!s.isBroken()) {
                return s;
            }
            closeSandbox(s);
        }
        if (live.get() >= SOFT_LIMIT) {
            // wait a moment for one to come back; past that make one more (a caller may hold one while it
            // waits for another, as a node running a sub-workflow does, so the limit must not block for good)
            try {
                s = pool.pollFirst(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (s != null && !s.isBroken()) {
                return s;
            }
            if (s != null) {
                closeSandbox(s);
            }
        }
        return newSandbox();
    }

    private void closeSandbox(Sandbox s) {
        s.close();
        live.decrementAndGet();
    }

    private Sandbox newSandbox() {
        Sandbox s = new Sandbox(this, Math.max(expressionLimits.statements(), scriptLimits.statements()));
        live.incrementAndGet();
        return s;
    }

    /**
     * Starts creating a sandbox in the background (a cold JavaScript context takes about a second),
     * for a process that knows it will need one soon — the command line, while it reads its files.
     */
    public void prewarm() {
        if (warming == null && pool.isEmpty()) {
            warming = java.util.concurrent.CompletableFuture.runAsync(() -> pool.offerFirst(newSandbox()),
                    r -> Thread.ofPlatform().daemon().name("switchboard-js-prewarm").start(r));
        }
    }

    public void release(Sandbox sandbox) {
        if (sandbox.isBroken()) {
            closeSandbox(sandbox);
            return;
        }
        sandbox.detach();
        if (sandbox.isBroken()) {
            closeSandbox(sandbox);
            return;
        }
        pool.offerFirst(sandbox);
    }

    SandboxLimits expressionLimits() {
        return expressionLimits;
    }

    SandboxLimits scriptLimits() {
        return scriptLimits;
    }

    Engine engine() {
        return engine;
    }

    Source luxon() {
        return luxon;
    }

    Source extensions() {
        return extensions;
    }

    Source prelude() {
        return prelude;
    }

    /** An evaluation under watch: whose thread, since when, and its limit. */
    private record Watch(Thread thread, long cpuStart, long wallStart, long limitNanos) {
    }

    /** Starts watching the calling thread's CPU time for {@code sandbox}'s current evaluation; returns the token. */
    Object watch(Sandbox sandbox, long limitNanos) {
        Thread t = Thread.currentThread();
        Watch w = new Watch(t, threads.getThreadCpuTime(t.threadId()), System.nanoTime(), limitNanos);
        watched.put(sandbox, w);
        return w;
    }

    void unwatch(Sandbox sandbox, Object token) {
        if (token != null) {
            watched.remove(sandbox, token);
        }
    }

    private void checkWatched() {
        try {
            long now = System.nanoTime();
            watched.forEach((sandbox, w) -> {
                long used = threads.getThreadCpuTime(w.thread().threadId());
                boolean cpuOver = used >= 0 && w.cpuStart() >= 0 && used - w.cpuStart() > w.limitNanos();
                boolean wallOver = now - w.wallStart() > w.limitNanos() * 4;
                if ((cpuOver || wallOver) && watched.remove(sandbox, w)) {
                    sandbox.cancelIfStill(w);
                }
            });
        } catch (Throwable t) {
            // the watchdog must outlive anything: a failed check is retried on the next tick
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        Sandbox s;
        while ((s = pool.poll()) != null) {
            s.close();
        }
        engine.close();
    }
}
