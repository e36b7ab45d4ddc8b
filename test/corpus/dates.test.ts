import { describe, expect, it } from 'vitest';
import { findDates, findDateWords, isoDate, resolveRelativeDate } from '../../src/text/dates.ts';
import { fixtureRows } from '../helpers.ts';

const REFERENCE = '2025-02-20'; // the reference cases' article date, a Thursday
/** Cases where this project deliberately reads differently, with the reason. */
const DELIBERATE: Record<string, string> = {
  'يوم الجمعة': 'a bare weekday in a news report is the past one (2025-02-14), not the coming one',
  'أبريل/نيسان الماضي': 'a month without a day is not resolved to a day',
};

describe('reference date cases (Arabic news expressions)', () => {
  const rows = fixtureRows('arabic-date-cases.tsv');
  it.each(rows.filter(([input]) => !(input! in DELIBERATE)))('%s -> %s', (input, expected) => {
    const explicit = findDates(input!)[0]?.iso;
    expect(explicit ?? resolveRelativeDate(input!, REFERENCE)).toBe(expected);
  });

  it('reads the deliberate exceptions as documented', () => {
    expect(resolveRelativeDate('يوم الجمعة', REFERENCE)).toBe('2025-02-14');
    expect(findDates('أبريل/نيسان الماضي')).toEqual([]);
  });
});

describe('findDates', () => {
  it('keeps the words as written, with Eastern digits and a year mark', () => {
    expect(findDates('(سبوتنيك - ١٦ فبراير ٢٠٢٢ء) أوضح')).toEqual([
      { text: '١٦ فبراير ٢٠٢٢ء', iso: '2022-02-16', start: 11, end: 26 },
    ]);
  });

  it('reads English forms', () => {
    expect(findDates('تاريخ النشر: 10th, February 2024 GMT')[0]?.iso).toBe('2024-02-10');
    expect(findDates('Published March 3, 2025')[0]?.iso).toBe('2025-03-03');
  });

  it('ignores a year or a day-month alone, and impossible dates', () => {
    expect(findDates('في نهاية 2021 وفي 18 فبراير/ شباط الجاري')).toEqual([]);
    expect(findDates('31 فبراير 2024')).toEqual([]);
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
  });
});

describe('findDateWords', () => {
  it('finds weekday and relative words as written, not inside other words', () => {
    expect(findDateWords('وأضاف بيسكوف، اليوم /السبت/، ردا')).toBe('اليوم /السبت/');
    expect(findDateWords('أكد الكرملين، الخميس، أنه')).toBe('الخميس');
    expect(findDateWords('الخميسي')).toBeNull();
  });
});

describe('resolveRelativeDate', () => {
  it('resolves against the stated date only', () => {
    expect(resolveRelativeDate('أمس', '2024-02-10')).toBe('2024-02-09');
    expect(resolveRelativeDate('أمس الأول', '2024-02-10')).toBe('2024-02-08');
    expect(resolveRelativeDate('السبت المقبل', REFERENCE)).toBe('2025-02-22');
    expect(resolveRelativeDate('كلام', REFERENCE)).toBeNull();
  });
});
