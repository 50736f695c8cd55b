"use strict";
// The site's search (polesocial/web/search.py writes it next to the theme's bundle, which starts
// it as its search worker). It speaks the theme's worker protocol: SETUP (0, the index) is
// answered by READY (1); QUERY (2, the text of the search box) by RESULT (3, {items}), one list
// per page: the page first, then its sections that match.
//
// Words are compared on several levels, best first (a page's text keeps its spelling; only the
// words compared change):
//   1. the same word once folded: case, accents, harakat, tatweel, the forms of alef, ta marbuta
//      and alef maqsura (the light normalisation of search engines such as Lucene's);
//   2. the same word without the Arabic article and the particles written with it (العنف, والعنف,
//      للعنف: عنف), removed again and again while three letters remain;
//   3. the same light stem: in Arabic, Larkey's light10 suffixes (ها ان ات ون ين يه ية ه ة ي) and
//      a leading و, so that جمعية, الجمعيات and للجمعيات meet; in French, Savoy's minimal stemmer
//      (plural s and x, final r, e and doubled letter: bénévole, bénévoles);
//   4. the start of a longer word (the word being typed).
// A page's score adds up, for each word of the query, the matches of its title, its summary,
// its section headings and its text (BM25F: title and summary weigh more than the text; many
// matches count, with diminishing returns; a long page needs more of them), so that the page
// about a subject comes before a page that names it once. Pages that have every word of the
// query come first.

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

// --- Words --------------------------------------------------------------------------------
const MARKS = /[\u0300-\u036f\u0640\u064b-\u065f\u0670]/g;
const fold = word => word.toLowerCase().normalize("NFD").replace(MARKS, "")
  .replace(/\u0671/g, "\u0627").replace(/\u0649/g, "\u064a").replace(/\u0629/g, "\u0647");
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const ARABIC = /[\u0621-\u064a]/;
// و or ف, then ب or ك, then ال; or و or ف, then لل: when three letters follow.
const ARTICLE = /^(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)(?=[\u0621-\u064a]{3})/;
const LOOSE_ARTICLE = /^(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)(?=[\u0621-\u064a])/;
// light10's suffixes, in its order, once folded (ة is ه, ى is ي).
const SUFFIXES = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062a", "\u0648\u0646", "\u064a\u0646",
                  "\u064a\u0647", "\u0647", "\u064a"];

function bare(word) {
  for (let shorter = word.replace(ARTICLE, ""); shorter !== word; shorter = word.replace(ARTICLE, ""))
    word = shorter;
  return word;
}

function arabicStem(word) {
  if (word.length >= 4 && word[0] === "\u0648") word = word.slice(1);
  for (const suffix of SUFFIXES)
    if (word.length >= suffix.length + 3 && word.endsWith(suffix))
      word = word.slice(0, -suffix.length);
  return word;
}

function frenchStem(word) {
  if (word.length < 6 || !/^\p{L}+$/u.test(word)) return word;
  if (word.endsWith("x"))
    return word.endsWith("aux") ? word.slice(0, -2) + "l" : word.slice(0, -1);
  for (const letter of ["s", "r", "e"])
    if (word.endsWith(letter)) word = word.slice(0, -1);
  const last = word.length - 1;
  return word[last] === word[last - 1] ? word.slice(0, last) : word;
}

// The forms a word is compared by: [folded, without article, stem].
function forms(token) {
  const exact = fold(token);
  if (!ARABIC.test(exact)) return [exact, exact, frenchStem(exact)];
  const withoutArticle = bare(exact);
  return [exact, withoutArticle, arabicStem(withoutArticle)];
}

// Words in a text, with their place: [{start, end, forms}]. The separator is the index's (the
// pages' language's); the edges of a word lose their punctuation ("social." is "social"), its
// inside keeps it ("14.05", "A1.2.3").
function words(text, separator) {
  const found = [];
  const emit = (start, end) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.replace(/^[^\p{L}\p{N}]+/u, "").length;
    const token = raw.replace(EDGES, "");
    if (token) found.push({start: start + lead, end: start + lead + token.length, forms: forms(token)});
  };
  separator.lastIndex = 0;
  let index = 0, match;
  while ((match = separator.exec(text)) !== null) {
    if (index < match.index) emit(index, match.index);
    index = match.index + match[0].length;
    if (match[0].length === 0) separator.lastIndex = match.index + 1;
  }
  if (index < text.length) emit(index, text.length);
  return found;
}

