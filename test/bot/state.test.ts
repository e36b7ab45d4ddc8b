/** The bot's state in files: answers bound to a chat and expiring, claims, sessions surviving a restart. */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createState, newAnswerId, type StoredAnswer } from '../../src/bot/state.ts';

const entry = (chatId: number): StoredAnswer => ({ question: 'q', lang: 'en', chatId, shown: [] });

afterEach(() => vi.useRealTimers());

describe('file state', () => {
  it('gives random 16-character ids, finds an answer only in its chat, and forgets it after the TTL', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const stateDir = mkdtempSync(join(tmpdir(), 'state-test-'));
    const state = await createState({ stateDir, answerTtlSeconds: 60 });
    const ids = new Set(Array.from({ length: 1000 }, () => newAnswerId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{16}$/);
    const id = await state.saveAnswer(entry(5));
    expect(await state.loadAnswer(id, 5)).toMatchObject({ chatId: 5 });
    expect(await state.loadAnswer(id, 6)).toBeUndefined();
    // A restart reads the same folder.
    const again = await createState({ stateDir, answerTtlSeconds: 60 });
    expect(await again.loadAnswer(id, 5)).toMatchObject({ question: 'q' });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await again.loadAnswer(id, 5)).toBeUndefined();
  });

  it('claims a key once until it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state = await createState({
      stateDir: mkdtempSync(join(tmpdir(), 'state-test-')),
      answerTtlSeconds: 60,
    });
    expect(await state.claim('update:1', 10)).toBe(true);
    expect(await state.claim('update:1', 10)).toBe(false);
    expect(await state.claim('update:2', 10)).toBe(true);
    vi.setSystemTime(Date.now() + 11_000);
    expect(await state.claim('update:1', 10)).toBe(true);
  });
});
