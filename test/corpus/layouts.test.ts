/**
 * Header zones as other Arabic news sites lay them out, in synthetic fixtures written for the purpose
 * (test/fixtures/layouts): the headline, the stated date, the outlet and the agencies, and that no chrome line
 * is taken for a headline or reaches a passage.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/corpus/ingest.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const dir = join(PROJECT_ROOT, 'test/fixtures/layouts');
const corpus = ingestCorpus({ articlesDir: dir, root: dir, lexicon });
const article = (stem: string) => corpus.articles.find((a) => a.id === `${stem}#1`)!;

describe('header zones of other sites', () => {
  it.each([
    [
      'banner-then-date',
      'الخارجية الروسية: لافروف يبحث هاتفيا مع روبيو ملف التسوية',
      { iso: '2025-04-17', text: '17-4-2025', basis: 'stated' }, // the page's "today" banner comes first
      null,
      ['رويترز'], // credited in the body: «بحسب ما أوردته وكالة رويترز»
    ],
    [
      'captions-first',
      'جولة جديدة من المحادثات بين موسكو وواشنطن في جنيف',
      { iso: '2025-02-18', text: '١٨ فبراير ٢٠٢٥', basis: 'stated' },
      null,
      [],
    ],
    [
      'title-suffix-dateline',
      'موسكو تؤكد موعد زيارة المبعوث الأمريكي',
      { iso: '2025-11-26', text: '26 نوفمبر 2025', basis: 'stated' },
      'بوابة المثال',
      ['أسوشيتد برس', 'د ب أ'],
    ],
    [
      'aggregator-byline',
      'بيسكوف: ننتظر ردا أمريكيا على مقترحاتنا',
      { iso: '2025-09-21', text: '٢١ سبتمبر ٢٠٢٥', basis: 'stated' },
      null,
      [],
    ],
    [
      'masthead-section',
      'زيلينسكي يرفض أي اتفاق يفرض على بلاده من الخارج',
      { iso: '2025-08-16', text: '16 أغسطس 2025', basis: 'stated' },
      'المثال', // only the photo credit «زيلينسكي، المثال» names the site
      [],
    ],
    [
      'place-outlet-paren-date',
      'ريابكوف: المفاوضات مع واشنطن صعبة لكنها مفيدة',
      { iso: '2025-08-29', text: '29 آب 2025', basis: 'stated' },
      'سانا',
      ['سانا'],
    ],
    ['no-date-agencies', null, { iso: null, text: 'اليوم الاثنين', basis: 'unknown' }, null, ['إنترفاكس']],
    // «المرصد - موسكو»: the outlet and a place on a line of their own, not a headline.
    ['dashed-outlet-place', null, { iso: null, text: 'اليوم الثلاثاء', basis: 'unknown' }, 'المرصد', []],
    // «النبأ-أكد …»: the outlet glued to the lead; «المصدر: أ.ش.أ.» credits an agency, not the outlet.
    ['glued-outlet-lead', null, { iso: null, text: null, basis: 'unknown' }, 'النبأ', ['أ.ش.أ.']],
    // «الرافدين/- أكد …»: the outlet glued to the lead by a slash and a dash.
    [
      'slash-dash-outlet-lead',
      'لافروف: الحوار مع واشنطن يحتاج إلى وقت وصبر',
      { iso: null, text: null, basis: 'unknown' },
      'الرافدين',
      [],
    ],
    // A photo credit in Latin letters first: no headline («Photo by … via Getty Images» is no Arabic headline).
    ['latin-credit-first', null, { iso: null, text: null, basis: 'unknown' }, null, []],
    // Only the site menu names the outlet, three times over.
    [
      'menu-site-name',
      'روبيو: لا اتفاق من دون الطرفين',
      { iso: null, text: null, basis: 'unknown' },
      'أخبار الساحل',
      [],
    ],
    // «صوت الشرق / موسكو/ قال …»: the outlet and the place between slashes.
    [
      'slash-outlet-place',
      'الكرملين: لا موعد بعد لقمة جديدة',
      { iso: null, text: null, basis: 'unknown' },
      'صوت الشرق',
      [],
    ],
    // «وكالة أنباء المثال - أكد …»: an outlet's own name, not a place, opens the lead.
    ['outlet-dash-lead', null, { iso: null, text: 'اليوم', basis: 'unknown' }, 'وكالة أنباء المثال', []],
    // A headline may ask; «+ الخط -» and «استمع إلى الملخص» are a page's controls, not its outlet.
    [
      'question-headline-controls',
      'من يقود الوفد الأمريكي في محادثات جنيف المقبلة؟',
      { iso: '2026-01-12', text: '12 يناير 2026', basis: 'stated' },
      null,
      [],
    ],
    // A greeting to the readers names the site after «لموقع».
    [
      'greeting-site',
      'روبيو: نقترب من اتفاق بشأن تبادل الأسرى',
      { iso: null, text: null, basis: 'unknown' },
      'الواحة نيوز',
      [],
    ],
    // «كييف/ أخبار الواحة/ صرح …»: the place first, then the outlet, between slashes.
    [
      'slash-place-outlet',
      'زيلينسكي: لا هدنة من دون ضمانات',
      { iso: null, text: null, basis: 'unknown' },
      'أخبار الواحة',
      [],
    ],
    // An aggregator's closing credit names the outlet the text was first published on.
    [
      'aggregator-credit',
      'ويتكوف: ستسمعون أخبارا جيدة قريبا',
      { iso: null, text: null, basis: 'unknown' },
      'صحيفة الينبوع',
      [],
    ],
    // A wire's own text: its dateline credits only itself and no headline or outlet surrounds it; the lead's
    // weekday before a full date states the date.
    ['wire-own-page', null, { iso: '2025-12-03', text: '3 ديسمبر 2025', basis: 'stated' }, 'كونا', ['كونا']],
    // A byline is no outlet; «10-Apr-2025» is a date; «أخبار البادية -» above the lead names the outlet.
    [
      'byline-dangling-dash',
      'ريابكوف: على واشنطن أن تبدأ بالخطوة الأولى',
      { iso: '2025-04-10', text: '10-Apr-2025', basis: 'stated' },
      'أخبار البادية',
      [],
    ],
    // A known outlet's name alone on the last line signs the page; «الأكثر قراءة» above it is chrome.
    [
      'signature-foot',
      'ويتكوف يصل إلى موسكو حاملا ردا أمريكيا على المقترحات الروسية',
      { iso: null, text: 'مساء الأربعاء', basis: 'unknown' },
      'الشرق الأوسط',
      [],
    ],
    // The page's address belongs to a known outlet; «العالم» above the headline is a section, not the channel.
    [
      'address-section',
      'لافروف: العقوبات لن تغير موقفنا في المفاوضات',
      { iso: null, text: 'اليوم', basis: 'unknown' },
      'القدس العربي',
      [],
    ],
    // A caption that only names its subject is no headline; a headline may exclaim; the lead's "today" has the date.
    [
      'caption-exclaim-today',
      'بيسكوف للغرب: كفى أكاذيب!',
      { iso: '2025-12-04', text: '4 ديسمبر 2025', basis: 'stated' },
      null,
      [],
    ],
    // Widget labels in Latin letters and counters are furniture, «الدولية» a section; «نشر» labels the publisher.
    [
      'widgets-publisher',
      'ويتكوف يعود إلى موسكو لبحث تفاصيل خطة السلام',
      { iso: '2025-03-14', text: '14 مارس 2025', basis: 'stated' },
      'أخبار المثال',
      [],
    ],
    // «منذ 5 ساعة» states no date; «الرصد-موسكو: أكد …» opens the lead though it lacks a full stop: no headline.
    ['stamp-colon-lead', null, { iso: null, text: null, basis: 'unknown' }, 'الرصد', []],
    [
      'teaser-lead',
      'موسكو: الجولة المقبلة من المحادثات بعد أسبوعين',
      { iso: null, text: 'اليوم السبت', basis: 'unknown' },
      null,
      [],
    ],
  ])('%s', (stem, title, date, outlet, agencies) => {
    const a = article(stem);
    expect({ title: a.title, date: a.date, outlet: a.outlet, agencies: a.agencies }).toEqual({
      title,
      date,
      outlet,
      agencies,
    });
  });

  it('keeps every header line out of the passages, and says why each was taken', () => {
    for (const a of corpus.articles) {
      for (const h of a.header.filter((l) => l.kind !== 'dateline' && l.kind !== 'date'))
        expect(a.passages.some((p) => p.text.includes(h.text))).toBe(false);
      expect(a.header.every((h) => h.why.length > 0)).toBe(true);
    }
    expect(article('masthead-section').header.map((h) => h.kind)).toEqual([
      'date',
      'boilerplate',
      'boilerplate',
      'boilerplate',
      'section',
      'headline',
      'caption',
      'caption',
    ]);
  });

  it('attributes the quotations of these layouts', () => {
    const speakers = corpus.articles.flatMap((a) => a.quotes.map((q) => q.speaker?.id ?? null));
    // In file name order.
    expect(speakers).toEqual([
      'lavrov', // «وأضاف» after «قال وزير الخارجية الروسي سيرغي لافروف»
      'peskov',
      'witkoff', // before an aggregator's credit
      'lavrov',
      'ryabkov', // under a byline and an outlet's dangling dateline
      'peskov', // under a caption naming Putin
      'peskov',
      'blinken',
      'peskov',
      'lavrov',
      'lavrov', // «… معرباً عن "…"» after «ورحب لافروف»
      'rubio', // under a greeting to the readers
      'ryabkov', // under a photo credit in Latin letters
      'zelensky',
      'rubio',
      'peskov',
      'ryabkov', // after an outlet's name and a dash
      'ryabkov',
      'ryabkov',
      'ushakov', // «مساعد الرئيس في الكرملين، يوري أوشاكوف»
      'kremlin', // «وجاء في البيان» after «وأفاد الكرملين في بيان»
      'peskov', // the page signed by «الشرق الأوسط» at its foot
      'lavrov', // the outlet glued by «/-» is no part of the speaker
      'lavrov',
      'peskov',
      'zelensky', // after «كييف/ أخبار الواحة/»
      'peskov',
      'ushakov', // the teaser lead cut short by "..." is the lead, not a subtitle
      'ushakov',
      'ushakov',
      'witkoff', // among widget labels
      'peskov', // a wire's own text
      'peskov',
    ]);
    // The aggregator's credit is no part of the text.
    expect(article('aggregator-credit').passages.some((p) => p.text.includes('تم نشر'))).toBe(false);
    // «لمراسل "قناة الأفق 1"» names a channel inside the marks: no quotation.
    expect(article('teaser-lead').quotes.map((q) => q.text.split(' ')[0])).toEqual(['الجولة', 'سيشارك']);
  });
});
