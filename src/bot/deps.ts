/** What the bot is built from: everything explicit, nothing read from the environment. */

import type { Answer } from '../answer/schema.ts';
import type { Library } from '../library.ts';
import type { Logger } from '../logger.ts';
import type { AskedQuestions, Preferences } from './state.ts';

export interface BotDeps {
  library: Library;
  logger: Logger;
  /** Telegram user ids allowed to /reload and to add articles. */
  admins: ReadonlySet<number>;
  rateLimitPerMinute: number;
  /** Bot API root, for downloading uploaded documents. */
  apiRoot: string;
  asked: AskedQuestions;
  preferences: Preferences;
  /** The optional language model's step (renderings, summary); the answer is sent first and edited when it ends. */
  enrich?: (answer: Answer) => Promise<Answer>;
  /** The highest update id handled so far, confirmed to Telegram on stop so that none is answered twice. */
  updates: { lastHandled: number };
}
