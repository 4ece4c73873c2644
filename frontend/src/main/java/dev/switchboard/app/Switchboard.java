package dev.switchboard.app;

import java.util.Set;

import dev.switchboard.cli.Cli;

/**
 * The jar's entry point: {@code run}, {@code validate}, {@code bench} and {@code rekey} go to the command line
 * (no Spring context, so they start in about a second); anything else starts the server.
 */
public final class Switchboard {

    private static final Set<String> COMMANDS = Set.of("run", "validate", "bench", "bench-server", "rekey", "help", "--help", "-h");

    private Switchboard() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            if (System.getProperty("logback.configurationFile") == null) {
                // standard output belongs to the command: warnings only, to standard error
                System.setProperty("logback.configurationFile", "switchboard-cli-logback.xml");
            }
            System.exit(Cli.run(args, System.out, System.err));
        }
        SwitchboardApplication.start(args);
    }
}
