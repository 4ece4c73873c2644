/** Code nodes: user JavaScript in the sandbox (Code, and the legacy Function node). */
package dev.switchboard.nodes.code;
