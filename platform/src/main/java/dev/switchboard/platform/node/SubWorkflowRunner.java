package dev.switchboard.platform.node;

import java.util.List;

/** Runs another workflow and returns the output of its last node (Execute Workflow node). */
public interface SubWorkflowRunner {

    /** Where the sub-workflow comes from: a stored id, a file path, or JSON given inline. */
    enum Source { DATABASE, LOCAL_FILE, PARAMETER, URL }

    List<Item> run(Source source, String reference, List<Item> items);
}
