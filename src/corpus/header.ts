/**
 * The header of an article: headline, dateline, outlet and date, in the forms news sites use:
 * a headline line; "تاريخ النشر: …"; "(outlet / agency - date) lead…"; "city، city (outlet، agencies)";
 * "city - lead…"; "المصدر: X" (found by the splitter).
 */

import { findDates, findDateWords } from '../text/dates.ts';
import type { Line } from './split-articles.ts';
import type { DateInfo } from './types.ts';

/** What the header says, and where the body starts. */
export interface Header {
  title: string | null;
  outlet: string | null;
  agencies: string[];
  date: DateInfo;
  /** Index of the first body line. */
  bodyStart: number;
  /** Characters to skip at the start of the first body line (a dateline glued to the lead). */
  leadSkip: number;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const GENERIC_SOURCES = /^(?:وكالات|وكالة|agencies|staff|متابعات|خاص)$/i;
const DATE_LABEL = /^(?:تاريخ النشر|نشر في|تاريخ|published|updated|آخر تحديث)\s*[:：]/i;
/** "(پاکستان پوائنٹ نیوز / سبوتنيك - 16 فبراير 2022ء)" at the start of the lead. */
const PAREN_DATELINE = /^\(([^()]{3,120})\)\s*/;
/** "موسكو، كييف (الاتحاد، وكالات)" as a line of its own. */
const PLACE_OUTLET_LINE = /^([^()]{2,60})\(([^()]{2,80})\)\s*$/;
/** "جاكرتا - " at the start of the lead. */
const CITY_DASH = /^([\p{L}\s،,]{2,30}?)\s+[-–—]\s+/u;

function names(text: string): string[] {
  return text
    .split(/\s*[/،,|]\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !GENERIC_SOURCES.test(s));
}

function isHeadline(line: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const n = words(line);
  return n >= 2 && n <= 30 && !/[.!?؟:]["'”»]?$/.test(line) && !line.startsWith('(');
}

/** Reads the header of an article's lines. */
export function readHeader(lines: Line[]): Header {
  const header: Header = {
    title: null,
    outlet: null,
    agencies: [],
    date: { iso: null, text: null, basis: 'unknown' },
    bodyStart: 0,
    leadSkip: 0,
  };
  const stated = (text: string) => {
    const found = findDates(text)[0];
    if (found && !header.date.iso) header.date = { iso: found.iso, text: found.text, basis: 'stated' };
  };
  const source = (inside: string) => {
    const [outlet, ...agencies] = names(inside);
    header.outlet ??= outlet ?? null;
    header.agencies.push(...agencies);
  };

  let i = 0;
  if (lines[0] && isHeadline(lines[0].text, lines[1]?.text)) {
    header.title = lines[0].text;
    i = 1;
  }
  // Header lines between the headline and the lead.
  for (; i < lines.length && i < 4; i++) {
    const text = lines[i]!.text;
    if (DATE_LABEL.test(text) && words(text) <= 12) stated(text);
    else if (PLACE_OUTLET_LINE.test(text) && words(text) <= 12 && !/[.!?؟]$/.test(text)) {
      source(PLACE_OUTLET_LINE.exec(text)![2]!);
    } else break;
  }
  header.bodyStart = i;

  const lead = lines[i]?.text ?? '';
  const paren = PAREN_DATELINE.exec(lead);
  if (paren) {
    const parts = paren[1]!.split(/\s+[-–—]\s+/);
    const datePart = parts.findIndex((p) => findDates(p).length > 0);
    if (datePart >= 0) stated(parts[datePart]!);
    source(parts.filter((_, k) => k !== datePart).join('/'));
    header.leadSkip = paren[0].length;
  } else {
    const city = CITY_DASH.exec(lead);
    if (city && words(city[1]!) <= 3) header.leadSkip = city[0].length;
  }
  // A full date opening the lead ("موسكو 16 فبراير 2022 -") is a dateline too; dates later in the body are events.
  const rest = lead.slice(header.leadSkip);
  const opening = findDates(rest)[0];
  const placeBefore =
    opening && words(rest.slice(0, opening.start)) <= 3 && !/[.،,]/.test(rest.slice(0, opening.start));
  if (opening && placeBefore && /^\s*[-–—(:)]/.test(rest.slice(opening.end))) stated(opening.text);
  if (!header.date.iso) header.date.text = findDateWords(lead);
  return header;
}
