/** The application: the entry point that runs the command line or starts the server. */
package dev.switchboard.app;
