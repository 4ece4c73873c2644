/** Canvas-only nodes that never run, such as sticky notes. */
package dev.switchboard.nodes.canvas;
