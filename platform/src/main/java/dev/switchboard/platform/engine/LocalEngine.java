package dev.switchboard.platform.engine;

import java.util.List;

import dev.switchboard.platform.expression.Expressions;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.run.RunJournal;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.WorkflowExecutor;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowValidator;

/** Node types, JavaScript runtime, validator and executor of one process, put together. */
public final class LocalEngine {

    private final NodeTypes types;
    private final JavaScriptEngine js;
    private final WorkflowExecutor executor;
    private final WorkflowValidator validator;

    public LocalEngine(NodeTypes types, JavaScriptEngine js) {
        this.types = types;
        this.js = js;
        this.executor = new WorkflowExecutor(types, js);
        this.validator = new WorkflowValidator(types, this::syntaxError);
    }

    /** Every node type on the class path and the process's shared JavaScript runtime. */
    public static LocalEngine load() {
        return new LocalEngine(NodeTypes.load(), JavaScriptEngine.shared());
    }

    private String syntaxError(String expression) {
        try (Expressions e = new Expressions(js)) {
            return e.syntaxError(expression);
        }
    }

    public NodeTypes types() {
        return types;
    }

    public List<Problem> validate(Workflow workflow) {
        return validator.validate(workflow);
    }

    public RunResult run(RunRequest request, RunJournal journal) {
        return executor.execute(request, journal);
    }

    public WorkflowExecutor executor() {
        return executor;
    }

    public JavaScriptEngine javaScript() {
        return js;
    }
}
