/**
 * The condition logic shared by the If, Filter and Switch nodes: n8n's filter-style conditions with
 * their type validation, the first-generation comparisons, and the JavaScript value rules, dates and
 * regular expressions both rely on.
 */
package dev.switchboard.nodes.flow.conditions;
