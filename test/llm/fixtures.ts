/** Extractive answers written for the language-model tests (our own sentences, in the style of the sources). */

import { plainReply } from '../../src/answer/phrases.ts';
import type { Answer, Citation, Language } from '../../src/answer/schema.ts';

const source = (id: string, outlet: string | null) => ({
  id,
  file: `data/articles/${id.split('#')[0]}.txt`,
  title: null,
  outlet,
  url: null,
});

/** Three citations: a dated statement by Peskov, an undated unnamed report, a dated one by Lavrov. */
export const CITATIONS: Citation[] = [
  {
    quote: 'إن نشر قوات تابعة لدول حلف الناتو على الأراضي الأوكرانية أمر لا يمكن لروسيا أن تقبله',
    speaker: { en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' },
    date: { iso: '2022-02-16', text: 'الأربعاء 16 فبراير 2022', basis: 'stated' },
    source: source('101_fixture#1', 'سبوتنيك'),
  },
  {
    quote: 'وأفادت تقارير غربية بأن الحلفاء الأوروبيين يعتزمون اقتراح نشر أقل من 30 ألف جندي في أوكرانيا.',
    speaker: null,
    date: { iso: null, text: 'الخميس', basis: 'unknown' },
    source: source('102_fixture#1', null),
  },
  {
    quote: 'وقال لافروف إن موسكو مستعدة للحوار مع واشنطن بشأن الأمن الأوروبي.',
    speaker: { en: 'Sergei Lavrov', ar: 'سيرغي لافروف' },
    date: { iso: '2025-02-18', text: '18 فبراير 2025', basis: 'stated' },
    source: source('103_fixture#2', 'الاتحاد'),
  },
];

/** An answered question in either language, as answer() would return it. */
export function fixtureAnswer(language: Language): Answer {
  return {
    question:
      language === 'en' ? 'What did Peskov say about NATO troops?' : 'ماذا قال بيسكوف عن قوات الناتو؟',
    language,
    answered: true,
    citations: CITATIONS,
    reply: plainReply(CITATIONS, language),
  };
}
