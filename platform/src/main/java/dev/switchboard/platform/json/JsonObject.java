package dev.switchboard.platform.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable JSON object in compact form: its keys (an array shared by objects of the same shape,
 * as JavaScript engines share hidden classes) and its values. The engine stores items in this form
 * once a node has produced them: a quarter of a {@link java.util.LinkedHashMap}'s memory, and no
 * node can change another node's output by accident. {@link Json#copy} gives a mutable copy.
 */
public final class JsonObject extends AbstractMap<String, Object> {

    /** Objects with more keys than this stay as they are (a linear search would be slow). */
    static final int MAX_KEYS = 32;

    private final String[] keys;
    private final Object[] values;

    private JsonObject(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Builds compact objects, reusing the key array of the previous object when the shape repeats. */
    public static final class Builder {
        private String[] lastShape = new String[0];

        /** The compact form of {@code map} (deeply), or {@code map} itself when it is large. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> compact(Map<String, Object> map) {
            if (map instanceof JsonObject || map.size() > MAX_KEYS) {
                return map;
            }
            int n = map.size();
            boolean same = lastShape.length == n;
            String[] shape = same ? lastShape : new String[n];
            Object[] values = new Object[n];
            int i = 0;
            for (var e : map.entrySet()) {
                if (same && !shape[i].equals(e.getKey())) {
                    same = false;
                    shape = Arrays.copyOf(shape, n);
                }
                if (!same) {
                    shape[i] = e.getKey();
                }
                values[i] = compactValue(e.getValue());
                i++;
            }
            lastShape = shape;
            return new JsonObject(shape, values);
        }

        @SuppressWarnings("unchecked")
        private Object compactValue(Object v) {
            if (v instanceof Map<?, ?> m) {
                return new Builder().compact((Map<String, Object>) m);
            }
            if (v instanceof java.util.List<?> list) {
                java.util.List<Object> out = new java.util.ArrayList<>(list.size());
                Builder inner = new Builder();
                for (Object o : list) {
                    out.add(o instanceof Map<?, ?> m ? inner.compact((Map<String, Object>) m) : compactValue(o));
                }
                return java.util.Collections.unmodifiableList(out);
            }
            return v;
        }
    }

    private int indexOf(Object key) {
        if (key == null) {
            return -1;
        }
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
