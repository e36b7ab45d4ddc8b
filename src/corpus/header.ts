/**
 * The header zone of an article: the lines before the body, each classified by general features (length, closing
 * punctuation, a date, a parenthetical credit, repetition, position relative to the headline) rather than by any
 * site's layout. Then the lead's own dateline: "(outlet / agency - date)", "city - ", "byline - city في date -".
 * Every line says what it was taken for and why, for the ingest report.
 */

import { findDates, findDateWords } from '../text/dates.ts';
import { isMostlyArabic, normalizeArabic } from '../text/normalize.ts';
import { lightStem } from '../text/stem.ts';
import { agencyNamed, GENERIC_CREDITS } from '../text/vocabulary/agencies.ts';
import { isGivenName } from '../text/vocabulary/given-names.ts';
import { OUTLET_NOUNS } from '../text/vocabulary/outlets.ts';
import { ARABIC_WEEKDAYS, TODAY } from '../text/vocabulary/weekdays.ts';
import { isPageControl } from './chrome.ts';
import { MAX_HEADLINE_CHARS } from './limits.ts';
import type { Line } from './split-articles.ts';
import type { DateInfo, HeaderLine, HeaderLineKind } from './types.ts';

/** What the header says, and where the body starts. */
export interface Header {
  title: string | null;
  outlet: string | null;
  agencies: string[];
  date: DateInfo;
  url: string | null;
  /** Index of the first body line. */
  bodyStart: number;
  /** Characters to skip at the start of the first body line (a dateline glued to the lead). */
  leadSkip: number;
  /** The header zone's lines, classified, and the lead's dateline if any. */
  lines: HeaderLine[];
}

