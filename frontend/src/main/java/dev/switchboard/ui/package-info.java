/**
 * The browser UI (Vaadin Flow): sign-in, the layout with its navigation, and the views of workflows
 * and users. Views talk to the platform through its stores and services, never to MongoDB.
 */
package dev.switchboard.ui;
