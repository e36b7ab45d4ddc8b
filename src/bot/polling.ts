/**
 * Long polling that confirms an update to Telegram only once it was handled. `getUpdates` confirms every update
 * below its offset, so the offset asked for is the lowest update still being handled: updates after it that are
 * fetched again are skipped, and at most one batch (100) is in flight. On stop, updates not yet started are left
 * unconfirmed (the next run gets them), those in flight finish, and the handled ones above the confirmed offset
 * are recorded in the state so that the next run does not answer them twice.
 *
 * The Bot API's odd answers are survived: a result that is not a list, entries without an update id, 409 (another
 * poller), 5xx and network errors are logged and retried with backoff; only 401/404 (a wrong token) is fatal.
 */

import { type Bot, GrammyError, HttpError } from 'grammy';
import type { Update } from 'grammy/types';
import { ALLOWED_UPDATES } from './create-bot.ts';
import type { BotContext, BotDeps } from './deps.ts';

const BATCH = 100;
const POLL_SECONDS = 30;
const RECORD_KEY = 'polling';
const RECORD_TTL_MS = 24 * 3600_000;

/** The Bot API refused the token: nothing to retry. */
export class TokenRefusedError extends Error {
  override name = 'TokenRefusedError';
}

/** Whether an error from the Bot API means the token is wrong (401 Unauthorized, or 404 for a revoked bot). */
export const isTokenRefused = (error: unknown) =>
  error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404);

export interface Polling {
  /** Stops fetching, lets handlers in flight finish (until `deadline`), confirms and records what was handled. */
  stop(deadline?: number): Promise<void>;
  /** Settles when polling ends; rejects with TokenRefusedError when the token is refused. */
  finished: Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Starts polling `bot` (already initialised). */
export async function startPolling(bot: Bot<BotContext>, deps: BotDeps): Promise<Polling> {
  const { logger, delivery } = deps;
  const record = await deps.state.delivery.read(RECORD_KEY);
  const recorded = new Set(record && Date.now() - record.savedAt < RECORD_TTL_MS ? record.handledAbove : []);
  const inFlight = new Map<number, Promise<void>>();
  const handled = new Set<number>();
  let confirmed = 0; // every update below this was handled
  let highest = 0;
  const abort = new AbortController();

  const nextOffset = () => {
    const open = [...inFlight.keys()];
    const low = open.length > 0 ? Math.min(...open) : highest + 1;
    return Math.max(confirmed, low);
  };
  const forget = (below: number) => {
    for (const id of handled) if (id < below) handled.delete(id);
    confirmed = below;
  };

  const start = (update: Update) => {
    const id = update.update_id;
    const done = bot
      .handleUpdate(update)
      .catch((error: unknown) => logger.error({ update_id: id, err: error }, 'update failed'))
      .then(() => {
        inFlight.delete(id);
        if (!delivery.deferred.has(id)) handled.add(id);
      });
    inFlight.set(id, done);
  };

  const loop = async () => {
    let backoff = 0;
    while (!abort.signal.aborted) {
      const offset = nextOffset();
      let result: unknown;
      try {
        result = await bot.api.getUpdates(
          { offset, limit: BATCH, timeout: POLL_SECONDS, allowed_updates: [...ALLOWED_UPDATES] },
          // grammY types the signal with the abort-controller package's class; Node's is the same at run time.
          abort.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
        );
      } catch (error) {
        if (abort.signal.aborted) break;
        if (isTokenRefused(error)) throw new TokenRefusedError((error as GrammyError).description);
        backoff = Math.min(30_000, backoff ? backoff * 2 : 1000);
        const conflict = error instanceof GrammyError && error.error_code === 409;
        deps.metrics.errors.inc({ where: 'getUpdates' });
        logger.warn(
          { err: error, retry_ms: backoff },
          conflict
            ? 'getUpdates: 409 Conflict (another instance polls with this token, or a webhook is set); retrying'
            : error instanceof HttpError
              ? 'getUpdates: network error; retrying'
              : 'getUpdates failed; retrying',
        );
        await sleep(backoff, abort.signal);
        continue;
      }
      forget(offset);
      if (!Array.isArray(result)) {
        backoff = Math.min(30_000, backoff ? backoff * 2 : 1000);
        logger.warn(
          { result_type: result === null ? 'null' : typeof result },
          'getUpdates: result is not a list; retrying',
        );
        await sleep(backoff, abort.signal);
        continue;
      }
      backoff = 0;
      let fresh = 0;
      for (const update of result as unknown[]) {
        const id = (update as Update | null)?.update_id;
        if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
          logger.warn('getUpdates: an entry without an update id; skipped');
          continue;
        }
        highest = Math.max(highest, id);
        if (id < offset || inFlight.has(id) || handled.has(id) || delivery.deferred.has(id)) continue;
        if (recorded.delete(id)) {
          logger.info({ update_id: id }, 'update handled before the restart; skipped');
          deps.metrics.updates.inc({ type: 'unknown', outcome: 'duplicate' });
          handled.add(id);
          continue;
        }
        fresh++;
        start(update as Update);
      }
      // Nothing new while some are still in flight: wait for one to finish rather than poll in a loop.
      if (fresh === 0 && inFlight.size > 0) {
        await Promise.race([...inFlight.values(), sleep(1000, abort.signal)]);
      }
    }
  };

  const finished = loop();
  finished.catch(() => undefined);

  return {
    finished,
    async stop(deadline = Date.now() + 8000) {
      delivery.stopping = true;
      abort.abort();
      await finished.catch(() => undefined);
      const pending = Promise.all(inFlight.values());
      await Promise.race([pending, sleep(Math.max(0, deadline - Date.now() - 500))]);
      const offset = nextOffset();
      const low = Math.min(offset, ...delivery.deferred);
      const confirmAt = Number.isFinite(low) ? low : offset;
      if (confirmAt > 1) {
        // Confirms everything below; an update this call returns stays unconfirmed and comes again.
        await bot.api
          .getUpdates({ offset: confirmAt, limit: 1, timeout: 0 })
          .catch((error: unknown) => logger.warn({ err: error }, 'could not confirm the handled updates'));
      }
      const handledAbove = [...handled, ...recorded].filter((id) => id >= confirmAt);
      await deps.state.delivery.write(RECORD_KEY, { handledAbove, savedAt: Date.now() });
      logger.info(
        {
          confirmed_below: confirmAt,
          handled_above: handledAbove.length,
          left: inFlight.size + delivery.deferred.size,
        },
        'polling stopped',
      );
    },
  };
}
