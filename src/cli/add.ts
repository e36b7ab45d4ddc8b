/** `npm run add -- <url|file.html|file.txt>`: adds one article to ARTICLES_DIR, with its page's metadata. */

import { loadLexicon } from '../lexicon/lexicon.ts';
import { addFromFile, addFromUrl, PageError } from '../pages/add.ts';
import { loadEnvironment, runCommand, UsageError } from './common.ts';

const HELP = `Usage: npm run add -- <url | file.html | file.txt>

Adds one article to ARTICLES_DIR (default data/articles). A web address is fetched (http or https, 15 s at
most, 5 MB at most) and a saved .html page read; the article is extracted with Mozilla's Readability, and the
page's headline, publication date, outlet and address (JSON-LD NewsArticle, og:title, article:published_time,
og:site_name, <time>) are recorded in meta.json beside the text, where they count as stated. A .txt file is
copied as it is. The same page or the same text twice is refused, and nothing is written then.
The running bot picks the article up with /reload.

  --help    show this text`;

runCommand(async (args) => {
  if (args.includes('--help')) return void console.log(HELP);
  if (args.length !== 1) throw new UsageError('give one URL or file; see --help');
  const [source] = args as [string];
  const config = loadEnvironment();
  const options = { articlesDir: config.ARTICLES_DIR, lexicon: loadLexicon(config.LEXICON_PATH) };
  try {
    const added = /^[a-z][a-z0-9+.-]*:/i.test(source)
      ? await addFromUrl(source, options)
      : addFromFile(source, options);
    const m = added.meta;
    console.log(`added ${added.file}: ${added.articleIds.join(', ')}`);
    console.log(`  title:  ${m.title ?? '(from the text)'}`);
    console.log(`  date:   ${m.date ?? '(from the text, if it states one)'}`);
    console.log(`  outlet: ${m.outlet ?? '(from the text, if it names one)'}`);
    if (m.url) console.log(`  url:    ${m.url}`);
  } catch (error) {
    if (error instanceof PageError) {
      console.error(`not added: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
});
