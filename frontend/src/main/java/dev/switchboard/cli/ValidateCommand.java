package dev.switchboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowFormatException;

/** {@code validate WORKFLOW.json}: prints the problems; exit 2 when there are errors. */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length != 1) {
            throw new Cli.UsageException("validate takes one workflow file");
        }
        Path file = Path.of(args[0]);
        try {
            Workflow workflow = WorkflowFiles.readWorkflow(file);
            List<Problem> problems = LocalEngine.load().validate(workflow);
            problems.forEach(p -> err.println(label(workflow) + p));
            long errors = problems.stream().filter(Problem::isError).count();
            out.println(errors == 0 ? "valid: " + file + " (" + workflow.nodes().size() + " nodes"
                    + (problems.isEmpty() ? "" : ", " + problems.size() + " warning" + (problems.size() == 1 ? "" : "s")) + ")"
                    : "invalid: " + file + " (" + errors + " error" + (errors == 1 ? "" : "s") + ")");
            return errors == 0 ? Cli.OK : Cli.INVALID;
        } catch (WorkflowFormatException e) {
            e.problems().forEach(p -> err.println(file + ": " + p));
            return Cli.INVALID;
        }
    }

    static String label(Workflow w) {
        return w.name() == null ? "" : "workflow \"" + w.name() + "\", ";
    }
}
