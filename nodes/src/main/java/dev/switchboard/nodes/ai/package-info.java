/**
 * AI nodes: chat (drafting) and classification through an OpenAI-compatible API (OpenAI, Ollama, vLLM,
 * LM Studio, LocalAI) or Anthropic's, with LangChain4j; the credential types n8n names {@code openAiApi}
 * and {@code anthropicApi}; token use on every step.
 */
package dev.switchboard.nodes.ai;
