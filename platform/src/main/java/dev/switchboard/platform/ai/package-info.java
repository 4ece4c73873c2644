/**
 * What the platform keeps for AI nodes: the price table that turns the tokens of model calls into estimated
 * costs on their steps. (AI reviews, an approval of type "AI review", are in the approval package; the
 * numbers the anomaly node remembers are a {@link dev.switchboard.platform.node.NumberHistory}.)
 */
package dev.switchboard.platform.ai;
