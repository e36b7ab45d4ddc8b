/**
 * Questions: any text in a private chat; in groups only when the bot is mentioned or replied to, or via /ask.
 * Anything else a user sends privately (a photo, a sticker, an unknown command) gets a short explanation.
 */

import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../deps.ts';
import { messages, uiLanguage } from '../messages.ts';
import { replyWithAnswer } from '../reply.ts';

/** The question in a group message addressed to the bot, without the @mention; null when not addressed. */
export function addressedText(ctx: BotContext): string | null {
  const msg = ctx.message;
  if (!msg?.text) return null;
  const username = ctx.me.username.toLowerCase();
  const mentions = (msg.entities ?? []).filter(
    (e) =>
      e.type === 'mention' && msg.text!.slice(e.offset + 1, e.offset + e.length).toLowerCase() === username,
  );
  const repliedToBot = msg.reply_to_message?.from?.id === ctx.me.id;
  if (mentions.length === 0 && !repliedToBot) return null;
  let text = msg.text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset))
    text = text.slice(0, e.offset) + text.slice(e.offset + e.length);
  return text.trim();
}

export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const ui = (ctx: BotContext) => messages[uiLanguage(ctx.from?.language_code)];

  composer.command('ask', (ctx) => replyWithAnswer(ctx, deps, ctx.match));

  const privateChats = composer.chatType('private');
  privateChats.on('message:text', async (ctx) => {
    // Known commands were handled before this point.
    if (ctx.message.text.startsWith('/')) return void (await ctx.reply(ui(ctx).unknownCommand));
    await replyWithAnswer(ctx, deps, ctx.message.text);
  });
  privateChats.on('message', async (ctx, next) => {
    if (ctx.message.document) return next();
    await ctx.reply(ui(ctx).notText);
  });

  composer.chatType(['group', 'supergroup']).on('message:text', async (ctx) => {
    const text = addressedText(ctx);
    if (text !== null) await replyWithAnswer(ctx, deps, text);
  });

  return composer;
}
