/**
 * JSON values as the engine sees them: plain {@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean} and {@code null}, read and written with Jackson, copied deeply, compared the way
 * JavaScript compares them.
 */
package dev.switchboard.platform.json;