// Words too common to rank or to mark (they still count when a query has nothing else).
const STOP = new Set([
  "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "a", "au", "aux", "en", "dans",
  "par", "pour", "sur", "avec", "que", "qui", "ne", "pas", "ce", "cette", "ces", "son", "sa",
  "ses", "leur", "leurs", "est", "sont", "se", "il", "elle",
  "\u0641\u064a", "\u0645\u0646", "\u0639\u0644\u064a", "\u0627\u0644\u064a", "\u0639\u0646",
  "\u0645\u0639", "\u0627\u0648", "\u0648", "\u0645\u0627", "\u0644\u0627", "\u0627\u0646",
  "\u0647\u0630\u0627", "\u0647\u0630\u0647", "\u0630\u0644\u0643", "\u0627\u0644\u062a\u064a",
  "\u0627\u0644\u0630\u064a", "\u0643\u0644"]);

// --- Ranking -------------------------------------------------------------------------------
const LEVELS = [1, 0.75, 0.5];       // folded word, without article, stem
const PREFIX = 0.3;                  // the start of a longer word
const RELATED = 0.25;                // a word of the same family (see related())
// Page fields: title, summary, section headings, text; a section's: heading, text.
const PAGE_WEIGHTS = [5, 3, 2, 1];
const PAGE_B = [0.3, 0.5, 0.5, 0.5];
const SECTION_WEIGHTS = [3, 1];
const SECTION_B = [0.5, 0.75];
const K1 = 2;

