/** Transform nodes: reshape items (fields, lists, dates, hashes, HTML, XML, Markdown). */
package dev.switchboard.nodes.transform;
