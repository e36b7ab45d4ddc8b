/**
 * A Bot-API-shaped HTTP server on 127.0.0.1 for end-to-end tests: long polling with offsets, the methods the bot
 * uses, Telegram's HTML rules and limits (4096 characters, 100 entities, 64-byte ids and callback data), files,
 * and injected faults: 429 with retry_after, 500, 409 and 401 answers, odd `getUpdates` results, methods it does
 * not implement (like some emulators), answers that echo the request path, and slow methods.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Params = Record<string, unknown>;
/** An injected answer: an HTTP error code, or a 200 whose `result` is the given odd value. */
type Fault =
  | { code: 429; retryAfter: number }
  | { code: 400 | 401 | 409 | 500; description?: string }
  | { code: 200; result: unknown };
export interface Call {
  method: string;
  params: Params;
  /** The HTTP status the server answered with. */
  status?: number;
}

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'span',
  'tg-emoji',
]);

/** Checks text the way Telegram parses HTML; returns the error Telegram would give, or null. */
export function checkTelegramHtml(html: string): string | null {
  const stack: string[] = [];
  let entities = 0;
  let visible = '';
  const token = /<(\/?)([a-zA-Z-]+)([^>]*)>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|([<>&])|([^<>&]+)/g;
  for (const m of html.matchAll(token)) {
    const [, closing, tag, attrs, entity, stray, text] = m;
    if (text !== undefined) visible += text;
    else if (stray !== undefined) {
      if (stray === '>') visible += '>';
      else return `Bad Request: can't parse entities: unescaped "${stray}" at byte offset ${m.index}`;
    } else if (entity !== undefined) {
      if (!/^(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+)$/.test(entity))
        return `Bad Request: can't parse entities: unknown entity &${entity};`;
      visible += '_';
    } else if (tag !== undefined) {
      const name = tag.toLowerCase();
      if (!ALLOWED_TAGS.has(name))
        return `Bad Request: can't parse entities: unsupported start tag "${name}"`;
      if (closing) {
        if (stack.pop() !== name)
          return `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${name}"`;
      } else {
        if (name === 'blockquote' && stack.includes('blockquote'))
          return "Bad Request: can't parse entities: blockquotes can't be nested";
        if (name === 'a' && !/^\s+href="[^"]*"\s*$/.test(attrs ?? ''))
          return "Bad Request: can't parse entities: bad link";
        if (name === 'blockquote' && !/^(?:\s+expandable)?\s*$/.test(attrs ?? ''))
          return "Bad Request: can't parse entities: bad blockquote";
        stack.push(name);
        entities++;
      }
    }
  }
  if (stack.length > 0) return `Bad Request: can't parse entities: unclosed "${stack.at(-1)}"`;
  if ([...visible.trim()].length === 0) return 'Bad Request: message text is empty';
  if ([...visible].length > 4096) return 'Bad Request: message is too long';
  if (entities > 100) return 'Bad Request: too many entities';
  return null;
}

export class FakeBotApi {
  readonly calls: Call[] = [];
  readonly pollOffsets: number[] = [];
  readonly files = new Map<string, Buffer>();
  private readonly faults = new Map<string, Array<Fault>>();
  /** Methods answered 404 "method not found", as by an emulator that lacks them. */
  readonly unsupported = new Set<string>();
  /** Milliseconds each call of a method waits before it is answered. */
  readonly delays = new Map<string, number>();
  private updates: Array<{ update_id: number } & Params> = [];
  private nextUpdateId = 1;
  private messageId = 1000;
  private wake: Array<() => void> = [];
  private server: Server | undefined;
  url = '';
  readonly me = {
    id: 4242,
    is_bot: true,
    first_name: 'Quotes',
    username: 'quotes_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
  };

