/**
 * A chat-completions stand-in on 127.0.0.1 for tests and evaluations: it answers `POST /v1/chat/completions` the
 * way an OpenAI-compatible server does, recognising which of the project's prompts it was sent (by matching the
 * templates in prompts/) and answering through a behaviour: well-behaved, or one of the ways models fail.
 *
 * Run on its own for an evaluation: `npx tsx test/llm/chat-stand-in.ts [--port N] [--terms terms.json]`, where
 * terms.json maps an English question to the Arabic terms the stand-in proposes for it (a stand-in for a model
 * that translates perfectly); it prints its base URL (for LLM_BASE_URL) and serves until stopped.
 */

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROMPT_SLOTS, type PromptName } from '../../src/llm/prompts.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

/** A request as the stand-in understood it. */
export interface ChatRequest {
  task: PromptName | 'unknown';
  /** The slot values recovered from the prompt. */
  slots: Record<string, string>;
  prompt: string;
  model: string;
  authorization: string | undefined;
}

/** What to answer: the model's text, a raw status and body, nothing at all (a hang), or half a body. */
export type ChatReply =
  | 'stall-body'
  | { content: string }
  | { status: number; body: string; headers?: Record<string, string> }
  | 'hang';

export type Behaviour = (request: ChatRequest, stand: ChatStandIn) => ChatReply | Promise<ChatReply>;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regular expressions that recognise each filled prompt and recover its slot values. */
function promptMatchers(dir: string) {
  return (Object.keys(PROMPT_SLOTS) as PromptName[]).map((task) => {
    const template = readFileSync(join(dir, PROMPT_SLOTS[task].file), 'utf8');
    const names: string[] = [];
    const parts = template.split(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/);
    const source = parts
      .map((part, i) => {
        if (i % 2 === 0) return escapeRegExp(part);
        names.push(part);
        return '([\\s\\S]*?)';
      })
      .join('');
    return { task, names, re: new RegExp(`^${source}$`) };
  });
}

/** Citations as the synthesis prompt lists them. */
export function parseCitations(text: string) {
  return text.split(/\n\n(?=\[\d+\] )/).map((block) => {
    const speaker = /^\[\d+\] Speaker: (.*)$/m.exec(block)?.[1] ?? '';
    return {
      speaker: speaker.replace(/ \(.*\)$/, ''),
      named: !speaker.startsWith('No speaker'),
      date: /^Date: (.*)$/m.exec(block)?.[1] ?? '',
      quote: /^Quotation: «([\s\S]*)»$/m.exec(block)?.[1] ?? '',
    };
  });
}

/** The first words of a text, as they stand in it (white space collapsed). */
const firstWords = (text: string, n: number) => text.split(/\s+/).filter(Boolean).slice(0, n).join(' ');

/** A faithful model: fixed renderings when given, a synthesis that quotes the sources verbatim. */
export function wellBehaved(
  options: { translations?: Record<string, string>; terms?: Record<string, unknown> } = {},
): Behaviour {
  return ({ task, slots }) => {
    if (task === 'translateQuote')
      return { content: options.translations?.[slots.quote!] ?? 'An English rendering of this quotation.' };
    if (task === 'queryTerms')
      return { content: JSON.stringify({ terms: options.terms?.[slots.question!] ?? [] }) };
    if (task === 'synthesis') {
      const [first, second] = parseCitations(slots.citations!);
      const who = first!.named ? first!.speaker : 'One source';
      const also = second
        ? ` The sources also quote ${second.named ? second.speaker : 'an unnamed source'} [2].`
        : '';
      return { content: `${who} said: «${firstWords(first!.quote, 8)}» [1].${also}` };
    }
    return { status: 400, body: '{"error":"unknown prompt"}' };
  };
}

/** Like `base`, except for the synthesis, which `synthesis` writes from the parsed citations. */
export function withSynthesis(
  synthesis: (citations: ReturnType<typeof parseCitations>) => string,
  base = wellBehaved(),
): Behaviour {
  return async (request, stand) =>
    request.task === 'synthesis'
      ? { content: synthesis(parseCitations(request.slots.citations!)) }
      : base(request, stand);
}

