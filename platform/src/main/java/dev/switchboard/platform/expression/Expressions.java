package dev.switchboard.platform.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;

/**
 * Evaluates parameter values: walks maps and lists, evaluates every {@code "=…"} string, takes the
 * Java fast path for plain property paths and one-operator arithmetic on them, and a sandbox for
 * everything else. One instance per node
 * execution; {@link #close()} gives its sandbox back to the pool.
 */
public final class Expressions implements AutoCloseable {

    private static final int TEMPLATE_CACHE_LIMIT = 20_000;
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private final JavaScriptEngine engine;
    private Sandbox sandbox;

    public Expressions(JavaScriptEngine engine) {
        this.engine = engine;
    }

    /** The parsed template of an expression string ({@code "=..."}), cached. */
    public static Template template(String expression) {
        Template t = TEMPLATES.get(expression);
        if (t == null) {
            t = Template.parse(expression.substring(1));
            if (TEMPLATES.size() > TEMPLATE_CACHE_LIMIT) {
                TEMPLATES.clear();
            }
            TEMPLATES.put(expression, t);
        }
        return t;
    }

    /** Resolves a parameter value deeply: expressions evaluated, containers copied. */
    @SuppressWarnings("unchecked")
    public Object resolve(Object value, ExpressionData data) {
        if (value instanceof String s) {
            return s.startsWith("=") ? evaluate(s, data) : s;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : ((Map<String, Object>) map).entrySet()) {
                try {
                    out.put(e.getKey(), resolve(e.getValue(), data));
                } catch (ExpressionException ex) {
                    throw ex.under("." + e.getKey());
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                try {
                    out.add(resolve(list.get(i), data));
                } catch (ExpressionException ex) {
                    throw ex.under("[" + i + "]");
                }
            }
            return out;
        }
        return value;
    }

    /** Evaluates one expression string ({@code "={{ $json.a }} and text"}). */
    public Object evaluate(String expression, ExpressionData data) {
        Template template = template(expression);
        List<Template.Segment> segments = template.segments();
        if (segments.size() == 1 && segments.get(0) instanceof Template.Code code) {
            return evaluateCode(code, data);
        }
        StringBuilder sb = new StringBuilder();
        for (Template.Segment seg : segments) {
            switch (seg) {
                case Template.Text t -> sb.append(t.text());
                case Template.Code c -> sb.append(asText(evaluateCode(c, data)));
            }
        }
        return sb.toString();
    }

    private static String asText(Object v) {
        if (v == null) {
            return "";
        }
        return Json.toText(v);
    }

    private Object evaluateCode(Template.Code code, ExpressionData data) {
        if (code.code().isEmpty()) {
            return null;
        }
        PathExpression path = code.path();
        if (path != null) {
            Object v = resolvePath(path, data);
            if (v != PathExpression.NOT_RESOLVED) {
                return v instanceof Map || v instanceof List ? Json.copy(v) : v;
            }
        } else if (code.arithmetic() != null) {
            Object v = code.arithmetic().evaluate(p -> resolvePath(p, data));
            if (v != PathExpression.NOT_RESOLVED) {
                return v;
            }
        }
        return sandbox().evaluate(code.code(), data);
    }

    private static Object resolvePath(PathExpression path, ExpressionData data) {
        Item item;
        int index = data.itemIndex();
        try {
            switch (path.root()) {
                case CURRENT_ITEM -> {
                    List<Item> input = data.input();
                    if (index < 0 || index >= input.size()) {
                        return PathExpression.NOT_RESOLVED;
                    }
                    item = input.get(index);
                }
                case PAIRED_ITEM -> {
                    if (!data.nodeExists(path.nodeName())) {
                        return PathExpression.NOT_RESOLVED;
                    }
                    item = data.pairedItem(path.nodeName(), index);
                }
                case NODE_ITEM_AT_INDEX -> {
                    if (!data.nodeExists(path.nodeName())) {
                        return PathExpression.NOT_RESOLVED;
                    }
                    List<Item> out = data.nodeOutput(path.nodeName(), 0, -1);
                    if (out == null || index < 0 || index >= out.size()) {
                        return PathExpression.NOT_RESOLVED;
                    }
                    item = out.get(index);
                }
                default -> {
                    return PathExpression.NOT_RESOLVED;
                }
            }
        } catch (ExpressionException e) {
            return PathExpression.NOT_RESOLVED;
        }
        if (item == null) {
            return PathExpression.NOT_RESOLVED;
        }
        return path.resolve(item.json());
    }

    /** Runs a Code-node script in a script sandbox (see {@link Sandbox#runScript}). */
    public Object runScript(String code, ExpressionData data) {
        return sandbox().runScript(code, data);
    }

    /** A syntax error in an expression string, or null when it parses. */
    public String syntaxError(String expression) {
        try {
            Template t = template(expression);
            for (Template.Segment seg : t.segments()) {
                if (seg instanceof Template.Code c && !c.code().isEmpty() && !c.javaFirst()) {
                    sandbox().checkSyntax(c.code());
                }
            }
            return null;
        } catch (ExpressionException e) {
            return e.getMessage();
        }
    }

    private Sandbox sandbox() {
        if (sandbox == null || sandbox.isBroken()) {
            if (sandbox != null) {
                engine.release(sandbox);
            }
            sandbox = engine.acquire();
        }
        return sandbox;
    }

    @Override
    public void close() {
        if (sandbox != null) {
            engine.release(sandbox);
            sandbox = null;
        }
    }
}
