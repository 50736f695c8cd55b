"""Everything the site publishes from data: the strategy, the guides, the charter, the
translation status, as pages (Markdown per language) and as printable books.

The engine adapter asks this module which pages exist and what each says; it never needs to
know where a page comes from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import posixpath
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import campaigns as campaigns_mod
from . import guides, history, languages, messages, pages, terminology, translations, typography
from . import links as links_mod
from .campaigns import Campaign
from .guides import Document
from .print.book import Book, Colophon, utc
from .print.documents import STRATEGY_DOCUMENT, source_date, strategy_books
from .print.poster import Poster
from .problems import Report
from .repository import Repository
from .strategy import GLOSSARY_FILE, STRATEGY_FILE, Strategy, render
from .strategy import load as load_strategy
from .strategy import load_glossary
from .strategy.render import Links, text
from .web import urls

GUIDES_INDEX = "guides/index.md"
STATUS = "etat-des-traductions.md"
# Pages that list what other pages hold (search indexes their headings only).
LISTINGS = frozenset({render.GROUPS, render.ACTORS, GUIDES_INDEX,
                      f"{campaigns_mod.PAGES}/index.md", STATUS})


@dataclass
class Publication:
    root: Path
    strategy: Strategy
    documents: list[Document]
    campaigns: list[Campaign]
    # Every tracked item and the state of its translation (polesocial.translations)
    translation_states: list = field(default_factory=list)
    # Pages already made from these sources, by (path, language, kind): each is made once per
    # build, whichever language's pass or check asks for it.
    _made: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    # --- what exists ------------------------------------------------------------------------

    @functools.cached_property
    def french_words(self) -> tuple[str, ...]:
        """The accented French words the publication writes (polesocial.typography): every
        French source, read once."""
        texts = [path.read_text(encoding="utf-8", errors="replace")
                 for folder in ("strategy", "guides", "charter", "campaigns", "docs/fr")
                 for path in sorted((self.root / folder).rglob("*"))
                 if path.suffix in (".yml", ".md") and path.is_file()
                 and path.name not in ("ar.md",) and "sources" not in path.parts]
        return typography.accented_words(texts)

    @property
    def guides(self) -> list[Document]:
        return [d for d in self.documents if d.kind == "guide"]

    def page_paths(self) -> list[str]:
        return (render.page_paths(self.strategy) + [GUIDES_INDEX]
                + [d.page for d in self.documents]
                + [f"{campaigns_mod.PAGES}/index.md"] + [c.page for c in self.campaigns]
                + [STATUS] + [t.history_page for t in self.tracked])

    def sources(self) -> dict[str, str]:
        """Each generated page -> the data file it is made from (for messages)."""
        from .strategy import GLOSSARY_FILE, STRATEGY_FILE

        found = {path: STRATEGY_FILE.as_posix() for path in render.page_paths(self.strategy)}
        found[render.GLOSSARY] = GLOSSARY_FILE.as_posix()
        for document in self.documents:
            found[document.page] = f"{document.folder}/{guides.METADATA[document.kind]}"
        for campaign in self.campaigns:
            found[campaign.page] = f"{campaigns_mod.FOLDER.as_posix()}/{campaign.id}.yml"
        for tracked in self.tracked:
            found[tracked.history_page] = tracked.meta
        return found

    def document_of_page(self, path: str) -> str | None:
        """The PDF a page offers: the strategy's on its pages, each document's on its own."""
        if path.startswith(render.FOLDER + "/"):
            return STRATEGY_DOCUMENT
        return next((d.pdf_id for d in self.documents if d.page == path), None)

    def served_by(self) -> dict:
        """action id -> ((page, title), …) of the documents that serve it (worked out once:
        every page asks; the answer is read, never changed)."""
        if ("served-by",) not in self._made:
            result: dict = {}
            for document in self.documents:
                for action in document.actions:
                    result.setdefault(action, []).append((document.page, document.title))
            self._made[("served-by",)] = {k: tuple(v) for k, v in result.items()}
        return self._made[("served-by",)]

    # --- pages -------------------------------------------------------------------------------

    def page_markdown(self, relative: str, lang: str, markdown: str) -> str:
        """A hand-written page in ``lang``: marked "under review" when its Arabic follows an
        older French (or records none)."""
        if lang == languages.DEFAULT.code:
            return markdown
        tracked = f"docs/{lang}/{relative}"
        if any(s.file == tracked and s.state != "current" for s in self.translation_states):
            return translations.with_page_notice(markdown, lang)
        return markdown

    # --- versions ----------------------------------------------------------------------------

    @functools.cached_property
    def tracked(self) -> list[history.Tracked]:
        """Every document that has versions, in the order of the menu."""
        every = {lang.code: None for lang in languages.LANGUAGES}
        strategy = STRATEGY_FILE.as_posix()
        found = [history.Tracked(STRATEGY_DOCUMENT, "strategy", self.strategy.title,
                                 render.OVERVIEW, strategy, {code: [strategy] for code in every},
                                 self.strategy.history, STRATEGY_DOCUMENT)]
        for document in self.documents:
            meta = f"{document.folder}/{guides.METADATA[document.kind]}"
            found.append(history.Tracked(
                document.pdf_id, document.kind, document.title, document.page, meta,
                {code: [meta, f"{document.folder}/{code}.md"] for code in every},
                document.history, document.pdf_id))
        for campaign in self.campaigns:
            source = f"{campaigns_mod.FOLDER.as_posix()}/{campaign.id}.yml"
            found.append(history.Tracked(f"campagne-{campaign.id}", "campaign", campaign.title,
                                         campaign.page, source, {code: [source] for code in every},
                                         campaign.history))
        return [item for item in found if item.entries]

    @functools.cached_property
    def _timelines(self) -> dict[str, history.Timeline]:
        repository = Repository.open(self.root)
        return {item.key: history.Timeline(self.root, item, repository) for item in self.tracked}

    def timeline(self, tracked: history.Tracked) -> history.Timeline:
        return self._timelines[tracked.key]

    def _tracked_page(self, path: str) -> tuple[history.Tracked | None, bool]:
        """(the document whose page, or history page, ``path`` is; whether it is the history)."""
        for item in self.tracked:
            if path == item.page:
                return item, False
            if path == item.history_page:
                return item, True
        return None, False

    def versioned_copies(self) -> dict[str, str]:
        """Current PDF -> the same PDF at its version's permanent address
        (guide-benevolat-fr.pdf -> guide-benevolat-v0.1-fr.pdf)."""
        return {f"{item.pdf_id}-{lang.code}.pdf":
                history.versioned_file(item.pdf_id, item.current.version, lang.code)
                for item in self.tracked if item.pdf_id for lang in languages.LANGUAGES}

    def _with_history(self, markdown: str, tracked: history.Tracked, lang: str,
                      links: Links) -> str:
        """A document's page with its dates under the title and its versions at the bottom."""
        title = re.search(r"^# .*$", markdown, re.MULTILINE)
        dates = history.dates_line(tracked, lang)
        if title:
            markdown = markdown[:title.end()] + "\n\n" + dates + markdown[title.end():]
        return markdown.rstrip("\n") + "\n\n" + history.section(tracked, lang, tracked.page,
                                                                 links.href)

    def render(self, path: str, lang: str) -> str:
        key = (path, lang, "page")
        if key not in self._made:
            self._made[key] = self._page(path, lang)
        return self._made[key]

    def _plain_strategy_page(self, path: str, lang: str) -> str:
        """A strategy page's Markdown without links to the documents (for counts and titles)."""
        key = (path, lang, "plain")
        if key not in self._made:
            self._made[key] = render.render_page(self.strategy, path, lang)
        return self._made[key]

    def _page(self, path: str, lang: str) -> str:
        tracked, is_history = self._tracked_page(path)
        if tracked is not None:
            links = Links(lang, documents=self.served_by())
            if is_history:
                return history.page(tracked, self.timeline(tracked), lang, links.href)
            return self._with_history(self._render(path, lang), tracked, lang, links)
        return self._render(path, lang)

    def _render(self, path: str, lang: str) -> str:
        links = Links(lang, documents=self.served_by())
        if path == GUIDES_INDEX:
            return self._guides_index(lang, links)
        if path == STATUS:
            return self._status(lang)
        if path == f"{campaigns_mod.PAGES}/index.md":
            return campaigns_mod.index_page(self.campaigns, self.strategy, lang)
        for campaign in self.campaigns:
            if campaign.page == path:
                return campaigns_mod.campaign_page(campaign, self.strategy, lang)
        for document in self.documents:
            if document.page == path:
                return self._document_page(document, lang, links)
        return render.render_page(self.strategy, path, lang, links)

    def _document_page(self, document: Document, lang: str, links: Links) -> str:
        meta = render._front_matter(document.title[lang], document.summary[lang])
        return meta + self._document_body(document, lang, links)

    def _document_body(self, document: Document, lang: str, links: Links) -> str:
        from babel.dates import format_date  # here: a build with nothing to render skips it

        here = document.page
        ui = messages.UI
        kind = ui["guide_kind" if document.kind == "guide" else "charter_kind"][lang]
        date = format_date(document.date, format="long", locale=languages.get(lang).locale)
        status = ui["doc_status_draft" if document.draft else "doc_status_published"][lang]
        out = [f"# {text(document.title[lang])} {{#document}}\n"]
        if document.draft:
            out.append(f'!!! warning ps-notice "{ui["draft_title"][lang]}"\n\n    {text(ui["draft_notice"][lang])}\n')
        if lang == "ar" and document.translation == "outdated":
            out.append(f'!!! warning ps-notice "{ui["outdated_title"][lang]}"\n\n'
                       f"    {text(ui['outdated_notice'][lang])}\n")
        out.append(f"{text(document.summary[lang])}\n{{ .ps-lead }}\n")
        facts = [kind, ui["doc_version"][lang].format(version=document.version),
                 ui["doc_date"][lang].format(date=date), status]
        out.append(f"{text(' · '.join(facts))}\n{{ .ps-counts }}\n")
        groups = {label.id: label.label for label in self.strategy.groups}
        if document.audiences:
            out.append(f"**{text(ui['serves'][lang])}** " + languages.join_list(
                (f"[{text(groups[g][lang])}]({links.href(here, render.GROUPS, g)})"
                 for g in document.audiences), lang) + "\n")
        texts = {a.id: a.text for _, _, a in self.strategy.actions()}
        out.append(f"## {text(ui['doc_actions'][lang])} {{#actions}}\n")
        for action in document.actions:
            part = render.part_path(self.strategy.part_of(action))
            out.append(f"- [{action}]({links.href(here, part, render.anchor(action))}){{ .ps-id }}"
                       f" {text(texts[action][lang])}")
        out.append("\n---\n")
        out.append(links_mod.resolve(document.bodies[lang], here, links, self))
        return "\n".join(out) + "\n"

    def _guides_index(self, lang: str, links: Links) -> str:
        ui = messages.UI
        here = GUIDES_INDEX
        out = [render._front_matter(ui["guides_title"][lang], ui["guides_description"][lang]),
               f"# {text(ui['guides_title'][lang])} {{#guides}}\n",
               f"{text(ui['guides_intro'][lang])}\n",
               f"## {text(ui['guides_all'][lang])} {{#tous}}\n"]
        for guide in self.guides:
            status = ui["doc_status_draft" if guide.draft else "doc_status_published"][lang]
            out.append(f"### [{text(guide.title[lang])}]({links.href(here, guide.page)}) "
                       f"{{#{guide.id}}}\n")
            out.append(f"{text(guide.summary[lang])}\n")
            out.append(f'<span class="ps-status">{text(status)}</span>\n')
        groups = {label.id: label.label for label in self.strategy.groups}
        out.append(f"## {text(ui['guides_by_audience'][lang])} {{#par-public}}\n")
        for group in self.strategy.groups:
            served = [g for g in self.guides if group.id in g.audiences]
            if served:
                out.append(f"### {text(groups[group.id][lang])} {{#public-{group.id}}}\n")
                out += [f"- [{text(g.title[lang])}]({links.href(here, g.page)})" for g in served]
                out.append("")
        out.append(f"## {text(ui['guides_by_axis'][lang])} {{#par-axe}}\n")
        for part in self.strategy.parts:
            served = [g for g in self.guides
                      if any(self.strategy.part_of(a).id == part.id for a in g.actions)]
            if served:
                out.append(f"### [{text(render.part_heading(part, lang))}]"
                           f"({links.href(here, render.part_path(part))}) "
                           f"{{#axe-{part.id.lower()}}}\n")
                out += [f"- [{text(g.title[lang])}]({links.href(here, g.page)})" for g in served]
                out.append("")
        return "\n".join(out)

    def _status(self, lang: str) -> str:
        """Every tracked item's translation, counted per page, campaign and document, and the
        glossary terms proposed for the ministry's review."""
        ui = messages.UI
        words = ui["status_words"][lang]
        out = [render._front_matter(ui["status_nav"][lang], ui["status_description"][lang]),
               f"# {text(ui['status_nav'][lang])} {{#etat}}\n",
               f"{text(ui['status_intro'][lang])}\n"]
        # (document, items, items under review) of every row, for the summary first
        states = {(s.file, s.id): s for s in self.translation_states}

        def counts(file: str, ids) -> tuple[int, list[str]]:
            ids = [i for i in ids if (file, i) in states]
            return len(ids), [i for i in ids if states[(file, i)].state != "current"]

        def state_text(total: int, review: list[str]) -> str:
            if not total:
                return "—"
            result = ui["status_item_counts"][lang].format(current=total - len(review),
                                                           review=len(review))
            if review:
                result += " ; " if lang == "fr" else "؛ "
                result += ui["status_in_review"][lang].format(
                    items=languages.join_list(review, lang))
            return result

        header = (f"| {ui['status_document'][lang]} | {ui['status_french'][lang]} | "
                  f"{ui['status_arabic'][lang]} | {ui['status_items'][lang]} | "
                  f"{ui['status_translation'][lang]} |\n|---|---|---|---|---|")
        rows: list[tuple[str, int, list[str]]] = []

        def row(title, link, fr, ar, total, state):
            return (f"| [{text(title)}]({link}) | {text(words.format(n=fr))} | "
                    f"{text(words.format(n=ar))} | {total} | {text(state)} |")

        strategy_file = STRATEGY_FILE.as_posix()
        body = [f"## {text(ui['status_strategy'][lang])} {{#strategie}}\n", header]
        for path in render.page_paths(self.strategy):
            words_of = {code: guides.word_count(self._plain_strategy_page(path, code))
                        for code in ("fr", "ar")}
            title = render.split_header(self._plain_strategy_page(path, lang))[0]["title"]
            total, review = counts(strategy_file, _strategy_items(self.strategy, path))
            rows.append((path, total, review))
            body.append(row(title, _relative(STATUS, path), words_of["fr"], words_of["ar"],
                            total, state_text(total, review)))
        body += ["", f"## {text(ui['status_campaigns'][lang])} {{#campagnes}}\n", header]
        for campaign in self.campaigns:
            file = f"{campaigns_mod.FOLDER.as_posix()}/{campaign.id}.yml"
            ids = [s.id for s in self.translation_states if s.file == file]
            total, review = counts(file, ids)
            rows.append((file, total, review))
            body.append(row(campaign.title[lang], _relative(STATUS, campaign.page),
                            *(guides.word_count(campaigns_mod.campaign_page(
                                campaign, self.strategy, code)) for code in ("fr", "ar")),
                            total, state_text(total, review)))
        body += ["", f"## {text(ui['status_guides'][lang])} {{#documents}}\n", header]
        for document in self.documents:
            review = [] if document.translation == "current" else [document.id]
            rows.append((document.folder, 1, review))
            body.append(row(document.title[lang], _relative(STATUS, document.page),
                            guides.word_count(document.bodies["fr"]),
                            guides.word_count(document.bodies["ar"]), 1,
                            ui[f"status_{document.translation}"][lang]))
        body += ["", f"## {text(ui['status_pages'][lang])} {{#pages}}\n", header]
        docs = self.root / "docs"
        for relative, path in pages.docs_pages(docs, "fr").items():
            arabic = docs / "ar" / relative
            fr_words = guides.word_count(path.read_text(encoding="utf-8"))
            ar_words = guides.word_count(arabic.read_text(encoding="utf-8")) \
                if arabic.exists() else 0
            item = states.get((f"docs/ar/{relative}", translations.PAGE))
            state = "missing" if not arabic.exists() else item.state if item else "untracked"
            rows.append((relative, 1, [] if state == "current" else [relative]))
            body.append(row(_page_title(docs, relative, lang), _relative(STATUS, relative),
                            fr_words, ar_words, 1, ui[f"status_{state}"][lang]))
        total = sum(r[1] for r in rows)
        review = sum(len(r[2]) for r in rows)
        summary = ui["status_summary"][lang].format(total=total, current=total - review,
                                                    review=review)
        out.append(f"{text(summary)}\n")
        out += body
        terms = self.strategy.glossary
        proposed = [t for t in terms if not t.verified]
        intro = ui["status_terms_intro"][lang].format(
            total=len(terms), verified=len(terms) - len(proposed), proposed=len(proposed))
        out += ["", f"## {text(ui['status_terms'][lang])} {{#termes-proposes}}\n",
                f"{text(intro)}\n",
                f"| {ui['status_term_french'][lang]} | {ui['status_term_arabic'][lang]} |\n"
                "|---|---|"]
        glossary = _relative(STATUS, render.GLOSSARY)

        def term(value: str, code: str) -> str:
            """A term in ``code``, marked with its language and direction on the other
            language's page (read aloud in its own language, a French phrase with a comma
            kept in its order on the Arabic page)."""
            if code == lang:
                return text(value)
            return f'<span lang="{code}" dir="{languages.get(code).direction}">{text(value)}</span>'

        out += [f"| [{term(t.fr, 'fr')}]({glossary}#{t.id}) | {term(t.ar, 'ar')} |"
                for t in proposed]
        return "\n".join(out) + "\n"

    # --- printed books -----------------------------------------------------------------------

    def books(self, site_url: str, logo: str = "") -> list:
        """Every printable: the books (strategy, guides, charter), each campaign's print kit and
        sharing previews, and the site's own sharing preview. ``logo``: the official logo's
        file URL (the site's configuration, extra.logo), or none."""
        words = self.french_words
        result: list = [self._with_colophon(book, site_url)
                        for book in strategy_books(self.root, self.strategy, site_url, words)]
        for document in self.documents:
            for lang in languages.LANGUAGES:
                result.append(self._with_colophon(self._book(document, lang.code, site_url),
                                                  site_url))
        result += self._older_books(site_url)
        digest = hashlib.sha256(Path(unquote(urlsplit(logo).path)).read_bytes()).hexdigest() \
            if logo else ""
        for campaign in self.campaigns:
            date = source_date(self.root, [self.root / campaigns_mod.FOLDER / f"{campaign.id}.yml"])
            result += [replace(poster, logo_digest=digest)
                       for poster in campaign.posters(site_url, date, logo, words)]
        ui = messages.UI
        # The site preview says what messages.py says: dated by its last change.
        date = source_date(self.root, [Path(messages.__file__)])
        for lang in languages.LANGUAGES:
            result.append(Poster("site", "preview", lang.code, ui["site_title"],
                                 ui["site_tagline"], {}, {}, {}, False, date,
                                 pictogram="", logo=logo, logo_digest=digest, words=words))
        return result

    def _book(self, document: Document, lang: str, site_url: str) -> Book:
        ui = messages.UI
        links = Links(lang, "print", site_url, frozenset({document.page}), self.served_by())
        kind = ui["guide_kind" if document.kind == "guide" else "charter_kind"][lang]
        cover = [ui["doc_version"][lang].format(version=document.version)]
        if lang == "ar" and document.translation == "outdated":
            cover.append(ui["outdated_notice"][lang])
        short = document.title[lang] if len(document.title[lang]) <= 48 else kind
        return Book(
            id=document.pdf_id, lang=lang, title=document.title[lang], short_title=short,
            colophon=Colophon(publisher=ui["pole_social"][lang],
                              licence=ui["colophon_licence_text"][lang],
                              html_url=urls.page_url(site_url, lang,
                                                     render.page_url(document.page)),
                              version=document.version),
            words=self.french_words,
            subtitle=f"{kind} — {ui['pole_social'][lang]}", author=ui["pole_social"][lang],
            subject=document.summary[lang],
            keywords=tuple(k.strip() for k in ui["keywords"][lang].replace("،", ",").split(",")),
            chapters=(self._document_body(document, lang, links),),
            date=utc(_epoch(document.date)), cover_lines=tuple(cover), draft=document.draft,
            page=document.page, site_url=site_url)

    # --- versions that stay ----------------------------------------------------------------

    def _history_url(self, tracked: history.Tracked, lang: str, site_url: str) -> str:
        return urls.page_url(site_url, lang, render.page_url(tracked.history_page))

    def _with_colophon(self, book: Book, site_url: str,
                       entry: history.Entry | None = None) -> Book:
        """The book with its colophon: its version, its date and where its history is read."""
        tracked = next((t for t in self.tracked if t.pdf_id and book.id in
                        (t.pdf_id, *(f"{t.pdf_id}-v{e.version}" for e in t.entries))), None)
        if tracked is None:
            return book
        entry = entry or tracked.current
        colophon = book.colophon or Colophon(
            publisher=messages.UI["pole_social"][book.lang],
            licence=messages.UI["colophon_licence_text"][book.lang], html_url="")
        return replace(book, colophon=replace(
            colophon, version=entry.version, date=history.long_date(entry.date, book.lang),
            history_url=self._history_url(tracked, book.lang, site_url)))

    def _older_books(self, site_url: str) -> list[Book]:
        """The books of the older versions of each printed document, made from the files of
        the commit where each version began (polesocial.history): at their permanent address
        (guide-benevolat-v0.1-fr.pdf), with the date of that version and a cover line saying
        which version replaced it. A version whose files are not in the history, or no longer
        load (they cite an action the strategy no longer has), is left out."""
        books: list[Book] = []
        for tracked in self.tracked:
            if not tracked.pdf_id or len(tracked.entries) < 2:
                continue
            timeline = self.timeline(tracked)
            for entry in tracked.entries[1:]:
                found = timeline.commits.get(entry.version)
                files = timeline.files(entry.version) if found and found[1] else None
                if files is None:
                    continue
                for book in self._version_books(tracked, files, site_url):
                    superseded = history.superseded_line(tracked, book.lang)
                    book = replace(book, id=f"{tracked.pdf_id}-v{entry.version}", current=False,
                                   date=utc(_epoch(entry.date)),
                                   cover_lines=book.cover_lines + (superseded,))
                    books.append(self._with_colophon(book, site_url, entry))
        return books

    def _version_books(self, tracked: history.Tracked, files: dict, site_url: str) -> list[Book]:
        """The books of a document made from ``files`` (its sources at one version), loaded
        and checked as sources are, in a folder of their own; none if they do not load."""
        with tempfile.TemporaryDirectory(prefix="polesocial-version-") as folder:
            root = Path(folder)
            for name, content in files.items():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(content, encoding="utf-8")
            report = Report(root)
            if tracked.kind == "strategy":
                (root / GLOSSARY_FILE).write_bytes((self.root / GLOSSARY_FILE).read_bytes())
                old = load_strategy(root, report)
                if old is None or report.errors:
                    return []
                return strategy_books(root, old, site_url, self.french_words)
            actions = {a.id for _, _, a in self.strategy.actions()}
            groups = {label.id for label in self.strategy.groups}
            folder_path = root / posixpath.dirname(tracked.meta)
            document = guides._load(tracked.kind, folder_path, root, report, actions, groups,
                                    links_mod.identifiers(self.root, actions))
            if document is None or report.errors:
                return []
            document = replace(document, folder=posixpath.dirname(tracked.meta))
            return [self._book(document, lang.code, site_url) for lang in languages.LANGUAGES]


