package dev.switchboard.platform.approval;

/** Why a decision was not taken; the message is for the person who tried. */
public abstract sealed class ApprovalException extends RuntimeException
        permits ApprovalException.NotFound, ApprovalException.AlreadyDecided, ApprovalException.NotAllowed,
        ApprovalException.Invalid {

    ApprovalException(String message) {
        super(message);
    }

    public static final class NotFound extends ApprovalException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** Someone (or the deadline) decided first. */
    public static final class AlreadyDecided extends ApprovalException {
        private final ApprovalRequest request;

        public AlreadyDecided(ApprovalRequest request) {
            super("this request was already " + request.status().label()
                    + (request.decision() == null ? "" : " by " + request.decision().by() + " at " + request.decision().at()));
            this.request = request;
        }

        /** For an AI review: the message says who reviewed it and when. */
        public AlreadyDecided(String message) {
            super(message);
            this.request = null;
        }

        /** The request as it was decided; null for an AI review. */
        public ApprovalRequest request() {
            return request;
        }
    }

    public static final class NotAllowed extends ApprovalException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    public static final class Invalid extends ApprovalException {
        public Invalid(String message) {
            super(message);
        }
    }
}
