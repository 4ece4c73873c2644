/**
 * Helpers shared by several node implementations (JavaScript regular expressions, n8n's lenient type
 * readings, message wording). Not API: node code may change them at any time. The JavaScript rules
 * for JSON values themselves live in {@link dev.switchboard.platform.json.JsValues}.
 */
package dev.switchboard.nodes.support;