/** The header zone is at most this many lines: beyond it everything is body. */
const MAX_HEADER_LINES = 20;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** "…" or "..." at the end: a teaser cut short, not a closed sentence. */
const ELLIPSIS_END = /\.\.\.?["'”»]?$|…$/;
const ends = (s: string) => /[.!?؟:،,]["'”»)]*$/.test(s) && !ELLIPSIS_END.test(s);
/** Ends like a statement: a headline may exclaim or ask ("… ها هم الكاذبون!"), never close with a full stop. */
const closesStatement = (s: string) => /[.:،,]["'”»)]*$/.test(s) && !ELLIPSIS_END.test(s);
const GENERIC = new Set(GENERIC_CREDITS.map(normalizeArabic));
const isGeneric = (s: string) => GENERIC.has(normalizeArabic(s.trim()));
const DATE_LABEL = /^(?:تاريخ النشر|نشر في|نشر بتاريخ|تاريخ|published|updated|آخر تحديث)\s*[:：]/i;
const URL_LINE = /^https?:\/\/\S+$/i;
/** Site furniture: print and font buttons, masthead roles, stray tokens. */
const BOILERPLATE =
  /^(?:TT|Smaller Bigger|تصغير|تكبير|طباعة|الجريدة الورقية|رئيس التحرير|الإشراف العام|رئيس مجلس الإدارة|english EN|A A|حجم الخط|استمع|[-–—|•·]+)$/i;
/** A masthead role or a byline's label: the line after it is a person's name. */
const MASTHEAD_ROLE =
  /^(?:رئيس التحرير|الإشراف العام|رئيس مجلس الإدارة|المدير العام|كتب|كتبت|بقلم|الكاتب|المحرر|إعداد|تحرير)\s*[:：]?$/;
/** A publisher's label on its own line ("نشر"، "بواسطة"): the line after it names the outlet. */
const PUBLISHER_LABEL = /^(?:نشر|نشر بواسطة|بواسطة|الناشر)\s*[:：]?$/;
/** A section label: one nisba adjective ("الدولية"، "المحلية"), the news of a field. */
const SECTION_ADJECTIVE = /^ال\p{L}{2,}ي[ةه]$/u;
/** A line in Latin letters that names an outlet: an acronym ("RT"، "CNN"), not a widget's label ("play icon"، "View"). */
const LATIN_NAME = /^[A-Z0-9]{2,6}(?: [A-Z0-9]{2,6})?$/;
/**
 * A line addressed to the site's readers ("نشكركم اعزائنا المتابعين لموقع الخليج الان ونتمنى قراءة مميزة"، "نعرض
 * لكم زوارنا …"); the site it names after "موقع" is the outlet when nothing better names one.
 */
const READER_GREETING = /(?:زوارنا|متابعينا|المتابعين|قرائنا|القراء الكرام|اعزائنا|أعزائنا|أعزاءنا)/;
const GREETING_SITE = /(?:^|\s)ل?موقع\s+(\p{L}{2,20}(?:\s+(?!و)\p{L}{2,20}){0,2})/u;
/** "انتم الان تتابعون خبر X من قسم Y …": an aggregator's preamble with the headline inside. */
const PREAMBLE = /^(?:انتم|أنتم) الان تتابعون خبر (.{8,300}?) من قسم /;
/** A credit in parentheses at the end of a photo caption: "(أرشيف)"، "(سبوتنيك - أ.ف.ب)". */
const CAPTION_CREDIT = /\(([^()]{1,60})\)\s*$/;
/** "(پاکستان پوائنٹ نیوز / سبوتنيك - 16 فبراير 2022ء)" at the start of the lead. */
const PAREN_DATELINE = /^\(([^()]{3,120})\)\s*/;
/** "جاكرتا - " at the start of the lead. */
const CITY_DASH = /^([\p{L}\s،,]{2,30}?)\s*[-–—ـ]\s+/u;
/**
 * "الوقت-شدد …", "المستقلة/- عبّر …", "المداد الإخبارية -الرئاسة …": a name of one or two words glued by a dash or
 * a slash to the lead.
 */
const NAME_GLUED = /^(\p{L}{2,20}(?: \p{L}{2,20})?)(?:\s?[-–—]|\/[-–—]?\s*)(?=\p{L})/u;
/** The separator of a breadcrumb's steps ("الرئيسية - عربي ودولي - …"، "الرئيسية » أخبار »"). */
const BREADCRUMB_STEP = /\s+[-–—»›>|]\s+/;
/** "إيلاف من أنقرة: انتهى …": an outlet, من and a place, and a colon open the lead. */
const OUTLET_FROM_PLACE = /^(\p{L}{2,20}(?: \p{L}{2,20})?) من (\p{L}{2,20}(?: \p{L}{2,20})?)\s*:\s*/u;
/** "المسار :اتهم …": a name of one or two words and a colon open the lead. */
const NAME_COLON = /^(\p{L}{2,20}(?: \p{L}{2,20})?)\s*:\s*(?=\p{L})/u;
/**
 * An agency credited after a dateline's place (and a short date), in parentheses or between slashes, dashes after:
 * "15 - 1 (كونا) --"، "في 4 أبريل /أ ش أ/".
 */
const AGENCY_AFTER_DATELINE =
  /^([\p{L}\s0-9٠-٩-–]{0,30}?)(?:\(([^()]{2,30})\)|\/([^/]{2,30})\/)\s*(?:[-–—]+\s*)?/u;
/** "أوكرانيا اليوم / كييف/ أكد …": the outlet and the place, between slashes at the start of the lead. */
const OUTLET_SLASH_PLACE = /^(\p{L}[\p{L} ]{1,30}?)\s*\/\s*(\p{L}[\p{L} ]{1,20}?)\s*\/\s*/u;
/** "خام-موسكو: أكد …": an outlet and a place before a colon open a lead, whatever its last punctuation. */
const LEAD_DATELINE = /^\p{L}{2,20}(?: \p{L}{2,20})?\s*[-–—/]\s*\p{L}{2,20}(?: \p{L}{2,20})?\s*:\s/u;
/** "منذ 3 شهر": a page's relative time stamp, which states no date. */
const RELATIVE_STAMP = /^منذ\s+[0-9٠-٩]{1,3}\s+\p{L}{2,10}$/u;
/** Words a photo credit may be that name no outlet ("صورة أرشيفية"). */
const NOT_A_CREDIT = /^(?:أرشيف|أرشيفية|ارشيفية|تعبيرية|صورة|أرشيفيه|إرشيفية)$/;
const SEPARATORS = /\s*[-–—ـ|/]\s*|\s*[،,]\s+|\)\s*\(|^\(|\)$/;

/** The parts of a credit line: "موسكو - (أسوشيتد برس) (د ب أ)" -> موسكو، أسوشيتد برس، د ب أ. */
const parts = (text: string) =>
  text
    .split(SEPARATORS)
    .map((p) => p.replace(/[()|•]/g, '').trim())
    .filter((p) => p !== '');

/** True when a line repeats a word three times or more: a menu, not a sentence. */
function isMenu(text: string): boolean {
  const seen = new Map<string, number>();
  for (const w of text.split(/\s+/)) {
    const n = (seen.get(w) ?? 0) + 1;
    if (n >= 3 && w.length > 2) return true;
    seen.set(w, n);
  }
  return /[A-Za-z]{3,}/.test(text) && /\p{Script=Arabic}/u.test(text) && words(text) > 6;
}

/**
 * The site's own name in a menu line: the longest run of words repeated three times or more ("قناة صدى البلد
 * البلد سبورت صدى البلد جامعات صدى البلد عقارات" -> صدى البلد), two or three words long.
 */
function menuSiteName(text: string): string | null {
  const ws = text.split(/\s+/).filter((w) => /\p{Script=Arabic}/u.test(w));
  for (const n of [3, 2]) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= ws.length && i < 200; i++) {
      const gram = ws.slice(i, i + n).join(' ');
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    const best = [...counts].filter(([, c]) => c >= 3).sort((a, b) => b[1] - a[1])[0];
    if (best) return best[0];
  }
  return null;
}

/**
 * A headline: a few words to a long line in Arabic letters ("Photo by … via Getty Images" is a credit), no closing
 * full stop; three words only as an article's first line.
 */
const looksLikeHeadline = (text: string, first = false) =>
  words(text) >= (first ? 3 : 4) &&
  words(text) <= 30 &&
  text.length <= MAX_HEADLINE_CHARS &&
  !closesStatement(text) &&
  isMostlyArabic(text);
/**
 * The light stems (text/stem.ts) of a text's words of three letters or more. A headline shares some with its
 * article; a section label ("في كلمات قليلة") none.
 */
function wordStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const w of normalizeArabic(text).match(/\p{Script=Arabic}+/gu) ?? []) {
    const stem = lightStem(w);
    if (stem.length >= 3) stems.add(stem);
  }
  return stems;
}
/** The body text whose words a headline must share: its first few thousand characters. */
const BODY_SAMPLE_CHARS = 3_000;

