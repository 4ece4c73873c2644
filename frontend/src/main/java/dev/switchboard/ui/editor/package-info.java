/**
 * The workflow editor: the canvas (React Flow in a Vaadin element), the model of an edited draft with
 * undo and redo, the node panel generated from node descriptors, test runs, publishing and versions.
 * The canvas only draws and reports; every change goes through {@link dev.switchboard.ui.editor.DraftEditor},
 * which the view saves after each edit.
 */
package dev.switchboard.ui.editor;
