/**
 * What the bot remembers between updates, behind one interface with two back ends: files under STATE_DIR (one
 * instance; state survives restarts) or Redis when REDIS_URL is set (several instances share it). It holds the
 * grammY sessions (a user's reply language), the answers behind buttons (random ids bound to a chat, with a TTL),
 * claims on update ids (so that no update is answered twice), the rate limiter's counters, and the "article added"
 * broadcast between instances.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileAdapter } from '@grammyjs/storage-file';
import { RedisAdapter } from '@grammyjs/storage-redis';
import { enhanceStorage, type StorageAdapter } from 'grammy';
import { Redis } from 'ioredis';
import type { Answer, Language } from '../answer/schema.ts';
import type { SharedArticle } from '../library.ts';

/** A user's choice of reply language: 'auto' follows each question. */
export type LanguageChoice = 'auto' | Language;

/** The grammY session of a user. */
export interface SessionData {
  lang: LanguageChoice;
}

/** A question the bot answered, as its buttons need it. */
export interface StoredAnswer {
  question: string;
  /** The framing language chosen for it. */
  lang: Language;
  /** The chat it was answered in: a button pressed elsewhere finds nothing. */
  chatId: number;
  /** Citations shown so far, in order (pages append). */
  shown: Answer['citations'];
}

/** An article file added on one instance, for the others. */
export type ArticleAdded = SharedArticle;

/** Updates handled above the offset confirmed to Telegram when polling stopped. */
export interface DeliveryRecord {
  handledAbove: number[];
  savedAt: number;
}

export interface BotState {
  readonly kind: 'files' | 'redis';
  sessions: StorageAdapter<SessionData>;
  /** Stores an answer under a new random id (16 characters of [0-9a-z]). */
  saveAnswer(entry: StoredAnswer): Promise<string>;
  /** The answer behind an id, only in the chat it was made for. */
  loadAnswer(id: string, chatId: number | undefined): Promise<StoredAnswer | undefined>;
  updateAnswer(id: string, entry: StoredAnswer): Promise<void>;
  /** Set-if-absent with an expiry: true for the first caller only (across instances with Redis). */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  delivery: StorageAdapter<DeliveryRecord>;
  /** What @grammyjs/ratelimiter counts in. */
  rateLimitStore: 'MEMORY_STORE' | Redis;
  publishArticle(article: ArticleAdded): Promise<void>;
  onArticle(handler: (article: ArticleAdded) => void): void;
  close(): Promise<void>;
}

export interface StateOptions {
  stateDir: string;
  redisUrl?: string;
  answerTtlSeconds: number;
}

/** A random, unguessable answer id. */
export function newAnswerId(): string {
  return BigInt(`0x${randomBytes(10).toString('hex')}`)
    .toString(36)
    .padStart(16, '0')
    .slice(-16);
}

/** The state the settings ask for: Redis when a URL is given, files otherwise. */
export async function createState(options: StateOptions): Promise<BotState> {
  return options.redisUrl ? createRedisState(options.redisUrl, options) : createFileState(options);
}

function answersApi(
  storage: StorageAdapter<StoredAnswer>,
): Pick<BotState, 'saveAnswer' | 'loadAnswer' | 'updateAnswer'> {
  return {
    async saveAnswer(entry) {
      const id = newAnswerId();
      await storage.write(id, entry);
      return id;
    },
    async loadAnswer(id, chatId) {
      const entry = await storage.read(id);
      return entry && entry.chatId === chatId ? entry : undefined;
    },
    updateAnswer: (id, entry) => Promise.resolve(storage.write(id, entry)),
  };
}

/** Removes answer files older than the TTL (the file adapter deletes an expired answer only when it is read). */
function sweepExpired(folder: string, ttlMs: number): void {
  const now = Date.now();
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && now - statSync(full).mtimeMs > ttlMs) rmSync(full, { force: true });
    }
  };
  if (existsSync(folder)) walk(folder);
}

/** One instance: files under the state folder, claims in memory (bounded, with expiry). */
function createFileState(options: StateOptions): BotState {
  const dir = (name: string) => ({ dirName: join(options.stateDir, name) });
  sweepExpired(join(options.stateDir, 'answers'), options.answerTtlSeconds * 1000);
  const claims = new Map<string, number>();
  return {
    kind: 'files',
    sessions: new FileAdapter<SessionData>(dir('sessions')),
    ...answersApi(
      enhanceStorage({
        storage: new FileAdapter(dir('answers')),
        millisecondsToLive: options.answerTtlSeconds * 1000,
      }) as StorageAdapter<StoredAnswer>,
    ),
    async claim(key, ttlSeconds) {
      const now = Date.now();
      const until = claims.get(key);
      if (until !== undefined && until > now) return false;
      claims.set(key, now + ttlSeconds * 1000);
      if (claims.size > 200_000) {
        for (const [k, t] of claims) if (t <= now || claims.size > 150_000) claims.delete(k);
      }
      return true;
    },
    delivery: new FileAdapter<DeliveryRecord>(dir('delivery')),
    rateLimitStore: 'MEMORY_STORE',
    // One instance: nobody else to tell, nobody to hear from.
    publishArticle: async () => undefined,
    onArticle: () => undefined,
    close: async () => undefined,
  };
}

/** Keys of one kind under a prefix in the shared Redis. */
function prefixed<T>(storage: StorageAdapter<T>, prefix: string): StorageAdapter<T> {
  return {
    read: (key) => storage.read(prefix + key),
    write: (key, value) => storage.write(prefix + key, value),
    delete: (key) => storage.delete(prefix + key),
  };
}

const ARTICLES_CHANNEL = 'quotes-bot:articles';

/** Several instances: everything in one Redis, articles announced on a pub/sub channel. */
async function createRedisState(url: string, options: StateOptions): Promise<BotState> {
  const connect = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    // ioredis reports reconnects as errors; commands fail on their own when Redis stays away.
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const client = await connect();
  const subscriber = await connect();
  const instance = newAnswerId();
  const handlers: Array<(article: ArticleAdded) => void> = [];
  await subscriber.subscribe(ARTICLES_CHANNEL);
  subscriber.on('message', (_channel: string, raw: string) => {
    const message = JSON.parse(raw) as {
      from: string;
      fileName: string;
      bytes: string;
      meta?: SharedArticle['meta'];
    };
    if (message.from === instance) return;
    const article = {
      fileName: message.fileName,
      bytes: new Uint8Array(Buffer.from(message.bytes, 'base64')),
      meta: message.meta ?? {},
    };
    for (const handler of handlers) handler(article);
  });
  return {
    kind: 'redis',
    sessions: prefixed(new RedisAdapter<SessionData>({ instance: client }), 'quotes-bot:session:'),
    ...answersApi(
      prefixed(
        new RedisAdapter<StoredAnswer>({ instance: client, ttl: options.answerTtlSeconds }),
        'quotes-bot:answer:',
      ),
    ),
    async claim(key, ttlSeconds) {
      return (await client.set(`quotes-bot:claim:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
    delivery: prefixed(new RedisAdapter<DeliveryRecord>({ instance: client }), 'quotes-bot:delivery:'),
    rateLimitStore: client,
    async publishArticle(article) {
      const bytes = Buffer.from(article.bytes).toString('base64');
      await client.publish(
        ARTICLES_CHANNEL,
        JSON.stringify({ from: instance, fileName: article.fileName, bytes }),
      );
    },
    onArticle: (handler) => void handlers.push(handler),
    async close() {
      subscriber.disconnect();
      await client.quit().catch(() => undefined);
    },
  };
}