/** "بيروت، دمشق (النهار، وكالات)": places, then the outlet and agencies in parentheses. */
const PLACE_CREDIT = /^([^()]{2,40})\(([^()]{2,80})\)\s*$/;

/** A body line: a sentence of prose (or a long run of text that a page lost its breaks in). */
const isBody = (text: string) =>
  // A line that asks or exclaims is prose only when long: "… من هو رئيس الوفد الروسي في مفاوضات إسطنبول؟" heads.
  (words(text) >= (closesStatement(text) ? 8 : 15) && ends(text) && !CAPTION_CREDIT.test(text)) ||
  // A lead that lost its full stop: headlines are terse, a clause with commas around an apposition is prose.
  (words(text) >= 15 && (text.match(/[،,]/g)?.length ?? 0) >= 2) ||
  (words(text) >= 8 && LEAD_DATELINE.test(text)) ||
  // A lead a teaser cut short ("… برفقة المبعوث الرئاسي..."): prose all the same.
  (words(text) >= 15 && /(?:\.\.\.?|…)["'”»]?$/.test(text)) ||
  (words(text) > 30 && !PREAMBLE.test(text));

/** A date line: a full date with little else around it (weekday, time, place, labels). */
const isDateLine = (text: string) => findDates(text).length > 0 && words(text) <= 14 && !ends(text.trim());

/** Splits a credit into agencies and the rest ("أحداث العالم ـ وكالات" -> rest أحداث العالم, agencies none). */
function credits(text: string): { agencies: string[]; others: string[]; generic: boolean } {
  const agencies: string[] = [];
  const others: string[] = [];
  let generic = false;
  for (const p of parts(text)) {
    const agency = agencyNamed(p);
    if (agency) agencies.push(p);
    else if (isGeneric(p)) generic = true;
    else others.push(p);
  }
  return { agencies, others, generic };
}

/** Reads the header of an article's lines; `isPlace` tells a dateline's city from an outlet. */
export function readHeader(
  lines: Line[],
  isPlace: (name: string) => boolean = () => false,
  /** True for a name the lexicon knows (a person, an institution, a place): a caption's subject, not its credit. */
  isKnown: (name: string) => boolean = isPlace,
  /** True for a line that only designates someone: titles, then a person's name ("الرئيس الروسي فلاديمير بوتين"). */
  isDesignation: (line: string) => boolean = () => false,
): Header {
  const header: Header = {
    title: null,
    outlet: null,
    agencies: [],
    date: { iso: null, text: null, basis: 'unknown' },
    url: null,
    bodyStart: 0,
    leadSkip: 0,
    lines: [],
  };
  const addAgencies = (names: string[]) => {
    for (const n of names) if (!header.agencies.includes(n)) header.agencies.push(n);
  };

  let bodyStart = 0;
  while (bodyStart < lines.length && bodyStart < MAX_HEADER_LINES && !isBody(lines[bodyStart]!.text))
    bodyStart++;
  if (bodyStart >= lines.length || bodyStart === MAX_HEADER_LINES) {
    // No prose line near the top: then only a first headline-like line is header (a short article).
    bodyStart = lines.length > 1 && looksLikeHeadline(lines[0]!.text, true) ? 1 : 0;
  }
  const zone = lines.slice(0, bodyStart).map((l) => l.text);
  const classified: HeaderLine[] = [];
  const dates: Array<{ at: number; text: string; iso: string }> = [];
  let headlineAt = -1;
  let afterRole = false;
  let afterPublisher = false;
  /** Outlets named only by site furniture (a menu, a photo credit): taken when nothing better names one. */
  let furnitureOutlet: string | null = null;

  let body: Set<string> | undefined;
  const bodyStems = () => {
    body ??= wordStems(
      lines
        .slice(bodyStart)
        .map((l) => l.text)
        .join('\n')
        .slice(0, BODY_SAMPLE_CHARS),
    );
    return body;
  };
  const classify = (text: string, i: number): HeaderLine => {
    const say = (kind: HeaderLineKind, why: string): HeaderLine => ({ text, kind, why });
    const role = afterRole;
    afterRole = MASTHEAD_ROLE.test(text);
    const date = findDates(text)[0];
    const preamble = PREAMBLE.exec(text);
    if (URL_LINE.test(text)) {
      header.url ??= text;
      return say('url', 'a web address');
    }
    if (preamble) {
      if (headlineAt < 0) {
        header.title = preamble[1]!.trim();
        headlineAt = i;
      }
      return say('headline', 'inside an aggregator preamble ("تتابعون خبر … من قسم")');
    }
    if (BOILERPLATE.test(text)) return say('boilerplate', 'site furniture');
    if (READER_GREETING.test(text) && words(text) <= 25) {
      const site = GREETING_SITE.exec(text)?.[1];
      furnitureOutlet ??= site ?? null;
      return say(
        'boilerplate',
        site ? `a greeting to the readers of "${site}"` : 'a greeting to the readers',
      );
    }
    const publisher = afterPublisher;
    afterPublisher = PUBLISHER_LABEL.test(text);
    if (afterPublisher) return say('boilerplate', 'a label: the next line names the publisher');
    if (RELATIVE_STAMP.test(text.trim())) return say('boilerplate', 'a relative time stamp ("منذ 3 شهر")');
    // "تاريخ النشر: 24 يناير 2026 - 10:52 GMT": a labelled date, whatever Latin letters make it look like a menu.
    if (date && DATE_LABEL.test(text)) {
      dates.push({ at: i, text: date.text, iso: date.iso });
      return say('date', 'a publication-date label');
    }
    if (isMenu(text)) {
      const site = menuSiteName(text);
      furnitureOutlet ??= site;
      return say('boilerplate', site ? `a site menu, repeating the site's name "${site}"` : 'site furniture');
    }
    if (role && words(text) <= 4) return say('boilerplate', 'a name after a masthead role');
    if (date && (DATE_LABEL.test(text) || isDateLine(text))) {
      dates.push({ at: i, text: date.text, iso: date.iso });
      return say('date', DATE_LABEL.test(text) ? 'a publication-date label' : 'a full date with little else');
    }
    // Counters ("0"، "535"), times, rules; then widget labels in Latin letters ("play icon"، "View").
    if (!/\p{L}/u.test(text)) return say('boilerplate', 'no letters (a counter, a time)');
    if (!/\p{Script=Arabic}/u.test(text) && !LATIN_NAME.test(text.trim()))
      return say('boilerplate', 'a label in Latin letters');
    if (publisher && words(text) <= 4) {
      header.outlet ??= text.trim();
      return say('outlet', "the line after a publisher's label");
    }
    if (isDesignation(text))
      return say('caption', "a title and a name with nothing said of them (a photo's caption)");
    const placeCredit = PLACE_CREDIT.exec(text);
    if (placeCredit && words(placeCredit[1]!) <= 3 && parts(placeCredit[1]!).every(isPlace)) {
      const c = credits(placeCredit[2]!);
      if (c.others.length > 0 && c.others.every((p) => words(p) <= 3)) {
        header.outlet ??= c.others[0]!;
        addAgencies(c.agencies);
        return say('dateline', 'places, then the outlet and agencies in parentheses');
      }
    }
    const repeated = zone[i + 1] === text || zone[i - 1] === text;
    const credit = CAPTION_CREDIT.exec(text);
    const all = credits(text);
    // "موسكو - (أسوشيتد برس) (د ب أ)" is a dateline, not a caption: only places besides the credits.
    const creditsOnly = all.agencies.length > 0 && all.others.every(isPlace);
    if (credit && !creditsOnly && words(text) >= 2 && (repeated || headlineAt >= 0 || i + 1 < zone.length)) {
      const c = credits(credit[1]!);
      if (c.agencies.length && c.others.length === 0) addAgencies(c.agencies);
      if (!(words(text) <= 4 && c.agencies.length === 0 && !repeated))
        return say('caption', `ends in a photo credit "(${credit[1]})"`);
    }
    if (headlineAt >= 0 && text === (header.title ?? zone[headlineAt]))
      return say('headline', 'the headline again');
    // "الرئيسية - عربي ودولي - أوشاكوف: …": a breadcrumb, whose last step is a headline printed on its own line.
    const steps = text.split(BREADCRUMB_STEP);
    if (steps.length >= 3 && zone.some((other, j) => j !== i && other === steps[steps.length - 1]!.trim()))
      return say('boilerplate', 'a breadcrumb ending in the headline');
    if (repeated && !looksLikeHeadline(text)) {
      // "لافروف، فيتو": the caption's subject, then the site that credits the photo.
      const credit = /[،,]\s*(\p{L}{2,20})$/u.exec(text)?.[1];
      if (credit && !isKnown(credit) && !NOT_A_CREDIT.test(credit) && !agencyNamed(credit)) {
        furnitureOutlet ??= credit;
        return say('caption', `a short line printed twice (photo caption), credited to "${credit}"`);
      }
      return say('caption', 'a short line printed twice (photo caption)');
    }
    const c = credits(text);
    if (words(text) <= 8 && (c.agencies.length > 0 || c.generic) && c.others.every((p) => words(p) <= 3)) {
      addAgencies(c.agencies);
      const [first, ...rest] = c.others;
      if (first && isPlace(first)) {
        // "جنيف-سانا": a bare agency after the place is the outlet itself; "(أ ف ب)" in parentheses is credited.
        if (rest.length === 0 && c.agencies.length === 1 && !/[()]/.test(text))
          header.outlet ??= c.agencies[0]!;
        return say('dateline', `a place${c.agencies.length ? ' and agencies' : ''}`);
      }
      if (first && rest.length === 0 && headlineAt >= 0) header.outlet ??= first;
      return say('agencies', `names ${c.agencies.length ? 'news agencies' : 'agencies without naming them'}`);
    }
    // "العالم - روسيا": an outlet and a place (in either order) on a line of their own.
    const dashed = text.split(/\s*[-–—ـ]\s*/).filter((p) => p.trim() !== '');
    if (dashed.length === 2 && words(text) <= 6) {
      const at = dashed.findIndex((p) => isPlace(p.trim()));
      const other = dashed[1 - at]?.trim() ?? '';
      if (at >= 0 && !isPlace(other) && words(other) <= 3) {
        if (agencyNamed(other)) addAgencies([other]);
        else header.outlet ??= other;
        return say('dateline', 'an outlet and a place, with a dash');
      }
    }
    // "أحداث اليوم -" on the line above the lead: a dateline whose lead went on to the next line.
    const dangling = /^(\p{L}[\p{L} ]{1,30}?)\s*[-–—]$/u.exec(text.trim());
    if (dangling && i === zone.length - 1 && words(dangling[1]!) <= 3) {
      const name = dangling[1]!.trim();
      if (isPlace(name)) return say('dateline', 'a place and a dash above the lead');
      if (agencyNamed(name)) addAgencies([name]);
      else header.outlet ??= name;
      return say('dateline', 'a name and a dash above the lead');
    }
    // "عبدالرحمن ابودوح": a byline, a person's name, is no outlet.
    if (words(text) >= 2 && words(text) <= 4 && isGivenName(text.trim().split(/\s+/)[0]!))
      return say('boilerplate', "a byline (a person's given name first)");
    if (
      (headlineAt >= 0 && words(text) <= 4 && !looksLikeHeadline(text)) ||
      (headlineAt >= 0 && words(text) <= 3)
    ) {
      const ps = parts(text);
      if (ps.length === 2 && isPlace(ps[0]!)) {
        header.outlet ??= ps[1]!;
        if (agencyNamed(ps[1]!)) addAgencies([ps[1]!]);
        return say('dateline', 'a place and the outlet');
      }
      // A name, not a control: "+ الخط -" sizes the font, "استمع إلى الملخص" plays it.
      const named = /^[\p{L}\p{N}][\p{L}\p{N}\s.'’-]*$/u.test(text.trim()) && !isPageControl(text);
      if (ps.length === 1 && named && !isPlace(ps[0]!) && !SECTION_ADJECTIVE.test(text.trim())) {
        header.outlet ??= text;
        return say('outlet', 'a short line under the headline');
      }
      return say('section', 'a short line');
    }
    if (looksLikeHeadline(text, i === 0)) {
      if (![...wordStems(text)].some((w) => bodyStems().has(w)))
        return say('section', 'a headline-like line that shares no word with the article');
      if (headlineAt < 0) {
        // "Headline - Outlet" when the headline stands alone elsewhere in the zone.
        const suffix = /^(.{8,}?)\s+[-–—|]\s+([^-–—|]{2,40})$/.exec(text);
        if (suffix && zone.includes(suffix[1]!)) {
          header.title = suffix[1]!;
          header.outlet ??= suffix[2]!.trim();
        } else header.title = text;
        headlineAt = i;
        return say(
          'headline',
          suffix && header.title !== text
            ? 'the headline, with the outlet after a dash'
            : 'the first headline-like line',
        );
      }
      if (header.title === text) return say('headline', 'the headline again');
      return say('subtitle', 'a headline-like line after the headline');
    }
    return say('section', headlineAt < 0 ? 'a short line before the headline' : 'a short line');
  };
  for (const [i, text] of zone.entries()) classified.push(classify(text, i));

  // The publication date: a date line after the headline (a page's "today" banner comes before it), else before.
  const published = dates.find((d) => d.at > headlineAt) ?? dates[0];
  if (published) header.date = { iso: published.iso, text: published.text, basis: 'stated' };
  header.bodyStart = bodyStart;
  header.lines = classified;
  const lead = lines[bodyStart]?.text ?? '';
  // "…بين روسيا وأوكرانيابروكسل – 12 – 6 (كونا) — أكد": a page that lost a line break glued the headline to the lead.
  const glued = header.title && lead.length > header.title.length && lead.startsWith(header.title);
  const gluedSkip = glued ? header.title!.length : 0;
  if (glued)
    classified.push({ text: header.title!, kind: 'headline', why: 'the headline again, glued to the lead' });
  readLeadDateline(lead.slice(gluedSkip), header, addAgencies, isPlace, isKnown);
  header.leadSkip += gluedSkip;
  header.outlet ??= furnitureOutlet;
  // "موسكو - 15 - 1 (كونا) -- أكدت …" with no headline above it and no outlet named: the agency's own wire text
  // (a paper that reprints a wire puts its own headline and name around it).
  const wire = header.lines.some((l) => l.kind === 'dateline') && header.agencies.length === 1;
  if (!header.outlet && !header.title && wire) header.outlet = header.agencies[0]!;
  if (!header.date.iso) header.date.text = findDateWords(lead);
  return header;
}

/** The lead's first sentence is looked for within its first characters. */
const MAX_LEAD_SENTENCE = 600;
const WEEKDAY_NAMES = ARABIC_WEEKDAYS.map(([d]) => normalizeArabic(d)).join('|');
/** "اليوم", a weekday or both right before a date (normalised): "اليوم السبت 7 فبراير"، "الأربعاء 3 ديسمبر". */
const TODAY_BEFORE_DATE = new RegExp(
  `(?:^|\\s)(?:${normalizeArabic(TODAY)}(?:\\s+(?:${WEEKDAY_NAMES}))?|${WEEKDAY_NAMES})[\\s،,]*$`,
);

/** The dateline glued to the start of the lead, and a date in parentheses in its first sentence. */
function readLeadDateline(
  lead: string,
  header: Header,
  addAgencies: (names: string[]) => void,
  isPlace: (name: string) => boolean,
  isKnown: (name: string) => boolean,
) {
  const stated = (text: string, why: string) => {
    const found = findDates(text)[0];
    if (found && !header.date.iso) {
      header.date = { iso: found.iso, text: found.text, basis: 'stated' };
      header.lines.push({ text, kind: 'date', why });
    }
  };
  const paren = PAREN_DATELINE.exec(lead);
  if (paren) {
    const inner = paren[1]!.split(/\s+[-–—]\s+/);
    const datePart = inner.findIndex((p) => findDates(p).length > 0);
    if (datePart >= 0) stated(inner[datePart]!, 'a date in the dateline at the start of the lead');
    const names = inner
      .filter((_, k) => k !== datePart)
      .join('/')
      .split(/\s*[/،,|]\s*/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && !isGeneric(s));
    const [outlet, ...agencies] = names;
    if (outlet && !header.outlet) header.outlet = outlet;
    addAgencies(agencies);
    header.leadSkip = paren[0].length;
    header.lines.push({
      text: paren[0].trim(),
      kind: 'dateline',
      why: 'outlet, agencies and date in parentheses',
    });
  } else if (
    OUTLET_SLASH_PLACE.test(lead) &&
    OUTLET_SLASH_PLACE.exec(lead)!
      .slice(1, 3)
      .some((p) => isPlace(p.trim()))
  ) {
    // In either order: "أوكرانيا اليوم / كييف/" and "كييف/ أوكرانيا بالعربية/".
    const slashed = OUTLET_SLASH_PLACE.exec(lead)!;
    const name = (isPlace(slashed[2]!.trim()) ? slashed[1]! : slashed[2]!).trim();
    if (agencyNamed(name)) addAgencies([name]);
    else if (!isPlace(name)) header.outlet ??= name;
    header.leadSkip = slashed[0].length;
    header.lines.push({
      text: slashed[0].trim(),
      kind: 'dateline',
      why: 'an outlet and a place between slashes',
    });
  } else if (NAME_GLUED.test(lead)) {
    // "الوقت-شدد وزير …": a place, an agency, or else the outlet's own name.
    const glued = NAME_GLUED.exec(lead)!;
    const name = glued[1]!;
    if (agencyNamed(name)) addAgencies([name]);
    else if (!isPlace(name)) header.outlet ??= name;
    header.leadSkip = glued[0].length;
    header.lines.push({ text: glued[0], kind: 'dateline', why: 'a name glued by a dash to the lead' });
  } else if (OUTLET_FROM_PLACE.test(lead) && isPlace(OUTLET_FROM_PLACE.exec(lead)![2]!)) {
    const from = OUTLET_FROM_PLACE.exec(lead)!;
    if (agencyNamed(from[1]!)) addAgencies([from[1]!]);
    else header.outlet ??= from[1]!;
    header.leadSkip = from[0].length;
    header.lines.push({
      text: from[0].trim(),
      kind: 'dateline',
      why: 'an outlet, من and a place before the lead',
    });
  } else if (NAME_COLON.test(lead) && !isKnown(NAME_COLON.exec(lead)![1]!)) {
    // "المسار :اتهم …": an outlet's name and a colon; a name the lexicon knows is a speaker ("بيسكوف: …").
    const glued = NAME_COLON.exec(lead)!;
    const name = glued[1]!;
    if (agencyNamed(name)) addAgencies([name]);
    else header.outlet ??= name;
    header.leadSkip = glued[0].length;
    header.lines.push({ text: glued[0].trim(), kind: 'dateline', why: 'a name and a colon before the lead' });
  } else {
    const city = CITY_DASH.exec(lead);
    if (city && words(city[1]!) <= 3) {
      // "وكالة آريا للأنباء - أكد …": an outlet's own name, not a place, opens the lead.
      const name = city[1]!.trim();
      const outlet = !isPlace(name) && OUTLET_NOUNS.has(normalizeArabic(name.split(/\s+/)[0]!));
      if (outlet && agencyNamed(name)) addAgencies([name]);
      else if (outlet) header.outlet ??= name;
      header.leadSkip = city[0].length;
      header.lines.push({
        text: city[0].trim(),
        kind: 'dateline',
        why: outlet ? "an outlet's name and a dash before the lead" : 'a place and a dash before the lead',
      });
    }
  }
  // A full date opening the lead ("موسكو 16 فبراير 2022 -", "شهد محمد - ابوظبي في الأحد 21 سبتمبر 2025 05:05
  // مساءً - قال"): a dateline; dates later in the body are events.
  const rest = lead.slice(header.leadSkip, header.leadSkip + 120);
  const opening = findDates(rest)[0];
  if (opening && opening.start <= 60) {
    const before = rest.slice(0, opening.start);
    const after = rest.slice(opening.end);
    const shortPlace = words(before) <= 3 && !/[.،,]/.test(before);
    const byline = words(before) <= 7 && /[-–—]/.test(before);
    const closed = /^\s*(?:[0-9٠-٩]{1,2}:[0-9٠-٩]{2}\s*(?:[\p{L}\p{M}]+\.?)?\s*)?[-–—(:)]/u.exec(after);
    if ((shortPlace || byline) && closed) {
      stated(opening.text, 'a date in the dateline at the start of the lead');
      // "byline - place في date time -": the lead starts after the dash.
      if ((header.leadSkip > 0 || byline) && /[-–—]$/.test(closed[0]))
        header.leadSkip += opening.end + closed[0].length;
    }
  }
  // "موسكو - 15 - 1 (كونا) --"، "موسكو في 4 أبريل /أ ش أ/"، "موسكو – أ ف ب قال": an agency right after the dateline.
  const credit = AGENCY_AFTER_DATELINE.exec(lead.slice(header.leadSkip, header.leadSkip + 80));
  const name = (credit?.[2] ?? credit?.[3] ?? '').trim();
  // Without a dateline read before it, the credit must follow a place ("قال بيسكوف (تاس)" is no dateline).
  const placed = header.leadSkip > 0 || isPlace((credit?.[1] ?? '').trim().split(/\s+/)[0] ?? '');
  if (credit && agencyNamed(name) && placed) {
    addAgencies([name]);
    header.lines.push({
      text: credit[0].trim(),
      kind: 'dateline',
      why: 'an agency credited after the dateline',
    });
    header.leadSkip += credit[0].length;
  } else if (header.leadSkip > 0) {
    const rest = lead.slice(header.leadSkip, header.leadSkip + 40);
    const ends = [...rest.matchAll(/\S+/g)].map((m) => m.index + m[0].length);
    // The longest run of up to three words that names an agency, with the lead going on after it.
    for (let n = Math.min(3, ends.length - 1); n >= 1; n--) {
      const run = rest.slice(0, ends[n - 1]);
      if (!agencyNamed(run)) continue;
      addAgencies([run]);
      header.lines.push({ text: run, kind: 'dateline', why: 'an agency after the dateline' });
      header.leadSkip += rest.length - rest.slice(run.length).trimStart().length;
      break;
    }
  }
  // "… (29 آب 2025) …" in the lead's first sentence.
  const firstSentence =
    lead.slice(header.leadSkip, header.leadSkip + MAX_LEAD_SENTENCE).split(/[.!?؟]\s/)[0] ?? '';
  // "صباح اليوم السبت 7 فبراير 2026"، "بيسكوف الأربعاء 3 ديسمبر 2025": the lead's day, with the full date after it.
  for (const found of findDates(firstSentence)) {
    const before = normalizeArabic(firstSentence.slice(Math.max(0, found.start - 24), found.start)).trim();
    if (TODAY_BEFORE_DATE.test(before)) stated(found.text, "the lead's day with a full date");
  }
  for (const m of firstSentence.matchAll(/\(([^()]{6,40})\)/g)) {
    const found = findDates(m[1]!)[0];
    if (found && found.text.length >= m[1]!.trim().length - 12)
      stated(m[1]!, 'a date in parentheses in the lead');
  }
}
