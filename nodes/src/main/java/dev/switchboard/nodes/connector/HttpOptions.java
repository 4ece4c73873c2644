package dev.switchboard.nodes.connector;

import java.util.Map;

/**
 * The HTTP Request node's "Options" for one item.
 *
 * @param responseFormat     autodetect, json, text or file
 * @param outputPropertyName the field (text) or binary property (file) that receives the body
 * @param timeoutMillis      how long to wait for the response
 * @param batchSize          items per batch; negative for no batching
 * @param batchIntervalMillis pause between batches; 0 for none
 */
record HttpOptions(boolean followRedirects, int maxRedirects, boolean neverError, boolean fullResponse,
                   String responseFormat, String outputPropertyName, long timeoutMillis, boolean allowUnauthorizedCerts,
                   String queryParameterArrays, boolean lowercaseHeaders, String proxy, int batchSize,
                   long batchIntervalMillis) {

    static final long DEFAULT_TIMEOUT_MILLIS = 300_000;

    @SuppressWarnings("unchecked")
    static HttpOptions from(Object value, double version) {
        Map<String, Object> o = value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> redirect = nested(o, "redirect", "redirect");
        Map<String, Object> response = nested(o, "response", "response");
        Map<String, Object> batch = nested(o, "batching", "batch");
        boolean follow = o.containsKey("redirect") ? bool(redirect.get("followRedirects"), version >= 4)
                : version >= 4;
        int maxRedirects = (int) number(redirect.get("maxRedirects"), 21);
        long timeout = (long) number(o.get("timeout"), 0);
        String format = string(response.get("responseFormat"), "autodetect");
        int batchSize = -1;
        long interval = 0;
        if (o.containsKey("batching")) {
            double size = number(batch.get("batchSize"), 50);
            batchSize = size > 0 ? (int) size : size == 0 ? 1 : -1;
            interval = (long) number(batch.get("batchInterval"), 1000);
        }
        return new HttpOptions(follow, maxRedirects, bool(response.get("neverError"), false),
                bool(response.get("fullResponse"), false), format.isEmpty() ? "autodetect" : format,
                string(response.get("outputPropertyName"), "data"), timeout > 0 ? timeout : DEFAULT_TIMEOUT_MILLIS,
                bool(o.get("allowUnauthorizedCerts"), false), string(o.get("queryParameterArrays"), "brackets"),
                bool(o.get("lowercaseHeaders"), true), string(o.get("proxy"), ""), batchSize, interval);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> o, String outer, String inner) {
        if (o.get(outer) instanceof Map<?, ?> m && m.get(inner) instanceof Map<?, ?> in) {
            return (Map<String, Object>) in;
        }
        return Map.of();
    }

    private static boolean bool(Object v, boolean fallback) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && !s.isEmpty()) {
            return Boolean.parseBoolean(s);
        }
        return fallback;
    }

    private static double number(Object v, double fallback) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String string(Object v, String fallback) {
        return v == null || "".equals(v) ? fallback : String.valueOf(v);
    }
}