class Index {
  constructor(config, docs, complete = true) {
    this.complete = complete; // false while the sections' text is still to come
    this.separator = new RegExp(config.separator, "gu");
    this.docs = docs;
    this.pages = [];             // {article, sections: [doc index], lengths: [4]}
    this.fields = [];            // per doc: [title words, text words, summary words]
    this.vocabulary = new Map(); // folded word -> {forms, postings: [[doc, field, count]]}
    const byForm = [new Map(), new Map()];
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d];
      const isArticle = !doc.location.includes("#");
      if (isArticle || !this.pages.length)
        this.pages.push({article: d, sections: [], lengths: [0, 0, 0, 0]});
      const page = this.pages[this.pages.length - 1];
      doc.page = this.pages.length - 1;
      if (!isArticle) page.sections.push(d);
      const fields = [words(doc.title || "", this.separator), words(doc.text || "", this.separator),
                      words(doc.summary || "", this.separator)];
      this.fields.push(fields);
      const [title, text, summary] = fields.map(f => f.length);
      page.lengths[0] += isArticle ? title : 0;
      page.lengths[1] += summary;
      page.lengths[2] += isArticle ? 0 : title;
      page.lengths[3] += text;
      fields.forEach((list, field) => {
        const counts = new Map();
        for (const word of list) counts.set(word.forms[0], (counts.get(word.forms[0]) || 0) + 1);
        for (const [key, count] of counts) {
          let entry = this.vocabulary.get(key);
          if (!entry) {
            entry = {forms: list.find(w => w.forms[0] === key).forms, postings: []};
            this.vocabulary.set(key, entry);
            for (const level of [1, 2]) {
              const map = byForm[level - 1], form = entry.forms[level];
              if (!map.has(form)) map.set(form, []);
              map.get(form).push(key);
            }
          }
          entry.postings.push([d, field, count]);
        }
      });
    }
    this.byForm = byForm;
    this.bareForms = [...byForm[0].keys()].sort();
    this.stems = [...byForm[1].keys()];
    const mean = values => Math.max(1, values.reduce((sum, x) => sum + x, 0) / values.length);
    this.average = [0, 1, 2, 3].map(f => mean(this.pages.map(p => p.lengths[f])));
    this.sectionAverage = [0, 1].map(f => mean(this.fields.map(list => list[f].length)));
  }

  // Folded words of the index that match a query word, with the weight of their best level.
  candidates(query) {
    const found = new Map();
    const add = (key, weight) => { if ((found.get(key) || 0) < weight) found.set(key, weight); };
    if (this.vocabulary.has(query[0])) add(query[0], LEVELS[0]);
    for (const level of [1, 2])
      for (const key of this.byForm[level - 1].get(query[level]) || []) add(key, LEVELS[level]);
    // Words that start with the query word, without its article (while typing, with however
    // few letters after it: التط finds التطوع): binary search, then a walk.
    for (const start of new Set([query[1], query[1].replace(LOOSE_ARTICLE, "")])) {
      let low = 0, high = this.bareForms.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.bareForms[middle] < start) low = middle + 1; else high = middle;
      }
      for (let i = low; i < this.bareForms.length && this.bareForms[i].startsWith(start); i++)
        for (const key of this.byForm[0].get(this.bareForms[i])) add(key, PREFIX);
    }
    for (const stem of this.related(query[2]))
      for (const key of this.byForm[1].get(stem)) add(key, RELATED);
    return found;
  }

  // Stems of the same family as a query's stem, which light stemming leaves apart. French: a
  // stem that begins the query's and keeps most of it (bénévol- for bénévolat). Arabic: a stem
  // that holds the query's, or that it holds, of four letters or more (the pattern letters
  // added before a stem: متطوع and تطوع).
  related(stem) {
    if (stem.length < 4) return [];
    if (!ARABIC.test(stem)) {
      const shortest = Math.max(5, Math.ceil(stem.length * 0.7));
      const found = [];
      for (let n = stem.length - 1; n >= shortest; n--)
        if (this.byForm[1].has(stem.slice(0, n))) found.push(stem.slice(0, n));
      return found;
    }
    return this.stems.filter(other => other !== stem &&
      (other.includes(stem) || (other.length >= 4 && stem.includes(other))));
  }

  search(text) {
    let terms = [];
    const seen = new Set();
    for (const word of words(text, this.separator))
      if (!seen.has(word.forms[0])) {
        seen.add(word.forms[0]);
        terms.push({text: text.slice(word.start, word.end), forms: word.forms});
      }
    const meaningful = terms.filter(t => !STOP.has(t.forms[0]));
    if (meaningful.length) terms = meaningful;
    if (!terms.length) return {items: [], complete: this.complete, query: text};

    // Weighted matches per term, page field and section field.
    const N = this.pages.length;
    const pageTf = new Map();     // page -> [term][field]
    const docTf = new Map();      // doc -> [term][field 0 heading, 1 text]
    const matched = terms.map(() => new Map()); // term -> folded word -> weight (for marks)
    terms.forEach((term, t) => {
      for (const [key, weight] of this.candidates(term.forms)) {
        matched[t].set(key, weight);
        for (const [d, field, count] of this.vocabulary.get(key).postings) {
          const doc = this.docs[d];
          const isArticle = this.pages[doc.page].article === d;
          const pageField = field === 2 ? 1 : field === 1 ? 3 : isArticle ? 0 : 2;
          if (!pageTf.has(doc.page)) pageTf.set(doc.page, terms.map(() => [0, 0, 0, 0]));
          pageTf.get(doc.page)[t][pageField] += weight * count;
          if (!docTf.has(d)) docTf.set(d, terms.map(() => [0, 0]));
          docTf.get(d)[t][field === 0 ? 0 : 1] += weight * count;
        }
      }
    });
    const idf = terms.map((_, t) => {
      let n = 0;
      for (const tf of pageTf.values()) if (tf[t].some(x => x > 0)) n++;
      return Math.log(1 + (N - n + 0.5) / (n + 0.5));
    });
    const saturate = x => x * (K1 + 1) / (K1 + x);

    const ranked = [];
    for (const [p, tf] of pageTf) {
      const page = this.pages[p];
      let score = 0, found = 0;
      const has = terms.map((_, t) => {
        let x = 0;
        for (let f = 0; f < 4; f++)
          x += PAGE_WEIGHTS[f] * tf[t][f] /
            (1 - PAGE_B[f] + PAGE_B[f] * page.lengths[f] / this.average[f]);
        if (x > 0) { found++; score += idf[t] * saturate(x); }
        return x > 0;
      });
      const coverage = found / terms.length;
      ranked.push({p, score: score * coverage * coverage, has});
    }
    ranked.sort((a, b) => b.score - a.score || a.p - b.p);

    const items = ranked.map(({p, score, has}) => {
      const page = this.pages[p];
      const termsFound = Object.fromEntries(terms.map((term, t) => [term.text, has[t]]));
      const sectionScore = d => {
        const tf = docTf.get(d);
        if (!tf) return 0;
        const fields = this.fields[d];
        return tf.reduce((sum, [heading, text], t) => {
          const x = [heading, text].reduce((x, tf, f) => x + SECTION_WEIGHTS[f] * tf /
            (1 - SECTION_B[f] + SECTION_B[f] * fields[f].length / this.sectionAverage[f]), 0);
          return sum + (x > 0 ? idf[t] * saturate(x) : 0);
        }, 0);
      };
      const sections = page.sections.map(d => ({d, score: sectionScore(d)}))
        .filter(s => s.score > 0).sort((a, b) => b.score - a.score || a.d - b.d);
      const article = page.article;
      const articleFields = this.fields[article];
      const articleMatches = [1, 2].some(f => this.marks(articleFields[f], matched).length);
      const group = [this.render(article, score, matched, termsFound, true)];
      sections.forEach((section, i) => {
        // The best section is shown open when the page's own text does not match; the others
        // are listed under "more on this page".
        const open = i === 0 && !articleMatches;
        group.push(this.render(section.d, open ? score : score * 0.5 * section.score /
                               sections[0].score, matched, termsFound, false));
      });
      return group;
    });
    return {items, complete: this.complete, query: text};
  }

  // Places of a field's words that match the query: [[start, end]].
  marks(list, matched) {
    const places = [];
    for (const word of list)
      if (matched.some(m => m.has(word.forms[0]))) places.push([word.start, word.end]);
    return places;
  }

  render(d, score, matched, terms, isArticle) {
    const doc = this.docs[d];
    const [title, text, summary] = this.fields[d];
    let body = doc.text || "", list = text;
    if (isArticle && doc.summary && (this.marks(summary, matched).length || !this.marks(text, matched).length)) {
      body = doc.summary;
      list = summary;
    }
    return {
      location: doc.location,
      title: highlight(doc.title || "", this.marks(title, matched)),
      text: body ? `<p>${snippet(body, this.marks(list, matched))}</p>` : "",
      score, terms,
    };
  }
}

