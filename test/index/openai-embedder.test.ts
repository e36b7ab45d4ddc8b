/** The OpenAI-compatible embedder against a real HTTP server on 127.0.0.1 that the test starts. */

import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createEngine } from '../../src/engine.ts';
import { createAnalyser } from '../../src/index/analyser.ts';
import { EmbedderError } from '../../src/index/embedders/embedder.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { createOpenAIEmbedder } from '../../src/index/embedders/openai.ts';
import { lexicon } from '../helpers.ts';

const KEY = 'sk-test-secret-key-0123456789';
/** The test server embeds with the lexical embedder, so that answers through it are meaningful. */
const inner = createLexicalEmbedder(lexicon, createAnalyser(lexicon.nameKeys()), 64);
const requests: Array<{ auth: string | undefined; model: string; inputs: number }> = [];
let failNext = 0;
let server: Server;
let baseUrl: string;

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') return void res.writeHead(404).end();
    const { model, input } = JSON.parse(await body(req)) as { model: string; input: string[] };
    requests.push({ auth: req.headers.authorization, model, inputs: input.length });
    if (failNext > 0) {
      failNext--;
      return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
    }
    const vectors = await inner.embed(input);
    // Out of order on purpose: clients must sort by index.
    const data = vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })).reverse();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ object: 'list', data, model }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('OpenAI-compatible embedder', () => {
  it('sends the model and key, batches, and returns unit vectors in input order', async () => {
    requests.length = 0;
    const embedder = createOpenAIEmbedder({ baseUrl, model: 'nomic-embed-text', apiKey: KEY, batchSize: 2 });
    const texts = ['بوتين', 'الناتو', 'Peskov'];
    const vectors = await embedder.embed(texts);
    expect(requests).toEqual([
      { auth: `Bearer ${KEY}`, model: 'nomic-embed-text', inputs: 2 },
      { auth: `Bearer ${KEY}`, model: 'nomic-embed-text', inputs: 1 },
    ]);
    const expected = await inner.embed(texts);
    for (const [i, v] of vectors.entries())
      for (const [j, x] of v.entries()) expect(x).toBeCloseTo(expected[i]![j]!, 9);
    expect(embedder.id).toContain('nomic-embed-text');
  });

  it('reports a failing endpoint without the key', async () => {
    failNext = 1;
    const embedder = createOpenAIEmbedder({ baseUrl, model: 'm', apiKey: KEY });
    const error = await embedder.embed(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toMatch(/answered 500/);
    expect((error as Error).message).not.toContain(KEY);
  });

  it('reports an unreachable endpoint', async () => {
    const embedder = createOpenAIEmbedder({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 2000 });
    await expect(embedder.embed(['x'])).rejects.toThrow(/unreachable/);
  });

  it('serves answers end to end when configured with EMBEDDER=openai', async () => {
    const config = parseConfig({
      EMBEDDER: 'openai',
      EMBEDDINGS_BASE_URL: baseUrl,
      EMBEDDINGS_MODEL: 'test-model',
      EMBEDDINGS_API_KEY: KEY,
      INDEX_PATH: join(mkdtempSync(join(tmpdir(), 'openai-')), 'index.json'),
    });
    const engine = await createEngine(config);
    expect(engine.origin).toBe('built');
    expect(engine.answerer.index.dimensions).toBe(64);
    const answer = await engine.answerer.answer('What did Peskov say about NATO troops?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.speaker?.en).toBe('Dmitry Peskov');
    const again = await createEngine(config);
    expect(again.origin).toBe('loaded');
  });
});