  constructor(readonly token: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.wake.splice(0)) w();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Queues an update; returns its id. */
  push(update: Params): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    for (const w of this.wake.splice(0)) w();
    return update_id;
  }

  /** The next `count` calls of `method` fail with this status. */
  fail(method: string, code: 429 | 500 | 409 | 401, count = 1, retryAfter = 1): void {
    this.inject(method, code === 429 ? { code, retryAfter } : { code }, count);
  }

  /** The next `count` calls of `method` get this answer. */
  inject(method: string, fault: Fault, count = 1): void {
    this.faults.set(method, [
      ...(this.faults.get(method) ?? []),
      ...Array.from({ length: count }, () => fault),
    ]);
  }

  sent(method: string): Params[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }

  /** Waits until `predicate` holds over the calls so far. */
  async waitFor<T>(predicate: (calls: Call[]) => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const result = predicate(this.calls);
      if (result) return result;
      if (Date.now() > until)
        throw new Error(`timed out waiting; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file = fileMatch[1] === this.token ? this.files.get(fileMatch[2]!) : undefined;
      return void (file ? res.writeHead(200).end(file) : res.writeHead(404).end());
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const refuse = (status: number, description: string) =>
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error_code: status, description }));
    if (!match) return refuse(404, 'Not Found');
    if (match[1] !== this.token) return refuse(401, 'Unauthorized');
    const method = match[2]!;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const params: Params = raw ? JSON.parse(raw) : Object.fromEntries(url.searchParams);
    const call: Call = { method, params };
    this.calls.push(call);
    const reply = (status: number, body: object) => {
      call.status = status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };

    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (this.unsupported.has(method))
      return reply(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    const fault = this.faults.get(method)?.shift();
    if (fault?.code === 429) {
      return reply(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${fault.retryAfter}`,
        parameters: { retry_after: fault.retryAfter },
      });
    }
    if (fault?.code === 200) return reply(200, { ok: true, result: fault.result });
    if (fault) {
      const descriptions = {
        400: 'Bad Request',
        401: 'Unauthorized',
        409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        500: 'Internal Server Error',
      };
      const description = fault.description ?? descriptions[fault.code];
      return reply(fault.code, { ok: false, error_code: fault.code, description });
    }

    const ok = (result: unknown) => reply(200, { ok: true, result });
    const bad = (description: string) => reply(400, { ok: false, error_code: 400, description });
    switch (method) {
      case 'getMe':
        return ok(this.me);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'sendChatAction':
        return ok(true);
      case 'answerCallbackQuery': {
        const text = params.text as string | undefined;
        return text && [...text].length > 200 ? bad('Bad Request: MESSAGE_TOO_LONG') : ok(true);
      }
      case 'getUpdates':
        return ok(await this.poll(params));
      case 'sendMessage':
      case 'editMessageText': {
        const problem = this.checkMessage(
          params.text as string,
          params.parse_mode as string | undefined,
          params.reply_markup,
        );
        if (problem) return bad(problem);
        return ok({
          message_id: this.messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: params.chat_id, type: Number(params.chat_id) < 0 ? 'supergroup' : 'private' },
          from: this.me,
          text: params.text,
        });
      }
      case 'answerInlineQuery': {
        const results = params.results as Array<{
          id: string;
          input_message_content: { message_text: string; parse_mode?: string };
        }>;
        if (results.length > 50) return bad('Bad Request: RESULTS_TOO_MUCH');
        for (const r of results) {
          if (Buffer.byteLength(r.id) > 64) return bad('Bad Request: RESULT_ID_INVALID');
          const problem = this.checkMessage(
            r.input_message_content.message_text,
            r.input_message_content.parse_mode,
          );
          if (problem) return bad(problem);
        }
        return ok(true);
      }
      case 'getFile': {
        const id = String(params.file_id);
        return this.files.has(`documents/${id}.txt`)
          ? ok({ file_id: id, file_unique_id: id, file_path: `documents/${id}.txt` })
          : bad('Bad Request: invalid file_id');
      }
      default:
        return reply(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private checkMessage(text: string, parseMode: string | undefined, markup?: unknown): string | null {
    if (typeof text !== 'string') return 'Bad Request: message text is empty';
    if (parseMode === 'HTML') {
      const problem = checkTelegramHtml(text);
      if (problem) return problem;
    } else if ([...text].length > 4096) return 'Bad Request: message is too long';
    const rows =
      (markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)
        ?.inline_keyboard ?? [];
    for (const button of rows.flat()) {
      if (
        button.callback_data !== undefined &&
        (Buffer.byteLength(button.callback_data) > 64 || button.callback_data === '')
      ) {
        return 'Bad Request: BUTTON_DATA_INVALID';
      }
    }
    return null;
  }

  private async poll(params: Params) {
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    this.pollOffsets.push(offset);
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    const ready = () => this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready().length === 0 && Number(params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(Number(params.timeout), 2) * 1000);
        this.wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return ready();
  }
}
