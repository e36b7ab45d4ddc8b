/** What the bot is built from: everything explicit, nothing read from the environment. */

import type { Context, SessionFlavor } from 'grammy';
import type { Answer } from '../answer/schema.ts';
import type { Library } from '../library.ts';
import type { Logger } from '../logger.ts';
import type { BotMetrics } from './metrics.ts';
import type { BotState, SessionData } from './state.ts';

/** The context every handler sees: grammY's, with the user's session. */
export type BotContext = Context & SessionFlavor<SessionData>;

/** Shared between the update source and the middleware: whether new work may still start. */
export interface Delivery {
  /** Set when polling stops: updates not yet started are left unconfirmed for the next run. */
  stopping: boolean;
  /** Updates that arrived at the handlers after the stop began, and were not handled. */
  deferred: Set<number>;
}

export interface BotDeps {
  library: Library;
  /** Arabic search terms a language model proposes for a question (optional: one more source of evidence). */
  modelTerms?: (question: string) => Promise<Array<{ text: string; weight?: number }>>;
  logger: Logger;
  /** Telegram user ids allowed to /reload and to add articles. */
  admins: ReadonlySet<number>;
  rateLimitPerMinute: number;
  /** Inline queries (sent per keystroke) have their own budget. */
  inlineLimitPerMinute: number;
  /** Bot API root, for downloading uploaded documents. */
  apiRoot: string;
  state: BotState;
  metrics: BotMetrics;
  delivery: Delivery;
  /** The optional language model's step (renderings, summary); the answer is sent first and edited when it ends. */
  enrich?: (answer: Answer) => Promise<Answer>;
}
