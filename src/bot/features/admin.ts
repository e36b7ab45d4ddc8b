/**
 * Administrators: /reload re-reads the articles folder; a .txt document sent privately is validated and added.
 * Both run the heavy work off the event loop (the library's worker), so questions keep being answered; an added
 * article is announced to the other instances.
 */

import { Composer } from 'grammy';
import { MAX_ARTICLE_BYTES } from '../../corpus/read-files.ts';
import type { BotContext, BotDeps } from '../deps.ts';
import { messages, uiLanguage } from '../messages.ts';

export function adminFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && deps.admins.has(ctx.from.id);

  composer.command('reload', async (ctx) => {
    const t = messages[uiLanguage(ctx.from?.language_code)];
    if (!isAdmin(ctx)) return void (await ctx.reply(t.adminOnly));
    try {
      const result = await deps.library.reload();
      deps.logger.info({ articles: result.articles, warnings: result.warnings.length }, 'reloaded');
      await ctx.reply(t.reloaded(result.articles, result.warnings.length));
    } catch (error) {
      deps.logger.error({ err: error }, 'reload failed');
      await ctx.reply(t.reloadFailed(error instanceof Error ? error.message : String(error)));
    }
  });

  composer.chatType('private').on('message:document', async (ctx) => {
    const t = messages[uiLanguage(ctx.from.language_code)];
    if (!isAdmin(ctx)) return void (await ctx.reply(t.notText));
    const doc = ctx.message.document;
    const name = doc.file_name ?? '';
    if (!name.toLowerCase().endsWith('.txt')) return void (await ctx.reply(t.sendTxt));
    if ((doc.file_size ?? 0) > MAX_ARTICLE_BYTES)
      return void (await ctx.reply(t.rejected(`larger than ${MAX_ARTICLE_BYTES} bytes`)));
    const file = await ctx.getFile();
    const response = await fetch(`${deps.apiRoot}/file/bot${ctx.api.token}/${file.file_path}`);
    if (!response.ok) return void (await ctx.reply(t.rejected(`download failed (${response.status})`)));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const result = await deps.library.addArticle(name, bytes);
    deps.logger.info({ file: name, ok: result.ok }, 'article upload');
    if (result.ok && result.shared) await deps.state.publishArticle(result.shared);
    await ctx.reply(result.ok ? t.added(result.articleIds) : t.rejected(result.error));
  });

  return composer;
}
