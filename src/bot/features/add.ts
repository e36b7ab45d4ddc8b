/** Administrators: `/add <url>` fetches a news page and adds its article, with the page's metadata. */

import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../deps.ts';
import { messages, uiLanguage } from '../messages.ts';

export function addFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('add', async (ctx) => {
    const t = messages[uiLanguage(ctx.from?.language_code)];
    if (!ctx.from || !deps.admins.has(ctx.from.id)) return void (await ctx.reply(t.adminOnly));
    const url = ctx.match.trim();
    if (!url) return void (await ctx.reply(t.addUsage));
    const result = await deps.library.addPage(url);
    deps.logger.info({ ok: result.ok, articles: result.ok ? result.articleIds : [] }, 'page added');
    if (result.ok && result.shared) await deps.state.publishArticle(result.shared);
    await ctx.reply(
      result.ok
        ? t.pageAdded(result.articleIds, result.meta.title, result.meta.date)
        : t.pageRejected(result.error),
      {
        link_preview_options: { is_disabled: true },
      },
    );
  });
  return composer;
}
