/**
 * The condition logic shared by the If, Filter and Switch nodes: n8n's filter-style conditions with
 * their type validation, the first-generation comparisons, and the dates and regular expressions both
 * rely on. JavaScript's value rules come from {@link dev.switchboard.platform.json.JsValues}.
 */
package dev.switchboard.nodes.flow.conditions;
