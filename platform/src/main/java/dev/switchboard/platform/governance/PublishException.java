package dev.switchboard.platform.governance;

import java.util.List;

import dev.switchboard.platform.workflow.Problem;

/** Why a publish was refused. */
public abstract sealed class PublishException extends RuntimeException
        permits PublishException.Invalid, PublishException.PolicyViolated {

    PublishException(String message) {
        super(message);
    }

    /** The draft has errors. */
    public static final class Invalid extends PublishException {
        private final List<Problem> problems;

        public Invalid(String workflowName, List<Problem> problems) {
            super("workflow \"" + workflowName + "\" cannot be published: " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ", first: " + problems.get(0));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Some path reaches a risky node around the approval gate the policy asks for. */
    public static final class PolicyViolated extends PublishException {
        private final List<PolicyCheck.Violation> violations;

        public PolicyViolated(String workflowName, List<PolicyCheck.Violation> violations, String why) {
            super("workflow \"" + workflowName + "\" cannot be published: the policy asks for an approval before "
                    + violations.get(0).describe() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")
                    + ". " + why);
            this.violations = List.copyOf(violations);
        }

        public List<PolicyCheck.Violation> violations() {
            return violations;
        }
    }
}
