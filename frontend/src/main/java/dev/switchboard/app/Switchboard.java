package dev.switchboard.app;

import java.util.Set;

import dev.switchboard.cli.Cli;

/**
 * The jar's entry point: {@code run}, {@code validate} and {@code bench} go to the command line
 * (no Spring context, so they start in about a second); anything else starts the server.
 */
public final class Switchboard {

    private static final Set<String> COMMANDS = Set.of("run", "validate", "bench", "help", "--help", "-h");

    private Switchboard() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SwitchboardApplication.start(args);
    }
}
