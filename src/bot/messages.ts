/**
 * What the bot says around the answers, in English and Arabic. The texts live in Fluent files (locales/*.ftl,
 * loaded by @grammyjs/i18n) so that plural forms follow each language's rules; this module gives them typed names.
 */

import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import type { CoverageSummary } from '../answer/phrases.ts';
import type { Language } from '../answer/schema.ts';
import { SOURCE_DIR } from '../paths.ts';

const i18n = new I18n({
  defaultLocale: 'en',
  // Values are inserted verbatim: isolation marks would break URLs and commands.
  fluentBundleOptions: { useIsolating: false },
});
i18n.loadLocalesDirSync(join(SOURCE_DIR, 'bot/locales'));

/** The bot's own words in one language. */
function textsIn(lang: Language) {
  const t = (key: string, variables?: Record<string, string | number>) => i18n.t(lang, key, variables);
  return {
    welcome: (c: CoverageSummary) => t('welcome', { articles: c.articles }),
    /** The help text, with an example question made from what the sources cover. */
    help: (example: string) => t('help', { example }),
    sourcesTitle: (count: number) => t('sources-title', { count }),
    noDate: t('no-date'),
    noTitle: t('no-title'),
    langPrompt: t('lang-prompt'),
    langSet: { auto: t('lang-set-auto'), en: t('lang-set-en'), ar: t('lang-set-ar') },
    notText: t('not-text'),
    unknownCommand: t('unknown-command'),
    empty: (example: string) => t('empty', { example }),
    tooLong: (max: number) => t('too-long', { max }),
    rateLimited: t('rate-limited'),
    failed: t('failed'),
    expired: t('expired'),
    noMore: t('no-more'),
    more: t('more'),
    context: t('context'),
    source: t('source'),
    next: t('next'),
    contextTitle: t('context-title'),
    sourceTitle: t('source-title'),
    page: (n: number, of: number) => t('page', { n, of }),
    inlineNoAnswer: t('inline-no-answer'),
    inlineSuggest: t('inline-suggest'),
    adminOnly: t('admin-only'),
    reloaded: (articles: number, warnings: number) => t('reloaded', { articles, warnings }),
    reloadFailed: (why: string) => t('reload-failed', { why }),
    added: (ids: string[]) => t('added', { ids: ids.join(lang === 'ar' ? '، ' : ', ') }),
    rejected: (why: string) => t('rejected', { why }),
    sendTxt: t('send-txt'),
    addUsage: t('add-usage'),
    /** A page added with /add: its ids, then its headline and date when the page states them. */
    pageAdded: (ids: string[], title: string | undefined, date: string | undefined) =>
      t('page-added', {
        ids: ids.join(lang === 'ar' ? '، ' : ', '),
        about: `${title ? `: ${title}` : ''}${date ? ` (${date})` : ''}`,
      }),
    pageRejected: (why: string) => t('page-rejected', { why }),
    commands: {
      start: t('command-start'),
      help: t('command-help'),
      sources: t('command-sources'),
      lang: t('command-lang'),
      ask: t('command-ask'),
    },
  };
}

/** The bot's own words, per language. */
export const messages = { en: textsIn('en'), ar: textsIn('ar') } satisfies Record<Language, unknown>;

export type Messages = (typeof messages)['en'];

/** The language of a Telegram user interface code: Arabic for "ar…", English otherwise. */
export function uiLanguage(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
