package dev.switchboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepError;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowFormatException;
import dev.switchboard.platform.workflow.WorkflowNode;
import tools.jackson.core.JsonGenerator;

import dev.switchboard.platform.json.Json;

/**
 * {@code run WORKFLOW.json [--input ITEMS.json] [--ignore-pin-data] [--timezone ZONE]}: runs the
 * workflow from its manual trigger with an in-memory journal and prints one JSON document:
 * {@code {"status", "error"?, "nodes": {name: {"status", "outputs"}}}}.
 */
final class RunCommand {

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path workflowFile = null;
        Path inputFile = null;
        boolean ignorePinData = false;
        ZoneId zone = ZoneId.systemDefault();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> inputFile = Path.of(value(args, ++i, "--input"));
                case "--ignore-pin-data" -> ignorePinData = true;
                case "--timezone" -> {
                    String z = value(args, ++i, "--timezone");
                    try {
                        zone = ZoneId.of(z);
                    } catch (RuntimeException e) {
                        throw new Cli.UsageException("unknown time zone \"" + z + "\"");
                    }
                }
                default -> {
                    if (args[i].startsWith("--") || workflowFile != null) {
                        throw new Cli.UsageException("unexpected argument \"" + args[i] + "\"");
                    }
                    workflowFile = Path.of(args[i]);
                }
            }
        }
        if (workflowFile == null) {
            throw new Cli.UsageException("run needs a workflow file");
        }
        Workflow workflow;
        List<Item> items;
        LocalEngine engine;
        try {
            workflow = WorkflowFiles.readWorkflow(workflowFile);
            if (JavaScriptUse.needed(workflow)) {
                // a cold JavaScript context takes about a second: make it while the rest is loaded and checked
                dev.switchboard.platform.expression.JavaScriptEngine.shared().prewarm();
            }
            engine = LocalEngine.load();
            List<Problem> problems = engine.validate(workflow);
            List<Problem> errors = problems.stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                for (Problem p : errors) {
                    err.println(ValidateCommand.label(workflow) + p);
                }
                return Cli.INVALID;
            }
            items = inputFile == null ? List.of() : WorkflowFiles.readItems(inputFile);
        } catch (WorkflowFormatException e) {
            Path f = workflowFile;
            e.problems().forEach(p -> err.println(f + ": " + p));
            return Cli.INVALID;
        }
        RunRequest request = RunRequest.builder(UUID.randomUUID().toString(), workflow).startItems(items)
                .usePinData(!ignorePinData).mode("cli").defaultZone(zone).serverZone(ZoneId.systemDefault())
                .subWorkflows(WorkflowFiles.loaderBeside(workflowFile)).build();
        RunResult result;
        try {
            result = engine.run(request, new InMemoryRunJournal());
        } catch (RuntimeException e) {
            result = new RunResult(request.runId(), RunStatus.FAILED, new StepError("the engine failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null, null, -1,
                    e.getClass().getSimpleName()), Map.of(), null, null);
        }
        if (result.status() == RunStatus.WAITING) {
            result = new RunResult(result.runId(), RunStatus.FAILED, new StepError("the run waits at node \""
                    + result.lastNode() + "\" for something to resume it (a webhook call or a decision); "
                    + "the command line cannot resume waiting runs — run the workflow on the server", result.lastNode(),
                    null, -1, null), result.runData(), result.lastNode(), result.resumeAt());
        }
        write(engine, workflow, result);
        return result.status() == RunStatus.SUCCEEDED ? Cli.OK : Cli.FAILED;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new Cli.UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private void write(LocalEngine engine, Workflow workflow, RunResult result) {
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("status", result.status() == RunStatus.SUCCEEDED ? "succeeded" : "failed");
            if (result.error() != null) {
                g.writeName("error");
                g.writePOJO(error(result.error()));
            }
            g.writeName("nodes");
            g.writeStartObject();
            for (WorkflowNode node : workflow.nodes()) {
                NodeType type = engine.types().find(node.type()).orElse(null);
                if (type != null && type.descriptor().category() == NodeCategory.CANVAS) {
                    continue;
                }
                List<Step> steps = result.steps(node.name());
                Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
                g.writeName(node.name());
                g.writeStartObject();
                g.writeStringProperty("status", last == null ? "skipped"
                        : last.status() == dev.switchboard.platform.run.StepStatus.WAITING ? "failed" : last.status().label());
                if (steps.size() > 1) {
                    g.writeNumberProperty("runs", steps.size());
                }
                if (last != null && last.error() != null) {
                    g.writeName("error");
                    g.writePOJO(error(last.error()));
                }
                g.writeName("outputs");
                g.writeStartArray();
                if (last != null && last.outputs() != null) {
                    for (List<Item> output : last.outputs()) {
                        g.writeStartArray();
                        for (Item item : output) {
                            g.writePOJO(item.binary().isEmpty() ? Map.of("json", item.json())
                                    : Map.of("json", item.json(), "binary", item.binary()));
                        }
                        g.writeEndArray();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        out.println();
        out.flush();
    }

    private static Map<String, Object> error(StepError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", e.message());
        if (e.node() != null) {
            m.put("node", e.node());
        }
        if (e.parameter() != null) {
            m.put("parameter", e.parameter());
        }
        if (e.itemIndex() >= 0) {
            m.put("itemIndex", e.itemIndex());
        }
        if (e.description() != null) {
            m.put("description", e.description());
        }
        return m;
    }
}
