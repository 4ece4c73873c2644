/**
 * The approval gate: a node that suspends its run until a person decides (or a deadline passes), and
 * whose outputs are the decisions. The platform's approval service keeps the requests and resumes runs.
 */
package dev.switchboard.nodes.approval;
