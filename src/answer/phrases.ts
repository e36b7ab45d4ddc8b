/**
 * The words around the quotes, in English and Arabic. Quotes, titles and outlets are never translated; only the
 * framing is. Shared by the plain-text reply and every renderer, so that all channels say the same thing.
 */

import type { Citation, Language } from './schema.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_WORDS_EN: Array<[RegExp, string]> = [
  [/الأحد/, 'Sunday'],
  [/الاثنين|الإثنين/, 'Monday'],
  [/الثلاثاء/, 'Tuesday'],
  [/الأربعاء/, 'Wednesday'],
  [/الخميس/, 'Thursday'],
  [/الجمعة/, 'Friday'],
  [/السبت/, 'Saturday'],
  [/أمس الأول|أول أمس/, 'the day before yesterday'],
  [/أمس/, 'yesterday'],
  [/اليوم/, 'today'],
];

/** "16 Feb 2022" from "2022-02-16". */
export function englishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_EN[(m ?? 1) - 1]} ${y}`;
}

/** The date as a reader should see it, saying when it is inferred or missing. */
export function datePhrase(date: Citation['date'], lang: Language): string {
  if (lang === 'en') {
    if (date.iso && date.basis === 'stated') return englishDate(date.iso);
    if (date.iso) return `${englishDate(date.iso)} (inferred from “${date.text ?? ''}”)`;
    const words = date.text ? DATE_WORDS_EN.find(([re]) => re.test(date.text!))?.[1] : undefined;
    if (words) return `${words.charAt(0).toUpperCase()}${words.slice(1)} — the source gives no date`;
    return date.text ? `“${date.text}” — the source gives no date` : 'the source gives no date';
  }
  if (date.iso && date.basis === 'stated') return date.text ?? date.iso;
  if (date.iso) return `${date.text ?? ''} (تاريخ مستنتج: ${date.iso})`;
  return date.text ? `${date.text} (لا يذكر المصدر تاريخًا)` : 'لا يذكر المصدر تاريخًا';
}

/** Who said it, or that the source names nobody. */
export function speakerPhrase(speaker: Citation['speaker'], lang: Language): string {
  if (speaker) return lang === 'en' ? speaker.en : speaker.ar;
  return lang === 'en' ? 'No speaker named' : 'دون ذكر المتحدث';
}

/** The outlet and headline of a source. */
export function sourcePhrase(source: Citation['source'], lang: Language): string {
  const outlet = source.outlet ?? (lang === 'en' ? 'outlet not named' : 'وسيلة غير مسماة');
  return source.title ? `${outlet}: ${lang === 'en' ? `“${source.title}”` : `«${source.title}»`}` : outlet;
}

/** Outlet and headline for a line in the other script: each Arabic part isolated. */
export function isolatedSourcePhrase(source: Citation['source'], lang: Language): string {
  if (lang === 'ar') return sourcePhrase(source, lang);
  const outlet = source.outlet ? isolate(source.outlet) : 'outlet not named';
  return source.title ? `${outlet}: ${isolate(source.title)}` : outlet;
}

/** What the sources hold, for replies that have no answer and for /start. */
export interface CoverageSummary {
  articles: number;
  years: [number, number] | null;
  speakers: Array<{ en: string; ar: string }>;
  examples: { en: string[]; ar: string[] };
}

/** "N articles" with each language's plural forms (Arabic: one, two, three to ten, eleven and more). */
function articleCount(n: number, lang: Language): string {
  if (lang === 'en') return n === 1 ? 'one Arabic news article' : `${n} Arabic news articles`;
  if (n === 1) return 'مقال إخباري واحد';
  if (n === 2) return 'مقالان إخباريان';
  return n % 100 >= 3 && n % 100 <= 10 ? `${n} مقالات إخبارية` : `${n} مقالًا إخباريًا`;
}

function coverageSentence(c: CoverageSummary, lang: Language): string {
  if (c.articles === 0)
    return lang === 'en'
      ? 'There are no articles yet: add some to the articles folder (or with /add in the bot).'
      : 'لا توجد مقالات بعد: أضف مقالات إلى مجلد المقالات (أو بالأمر /add في البوت).';
  const years = c.years ? (c.years[0] === c.years[1] ? `${c.years[0]}` : `${c.years[0]}–${c.years[1]}`) : '';
  const span = years ? ` (${years})` : '';
  if (lang === 'en') {
    const names = c.speakers.map((s) => s.en).join(', ');
    const quoting = names ? ` quoting ${names} and others` : '';
    const tries = c.examples.en.length ? ` Try: ${c.examples.en.map((q) => `“${q}”`).join(' or ')}` : '';
    return `The sources are ${articleCount(c.articles, lang)}${span}${quoting}.${tries}`;
  }
  const names = c.speakers.map((s) => s.ar).join('، ');
  const quoting = names ? ` تنقل تصريحات ${names} وغيرهم` : '';
  const tries = c.examples.ar.length ? ` جرّب مثلًا: ${c.examples.ar.map((q) => `«${q}»`).join(' أو ')}` : '';
  return `المصادر ${articleCount(c.articles, lang)}${span}${quoting}.${tries}`;
}

/** Why there is no answer, in the reader's language, with what the sources do cover. */
export function noAnswerPhrase(
  reason: 'empty' | 'speaker-absent' | 'no-match' | 'too-long',
  lang: Language,
  coverage: CoverageSummary,
  asked: string | null,
): string {
  const en: Record<typeof reason, string> = {
    empty: 'Please ask a question about the Russia–US talks on the war in Ukraine.',
    'too-long': 'That question is too long: please ask it in under 1,000 characters.',
    'speaker-absent': `The sources hold no statement by ${asked ?? 'that person'}.`,
    'no-match': asked
      ? `The sources hold no statement by ${asked} that answers this.`
      : 'The sources hold nothing that answers this question.',
  };
  const ar: Record<typeof reason, string> = {
    empty: 'يرجى طرح سؤال عن المحادثات الروسية الأميركية بشأن الحرب في أوكرانيا.',
    'too-long': 'السؤال طويل جدًا: يرجى طرحه في أقل من 1000 حرف.',
    'speaker-absent': `لا تتضمن المصادر أي تصريح لـ${asked ?? 'هذا الشخص'}.`,
    'no-match': asked
      ? `لا تتضمن المصادر تصريحًا لـ${asked} يجيب عن هذا السؤال.`
      : 'لا تتضمن المصادر ما يجيب عن هذا السؤال.',
  };
  return `${lang === 'en' ? en[reason] : ar[reason]}\n\n${coverageSentence(coverage, lang)}`;
}

/** The label of a machine rendering or summary: which model wrote it, and that it is not the sources' words. */
export function machineLabel(kind: 'translation' | 'summary', model: string, lang: Language): string {
  if (kind === 'translation')
    return lang === 'en'
      ? `Machine translation (${model}), not the source's words:`
      : `ترجمة آلية (${model})، ليست كلام المصدر:`;
  return lang === 'en'
    ? `Machine summary (${model}) of the quotes below, which are the sources' words:`
    : `ملخص آلي (${model}) للاقتباسات أدناه، وهي كلام المصادر:`;
}

