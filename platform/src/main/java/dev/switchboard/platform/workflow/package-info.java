/**
 * The workflow: a named graph of nodes and connections in n8n's JSON format, read and written
 * without losing a field, and validated (types, versions, connections, parameters, expressions,
 * cycles, reachability) with each error naming the node and the field.
 */
package dev.switchboard.platform.workflow;
