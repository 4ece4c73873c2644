package dev.switchboard.platform.run;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonObject;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCredential;

/**
 * The secrets a run handed to its nodes, and the masking of them: every finished step has them
 * replaced by {@value #MASK} in its error, log lines, output items and node state before the journal
 * writes it, so no secret reaches the database, the API or a log. Each secret is masked as it is and
 * in the forms it takes in URLs and JSON text. Values shorter than {@value #MIN_LENGTH} characters are
 * not masked: they would garble every message, and are no secret worth the name.
 * Also keeps the credentials the run resolved, so each is looked up once per run.
 */
final class RunSecrets {

    static final String MASK = "***";
    static final int MIN_LENGTH = 4;

    /** Longest first, so that a secret containing another is masked whole. */
    private final TreeSet<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder()));
    private final Map<String, NodeCredential> resolved = new HashMap<>();

    synchronized boolean isEmpty() {
        return values.isEmpty();
    }

    /** The credential resolved before for this node and type, or null. */
    synchronized NodeCredential resolved(String node, String type) {
        return resolved.get(node + "\u0000" + type);
    }

    /** Keeps a resolved credential and learns its secret values. */
    synchronized void remember(String node, String type, NodeCredential credential) {
        resolved.put(node + "\u0000" + type, credential);
        for (String field : credential.secretFields()) {
            collect(credential.data().get(field));
        }
    }

    private void collect(Object value) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(this::collect);
        } else if (value instanceof Collection<?> c) {
            c.forEach(this::collect);
        } else if (value instanceof String s) {
            add(s);
        } else if (value != null) {
            add(Json.toText(value));
        }
    }

    /** Learns a secret value (and its URL and JSON forms). */
    synchronized void add(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            return;
        }
        values.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        values.add(form);
        values.add(form.replace("+", "%20"));
        String json = Json.write(secret);
        values.add(json.substring(1, json.length() - 1));
    }

    /** The text with every secret masked. */
    synchronized String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : values) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /** The step with every secret masked in its error, logs, outputs and node state; the same step when none is there. */
    Step redact(Step step) {
        if (isEmpty()) {
            return step;
        }
        StepError error = step.error() == null ? null : new StepError(redact(step.error().message()), step.error().node(),
                step.error().parameter(), step.error().itemIndex(), redact(step.error().description()));
        List<String> logs = step.logs() == null ? null : step.logs().stream().map(this::redact).toList();
        List<List<Item>> outputs = step.outputs() == null ? null : redactItems(step.outputs());
        @SuppressWarnings("unchecked")
        Map<String, Object> nodeState = step.nodeState() == null ? null : (Map<String, Object>) redactValue(step.nodeState());
        return new Step(step.index(), step.node(), step.runIndex(), step.status(), step.startedAt(), step.finishedAt(),
                step.attempts(), step.inputs(), step.sources(), outputs, error, logs, nodeState, step.resumeAt(),
                step.usage());
    }

    private List<List<Item>> redactItems(List<List<Item>> lists) {
        List<List<Item>> out = new ArrayList<>(lists.size());
        boolean changed = false;
        JsonObject.Builder compact = new JsonObject.Builder();
        for (List<Item> items : lists) {
            if (items == null) {
                out.add(null);
                continue;
            }
            List<Item> fixed = null;
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                Object json = redactValue(item.json());
                if (json != item.json() && fixed == null) {
                    fixed = new ArrayList<>(items.subList(0, i));
                }
                if (fixed != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) json;
                    fixed.add(json == item.json() ? item : item.withJson(compact.compact(map)));
                }
            }
            changed |= fixed != null;
            out.add(fixed == null ? items : java.util.Collections.unmodifiableList(fixed));
        }
        return changed ? out : lists;
    }

    /** A sample for review with every secret masked, as it leaves the run. */
    @SuppressWarnings("unchecked")
    dev.switchboard.platform.node.ReviewSample redactSample(dev.switchboard.platform.node.ReviewSample sample) {
        if (isEmpty()) {
            return sample;
        }
        return new dev.switchboard.platform.node.ReviewSample(sample.itemIndex(), redact(sample.question()),
                (Map<String, Object>) redactValue(sample.answer()), sample.confidence());
    }

    /** The value with secrets masked in its strings; the same object when nothing changed. */
    private Object redactValue(Object value) {
        if (value instanceof String s) {
            return redact(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = null;
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = redactValue(e.getValue());
                if (v != e.getValue() && copy == null) {
                    copy = new LinkedHashMap<>();
                    int j = 0;
                    for (Map.Entry<?, ?> before : m.entrySet()) {
                        if (j++ == i) {
                            break;
                        }
                        copy.put(String.valueOf(before.getKey()), before.getValue());
                    }
                }
                if (copy != null) {
                    copy.put(String.valueOf(e.getKey()), v);
                }
                i++;
            }
            return copy == null ? value : copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = null;
            for (int i = 0; i < l.size(); i++) {
                Object v = redactValue(l.get(i));
                if (v != l.get(i) && copy == null) {
                    copy = new ArrayList<>(l.subList(0, i));
                }
                if (copy != null) {
                    copy.add(v);
                }
            }
            return copy == null ? value : copy;
        }
        return value;
    }
}
