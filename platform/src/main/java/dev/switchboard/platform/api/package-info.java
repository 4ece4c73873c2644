/**
 * The REST API under {@code /api/v1}: JSON in and out, bearer API keys, paged lists
 * ({@code {"items", "page", "size", "total"}}) and errors as {@code {"error": {"code", "message", "details"}}}.
 */
package dev.switchboard.platform.api;
