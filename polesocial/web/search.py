"""Search per language: each language's index, its word separators, and the search worker
that folds letters and sets the Arabic article apart."""

from __future__ import annotations

import hashlib
import json
import re

from .. import languages


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def configure_search(document: str, lang: str) -> str:
    """Point the theme's search at the index of the page's language (the theme fetches
    <base>/search/search_index.json, so an Arabic page gets base <site>/ar), and at the search
    worker that folds letters (see search_worker)."""
    prefix = languages.get(lang).prefix.rstrip("/")

    def configure(match: re.Match) -> str:
        config = json.loads(match.group(2))
        if prefix:  # a trailing slash: the theme resolves search/… against it
            config["base"] = f"{config['base'].rstrip('/')}/{prefix}/"
        folder, _, theme_worker = config["search"].rpartition("/")
        config["search"] = f"{folder}/{search_worker(theme_worker)[0]}"
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return _CONFIG.sub(configure, document, count=1)


# The search worker the pages use: it runs the theme's worker, after teaching it two things that
# apply to the words of the pages and to the words of queries alike (a page's text and its result
# snippets keep their spelling; only the words compared change):
# - Letters readers type in more than one way are folded. Arabic: hamza on or under alef, madda
#   and alef wasla to bare alef (أسرة = اسرة), ta marbuta to ha, alef maqsura to ya, hamza on
#   waw and ya to the letter, no harakat or tatweel (the light normalisation of search engines
#   such as Lucene's). French: no accents ("etablissement" finds "établissement").
# - Arabic writes the article and the particles before it as part of the word: العنف, والعنف,
#   بالعنف, للعنف. A query word loses them (again and again, as long as three letters remain:
#   الوالدين -> والدين -> دين); a page word is indexed as written and without them, so that
#   عنف, العنف and للعنف find the same pages, and a word being typed (العن) finds the pages that
#   have it whole. The price: a word that only looks like it starts with و + ال, such as والدين,
#   also finds دين. (The theme's Arabic stemmer reduces words to roots and broke exact matches.)
_FOLDING_WORKER = """\
"use strict";
// Pôle social: the theme's search, with letters folded and the Arabic article set apart
// (polesocial/web/search.py, search_worker).
importScripts("{theme_worker}");
const fold = text => text.normalize("NFD")
  .replace(/[\\u0300-\\u036f\\u0640\\u064b-\\u065f\\u0670]/g, "")
  .replace(/\\u0671/g, "\\u0627").replace(/\\u0649/g, "\\u064a").replace(/\\u0629/g, "\\u0647");
// و or ف, then ب or ك, then ال; or و or ف, then لل: when three letters follow.
const ARTICLE = /^(?:[\\u0648\\u0641]?[\\u0628\\u0643]?\\u0627\\u0644|[\\u0648\\u0641]?\\u0644\\u0644)(?=[\\u0621-\\u064a]{3})/;
const bare = word => {
  for (let shorter = word.replace(ARTICLE, ""); shorter !== word; shorter = word.replace(ARTICLE, ""))
    word = shorter;
  return word;
};
// Words of the pages: folded, and also without their article. Added after the theme's steps
// (stop words), by the first document, when the theme has set its pipeline up.
const foldToken = token => {
  const word = fold(token.toString());
  const stem = bare(word);
  token.update(() => word);
  return stem === word ? token : [token, token.clone(() => stem)];
};
lunr.Pipeline.registerFunction(foldToken, "polesocial-fold");
const add = lunr.Builder.prototype.add;
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!this.pipeline._stack.includes(foldToken)) this.pipeline.add(foldToken);
  return add.call(this, doc, attributes);
};
// Words of the query, once lunr has parsed them (wildcards kept): folded, without article.
const clause = lunr.Query.prototype.clause;
lunr.Query.prototype.clause = function (spec) {
  if (typeof spec.term === "string")
    spec.term = spec.term.replace(/[^*]+/g, word => bare(fold(word)));
  return clause.call(this, spec);
};
"""


def search_worker(theme_worker: str) -> tuple[str, str]:
    """(file name, code) of the search worker wrapping the theme's ``theme_worker`` (a file name
    in the same folder). The name carries a hash of the code, as the theme's files do, so that
    it can be cached for a year."""
    code = _FOLDING_WORKER.replace("{theme_worker}", theme_worker)
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return f"search-polesocial.{digest}.min.js", code


# How the search splits text into words, for the pages and for the reader's query alike (the
# theme's search reads "separator" from each index). Both split at spaces, hyphens and
# punctuation, but not at dots: "14.05" stays one word.
_PUNCTUATION = r'[\s\-«»"“”()\[\],;:!?،؛؟]'
SEPARATORS = {
    # French elides articles and pronouns with an apostrophe: the separator swallows them at
    # the start of a word ("l’égalité" and "égalité" are the same word), and any other
    # apostrophe separates ("aujourd’hui").
    "fr": r"(?:^|" + _PUNCTUATION + r"+)(?:(?:[cdjlmnstCDJLMNST]|[qQ][uU])[’'])?|[’']",
    # Arabic: the article is set apart by the search worker (see search_worker), not here.
    "ar": _PUNCTUATION + "+",
}


def split_search_index(index: dict) -> dict[str, dict]:
    """One search index per language (prefix -> index) from the theme's merged one: a reader
    searches the pages of the language they read, and downloads only that index. Locations
    become relative to the language's root; each index analyses only its own language."""
    split = {}
    for lang in languages.LANGUAGES:
        prefix = lang.prefix
        others = [l.prefix for l in languages.LANGUAGES if l.prefix and l.prefix != prefix]
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if prefix and location.startswith(prefix):
                docs.append({**doc, "location": location[len(prefix):]})
            elif not prefix and not location.startswith(tuple(others)):
                docs.append(doc)
        config = {**index["config"], "lang": ["en", lang.code],
                  "separator": SEPARATORS[lang.code]}
        split[prefix] = {"config": config, "docs": docs}
    return split
