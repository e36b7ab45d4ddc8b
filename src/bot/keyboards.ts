/**
 * Buttons and their callback data. Data are short ASCII strings ("m:<id>:<offset>"), far under Telegram's
 * 64-byte limit whatever the question's length or script.
 */

import { InlineKeyboard } from 'grammy';
import type { Language } from '../answer/schema.ts';
import { messages } from './messages.ts';

/** What a button asks for. */
export type ButtonAction =
  | { kind: 'more'; key: string; offset: number }
  | { kind: 'context'; key: string; index: number }
  | { kind: 'source'; key: string; index: number; page: number }
  | { kind: 'lang'; choice: 'auto' | 'en' | 'ar' }
  | { kind: 'ask'; index: number };

/** Encodes a button action as callback data. */
export function encodeAction(a: ButtonAction): string {
  switch (a.kind) {
    case 'more':
      return `m:${a.key}:${a.offset}`;
    case 'context':
      return `c:${a.key}:${a.index}`;
    case 'source':
      return `s:${a.key}:${a.index}:${a.page}`;
    case 'lang':
      return `l:${a.choice}`;
    case 'ask':
      return `q:${a.index}`;
  }
}

/** Decodes callback data; anything else (old or forged data) is null. */
export function decodeAction(data: string): ButtonAction | null {
  const [kind, a = '', b = '', c = ''] = data.split(':');
  const n = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : Number.NaN);
  const key = /^[0-9a-z]{16}$/.test(a) ? a : null;
  if (kind === 'm' && key && !Number.isNaN(n(b))) return { kind: 'more', key, offset: n(b) };
  if (kind === 'c' && key && !Number.isNaN(n(b))) return { kind: 'context', key, index: n(b) };
  if (kind === 's' && key && !Number.isNaN(n(b)) && !Number.isNaN(n(c)))
    return { kind: 'source', key, index: n(b), page: n(c) };
  if (kind === 'l' && (a === 'auto' || a === 'en' || a === 'ar')) return { kind: 'lang', choice: a };
  if (kind === 'q' && !Number.isNaN(n(a))) return { kind: 'ask', index: n(a) };
  return null;
}

/** Buttons under an answer: Context and Source for each citation shown, and More when there may be more. */
export function answerKeyboard(
  key: string,
  first: number,
  count: number,
  lang: Language,
  more: boolean,
): InlineKeyboard {
  const t = messages[lang];
  const keyboard = new InlineKeyboard();
  for (let i = first; i < first + count; i++) {
    keyboard
      .text(`${t.context} ${i + 1}`, encodeAction({ kind: 'context', key, index: i }))
      .text(`${t.source} ${i + 1}`, encodeAction({ kind: 'source', key, index: i, page: 0 }))
      .row();
  }
  if (more) keyboard.text(t.more, encodeAction({ kind: 'more', key, offset: first + count }));
  return keyboard;
}
