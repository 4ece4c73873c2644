/** Flow nodes: routing, merging, looping, waiting, stopping and calling other workflows. */
package dev.switchboard.nodes.flow;
