/** Wiring: the language model the configuration names, or null when none is configured (nothing changes then). */

import type { CoreConfig } from '../config.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { Logger } from '../logger.ts';
import { createChatClient } from './client.ts';
import { createLanguageModel, type LanguageModel } from './language-model.ts';
import { loadPrompts } from './prompts.ts';

/** Loads and checks the prompts (a PromptError when one is wrong) and creates the model's tasks. */
export function openLanguageModel(
  config: CoreConfig,
  lexicon: Lexicon,
  logger: Logger,
): LanguageModel | null {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return null;
  return createLanguageModel({
    client: createChatClient({
      baseUrl: config.LLM_BASE_URL,
      model: config.LLM_MODEL,
      apiKey: config.LLM_API_KEY,
    }),
    prompts: loadPrompts(config.LLM_PROMPTS_DIR),
    lexicon,
    logger,
    timeoutMs: config.LLM_TIMEOUT_MS,
  });
}
