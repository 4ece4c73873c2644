/**
 * Approvals: the requests that approval nodes make when they suspend a run, the decisions people (or
 * deadlines) take on them, escalation, signed single-use decision links, and resuming the run with the
 * decision. Storage is behind {@link dev.switchboard.platform.approval.ApprovalStore}; each state change
 * is one conditional single-document write, so two deciders (or a decider and a deadline) cannot both win.
 * Also approvals of type "AI review" ({@link dev.switchboard.platform.approval.AiReview}): answers of AI nodes
 * sampled while their runs go on, accepted or corrected once, and counted in each node's weekly accept rate.
 */
package dev.switchboard.platform.approval;