/** A model that puts words in a speaker's mouth. */
export const inventsQuote = withSynthesis(
  ([c]) => `${c!.speaker} said: «إن الحرب انتهت اليوم بلا شروط» [1].`,
);
/** A model that cites [7] of at most five citations. */
export const citesOutOfRange = withSynthesis(
  ([c]) => `${c!.speaker} said: «${firstWords(c!.quote, 6)}» [7].`,
);

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
/** "16 February 2022": a date as an English summary might write it. */
export const longDate = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
/** A model that moves the date of the first dated citation by one day (or says 2031 when none is dated). */
export const changesDate = withSynthesis((citations) => {
  const dated = citations.map((c) => /(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})/.exec(c.date));
  const n = Math.max(
    0,
    dated.findIndex((m) => m !== null),
  );
  const m = dated[n];
  const c = citations[n]!;
  if (!m) return `In 2031, ${c.speaker} said: «${firstWords(c.quote, 6)}» [1].`;
  const month = MONTHS.findIndex((name) => name.startsWith(m[2]!));
  const d = new Date(Date.UTC(Number(m[3]), month, Number(m[1]) + 1));
  return `On ${longDate(d)}, ${c.speaker} said: «${firstWords(c.quote, 6)}» [${n + 1}].`;
});
/** A model that never answers. */
export const hangs: Behaviour = () => 'hang';
/** A server that sends its headers and the start of a body, then nothing more. */
export const stallsMidBody: Behaviour = () => 'stall-body';
/** A model that answers 500 to the first attempt of every prompt, then like `base`. */
export function failsOnceWith500(base = wellBehaved()): Behaviour {
  const seen = new Set<string>();
  return async (request, stand) => {
    if (seen.has(request.prompt)) return base(request, stand);
    seen.add(request.prompt);
    return { status: 500, body: '{"error":{"message":"overloaded"}}' };
  };
}
/** A server that answers 200 with a body that is not JSON. */
export const malformedJson: Behaviour = () => ({
  status: 200,
  body: '{"choices": [{"message": {"content": "Pes',
});

/** The server: start it, point LLM_BASE_URL at `baseUrl`, swap `behaviour` between tests. */
export class ChatStandIn {
  readonly requests: ChatRequest[] = [];
  baseUrl = '';
  private server: Server | undefined;
  private readonly matchers: ReturnType<typeof promptMatchers>;

  constructor(
    public behaviour: Behaviour = wellBehaved(),
    promptsDir = join(PROJECT_ROOT, 'prompts'),
  ) {
    this.matchers = promptMatchers(promptsDir);
  }

  /** Requests for one task so far. */
  count(task: ChatRequest['task']): number {
    return this.requests.filter((r) => r.task === task).length;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer(async (req, res) => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        model: string;
        messages: Array<{ role: string; content: string }>;
      };
      const prompt = body.messages.at(-1)?.content ?? '';
      const match = this.matchers.map((m) => ({ m, found: m.re.exec(prompt) })).find((x) => x.found);
      const request: ChatRequest = {
        task: match?.m.task ?? 'unknown',
        slots: match ? Object.fromEntries(match.m.names.map((n, i) => [n, match.found![i + 1]!])) : {},
        prompt,
        model: body.model,
        authorization: req.headers.authorization,
      };
      this.requests.push(request);
      const reply = await this.behaviour(request, this);
      if (reply === 'hang') return;
      if (reply === 'stall-body') {
        res.writeHead(200, { 'content-type': 'application/json' }).write('{"choices": [');
        return;
      }
      if ('content' in reply) {
        const completion = {
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            { index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' },
          ],
        };
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(completion));
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const termsFile = option('--terms');
  const terms = termsFile ? JSON.parse(readFileSync(termsFile, 'utf8')) : {};
  const stand = await new ChatStandIn(wellBehaved({ terms })).start(Number(option('--port') ?? 0));
  console.log(stand.baseUrl);
}
