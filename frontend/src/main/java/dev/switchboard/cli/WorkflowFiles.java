package dev.switchboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.SubWorkflowRunner;
import dev.switchboard.platform.run.SubWorkflowLoader;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowFormatException;
import dev.switchboard.platform.workflow.WorkflowJson;

/** Reading workflow and item files for the command line, with size limits and clear messages. */
final class WorkflowFiles {

    /** The largest file the command line reads, unless {@code switchboard.cli.maxFileMb} says otherwise. */
    static final long MAX_BYTES = Long.getLong("switchboard.cli.maxFileMb", 256L) * 1024 * 1024;

    private WorkflowFiles() {
    }

    static Workflow readWorkflow(Path path) {
        return WorkflowJson.read(read(path, "workflow"));
    }

    /** An array of JSON objects (or n8n items) for the manual trigger. */
    static List<Item> readItems(Path path) {
        String text = read(path, "input");
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonException e) {
            throw new WorkflowFormatException(Problem.error(null, "--input", "the file " + path
                    + " is not valid JSON: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            throw new WorkflowFormatException(Problem.error(null, "--input", "the file " + path
                    + " is too large for the memory given to Java (-Xmx); give it more or split the input"));
        }
        if (parsed instanceof Map<?, ?>) {
            parsed = List.of(parsed);
        }
        if (!(parsed instanceof List<?> list)) {
            throw new WorkflowFormatException(Problem.error(null, "--input",
                    "the file must hold an array of JSON objects, not " + Json.typeName(parsed)));
        }
        List<Item> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new WorkflowFormatException(Problem.error(null, "--input[" + i + "]",
                        "each item must be a JSON object, not " + Json.typeName(list.get(i))));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            items.add(Item.fromMap(map));
        }
        return items;
    }

    private static String read(Path path, String what) {
        try {
            long size = Files.size(path);
            long free = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            if (size > MAX_BYTES) {
                throw new WorkflowFormatException(Problem.error(null, what, "the file " + path + " is "
                        + size / (1024 * 1024) + " MB; the command line reads at most " + MAX_BYTES / (1024 * 1024)
                        + " MB (set -Dswitchboard.cli.maxFileMb to change it)"));
            }
            if (size * 12 > free) {
                throw new WorkflowFormatException(Problem.error(null, what, "the file " + path + " is "
                        + size / (1024 * 1024) + " MB, too large for the " + free / (1024 * 1024)
                        + " MB of memory Java has left; run with a larger -Xmx"));
            }
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new WorkflowFormatException(Problem.error(null, what, "no such file: " + path));
        } catch (IOException e) {
            throw new WorkflowFormatException(Problem.error(null, what, "cannot read " + path + ": " + e.getMessage()));
        }
    }

    /** Sub-workflows by file path (relative to the calling workflow's folder) or by id ({@code <id>.json} there). */
    static SubWorkflowLoader loaderBeside(Path workflowFile) {
        Path dir = workflowFile.toAbsolutePath().getParent();
        return (source, reference) -> {
            Path p = switch (source) {
                case LOCAL_FILE -> dir.resolve(reference);
                case DATABASE -> dir.resolve(reference + ".json");
                default -> throw new NodeException("cannot load a sub-workflow from " + source + " on the command line");
            };
            if (!Files.isRegularFile(p)) {
                throw new NodeException("sub-workflow file not found: " + p
                        + (source == SubWorkflowRunner.Source.DATABASE ? " (workflow ids are looked up as <id>.json beside the workflow)" : ""));
            }
            return readWorkflow(p);
        };
    }
}
