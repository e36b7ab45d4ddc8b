/**
 * Arabic-language news outlets: newspapers, channels and sites, as their own pages name them, with their web
 * domains. Written from general knowledge of the Arabic press across the region, not from any article of the
 * corpus. It lets a line that is only an outlet's name ("القدس العربي" at the foot of a page) and a page's web
 * address name the outlet. Agencies are not here: they are credited, not published in (`agencies.ts`).
 *
 * A name that is also a common word, a section label or a place ("الرياض"، "العالم"، "الرأي"، "الوفد") names the outlet
 * alone on a line only in a longer form ("صحيفة الرياض"، "قناة العالم"): a bare line "الرياض" is a dateline.
 */

import { normalizeArabic } from '../normalize.ts';
import { wordSet } from './words.ts';

/** One outlet: its usual name first, then the other spellings met on pages, and its web domains. */
export interface Outlet {
  names: readonly string[];
  domains: readonly string[];
  /** The usual name is also a common word, a section label or a place: alone on a line it names no outlet. */
  ambiguous?: boolean;
}

const AMBIGUOUS = true;
const o = (names: string[], domains: string[], ambiguous = false): Outlet =>
  ambiguous ? { names, domains, ambiguous } : { names, domains };

export const OUTLETS: readonly Outlet[] = [
  // Pan-Arab, and the Arabic services of international media.
  o(['الجزيرة', 'الجزيرة نت', 'قناة الجزيرة', 'الجزيرة مباشر'], ['aljazeera.net', 'aljazeera.com']),
  o(['العربية', 'العربية نت', 'قناة العربية', 'العربية.نت'], ['alarabiya.net'], AMBIGUOUS),
  o(['الحدث', 'قناة الحدث'], ['alhadath.net'], AMBIGUOUS),
  o(['سكاي نيوز عربية', 'سكاي نيوز', 'Sky News Arabia'], ['skynewsarabia.com']),
  o(['بي بي سي عربي', 'BBC عربي', 'بي بي سي نيوز عربي', 'BBC News عربي'], []),
  o(['روسيا اليوم', 'RT عربي', 'RT Arabic', 'آر تي عربي', 'RT'], ['arabic.rt.com', 'rtarabic.com']),
  o(['فرانس 24', 'فرانس24', 'France 24'], ['france24.com']),
  o(['دويتشه فيله', 'DW عربية', 'DW', 'دي دبليو'], ['dw.com']),
  o(['يورونيوز', 'يورونيوز عربي', 'Euronews'], ['euronews.com']),
  o(['سي إن إن بالعربية', 'CNN بالعربية', 'CNN Arabic'], ['arabic.cnn.com']),
  o(['الحرة', 'قناة الحرة', 'الحرة نت'], ['alhurra.com']),
  o(['مونت كارلو الدولية', 'إذاعة مونت كارلو الدولية'], ['mc-doualiya.com']),
  o(['الشرق الأوسط', 'صحيفة الشرق الأوسط', 'جريدة الشرق الأوسط'], ['aawsat.com']),
  o(['القدس العربي', 'صحيفة القدس العربي'], ['alquds.co.uk']),
  o(['العربي الجديد', 'صحيفة العربي الجديد'], ['alaraby.co.uk', 'alaraby.com']),
  o(['إندبندنت عربية', 'اندبندنت عربية', 'Independent عربية'], ['independentarabia.com']),
  o(
    ['الشرق', 'الشرق للأخبار', 'الشرق نيوز', 'صحيفة الشرق', 'جريدة الشرق'],
    ['asharq.com', 'al-sharq.com'],
    AMBIGUOUS,
  ),
  o(['عربي 21', 'عربي21'], ['arabi21.com']),
  o(['رأي اليوم', 'صحيفة رأي اليوم'], ['raialyoum.com']),
  o(['إيلاف'], ['elaph.com']),
  o(['الميادين', 'الميادين نت', 'قناة الميادين'], ['almayadeen.net']),
  o(['المنار', 'قناة المنار', 'موقع المنار'], ['almanar.com.lb']),
  o(['العالم', 'قناة العالم', 'موقع العالم'], ['alalam.ir'], AMBIGUOUS),
  o(['الكوثر', 'قناة الكوثر'], ['alkawthartv.ir', 'alkawthartv.com']),
  o(['الخليج أونلاين', 'الخليج اونلاين'], ['alkhaleejonline.net']),
  o(['الخليج الجديد'], ['thenewkhalij.news']),
  o(['العين الإخبارية', 'العين الاخبارية'], ['al-ain.com']),
  o(['إرم نيوز', 'ارم نيوز'], ['eremnews.com']),
  o(['تي آر تي عربي', 'TRT عربي', 'TRT Arabi'], ['trtarabi.com', 'trt.global']),
  o(['ترك برس'], ['turkpress.co']),
  o(['أخبار الآن', 'اخبار الان'], ['akhbaralaan.net']),
  o(['القاهرة الإخبارية', 'قناة القاهرة الإخبارية'], ['alqaheranews.net']),
  o(['نون بوست'], ['noonpost.com']),
  o(['النهار العربي'], ['annaharar.com']),
  o(['سبوتنيك عربي'], ['sarabic.ae']),
  o(['أخبار العرب', 'صحيفة العرب', 'جريدة العرب', 'العرب اللندنية'], ['alarab.co.uk', 'alarab.qa']),
  // Egypt.
  o(['الأهرام', 'بوابة الأهرام', 'الأهرام المسائي', 'الأهرام اليومي', 'صحيفة الأهرام'], ['ahram.org.eg']),
  o(['أخبار اليوم', 'بوابة أخبار اليوم', 'صحيفة الأخبار المصرية'], ['akhbarelyom.com']),
  o(
    ['الجمهورية', 'الجمهورية أونلاين', 'صحيفة الجمهورية', 'جريدة الجمهورية'],
    ['gomhuriaonline.com', 'aljoumhouria.com'],
    AMBIGUOUS,
  ),
  o(['المصري اليوم', 'صحيفة المصري اليوم'], ['almasryalyoum.com']),
  o(
    ['الشروق', 'بوابة الشروق', 'الشروق أونلاين', 'صحيفة الشروق', 'جريدة الشروق'],
    ['shorouknews.com', 'echoroukonline.com'],
  ),
  o(['اليوم السابع', 'صحيفة اليوم السابع'], ['youm7.com']),
  o(
    ['الوطن', 'صحيفة الوطن', 'جريدة الوطن', 'الوطن نيوز'],
    [
      'elwatannews.com',
      'alwatan.com.sa',
      'al-watan.com',
      'alwatan.sy',
      'alwatan.com',
      'alwatan.com.kw',
      'alwatannews.net',
    ],
  ),
  o(['مصراوي'], ['masrawy.com']),
  o(['صدى البلد'], ['elbalad.news']),
  o(['البوابة نيوز'], ['albawabhnews.com']),
  o(['فيتو', 'بوابة فيتو'], ['vetogate.com']),
  o(['الوفد', 'بوابة الوفد', 'جريدة الوفد'], ['alwafd.news', 'alwafd.org'], AMBIGUOUS),
  o(['الدستور', 'صحيفة الدستور', 'جريدة الدستور'], ['dostor.org', 'addustour.com'], AMBIGUOUS),
  o(['القاهرة 24'], ['cairo24.com']),
  o(['الفجر', 'بوابة الفجر'], ['elfagr.org', 'elfagr.com'], AMBIGUOUS),
  o(['الأسبوع', 'جريدة الأسبوع'], ['elaosboa.com'], AMBIGUOUS),
  o(['روز اليوسف', 'روزاليوسف'], ['rosaelyoussef.com']),
  o(['النبأ', 'جريدة النبأ'], ['elnabaa.net'], AMBIGUOUS),
  o(['الموجز'], ['almogaz.com', 'mogazmasr.com'], AMBIGUOUS),
  o(['مدى مصر'], ['madamasr.com']),
  o(['أهل مصر'], ['ahlmasrnews.com']),
  o(['الطريق'], ['altareeq.info'], AMBIGUOUS),
  o(['دار الهلال', 'بوابة دار الهلال'], ['darelhilal.com']),
  o(['مصر تايمز'], ['egypttimes.net']),
  // The Gulf.
  o(['عكاظ', 'صحيفة عكاظ'], ['okaz.com.sa']),
  o(['الرياض', 'صحيفة الرياض', 'جريدة الرياض'], ['alriyadh.com'], AMBIGUOUS),
  o(['المدينة', 'صحيفة المدينة', 'جريدة المدينة'], ['al-madina.com'], AMBIGUOUS),
  o(['الجزيرة', 'صحيفة الجزيرة', 'جريدة الجزيرة'], ['al-jazirah.com'], AMBIGUOUS),
  o(['سبق', 'صحيفة سبق'], ['sabq.org'], AMBIGUOUS),
  o(['اليوم', 'صحيفة اليوم', 'جريدة اليوم'], ['alyaum.com'], AMBIGUOUS),
  o(['الاقتصادية', 'صحيفة الاقتصادية'], ['aleqt.com'], AMBIGUOUS),
  o(['البلاد', 'صحيفة البلاد', 'جريدة البلاد'], ['albiladdaily.com', 'albiladpress.com'], AMBIGUOUS),
  o(['المواطن', 'صحيفة المواطن'], ['almowaten.net'], AMBIGUOUS),
  o(['المرصد', 'صحيفة المرصد'], ['al-marsd.com'], AMBIGUOUS),
  o(['البيان', 'صحيفة البيان', 'جريدة البيان'], ['albayan.ae'], AMBIGUOUS),
  o(['الاتحاد', 'صحيفة الاتحاد', 'جريدة الاتحاد'], ['aletihad.ae', 'alittihad.ae'], AMBIGUOUS),
  o(['الخليج', 'صحيفة الخليج', 'جريدة الخليج', 'دار الخليج'], ['alkhaleej.ae'], AMBIGUOUS),
  o(['الإمارات اليوم', 'صحيفة الإمارات اليوم'], ['emaratalyoum.com']),
  o(['24 الإماراتي', 'موقع 24'], ['24.ae']),
  o(['الراية', 'صحيفة الراية', 'جريدة الراية'], ['raya.com'], AMBIGUOUS),
  o(['لوسيل', 'صحيفة لوسيل'], ['lusailnews.net']),
  o(['القبس', 'جريدة القبس'], ['alqabas.com']),
  o(['الرأي', 'جريدة الرأي', 'صحيفة الرأي'], ['alraimedia.com', 'alrai.com'], AMBIGUOUS),
  o(['الأنباء', 'جريدة الأنباء', 'صحيفة الأنباء'], ['alanba.com.kw'], AMBIGUOUS),
  o(['الجريدة', 'جريدة الجريدة'], ['aljarida.com'], AMBIGUOUS),
  o(['السياسة', 'جريدة السياسة', 'صحيفة السياسة'], ['al-seyassah.com', 'alseyassah.com'], AMBIGUOUS),
  o(['أخبار الخليج', 'صحيفة أخبار الخليج'], ['akhbar-alkhaleej.com']),
  o(['الأيام', 'صحيفة الأيام', 'جريدة الأيام'], ['alayam.com', 'al-ayyam.ps'], AMBIGUOUS),
  o(['عمان', 'جريدة عمان', 'صحيفة عمان'], ['omandaily.om'], AMBIGUOUS),
  o(['الرؤية', 'صحيفة الرؤية', 'جريدة الرؤية'], ['alroya.om'], AMBIGUOUS),
  // The Levant and Iraq.
  o(['الغد', 'صحيفة الغد', 'جريدة الغد', 'قناة الغد'], ['alghad.com', 'alghad.tv'], AMBIGUOUS),
  o(['عمون', 'وكالة عمون'], ['ammonnews.net']),
  o(['رؤيا', 'رؤيا الإخباري', 'قناة رؤيا'], ['royanews.tv']),
  o(['المملكة', 'قناة المملكة'], ['almamlaka.tv'], AMBIGUOUS),
  o(['السبيل', 'صحيفة السبيل'], ['assabeel.net'], AMBIGUOUS),
  o(['خبرني'], ['khaberni.com']),
  o(['سرايا', 'وكالة سرايا'], ['sarayanews.com']),
  o(['الوكيل الإخبارية', 'وكالة الوكيل الإخبارية'], ['alwakeelnews.com']),
  o(['النهار', 'صحيفة النهار', 'جريدة النهار'], ['annahar.com', 'ennaharonline.com']),
  o(['الأخبار', 'جريدة الأخبار', 'صحيفة الأخبار'], ['al-akhbar.com'], AMBIGUOUS),
  o(['اللواء', 'جريدة اللواء'], ['aliwaa.com.lb'], AMBIGUOUS),
  o(['الديار', 'جريدة الديار'], ['addiyar.com'], AMBIGUOUS),
  o(['نداء الوطن'], ['nidaalwatan.com']),
  o(['المدن'], ['almodon.com'], AMBIGUOUS),
  o(['النشرة'], ['elnashra.com'], AMBIGUOUS),
  o(['لبنان 24', 'لبنان24'], ['lebanon24.com']),
  o(['المركزية', 'وكالة الأنباء المركزية'], ['almarkazia.com'], AMBIGUOUS),
  o(['التيار', 'موقع التيار'], ['tayyar.org'], AMBIGUOUS),
  o(['صوت بيروت', 'صوت بيروت إنترناشونال'], ['sawtbeirut.com']),
  o(['ليبانون ديبايت'], ['lebanondebate.com']),
  o(['البناء', 'جريدة البناء'], ['al-binaa.com'], AMBIGUOUS),
  o(['إل بي سي', 'LBCI', 'المؤسسة اللبنانية للإرسال'], ['lbcgroup.tv']),
  o(['الجديد', 'قناة الجديد'], ['aljadeed.tv'], AMBIGUOUS),
  o(['إم تي في', 'MTV'], ['mtv.com.lb']),
  o(['أساس ميديا'], ['asasmedia.com']),
  o(['تشرين', 'صحيفة تشرين'], ['tishreen.news'], AMBIGUOUS),
  o(['الثورة', 'صحيفة الثورة', 'جريدة الثورة'], ['thawra.sy'], AMBIGUOUS),
  o(['البعث', 'صحيفة البعث', 'جريدة البعث'], ['albaathmedia.sy'], AMBIGUOUS),
  o(['عنب بلدي'], ['enabbaladi.net']),
  o(['تلفزيون سوريا'], ['syria.tv']),
  o(['شفق نيوز'], ['shafaq.com']),
  o(['السومرية', 'السومرية نيوز'], ['alsumaria.tv']),
  o(['روداو'], ['rudaw.net']),
  o(['بغداد اليوم'], ['baghdadtoday.news']),
  o(['الصباح', 'جريدة الصباح', 'صحيفة الصباح'], ['alsabaah.iq'], AMBIGUOUS),
  o(['المدى', 'جريدة المدى', 'صحيفة المدى'], ['almadapaper.net'], AMBIGUOUS),
  o(['معا', 'وكالة معا'], ['maannews.net'], AMBIGUOUS),
  o(['القدس', 'جريدة القدس', 'صحيفة القدس'], ['alquds.com'], AMBIGUOUS),
  o(['عرب 48', 'عرب48'], ['arab48.com']),
  o(['دنيا الوطن'], ['alwatanvoice.com']),
  o(['سما الإخبارية', 'وكالة سما'], ['samanews.ps']),
  o(['بانيت', 'موقع بانيت'], ['panet.com']),
  o(['شبكة قدس', 'شبكة قدس الإخبارية'], ['qudsn.co']),
  o(['فلسطين أون لاين'], ['felesteen.news']),
  // North Africa, Sudan and Yemen.
  o(['هسبريس'], ['hespress.com']),
  o(['هبة بريس'], ['hibapress.com']),
  o(['اليوم 24'], ['alyaoum24.com']),
  o(['العمق المغربي'], ['al3omk.com']),
  o(['الخبر', 'جريدة الخبر', 'صحيفة الخبر'], ['elkhabar.com'], AMBIGUOUS),
  o(['باب نت'], ['babnet.net']),
  o(['موزاييك إف إم', 'موزاييك'], ['mosaiquefm.net']),
  o(['بوابة الوسط', 'الوسط الليبية'], ['alwasat.ly']),
  o(['سودان تربيون'], ['sudantribune.net']),
  o(['الراكوبة'], ['alrakoba.net']),
  o(['المصدر أونلاين'], ['almasdaronline.com']),
  o(['عدن الغد'], ['adengad.net']),
  o(['المشهد اليمني'], ['almashhad-alyemeni.com']),
];

