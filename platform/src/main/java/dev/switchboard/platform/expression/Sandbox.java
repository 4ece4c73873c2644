package dev.switchboard.platform.expression;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import dev.switchboard.platform.json.Json;

/**
 * One sandboxed JavaScript context: no host classes, no files, no network, no environment, no
 * threads; a statement limit and a CPU-time watchdog. Holds compiled expressions and scripts.
 * Not thread-safe: one evaluation at a time, which the pool guarantees.
 */
public final class Sandbox implements AutoCloseable {

    private static final int COMPILED_CACHE = 1024;

    private final JavaScriptEngine owner;
    private final long statementLimit;
    private SandboxLimits limits;
    private final Context context;
    private final Bridge bridge = new Bridge();
    private final Value enter;
    private final Value runAsync;
    private final Value poll;
    private final Value pending;
    private final Value out;
    private final Value reset;
    private final Value setZone;
    private final Value errorText;
    private final Map<String, Value> compiled = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Value> eldest) {
            return size() > COMPILED_CACHE;
        }
    };
    private long generation;
    private long dataGeneration;
    private Object lastData;
    private int lastItem = -1;
    private String zone;
    private volatile boolean broken;
    private volatile boolean cancelled;
    private final Object watchLock = new Object();
    private Object watch;
    /** Whether user code ran since the last reset (only then can the realm have changed). */
    private boolean used;
    private final Value compileExpression;
    private final Value compileScript;

    Sandbox(JavaScriptEngine owner, long statementLimit) {
        this.owner = owner;
        this.statementLimit = statementLimit;
        this.limits = owner.expressionLimits();
        this.context = Context.newBuilder("js")
                .engine(owner.engine())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.newBuilder(HostAccess.NONE).allowMutableTargetMappings().build())
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(statementLimit, null).build())
                .build();
        bridge.luxonLoader = this::loadLuxon;
        context.eval(owner.extensions());
        Value api = context.eval(owner.prelude()).execute(bridge);
        this.enter = api.getMember("enter");
        this.runAsync = api.getMember("runAsync");
        this.poll = api.getMember("poll");
        this.pending = api.getMember("pending");
        this.out = api.getMember("out");
        this.reset = api.getMember("reset");
        this.setZone = api.getMember("setZone");
        this.compileExpression = api.getMember("compileExpression");
        this.compileScript = api.getMember("compileScript");
        this.errorText = api.getMember("errorText");
        context.resetLimits();
    }

    boolean isBroken() {
        return broken;
    }

    /** Drops references to the last evaluation's data. */
    void detach() {
        bridge.data = null;
        lastData = null;
        lastItem = -1;
        if (!broken && used) {
            used = false;
            try {
                if (!reset.execute().asBoolean()) {
                    broken = true;
                }
            } catch (PolyglotException e) {
                broken = true;
            }
        }
    }

    void cancel() {
        cancelled = true;
        broken = true;
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // closing a running context from the watchdog throws in some states; the evaluation ends anyway
        }
    }

    /** Evaluates the code of one {@code {{ }}} segment and returns a plain JSON value. */
    public Object evaluate(String code, ExpressionData data) {
        limits = owner.expressionLimits();
        begin(data, !readOnly(code));
        try {
            return convert(compile(code, false).execute());
        } catch (PolyglotException e) {
            throw translate(e, code);
        } finally {
            end();
        }
    }

    /**
     * Runs a script as the body of an async function, drives its promise and timers to completion,
     * and returns its result as a plain JSON value.
     */
    public Object runScript(String code, ExpressionData data) {
        limits = owner.scriptLimits();
        begin(data, true);
        try {
            Value holder = runAsync.execute(compile(code, true));
            while (!poll.execute(holder).asBoolean()) {
                if (pending.execute().asInt() == 0 && !holder.getMember("done").asBoolean()) {
                    throw new ExpressionException("the script's promise never settled");
                }
            }
            Value error = holder.getMember("error");
            if (!error.isNull()) {
                throw new ExpressionException(errorText.execute(error).asString());
            }
            return convertEach(holder.getMember("value"));
        } catch (PolyglotException e) {
            throw translate(e, code);
        } finally {
            end();
        }
    }

    /** Whether an expression's code is known not to change the realm ({@link ReadOnlyCode}), remembered per code. */
    private static boolean readOnly(String code) {
        Boolean known = READ_ONLY.get(code);
        if (known == null) {
            if (READ_ONLY.size() > 10_000) {
                READ_ONLY.clear();
            }
            known = ReadOnlyCode.isReadOnly(code);
            READ_ONLY.put(code, known);
        }
        return known;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> READ_ONLY =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param mayChangeRealm whether the code about to run may change the realm (then it is restored afterwards) */
    private void begin(ExpressionData data, boolean mayChangeRealm) {
        if (broken) {
            throw new ExpressionException("the sandbox was cut off by its limit and cannot be reused", true, null);
        }
        context.resetLimits();
        used |= mayChangeRealm;
        synchronized (watchLock) {
            watch = owner.watch(this, limits.cpuTime().toNanos());
        }
        if (data == null) {
            return;
        }
        bridge.data = data;
        if (data != lastData) {
            dataGeneration++;
            generation++;
        } else if (data.itemIndex() != lastItem) {
            generation++;
        }
        lastData = data;
        lastItem = data.itemIndex();
        String z = data.zone().getId();
        if (!z.equals(zone)) {
            zone = z;
            setZone.execute(z);
        }
        enter.execute(generation, dataGeneration, data.itemIndex());
    }

    private void end() {
        synchronized (watchLock) {
            owner.unwatch(this, watch);
            watch = null;
        }
    }

    /**
     * Loads Luxon the first time an evaluation asks for it. Its loading is the platform's work, not the
     * evaluation's: the watch pauses meanwhile and the statement count starts again afterwards, so that a
     * busy machine cannot make a first {@code $now} look like an endless loop.
     */
    private void loadLuxon() {
        synchronized (watchLock) {
            owner.unwatch(this, watch);
            watch = null;
        }
        try {
            context.eval(owner.luxon());
        } finally {
            context.resetLimits();
            synchronized (watchLock) {
                watch = owner.watch(this, limits.cpuTime().toNanos());
            }
        }
    }

    /** Called by the watchdog: cancels the evaluation it watched, unless that one has already ended. */
    void cancelIfStill(Object watched) {
        synchronized (watchLock) {
            if (watch != null && watch == watched) {
                cancel();
            }
        }
    }

    /**
     * Makes the function for an expression or a script with JavaScript's Function constructor, whose
     * body is parsed on its own: code cannot close the wrapper and run outside the watched call.
     * Runs between {@link #begin} and {@link #end}.
     */
    private Value compile(String code, boolean script) {
        String key = (script ? "S:" : "E:") + code;
        Value fn = compiled.get(key);
        if (fn != null) {
            return fn;
        }
        fn = (script ? compileScript : compileExpression).execute(code);
        compiled.put(key, fn);
        return fn;
    }

    /** Checks that an expression's code parses, without running it. */
    public void checkSyntax(String code) {
        limits = owner.expressionLimits();
        begin(null, false);
        try {
            compile(code, false);
        } catch (PolyglotException e) {
            throw translate(e, code);
        } finally {
            end();
        }
    }

    private Object convert(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return v.asLong();
            }
            return Json.number(v.asDouble());
        }
        Value json = out.execute(v);
        if (json.isNull()) {
            return null;
        }
        return Json.parse(json.asString());
    }

    /** Converts an array element by element, so that a large result never becomes one large string. */
    private Object convertEach(Value v) {
        if (v == null || !v.hasArrayElements() || v.isProxyObject()) {
            return convert(v);
        }
        long size = v.getArraySize();
        java.util.List<Object> list = new java.util.ArrayList<>((int) Math.min(size, Integer.MAX_VALUE));
        dev.switchboard.platform.json.JsonObject.Builder compact = new dev.switchboard.platform.json.JsonObject.Builder();
        for (long i = 0; i < size; i++) {
            Object element = convert(v.getArrayElement(i));
            list.add(element instanceof java.util.Map<?, ?> m ? compactItem(compact, m) : element);
        }
        return list;
    }

    /** An item ({@code {json: {...}}}) or plain object, compacted so that a large result stays small. */
    @SuppressWarnings("unchecked")
    private static Object compactItem(dev.switchboard.platform.json.JsonObject.Builder compact, java.util.Map<?, ?> m) {
        java.util.Map<String, Object> map = (java.util.Map<String, Object>) m;
        if (map.get("json") instanceof java.util.Map<?, ?> json) {
            java.util.Map<String, Object> item = new java.util.LinkedHashMap<>(map);
            item.put("json", compact.compact((java.util.Map<String, Object>) json));
            return item;
        }
        return compact.compact(map);
    }

    private ExpressionException translate(PolyglotException e, String code) {
        if (cancelled || e.isCancelled() || e.isResourceExhausted()) {
            broken = true;
            return new ExpressionException("stopped: it exceeded the limit of " + statementLimit + " statements, "
                    + limits.cpuTime().toMillis() + " ms of CPU time or " + 4 * limits.cpuTime().toMillis()
                    + " ms in all (an endless loop?)", true, null);
        }
        if (e.isInternalError() || e.isExit()) {
            broken = true;
        }
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            if (host instanceof ExpressionException ee) {
                return ee;
            }
            return new ExpressionException(String.valueOf(host.getMessage()));
        }
        String message = cleanMessage(e.getMessage());
        if (e.isSyntaxError() || message.startsWith("SyntaxError")) {
            return new ExpressionException("invalid syntax: " + message.replaceFirst("^SyntaxError: ", ""));
        }
        return new ExpressionException(message);
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "the expression failed";
        }
        for (String prefix : new String[] {"ExpressionError: ", "Error: "}) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }

    @Override
    public void close() {
        broken = true;
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // already closed by a cancellation
        }
    }
}
