/** Attribution rules on sentences written for the purpose. */

import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/corpus/quotes.ts';
import {
  AttributionContext,
  attributeSentence,
  quoteSpeaker,
  sentenceSpeaker,
  speakerClauses,
} from '../../src/corpus/speakers.ts';
import { nameKey } from '../../src/text/transliterate.ts';
import { lexicon } from '../helpers.ts';

/** Speakers of a run of sentences of one article, in order. */
function speakers(...sentences: string[]) {
  const ctx = new AttributionContext();
  return sentences.map((s) => {
    const quoted = findQuotes(s).map((q) => ({ start: q.start, end: q.end }));
    return sentenceSpeaker(attributeSentence(s, lexicon, ctx, quoted))?.id ?? null;
  });
}

describe('attribution', () => {
  it('names the subject after the verb, through titles, a person before the institution in the title', () => {
    expect(speakers('وقال الناطق باسم الرئاسة الروسية (الكرملين)، دميتري بيسكوف، إن الحوار مستمر.')).toEqual([
      'peskov',
    ]);
    expect(speakers('وأعلنت وزارة الدفاع الروسية أن قواتها سيطرت على بلدة.')).toEqual([
      'russian-defence-ministry',
    ]);
  });

  it('carries the last named speaker to bare continuations, and a title to the name it was given with (else to its institution)', () => {
    expect(
      speakers(
        'قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة.',
        'وأضاف أن "الكرة في ملعب واشنطن".',
        'كما قال إن المحادثات ستستمر.',
        'وأشار الناطق باسم الكرملين إلى أن الاجتماع مفيد.',
        'وتابع: "نحن ننتظر الرد".',
      ),
    ).toEqual(['lavrov', 'lavrov', 'lavrov', 'kremlin', 'kremlin']);
    expect(
      speakers(
        'وقال الناطق باسم الكرملين دميتري بيسكوف إن الحوار مفيد.',
        'وأشار الناطق باسم الكرملين إلى أن الاجتماع مفيد.',
      ),
    ).toEqual(['peskov', 'peskov']);
  });

  it('gives null for an unnamed subject, and the continuation keeps it null', () => {
    expect(
      speakers('قال بوتين إن الحوار مفيد.', 'وقال مسؤول أوكراني إن الهجوم مستمر.', 'وأضاف أن الوضع صعب.'),
    ).toEqual(['putin', null, null]);
    expect(speakers('تتواصل المعارك في الشرق وسط قصف متبادل.')).toEqual([null]);
  });

  it('takes Y, not the agency, in "نقلت وكالة X عن Y قوله"', () => {
    expect(speakers('ونقلت وكالة «تاس» عن ميدينسكي قوله إن الوفد جاهز.')).toEqual(['medinsky']);
    expect(speakers('ونقلت وكالة «رويترز» عن مسؤول مطلع قوله إن الوفد جاهز.')).toEqual([null]);
  });

  it('takes a closing "بحسب X" as the source, and "وفقا له" as the last speaker', () => {
    expect(speakers('وناقش الرئيسان العلاقات الثنائية، بحسب أوشاكوف.')).toEqual(['ushakov']);
    expect(speakers('قال بيسكوف إن الحوار مفيد.', 'ووفقا له، هناك فرص للتقدم.')).toEqual([
      'peskov',
      'peskov',
    ]);
  });

  it('finds a subject before its verb, and the noun before a relative pronoun', () => {
    expect(speakers('وكانت وزارة الدفاع الروسية أعلنت إرسال جنود.')).toEqual(['russian-defence-ministry']);
    expect(
      speakers(
        'قال زيلينسكي إن القصف مستمر.',
        'لكن الخارجية الروسية التي نفت ذلك أعلنت أنها ضربت هدفا عسكريا.',
      ),
    ).toEqual(['zelensky', 'russian-foreign-ministry']);
    // A country is no speaker: the source names nobody.
    expect(speakers('قال زيلينسكي إن القصف مستمر.', 'لكن موسكو التي نفت ذلك أعلنت أنها ضربت هدفا.')).toEqual([
      'zelensky',
      null,
    ]);
  });

  it('ignores verbs inside a quotation', () => {
    expect(
      speakers('قال بيسكوف للصحفيين.', 'وتابع " في هذه الحالة يؤكد الرئيس بوتين رغبتنا في التفاوض".'),
    ).toEqual(['peskov', 'peskov']);
  });

  it('names a speaker the lexicon lacks, with a transliterated English name', () => {
    const ctx = new AttributionContext();
    const [a] = attributeSentence(
      'وقال وزير الخارجية المجري بيتر سيارتو إن بلاده تدعم الحوار.',
      lexicon,
      ctx,
    );
    expect(a?.speaker).toEqual({ id: `ar:${nameKey('بيتر سيارتو')}`, ar: 'بيتر سيارتو', en: 'Bitr Syarto' });
  });

  it('gives one identity to one person spelt two ways, and finds a lexicon person spelt another way', () => {
    const speaker = (sentence: string) =>
      attributeSentence(sentence, lexicon, new AttributionContext())[0]?.speaker;
    const a = speaker('وقال وزير الخارجية المجري بيتر سيارتو إن بلاده تدعم الحوار.');
    const b = speaker(
      'وقال وزير الخارجية المجري بيتر سيارطو إن بلاده تدعم الحوار.'.replace('سيارطو', 'سيارتّو'),
    );
    expect(b?.id).toBe(a?.id);
    expect(nameKey('دراتشييف')).toBe(nameKey('دارتشييف'));
    expect(speaker('وقال السفير الروسي ألكسندر دراتشييف إن الحوار مستمر.')?.id).toBe(
      lexicon.entries.find((e) => e.ar.includes('دارتشييف'))?.id,
    );
  });

  it('takes the person in apposition, not the one named in the title', () => {
    const [a] = attributeSentence(
      'وأشار مساعد الرئيس الروسي فلاديمير بوتين، يوري أوشاكوف، إلى أن الحوار مستمر.',
      lexicon,
      new AttributionContext(),
    );
    expect(a?.speaker?.id).toBe('ushakov');
  });

  it('reads a word of saying after a preposition as a noun, and a name behind a preposition as no speaker', () => {
    // "Moscow's hope" is no statement by Moscow: the spokesman goes on speaking.
    expect(
      speakers(
        'وقال بيسكوف إن الاتصالات مستمرة.',
        'وأعرب عن أمل موسكو في أن تتم الزيارة قريبا.',
        'وتابع أن الموعد لم يحدد.',
      ),
    ).toEqual(['peskov', 'peskov', 'peskov']);
    // «بروس» is a name the lexicon lacks, not "with the Russians".
    expect(speakers('قالت بروس: "سيجتمع الوفدان مرة أخرى في إسطنبول".')).not.toContain('russia');
  });

  it('reads a title shortened later as the person it was tied to, but not one of another nationality', () => {
    expect(
      speakers(
        'قال نائب وزير الخارجية الروسي سيرغي ريابكوف، إن الحوار ممكن.',
        'وأضاف نائب الوزير: "لا نرى أي تقدم".',
        'وقال وزير الخارجية الأمريكي إن الحوار مستمر.',
      ),
    ).toEqual(['ryabkov', 'ryabkov', 'title:وزير الخارجيه الامريكي']);
  });

  it('takes the subject between an opening كان and a comma, not the last speaker', () => {
    expect(
      speakers(
        'قال روبيو إن المحادثات مثمرة.',
        'وكانت الخارجية الأميركية، أكدت أمس أن "المقترح أُعد بعناية".',
      ),
    ).toEqual(['rubio', 'state-department']);
  });

  it('never makes a reporting agency the speaker', () => {
    const ctx = new AttributionContext();
    attributeSentence('وقال بيسكوف إن الحوار مستمر.', lexicon, ctx);
    const found = attributeSentence('وتابع، بحسب وكالة أنباء تاس، أن موسكو منفتحة.', lexicon, ctx);
    expect(found.map((f) => f.speaker?.id)).toEqual(['peskov']);
  });

  it('gives a title without a name as its own speaker, and a title tied to a name as that person', () => {
    const speaker = (ctx: AttributionContext, sentence: string) =>
      attributeSentence(sentence, lexicon, ctx)[0]?.speaker;
    expect(speaker(new AttributionContext(), 'وقال الرئيس الأوكراني إن بلاده لن تتخلى عن أراضيها.')).toEqual({
      id: 'title:الرييس الاوكراني',
      ar: 'الرئيس الأوكراني',
      en: 'the Ukrainian president',
    });
    const ctx = new AttributionContext();
    speaker(ctx, 'وأكد يوري أوشاكوف، مساعد الرئيس الروسي، أن الاجتماع سيعقد غدا.');
    expect(speaker(ctx, 'وقال مساعد الرئيس الروسي إن اللقاء سيبدأ صباحا.')?.id).toBe('ushakov');
    expect(speaker(ctx, 'وتابع المسؤول الروسي أن الوفد سيصل مساء.')?.id).toBe('ushakov');
  });

  it('gives a quotation the nearest attribution before it, else the one after it', () => {
    const s = '«لن نقبل بذلك»، قال لافروف، ثم أضاف بوتين: «نحن مستعدون للحوار مع الجميع».';
    const ctx = new AttributionContext();
    const quotes = findQuotes(s);
    const found = attributeSentence(s, lexicon, ctx, quotes);
    expect(quotes.map((q) => quoteSpeaker(found, q.outerStart)?.id)).toEqual(['lavrov', 'putin']);
  });

  it('splits a sentence into clauses where a new named speaker takes over after a comma', () => {
    const s =
      'قال زيلينسكي إن القصف مستمر في سومي، وقالت وزارة الدفاع الروسية: إن قواتها سيطرت على بلدة، وأضاف أن الوضع صعب.';
    const clauses = speakerClauses(s, attributeSentence(s, lexicon, new AttributionContext()));
    expect(clauses.map((c) => [s.slice(c.start, c.end), sentenceSpeaker(c.attributions)?.id])).toEqual([
      ['قال زيلينسكي إن القصف مستمر في سومي', 'zelensky'],
      [
        'وقالت وزارة الدفاع الروسية: إن قواتها سيطرت على بلدة، وأضاف أن الوضع صعب.',
        'russian-defence-ministry',
      ],
    ]);
  });

  it('makes an institution the speaker of its statement, and a capital that of its government', () => {
    expect(
      speakers(
        'وجاء في بيان لوزارة الخارجية الروسية نشرته صباح اليوم: "جرى تبادل الآراء حول العلاقات الثنائية".',
        'وأضاف البيان "اتفق الوزيران على مواصلة الاتصالات".',
      ),
    ).toEqual(['russian-foreign-ministry', 'russian-foreign-ministry']);
    expect(
      speakers(
        'قال زيلينسكي إن بلاده مستعدة للحوار.',
        'وأعلنت لندن عقب المكالمة أن الوزراء سيجتمعون الأحد، واصفة الاجتماع بأنه "خطوة نحو سلام دائم".',
      ),
    ).toEqual(['zelensky', 'britain']);
    // Several subjects together are no one government's words.
    expect(speakers('وتتهم الولايات المتحدة ودول أوروبية موسكو بالمماطلة، مؤكدة أن "الوقت ينفد".')).toEqual([
      null,
    ]);
  });

  it('finds the subject of «وكان X قد …», and one a participle reports in a sentence opened by another verb', () => {
    expect(
      speakers(
        'وقال أوشاكوف إن الاتصالات مستمرة.',
        'وكان ترامب، قد كتب على منصته أن روسيا "تخسر الكثير" في هذه الحرب.',
      ),
    ).toEqual(['ushakov', 'trump']);
    expect(
      speakers('انتقد كبير المفاوضين الروس كيريل دميترييف تصريحات أوروبية، قائلاً إنها "لا تخدم السلام".'),
    ).toEqual(['dmitriev']);
  });

  it('takes the person after a title that goes on past the name inside it', () => {
    expect(
      speakers(
        'أكد المبعوث الخاص للرئيس الروسي فلاديمير بوتين لشؤون التعاون الاقتصادي، كيريل دميترييف، أن اللقاء سيعقد.',
      ),
    ).toEqual(['dmitriev']);
    expect(speakers('وأوضح متحدث الكرملين دميتري بيسكوف أن الموعد لم يحدد.')).toEqual(['peskov']);
  });

  it('ties a title to the name it was written with, and only that whole title', () => {
    expect(
      speakers(
        'بحث لافروف في الرياض مع وزير الخارجية السعودي فيصل بن فرحان الوضع في المنطقة.',
        'من جانبه، أكد وزير الخارجية السعودي أن بلاده تدعم الحوار.',
      ),
    ).toEqual([null, 'faisal-bin-farhan']);
    const [, other] = speakers(
      'قال وزير الخارجية سيرغي لافروف إن الحوار مفيد.',
      'وقال وزير الخارجية الأمريكي إن بلاده تدرس المقترح.',
    );
    expect(other).not.toBe('lavrov');
  });

  it('reads verbal nouns and verbs with an object pronoun, and a name the lexicon lacks after an institution', () => {
    expect(speakers('ولم يصدر سوى تأكيد كيريل دميترييف بأن "الحوار سيستمر".')).toEqual(['dmitriev']);
    expect(speakers('ووصفها وزير الخارجية الأمريكي ماركو روبيو بأنها "مفيدة".')).toEqual(['rubio']);
    expect(
      speakers('وقالت المتحدثة باسم وزارة الخارجية الأميركية ماري جونسون إن الوزير جدد دعوته للحوار.'),
    ).toEqual([`ar:${nameKey('ماري جونسون')}`]);
  });

  it('keeps the last speaker when a verb inside a clause has no subject to be found', () => {
    const ctx = new AttributionContext();
    const said = (sentence: string) => {
      const quotes = findQuotes(sentence);
      const found = attributeSentence(sentence, lexicon, ctx, quotes);
      return quotes.map((q) => quoteSpeaker(found, q.outerStart)?.id ?? null);
    };
    said('وقال روبيو للصحفيين إن الاجتماع كان مفيدا.');
    expect(said('وأشار إلى أن واشنطن لا تعتبر نفسها وسيطا، قائلا إن "القرار بيد الطرفين وحدهما".')).toEqual([
      'rubio',
    ]);
  });

  it('reads a given name spelt another way, and a title of the institution the last speaker speaks for', () => {
    expect(speakers('قال المتحدث باسم الكرملين، ديميتري بيسكوف، للصحفيين إن الموعد لم يحدد.')).toEqual([
      'peskov',
    ]);
    expect(
      speakers('رفض الكرملين التعليق.', 'وقال المتحدث باسمه، دميتري بيسكوف، اليوم الأحد: "لا جديد لدينا".'),
    ).toEqual(['kremlin', 'peskov']);
    expect(
      speakers('أكد دميتري بيسكوف أن الموعد لم يحدد.', 'وشدد ممثل الكرملين على أن "الاتصالات مستمرة".'),
    ).toEqual(['peskov', 'peskov']);
    expect(speakers('قال لافروف إن الحوار مفيد.', 'وشدد ممثل الكرملين على أن "الاتصالات مستمرة".')).toEqual([
      'lavrov',
      'kremlin',
    ]);
  });

  it('reads «مازح» and «بالقول», and no verbal noun spelt like a verb («نفي»)', () => {
    expect(speakers('ومازح أوشاكوف بأن "الطقس في ألاسكا سيكون باردا".')).toEqual(['ushakov']);
    expect(speakers('قال لافروف إن الحوار مفيد.', 'وعلق على سؤال الصحفيين بالقول: "سنرى ما سيحدث".')).toEqual(
      ['lavrov', 'lavrov'],
    );
    expect(speakers('رفض بيسكوف تأكيد أو نفي التقارير.', 'وأضاف أن "الحوار مستمر".')).toEqual([
      'peskov',
      'peskov',
    ]);
  });

  it('reads an office alone as the person the article named who holds it, never one it has not named', () => {
    expect(
      speakers('تحدث بايدن إلى الصحفيين صباحا.', 'ثم قال الرئيس الأميركي: "لن نتراجع عن دعمنا".'),
    ).toEqual(['biden', 'biden']);
    // Rubio holds another office: the president stays the title itself.
    expect(
      speakers('تحدث روبيو إلى الصحفيين صباحا.', 'ثم قال الرئيس الأميركي: "لن نتراجع عن دعمنا".'),
    ).toEqual(['rubio', 'title:الرييس الاميركي']);
    expect(speakers('وقال الرئيس الأمريكي إن المحادثات كانت جيدة.')).toEqual(['title:الرييس الامريكي']);
    // The office may open a longer phrase: "كشف … النقاب" (unveiled) has its object after the title.
    expect(speakers('التقى بوتين وفدا أمريكيا.', 'وكشف الرئيس الروسي النقاب عن خطة جديدة.')).toEqual([
      null,
      'putin',
    ]);
  });

  it('finds the opening verb after a fronted phrase, and «عبّر X عن» only with its named subject', () => {
    expect(
      speakers(
        'في المقابل، كتب وزير الخارجية الأوكراني، أندريه سيبيها، رسالة إلى نظرائه، مؤكدا أن "السلام العادل ممكن".',
      ),
    ).toEqual(['sybiha']);
    expect(speakers('وعبّر وزير الخارجية التركي هاكان فيدان عن أمله في "جولة ثالثة قريبة".')).toEqual([
      'fidan',
    ]);
    // "عبر" as the preposition "via": no verb, so no speaker.
    expect(speakers('أرسل الوفد رسالة عبر فيدان إلى موسكو: "نحن مستعدون للقاء".')).toEqual([null]);
  });

  it("reads feminine titles, a country or institution inside a title, and a participle after an agency's report", () => {
    expect(speakers('اتهمت الممثلة الرسمية لوزارة الخارجية الروسية ماريا زاخاروفا واشنطن بالتصعيد.')).toEqual(
      ['zakharova'],
    );
    expect(speakers('وقال وزير خارجية روسيا سيرغي لافروف إن الحوار ممكن.')).toEqual(['lavrov']);
    // An agency reports: the participle's words are those of the subject after أن.
    const ctx = new AttributionContext();
    const sentence =
      'وذكرت وكالة تاس أن وزير الخارجية الروسي سيرغي لافروف رد على سؤال بالقول: "لا نرى ذلك ممكنا".';
    const quote = findQuotes(sentence)[0]!;
    const found = attributeSentence(sentence, lexicon, ctx, [quote]);
    expect(quoteSpeaker(found, quote.outerStart)?.id).toBe('lavrov');
    // An institution announces: its participle stays its own, not the person after أن.
    expect(
      speakers(
        'أعلن الكرملين أن الرئيس فلاديمير بوتين أجرى اتصالا مع ترامب، مؤكدا أن "الاتصال كان مفيدا جدا".',
      ),
    ).toEqual(['kremlin']);
  });

  it('reads a title that goes on with a place, verbs of asking and admitting, and no relative clause about a thing', () => {
    expect(speakers('وقال السفير الروسي لدى واشنطن أناتولي أنتونوف إن الحوار ممكن.')).toEqual(['antonov']);
    expect(speakers('أكد رئيس الوفد الروسي إلى إسطنبول فلاديمير ميدينسكي أن الوفد جاهز.')).toEqual([
      'medinsky',
    ]);
    // A place is no part of a name the lexicon lacks: the president stays the title.
    expect(speakers('أكد الرئيس الروسي في موسكو أمام ترامب أن الحوار ممكن.')).toEqual([
      'title:الرييس الروسي',
    ]);
    expect(speakers('وتساءل دميترييف في منشور: "لماذا لا نتحاور؟".')).toEqual(['dmitriev']);
    const ctx = new AttributionContext();
    const sentence = 'قال بوتين إن الخطة التي اقترحتها الولايات المتحدة قد «تشكل أساسا للتسوية».';
    const quote = findQuotes(sentence)[0]!;
    expect(quoteSpeaker(attributeSentence(sentence, lexicon, ctx, [quote]), quote.outerStart)?.id).toBe(
      'putin',
    );
  });

  it("reads verbs and participles that begin with و as written, and an institution that published a person's words as their source", () => {
    // «وصفت» and «واصفة» are words of their own, not و + «صفت»; a participle's subject is its clause's.
    expect(
      speakers('وصفت المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا، البيان الأمريكي بـ«المضلل».'),
    ).toEqual(['zakharova']);
    expect(
      speakers('وأعلنت لندن أن الاجتماع سيعقد السبت، واصفة اللقاء بأنه "خطوة ضرورية نحو السلام".'),
    ).toEqual(['britain']);
    // «وفق تصريحات نشرها الكرملين» after «صرح بوتين»: the person stays the speaker, and the next «وتابع» too.
    expect(
      speakers(
        'وصرح بوتين أمام الحكومة بأن اللقاء كان “صريحا ومفيدا للطرفين”، وفق تصريحات نشرها الكرملين.',
        'وتابع “سنواصل العمل على هذا الأساس”.',
      ),
    ).toEqual(['putin', 'putin']);
    // Without a named person, the closing «وفق X» still names the source.
    expect(speakers('وكانت المحادثات “مثمرة”، وفق الكرملين.')).toEqual(['kremlin']);
  });

  it('reads a capital right before its verb as its government, and the participle after it as the same', () => {
    expect(
      speakers(
        'وأشار المبعوث الروسي كيريل دميترييف إلى تقدم في المحادثات.',
        'ورغم ذلك، إلا أن موسكو حذرت من محاولات لعرقلة المسار، مؤكدة أن “التفاهمات تسير في الاتجاه الصحيح”.',
      ),
    ).toEqual(['dmitriev', 'russia']);
  });

  it('remembers people the lexicon lacks by surname, and reads a lone title as the person it was written with', () => {
    const tajani = `ar:${nameKey('أنطونيو تاجاني')}`;
    expect(
      speakers(
        'وقال وزير الخارجية الإيطالي أنطونيو تاجاني إن "الحوار ضروري".',
        'وقال بيسكوف إن "موسكو منفتحة".',
        'وأضاف تاجاني في مقابلة أن "الرياض قد تكون المكان المناسب".',
      ),
    ).toEqual([tajani, 'peskov', tajani]);
    const envoy = `ar:${nameKey('ليندا توماس غرينفيلد')}`;
    expect(
      speakers(
        'قالت سفيرة الولايات المتحدة لدى الأمم المتحدة، ليندا توماس غرينفيلد، إن "الوقت ليس للانتظار".',
        'ونوه السفير الروسي فاسيلي نيبينزيا إلى أن "الاتهامات باطلة".',
        'وذكّرت السفيرة بأن "الحلفاء حذروا مرارا".',
        'ومضى السفير الروسي ليقول إن "الحديث عن الغزو محاولة للتفرقة".',
      ),
    ).toEqual([envoy, 'nebenzia', envoy, 'nebenzia']);
  });

  it("reads an opening «يُذكر أن» as the narrator's note, not the last speaker going on", () => {
    expect(
      speakers('وقال زيلينسكي إن "الضمانات ضرورية".', 'ويُذكر أن الخطة الأولى تضمنت "تنازلات كبرى من كييف".'),
    ).toEqual(['zelensky', null]);
    // Not at the opening, «يذكر» is still a verb with its subject.
    expect(speakers('وفي المقابلة يذكر بيسكوف أن "الحوار مستمر".')).toEqual(['peskov']);
  });

  it("reads a two-word given name spelt another way, and someone else of a lexicon person's surname", () => {
    expect(speakers('قال جاي دي فانس في مقابلة إن "الطرفين قدما تنازلات".')).toEqual(['vance']);
    // Not Trump, and not the last speaker carried on: a person of that surname the lexicon lacks.
    const [, other] = speakers(
      'قال ترامب إن الاتفاق قريب.',
      'وقالت ميلانيا ترامب إن "الأطفال يجب أن يعودوا".',
    );
    expect(other).toBe(`ar:${nameKey('ميلانيا ترامب')}`);
    // A name the lexicon lacks right after the verb, its title after a comma; the participle is hers too.
    const sentence =
      'وقالت أولغا ستيفانيشينا، المتحدثة باسم الوفد الأوكراني رستم عمروف، للصحافيين "انتهت الجولة الأولى"، مشيرة إلى أن التفاصيل ستعلن لاحقا.';
    const attributions = attributeSentence(sentence, lexicon, new AttributionContext());
    expect(attributions.map((a) => a.speaker?.id)).toEqual([
      `ar:${nameKey('أولغا ستيفانيشينا')}`,
      `ar:${nameKey('أولغا ستيفانيشينا')}`,
    ]);
  });
});