// --- Snippets ------------------------------------------------------------------------------
const escapeHTML = text => text.replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                                                          '"': "&quot;"})[c]);

function highlight(text, places) {
  let out = "", at = 0;
  for (const [start, end] of places) {
    out += escapeHTML(text.slice(at, start)) + "<mark>" + escapeHTML(text.slice(start, end)) + "</mark>";
    at = end;
  }
  return out + escapeHTML(text.slice(at));
}

// About 200 characters of a text, around the place where most matches are close together.
const SNIPPET = 200;
function snippet(text, places) {
  if (text.length <= SNIPPET) return highlight(text, places);
  let best = 0, bestCount = 0;
  for (let i = 0, j = 0; i < places.length; i++) {
    while (j < places.length && places[j][1] - places[i][0] <= SNIPPET * 0.8) j++;
    if (j - i > bestCount) { bestCount = j - i; best = i; }
  }
  let start = places.length ? Math.max(0, places[best][0] - SNIPPET / 5) : 0;
  if (start > 0) {
    const space = text.lastIndexOf(" ", start);
    start = space < 0 ? 0 : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) {
    const space = text.indexOf(" ", end);
    end = space < 0 ? text.length : space;
  }
  const inside = places.filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start]);
  return (start > 0 ? "… " : "") + highlight(text.slice(start, end), inside) +
    (end < text.length ? " …" : "");
}

// --- Worker --------------------------------------------------------------------------------
// The first index holds titles and summaries; the sections' text follows in a second file, and
// the last query is answered again once it is there.
let index, last = null;
function setup({config, docs}) {
  index = new Index(config, docs, !config.text);
  postMessage({type: READY});
  if (!config.text) return;
  fetch(new URL(config.text, location.href))
    .then(response => response.ok ? response.json() : Promise.reject(response.status))
    .then(texts => {
      docs.forEach((doc, i) => { if (texts[i]) doc.text = texts[i]; });
      index = new Index(config, docs);
      if (last) postMessage({type: RESULT, data: index.search(last)});
    })
    .catch(() => {}); // offline and never fetched: titles and summaries still answer
}

if (typeof module === "undefined")
  addEventListener("message", event => {
    const message = event.data;
    if (message.type === SETUP) {
      setup(message.data);
    } else if (message.type === QUERY) {
      last = message.data;
      postMessage({type: RESULT, data: index ? index.search(last) : {items: []}});
    }
  });
else
  module.exports = {Index, forms, words};
