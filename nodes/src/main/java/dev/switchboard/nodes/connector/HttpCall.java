package dev.switchboard.nodes.connector;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request as the HTTP Request node will send it.
 *
 * @param headers header names as they will be sent (lower-cased unless the node says otherwise)
 * @param body    the request body, or null for none
 */
record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body) {

    /** The value of a header, whatever the case of its name. */
    String header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The same request to another address, as a redirect asks (303 and a POST's 301/302 become GETs). */
    HttpCall redirectTo(URI target, int status) {
        boolean toGet = status == 303 && !method.equals("HEAD")
                || (status == 301 || status == 302) && method.equals("POST");
        if (!toGet) {
            return new HttpCall(method, target, headers, body);
        }
        var kept = new java.util.LinkedHashMap<String, String>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-type") && !k.equalsIgnoreCase("content-length")) {
                kept.put(k, v);
            }
        });
        return new HttpCall("GET", target, kept, null);
    }
}
