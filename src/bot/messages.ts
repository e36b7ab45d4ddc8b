/** What the bot says around the answers, in English and Arabic. */

import type { CoverageSummary } from '../answer/phrases.ts';
import type { Language } from '../answer/schema.ts';

/** The bot's own words, per language. */
export const messages = {
  en: {
    welcome: (c: CoverageSummary) =>
      `Ask me about the Russia–US talks on the war in Ukraine, in English or Arabic. I answer with the exact words of ${c.articles} Arabic news articles: the quote, who said it, the date as the source gives it, and the article.\n\nTry one of these:`,
    help: [
      'Write a question, for example “What did Peskov say about NATO troops?” or «ماذا قال بيسكوف عن قوات الناتو؟».',
      'Every answer is a verbatim quote from the sources with its speaker, its date as the source gives it, and the article. Quotes are never translated. When the sources hold no answer, I say so.',
      'In groups, mention me or reply to me, or use /ask followed by the question. Anywhere, type my @name and a question to share a quote (inline mode).',
      'Buttons under an answer: “More” for further quotes, “Context” for the surrounding paragraph, “Source” for the article.',
      '/sources lists the articles; /lang chooses the language of my replies.',
    ].join('\n\n'),
    sourcesTitle: (n: number) => `${n} articles:`,
    noDate: 'no date',
    noTitle: '(no headline)',
    langPrompt: 'Reply language (quotes always stay in Arabic):',
    langSet: {
      auto: 'I will reply in the language of each question.',
      en: 'I will reply in English.',
      ar: 'سأرد بالعربية.',
    },
    notText: 'I can only read text questions. Please write your question.',
    empty: 'Please write a question after /ask, for example: /ask What did Peskov say about NATO troops?',
    tooLong: (max: number) => `That message is too long: please ask in under ${max} characters.`,
    rateLimited: 'You are asking very fast. Please wait a minute and try again.',
    failed: 'Something went wrong while answering. Please try again in a moment.',
    expired: 'This button has expired. Please ask the question again.',
    noMore: 'No more quotes for this question.',
    more: 'More ▸',
    context: 'Context',
    source: 'Source',
    next: 'Next ▸',
    contextTitle: 'The paragraph around the quote:',
    sourceTitle: 'Source',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    inlineNoAnswer: 'No answer in the sources',
    inlineSuggest: 'Ask this',
    adminOnly: 'Only administrators can do that.',
    reloaded: (n: number, warnings: number) => `Reloaded: ${n} articles, ${warnings} warnings.`,
    added: (ids: string[]) => `Added ${ids.join(', ')}; the index is reloaded.`,
    rejected: (why: string) => `The file was not added: ${why}. Nothing was changed.`,
    sendTxt: 'Send the article as a .txt document (UTF-8).',
    commands: {
      start: 'Welcome and example questions',
      help: 'What to ask and how answers are built',
      sources: 'The articles behind the answers',
      lang: 'Reply language',
      ask: 'Ask a question (in groups)',
    },
  },
  ar: {
    welcome: (c: CoverageSummary) =>
      `اسألني عن المحادثات الروسية الأميركية بشأن الحرب في أوكرانيا، بالعربية أو بالإنجليزية. أجيب بالنص الحرفي من ${c.articles} مقالات إخبارية عربية: الاقتباس، وقائله، والتاريخ كما يذكره المصدر، والمقال.\n\nجرّب أحد هذه الأسئلة:`,
    help: [
      'اكتب سؤالًا، مثل «ماذا قال بيسكوف عن قوات الناتو؟».',
      'كل جواب اقتباس حرفي من المصادر مع قائله وتاريخه كما يذكره المصدر والمقال. لا تُترجم الاقتباسات أبدًا. وإن لم تتضمن المصادر جوابًا قلت ذلك.',
      'في المجموعات، اذكرني أو رد على رسالتي أو استخدم /ask متبوعًا بالسؤال. وفي أي محادثة، اكتب اسمي مع @ وسؤالًا لمشاركة اقتباس.',
      'الأزرار تحت الجواب: «المزيد» لاقتباسات أخرى، «السياق» للفقرة المحيطة، «المصدر» للمقال.',
      '/sources يعرض المقالات، و/lang يحدد لغة الردود.',
    ].join('\n\n'),
    sourcesTitle: (n: number) => `${n} مقالات:`,
    noDate: 'دون تاريخ',
    noTitle: '(دون عنوان)',
    langPrompt: 'لغة الردود (تبقى الاقتباسات بالعربية دائمًا):',
    langSet: { auto: 'سأرد بلغة كل سؤال.', en: 'I will reply in English.', ar: 'سأرد بالعربية.' },
    notText: 'أقرأ الأسئلة المكتوبة فقط. يرجى كتابة سؤالك.',
    empty: 'يرجى كتابة سؤال بعد /ask، مثل: /ask ماذا قال بيسكوف عن قوات الناتو؟',
    tooLong: (max: number) => `الرسالة طويلة جدًا: يرجى طرح السؤال في أقل من ${max} حرف.`,
    rateLimited: 'أسئلتك سريعة جدًا. يرجى الانتظار دقيقة ثم المحاولة مجددًا.',
    failed: 'حدث خطأ أثناء الإجابة. يرجى المحاولة بعد قليل.',
    expired: 'انتهت صلاحية هذا الزر. يرجى طرح السؤال مجددًا.',
    noMore: 'لا توجد اقتباسات أخرى لهذا السؤال.',
    more: 'المزيد ◂',
    context: 'السياق',
    source: 'المصدر',
    next: 'التالي ◂',
    contextTitle: 'الفقرة المحيطة بالاقتباس:',
    sourceTitle: 'المصدر',
    page: (n: number, of: number) => `الصفحة ${n} من ${of}`,
    inlineNoAnswer: 'لا جواب في المصادر',
    inlineSuggest: 'اسأل هذا',
    adminOnly: 'هذا متاح للمشرفين فقط.',
    reloaded: (n: number, warnings: number) => `أعيد التحميل: ${n} مقالات، ${warnings} تحذيرات.`,
    added: (ids: string[]) => `أضيف ${ids.join('، ')}؛ وأعيد تحميل الفهرس.`,
    rejected: (why: string) => `لم يُضف الملف: ${why}. لم يتغير شيء.`,
    sendTxt: 'أرسل المقال مستندًا بصيغة ‎.txt‎ (UTF-8).',
    commands: {
      start: 'الترحيب وأمثلة للأسئلة',
      help: 'ماذا تسأل وكيف تُبنى الأجوبة',
      sources: 'المقالات التي تستند إليها الأجوبة',
      lang: 'لغة الردود',
      ask: 'اطرح سؤالًا (في المجموعات)',
    },
  },
} satisfies Record<Language, Record<string, unknown>>;

export type Messages = (typeof messages)['en'];

/** The language of a Telegram user interface code: Arabic for "ar…", English otherwise. */
export function uiLanguage(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
