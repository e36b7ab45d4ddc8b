/** The outlets gazetteer: a line that is only an outlet's name, and a page's web address. */

import { describe, expect, it } from 'vitest';
import { OUTLETS, outletNamed, outletOfUrl } from '../../src/text/vocabulary/outlets.ts';

describe('outletNamed', () => {
  it('names an outlet however the line spells and marks it', () => {
    expect(outletNamed('القدس العربي')).toBe('القدس العربي');
    expect(outletNamed('«الشرق الأوسط»')).toBe('الشرق الأوسط');
    expect(outletNamed('سكاي نيوز عربيه')).toBe('سكاي نيوز عربية'); // ة written ه
    expect(outletNamed('اندبندنت عربية')).toBe('إندبندنت عربية'); // no hamza
    expect(outletNamed('قناة العالم')).toBe('العالم');
  });

  it('takes no common word, section label or place alone for an outlet', () => {
    for (const line of ['العالم', 'الرأي', 'الوفد', 'الرياض', 'الأخبار', 'العربية', 'عاجل', 'الاتحاد'])
      expect(outletNamed(line), line).toBeUndefined();
  });

  it('takes no sentence that only begins with an outlet', () => {
    expect(outletNamed('القدس العربي تنشر النص الكامل للخطة')).toBeUndefined();
    expect(outletNamed(`القدس العربي${' '.repeat(80)}`)).toBeUndefined();
  });

  it('reads every listed spelling as its own outlet, so no spelling stands for two', () => {
    for (const outlet of OUTLETS)
      for (const [i, name] of outlet.names.entries())
        if (i > 0 || !outlet.ambiguous) expect(outletNamed(name), name).toBe(outlet.names[0]);
  });
});

describe('outletOfUrl', () => {
  it('knows an outlet by its domain and its subdomains', () => {
    expect(outletOfUrl('https://www.alquds.co.uk/مقال/')).toBe('القدس العربي');
    expect(outletOfUrl('https://arabic.rt.com/world/1')).toBe('روسيا اليوم');
    expect(outletOfUrl('https://gate.ahram.org.eg/News/1.aspx')).toBe('الأهرام');
  });

  it('gives every listed domain to its own outlet', () => {
    for (const outlet of OUTLETS)
      for (const domain of outlet.domains)
        expect(outletOfUrl(`https://${domain}/`), domain).toBe(outlet.names[0]);
  });

  it('gives nothing for an unknown site, a look-alike domain or no address', () => {
    expect(outletOfUrl('http://127.0.0.1:8080/article')).toBeUndefined();
    expect(outletOfUrl('https://notalquds.co.uk/x')).toBeUndefined();
    expect(outletOfUrl('https://co.uk/x')).toBeUndefined();
    expect(outletOfUrl('not an address')).toBeUndefined();
    expect(outletOfUrl('')).toBeUndefined();
  });
});
