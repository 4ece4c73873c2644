package dev.switchboard.platform.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** A workflow document that cannot be read or is not valid; carries every problem found. */
public final class WorkflowFormatException extends RuntimeException {

    private final List<Problem> problems;

    public WorkflowFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public WorkflowFormatException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
