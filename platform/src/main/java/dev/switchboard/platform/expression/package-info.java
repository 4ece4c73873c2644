/**
 * n8n's expressions: templates ({@code ={{ … }}}), their fast path for plain property paths, and the
 * sandboxed GraalVM JavaScript in which everything else runs — with n8n's built-ins ({@code $json},
 * {@code $input}, {@code $('Node')}, {@code $now}, …), its extension methods and Luxon dates.
 */
package dev.switchboard.platform.expression;
