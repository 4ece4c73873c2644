package dev.switchboard.cli;

import java.io.PrintStream;
import java.util.Arrays;

import org.springframework.core.env.StandardEnvironment;

/**
 * {@code switchboard run WORKFLOW.json [--input ITEMS.json] [--ignore-pin-data]},
 * {@code switchboard validate WORKFLOW.json}, {@code switchboard bench},
 * {@code switchboard rekey [--new-key BASE64 | --new-key-file FILE]}. Exit status: 0 succeeded,
 * 1 the workflow failed (rekey: some credentials could not be re-encrypted), 2 the input is invalid.
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
                case "bench-server" -> new ServerBenchmark(out).run(rest);
                case "rekey" -> new RekeyCommand(out, err, new StandardEnvironment()).run(rest);
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
                       java -jar switchboard.jar bench-server [--seconds 30] [--warmup 10] [--concurrency 16,64] [--heap 256m]
                       java -jar switchboard.jar rekey [--new-key BASE64 | --new-key-file FILE]
                             re-encrypts every credential under a new master key (without one, generates it into
                             <data dir>/master.key.new), in the database the server uses: MONGODB_URI, else the
                             embedded one under SWITCHBOARD_DATA_DIR (default ./data), which must not be in use:
                             stop the server first (with MONGODB_URI, stop every server too). The key in use comes
                             from SWITCHBOARD_MASTER_KEY or <data dir>/master.key. Interrupted? Run it again.
                       java -jar switchboard.jar            (starts the server on http://localhost:8080)""");
    }

    /** Wrong arguments. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
