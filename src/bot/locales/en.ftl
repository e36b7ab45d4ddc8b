# The bot's own words in English. Values are inserted without isolation marks (URLs and HTML stay intact).

welcome =
    Ask me about the Russia–US talks on the war in Ukraine, in English or Arabic. I answer with the exact words of { $articles ->
        [one] one Arabic news article
       *[other] { $articles } Arabic news articles
    }: the quote, who said it, the date as the source gives it, and the article.

    Try one of these:
help =
    Write a question in English or Arabic, for example “{ $example }”.

    Every answer is a verbatim quote from the sources with its speaker, its date as the source gives it, and the article. Quotes are never translated. When the sources hold no answer, I say so.

    In groups, mention me or reply to me, or use /ask followed by the question. Anywhere, type my @name and a question to share a quote (inline mode).

    Buttons under an answer: “More” for further quotes, “Context” for the surrounding paragraph, “Source” for the article.

    /sources lists the articles; /lang chooses the language of my replies.
sources-title = { $count ->
        [one] 1 article:
       *[other] { $count } articles:
    }
no-date = no date
no-title = (no headline)
lang-prompt = Reply language (quotes always stay in Arabic):
lang-set-auto = I will reply in the language of each question.
lang-set-en = I will reply in English.
lang-set-ar = سأرد بالعربية.
not-text = I can only read text questions. Please write your question.
unknown-command = I don't know that command. /help says what I can do; any other text is a question.
empty = Please write a question after /ask, for example: /ask { $example }
too-long = That message is too long: please ask in under { $max } characters.
rate-limited = You are asking very fast. Please wait a minute and try again.
failed = Something went wrong while answering. Please try again in a moment.
expired = This button has expired. Please ask the question again.
no-more = No more quotes for this question.
more = More ▸
context = Context
source = Source
next = Next ▸
context-title = The paragraph around the quote:
source-title = Source
page = Page { $n } of { $of }
inline-no-answer = No answer in the sources
inline-suggest = Ask this
admin-only = Only administrators can do that.
reloaded = Reloaded: { $articles ->
        [one] 1 article
       *[other] { $articles } articles
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }.
reload-failed = The reload failed: { $why }. The bot keeps answering from the previous articles.
added = Added { $ids }; the index is reloaded.
rejected = The file was not added: { $why }. Nothing was changed.
send-txt = Send the article as a .txt document (UTF-8).
command-start = Welcome and example questions
command-help = What to ask and how answers are built
command-sources = The articles behind the answers
command-lang = Reply language
command-ask = Ask a question (in groups)
add-usage = Send /add followed by the address of a news page, for example: /add https://example.com/news/1
page-added = Added { $ids }{ $about }; the index is reloaded.
page-rejected = The page was not added: { $why }. Nothing was changed.
