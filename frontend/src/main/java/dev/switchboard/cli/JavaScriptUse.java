package dev.switchboard.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.expression.Expressions;
import dev.switchboard.platform.expression.Template;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;

/** Whether running a workflow will need JavaScript: a script node, or an expression that is not a plain path. */
final class JavaScriptUse {

    private static final Set<String> SCRIPT_NODES = Set.of("code", "function", "functionItem");

    private JavaScriptUse() {
    }

    static boolean needed(Workflow workflow) {
        for (WorkflowNode node : workflow.nodes()) {
            String type = node.type();
            if (SCRIPT_NODES.contains(type.substring(type.lastIndexOf('.') + 1)) || usesJavaScript(node.parameters())) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesJavaScript(Object value) {
        if (value instanceof String s && Template.isExpression(s)) {
            try {
                for (Template.Segment seg : Expressions.template(s).segments()) {
                    if (seg instanceof Template.Code c && c.path() == null && !c.code().isEmpty()) {
                        return true;
                    }
                }
            } catch (RuntimeException e) {
                return true;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                if (usesJavaScript(v)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                if (usesJavaScript(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