def _strategy_items(strategy: Strategy, path: str) -> list[str]:
    """The tracked items of the strategy that a page of the strategy shows."""
    if path == render.OVERVIEW:
        return ["title", "publisher"] + [f"intro-{n + 1}" for n in range(
            len(strategy.introduction))]
    if path == render.GROUPS:
        return [f"groups.{label.id}" for label in strategy.groups]
    if path == render.ACTORS:
        return [f"actors.{label.id}" for label in strategy.actors]
    for part in strategy.parts:
        if render.part_path(part) == path:
            return [part.id] + [i for o in part.objectives
                                for i in [o.id] + [a.id for a in o.actions]]
    return []


def _epoch(date: dt.date) -> float:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc).timestamp()


def _relative(here: str, page: str) -> str:
    return posixpath.relpath(page, posixpath.dirname(here) or ".")


def load_shared(root: Path) -> tuple[Publication | None, Report]:
    """Everything, checked once per state of the sources (``check.shared``): the engine
    adapters of one build share it. None when any source has an error."""
    from . import check

    report, loaded = check.shared(root)
    return loaded, report


def load(root: Path, report: Report) -> Publication | None:
    """Everything, validated; None (with the problems in ``report``) if anything is wrong."""
    strategy = load_strategy(root, report)
    action_ids = {a.id for _, _, a in strategy.actions()} if strategy else None
    group_ids = {label.id for label in strategy.groups} if strategy else None
    documents = guides.load_all(root, report, action_ids, group_ids)
    campaigns = campaigns_mod.load_all(root, report, action_ids, group_ids)
    # The terminology of every paired text, even when other sources have errors: every
    # problem is told at once.
    errors = len(report.errors)
    terminology.check_sources(root, strategy.glossary if strategy else load_glossary(root),
                              report)
    # Items whose Arabic follows an older French (or none recorded) are shown "under review";
    # told even when other sources have errors.
    states = translations.check(root, report)
    if strategy is None or documents is None or campaigns is None \
            or len(report.errors) > errors:
        return None
    strategy = dataclasses.replace(strategy, review=translations.under_review(
        states, STRATEGY_FILE.as_posix()))
    campaigns = [dataclasses.replace(c, review=translations.under_review(
        states, f"{campaigns_mod.FOLDER.as_posix()}/{c.id}.yml")) for c in campaigns]
    return Publication(root, strategy, documents, campaigns, states)


__all__ = ["GUIDES_INDEX", "STATUS", "Publication", "load"]


def _page_title(docs: Path, relative: str, lang: str) -> str:
    """A hand-written page's title in ``lang`` (its header's), else in French, else its file
    name: the status page names "Accueil", not "index"."""
    for code in (lang, languages.DEFAULT.code):
        path = docs / code / relative
        if path.is_file():
            # The header alone: the build runs once check has judged the whole page.
            split = pages.read_header(path, Report(path.parent))
            title = split[0].get("title") if split is not None else None
            if isinstance(title, str) and title.strip():
                return title
    return relative.removesuffix(".md")
