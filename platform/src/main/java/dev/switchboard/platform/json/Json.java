package dev.switchboard.platform.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads, writes and copies JSON values. Objects are {@link LinkedHashMap}s (key order kept), arrays
 * {@link ArrayList}s, numbers {@link Long} when integral and {@link Double} otherwise, as JavaScript
 * would print them.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(2_000).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final JsonMapper PRETTY = MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** The shared mapper, for streaming use by the command line and stores. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Parses any JSON value. */
    public static Object parse(String text) {
        try {
            return normalize(MAPPER.readValue(text, Object.class));
        } catch (JacksonException e) {
            throw new JsonException(describe(e), e);
        }
    }

    /** Parses a JSON object; fails when the text is another kind of value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new JsonException("expected a JSON object but found " + typeName(value));
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static String writePretty(Object value) {
        return PRETTY.writeValueAsString(value);
    }

    /** A message naming line and column, without Jackson's source excerpt. */
    public static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        var location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    /** Converts numbers and containers into the canonical shapes named in the class comment. */
    @SuppressWarnings("unchecked")
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (var entry : ((Map<String, Object>) map).entrySet()) {
                Object v = entry.getValue();
                Object n = normalize(v);
                if (n != v) {
                    entry.setValue(n);
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0; i < l.size(); i++) {
                Object v = l.get(i);
                Object n = normalize(v);
                if (n != v) {
                    l.set(i, n);
                }
            }
            return list;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        return value;
    }

    /** A number as JavaScript holds it: integral values as {@link Long}, others as {@link Double}. */
    public static Number number(Number number) {
        if (number instanceof Long) {
            return number;
        }
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Number) big.longValue() : (Number) big.doubleValue();
        }
        double d = number instanceof BigDecimal bd ? bd.doubleValue() : number.doubleValue();
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.007199254740992E15
                && !(d == 0 && 1 / d < 0)) {
            return (long) d;
        }
        return d;
    }

    /** A deep copy of a JSON value: what a node may change without touching its input. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (var e : ((Map<String, Object>) map).entrySet()) {
                out.put(e.getKey(), copy(e.getValue()));
            }
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(copy(o));
            }
            return (T) out;
        }
        return value;
    }

    /** The compact, immutable form of a JSON object (see {@link JsonObject}). */
    public static Map<String, Object> compact(Map<String, Object> map) {
        return new JsonObject.Builder().compact(map);
    }

    /**
     * The name of a value's JSON type, for messages: {@link JsValues#typeOf}, except that arrays are
     * "array" and null "null" (and a non-JSON value its class's name).
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Map || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return JsValues.typeOf(value);
        }
        return value.getClass().getSimpleName();
    }

    /** Equality as a deep JSON comparison, with numbers compared by value (1 equals 1.0, NaN not NaN). */
    public static boolean deepEquals(Object a, Object b) {
        return JsValues.deepEquals(a, b, false);
    }

    /**
     * Formats a value as JavaScript's {@code String(value)} would for primitives; JSON for containers.
     * See {@link JsValues#string} for {@code String(value)} itself.
     */
    public static String toText(Object value) {
        return value instanceof Map || value instanceof List ? write(value) : JsValues.string(value);
    }

    /** JavaScript's number-to-string (see {@link JsValues#numberToString}). */
    public static String formatDouble(double d) {
        return JsValues.numberToString(d);
    }
}
