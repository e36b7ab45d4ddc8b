/** Administrators: `/add <url>` fetches a news page and adds its article, with the page's metadata. */

import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../deps.ts';
import { uiLanguage } from '../messages.ts';

// The texts of this command; they belong with the bot's other UI texts once those move to one place.
const texts = {
  en: {
    usage: 'Send /add followed by the address of a news page, for example: /add https://example.com/news/1',
    adminOnly: 'Only administrators can do that.',
    added: (ids: string[], title: string | undefined, date: string | undefined) =>
      `Added ${ids.join(', ')}${title ? `: ${title}` : ''}${date ? ` (${date})` : ''}; the index is reloaded.`,
    rejected: (why: string) => `The page was not added: ${why}. Nothing was changed.`,
  },
  ar: {
    usage: 'أرسل ‎/add‎ متبوعًا بعنوان صفحة الخبر، مثل: ‎/add https://example.com/news/1',
    adminOnly: 'هذا الأمر للمشرفين فقط.',
    added: (ids: string[], title: string | undefined, date: string | undefined) =>
      `أضيف ${ids.join('، ')}${title ? `: ${title}` : ''}${date ? ` (${date})` : ''}، وأعيد تحميل الفهرس.`,
    rejected: (why: string) => `لم تُضف الصفحة: ${why}. لم يتغير شيء.`,
  },
};

export function addFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('add', async (ctx) => {
    const t = texts[uiLanguage(ctx.from?.language_code)];
    if (!ctx.from || !deps.admins.has(ctx.from.id)) return void (await ctx.reply(t.adminOnly));
    const url = ctx.match.trim();
    if (!url) return void (await ctx.reply(t.usage));
    const result = await deps.library.addPage(url);
    deps.logger.info({ ok: result.ok, articles: result.ok ? result.articleIds : [] }, 'page added');
    if (result.ok && result.shared) await deps.state.publishArticle(result.shared);
    await ctx.reply(
      result.ok ? t.added(result.articleIds, result.meta.title, result.meta.date) : t.rejected(result.error),
      {
        link_preview_options: { is_disabled: true },
      },
    );
  });
  return composer;
}
