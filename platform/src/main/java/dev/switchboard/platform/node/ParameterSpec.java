package dev.switchboard.platform.node;

import java.util.List;
import java.util.Map;

/**
 * A parameter a node type declares: from this the editor builds the node's form and the validator
 * checks the workflow.
 *
 * @param name        the key in the node's {@code parameters}
 * @param options     for OPTIONS and MULTI_OPTIONS: the allowed values
 * @param showWhen    the parameter applies only when each named parameter has one of the listed values
 * @param versions    the type versions the parameter exists in, empty for all
 * @param rows        for FIXED_COLLECTION: the groups of rows it holds, each with the fields of a row
 *                    ({@code assignments -> [name, value, type]}), so that the form shows rows; empty: edited as JSON
 */
public record ParameterSpec(
        String name,
        String label,
        ParameterType type,
        boolean required,
        Object defaultValue,
        List<String> options,
        boolean expressionAllowed,
        boolean secret,
        String help,
        Map<String, List<Object>> showWhen,
        List<Double> versions,
        Map<String, List<String>> rows) {

    public ParameterSpec {
        rows = rows == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        options = options == null ? List.of() : List.copyOf(options);
        showWhen = showWhen == null ? Map.of() : Map.copyOf(showWhen);
        versions = versions == null ? List.of() : List.copyOf(versions);
        help = help == null ? "" : help;
    }

    public ParameterSpec(String name, String label, ParameterType type, boolean required, Object defaultValue,
            List<String> options, boolean expressionAllowed, boolean secret, String help,
            Map<String, List<Object>> showWhen, List<Double> versions) {
        this(name, label, type, required, defaultValue, options, expressionAllowed, secret, help, showWhen, versions,
                null);
    }

    /** Declares a group of rows this fixed collection holds and the fields of each row, in order. */
    public ParameterSpec rows(String group, String... fields) {
        var map = new java.util.LinkedHashMap<>(rows);
        map.put(group, List.of(fields));
        return new ParameterSpec(name, label, type, required, defaultValue, options, expressionAllowed, secret, help,
                showWhen, versions, map);
    }

    public static ParameterSpec of(String name, String label, ParameterType type, Object defaultValue) {
        return new ParameterSpec(name, label, type, false, defaultValue, null, true, false, null, null, null);
    }

    public static ParameterSpec required(String name, String label, ParameterType type) {
        return new ParameterSpec(name, label, type, true, null, null, true, false, null, null, null);
    }

    public static ParameterSpec options(String name, String label, Object defaultValue, String... values) {
        return new ParameterSpec(name, label, ParameterType.OPTIONS, false, defaultValue, List.of(values), true, false,
                null, null, null);
    }

    public ParameterSpec help(String text) {
        return new ParameterSpec(name, label, type, required, defaultValue, options, expressionAllowed, secret, text,
                showWhen, versions, rows);
    }

    public ParameterSpec showWhen(String parameter, Object... values) {
        var map = new java.util.LinkedHashMap<>(showWhen);
        map.put(parameter, List.of(values));
        return new ParameterSpec(name, label, type, required, defaultValue, options, expressionAllowed, secret, help,
                map, versions, rows);
    }

    public ParameterSpec inVersions(Double... vs) {
        return new ParameterSpec(name, label, type, required, defaultValue, options, expressionAllowed, secret, help,
                showWhen, List.of(vs), rows);
    }

    public ParameterSpec asSecret() {
        return new ParameterSpec(name, label, type, required, defaultValue, options, expressionAllowed, true, help,
                showWhen, versions, rows);
    }

    /**
     * Whether this parameter applies to a node of the given version whose parameters have the values
     * {@code valueOf} gives (the set value, else the declared default).
     */
    public boolean appliesTo(double version, java.util.function.Function<String, Object> valueOf) {
        if (!versions.isEmpty() && !versions.contains(version)) {
            return false;
        }
        for (var e : showWhen.entrySet()) {
            Object actual = valueOf.apply(e.getKey());
            boolean any = false;
            for (Object allowed : e.getValue()) {
                if (allowed.equals(actual)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