/** A machine summary as a reply paragraph. */
export function summaryPhrase(summary: { text: string; model: string }, lang: Language): string {
  return `${machineLabel('summary', summary.model, lang)}\n${summary.text}`;
}

/** One citation of the plain-text reply: number, speaker, date, source, the verbatim quote (and its rendering). */
export function citationBlock(c: Citation, n: number, lang: Language): string {
  const head = `${n}. ${speakerPhrase(c.speaker, lang)} — ${datePhrase(c.date, lang)} — ${sourcePhrase(c.source, lang)}`;
  const rendering = c.translation
    ? `\n${machineLabel('translation', c.translation.model, lang)} ${c.translation.text}`
    : '';
  return `${head}\n«${c.quote}»${rendering}`;
}

/** The plain-text reply: every citation with speaker, date, source and the verbatim quote. */
export function plainReply(citations: Citation[], lang: Language, ...notes: Array<string | null>): string {
  const blocks = citations.map((c, i) => citationBlock(c, i + 1, lang));
  const intro = lang === 'en' ? 'From the sources, verbatim:' : 'من المصادر، بالنص:';
  return [...notes, intro, ...blocks].filter(Boolean).join('\n\n');
}

/** The date as the source writes it, with the ISO form when known: how the bot shows dates. */
export function sourceDatePhrase(date: Citation['date'], lang: Language): string {
  const words = date.text ? isolate(date.text) : null;
  if (date.iso && date.basis === 'stated') return words ? `${words} · ${date.iso}` : date.iso;
  if (date.iso) return `${words ?? ''} · ${date.iso} (${lang === 'en' ? 'inferred' : 'تاريخ مستنتج'})`;
  if (lang === 'en' && words) {
    const gloss = DATE_WORDS_EN.find(([re]) => re.test(date.text!))?.[1];
    return `${words}${gloss ? ` (${gloss})` : ''} — the source gives no date`;
  }
  return datePhrase(date, lang);
}

/**
 * Wraps text in Unicode first-strong isolation (FSI … PDI), so that Arabic inside an English line (or the reverse)
 * keeps its own direction and does not reorder the punctuation around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The paragraphs of a reply that come before its citations (the intro, and a note when there is one). */
export function replyPreamble(reply: string): string[] {
  const paragraphs = reply.split('\n\n');
  const first = paragraphs.findIndex((p) => /^1\. /.test(p));
  return first < 0 ? paragraphs : paragraphs.slice(0, first);
}

/** A note when the asked speaker said nothing on the topic, so the citations are other people's words. */
export function notBySpeakerNote(asked: string, lang: Language): string {
  return lang === 'en'
    ? `The sources hold no statement by ${asked} on this; here is what they report about it.`
    : `لا تتضمن المصادر تصريحًا لـ${asked} بهذا الشأن؛ هذا ما تنقله عنه.`;
}

/** A note when the asked time matched nothing, so the answer comes from other dates. */
export function timeNote(lang: Language): string {
  return lang === 'en'
    ? 'Nothing in the sources is dated in the period you asked about; here is what they hold on the topic.'
    : 'لا يوجد في المصادر ما هو مؤرخ بالفترة المطلوبة؛ هذا ما تتضمنه عن الموضوع.';
}
