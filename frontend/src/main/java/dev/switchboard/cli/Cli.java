package dev.switchboard.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code switchboard run WORKFLOW.json [--input ITEMS.json] [--ignore-pin-data]},
 * {@code switchboard validate WORKFLOW.json}, {@code switchboard bench}. Exit status: 0 succeeded,
 * 1 the workflow failed, 2 the input is invalid.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "run" -> new RunCommand(out, err).run(rest);
                case "validate" -> new ValidateCommand(out, err).run(rest);
                case "bench" -> new Benchmark(out).run(rest);
                default -> {
                    usage(out);
                    yield OK;
                }
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            usage(err);
            return INVALID;
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: java -jar switchboard.jar run WORKFLOW.json [--input ITEMS.json] [--ignore-pin-data] [--timezone ZONE]
                       java -jar switchboard.jar validate WORKFLOW.json
                       java -jar switchboard.jar bench [--items N]
                       java -jar switchboard.jar            (starts the server on http://localhost:8080)""");
    }

    /** Wrong arguments. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