/** Nouns an outlet's own name may begin with ("وكالة آريا للأنباء"، "موقع المثال"، "قناة …"). */
export const OUTLET_NOUNS = wordSet('وكالة صحيفة جريدة موقع قناة شبكة بوابة مجلة إذاعة تلفزيون');

/** The matching key of a name: normalised, without punctuation, quotation marks, brackets or ©. */
const key = (s: string) =>
  normalizeArabic(s)
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const byName = new Map<string, string>();
const byDomain = new Map<string, string>();
for (const outlet of OUTLETS) {
  for (const [i, n] of outlet.names.entries())
    if (i > 0 || !outlet.ambiguous) byName.set(key(n), outlet.names[0]!);
  for (const d of outlet.domains) byDomain.set(d, outlet.names[0]!);
}

/** The longest name worth looking up: the longest listed name has six words. */
const MAX_NAME_CHARS = 60;

/** The outlet a short text names and nothing else ("القدس العربي"، "«الشرق الأوسط»"، "© الجزيرة"), or undefined. */
export function outletNamed(text: string): string | undefined {
  if (text.length > MAX_NAME_CHARS) return undefined;
  return byName.get(key(text));
}

/** The outlet a web address belongs to ("https://www.alquds.co.uk/…" -> القدس العربي), or undefined. */
export function outletOfUrl(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  // "news.example.com" belongs to "example.com": try the host, then each shorter suffix of two labels or more.
  for (let dot = -1; ; ) {
    const candidate = host.slice(dot + 1);
    if (!candidate.includes('.')) return undefined;
    const found = byDomain.get(candidate);
    if (found) return found;
    dot = host.indexOf('.', dot + 1);
    if (dot < 0) return undefined;
  }
}
