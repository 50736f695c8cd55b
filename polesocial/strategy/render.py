"""The strategy's pages, as Markdown, in each language.

Every page is written for both languages from the same model, with the same structure and the
same anchors, so the language switcher lands on the same place. Texts from the data are escaped
(HTML and Markdown) before they reach a page: a ``<script>`` in a title stays text. Links between
pages are Markdown links, so the build checks them in strict mode.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field

from .. import collation, languages, messages
from ..web import urls
from . import opendata
from .model import Action, Objective, Part, Strategy

FOLDER = "strategie"
OVERVIEW = f"{FOLDER}/index.md"
GROUPS = f"{FOLDER}/publics.md"
ACTORS = f"{FOLDER}/acteurs.md"
GLOSSARY = f"{FOLDER}/glossaire.md"
PART_FILE = {"axis": "axe-{n}.md", "measure": "mesure-{n}.md"}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def page_paths(strategy: Strategy) -> list[str]:
    """Every generated page, in menu order."""
    return ([OVERVIEW] + [part_path(part) for part in strategy.parts]
            + [GROUPS, ACTORS, GLOSSARY])


def part_path(part: Part) -> str:
    return f"{FOLDER}/" + PART_FILE[part.kind].format(n=part.number)


def anchor(identifier: str) -> str:
    """The HTML id of an identifier: A1.2.3 -> a1-2-3 (stable: it never depends on wording)."""
    return identifier.lower().replace(".", "-")


def page_url(path: str) -> str:
    """Language-neutral URL of a page: strategie/axe-1.md -> strategie/axe-1/."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


# The id of each page's title, so that the printed book can link to a whole page.
PAGE_ANCHORS = {OVERVIEW: "strategie", GROUPS: "publics", ACTORS: "acteurs", GLOSSARY: "glossaire"}


@dataclass(frozen=True)
class Links:
    """Where links lead. On the site: relative Markdown links between pages (checked by the
    strict build). In a printed book: anchors inside the book for the pages it holds, absolute
    addresses on the site for the others; ids made unique across the book's pages."""

    lang: str
    target: str = "web"  # "web" or "print"
    site_url: str = ""
    book: frozenset = field(default_factory=frozenset)  # pages included in the printed book
    # action id -> ((page, title), …) of the guides and charter that serve it
    documents: dict = field(default_factory=dict, compare=False)

    def href(self, from_path: str, to_path: str, fragment: str | None = None) -> str:
        suffix = f"#{fragment}" if fragment else ""
        if self.target == "web":
            if to_path == from_path:
                return suffix or "#"
            return posixpath.relpath(to_path, posixpath.dirname(from_path)) + suffix
        if to_path in self.book:
            return "#" + self.id(to_path, fragment or page_anchor(to_path))
        return urls.page_url(self.site_url, self.lang, page_url(to_path)) + suffix

    def id(self, path: str, value: str) -> str:
        """An element id on page ``path``; in a book, prefixed unless the page owns its ids
        (identifiers of the strategy, glossary terms)."""
        if self.target == "web" or path == GLOSSARY or path.startswith(f"{FOLDER}/axe-") \
                or path.startswith(f"{FOLDER}/mesure-") or value == page_anchor(path):
            return value
        return f"{PAGE_ANCHORS.get(path, 'p')}-{value}"

    def file(self, from_path: str, site_path: str) -> str:
        """A plain file of the site (open data), from the page's URL or as an absolute URL."""
        if self.target == "web":
            depth = 1 + languages.get(self.lang).prefix.count("/")
            return "../" * depth + site_path
        return urls.page_url(self.site_url, languages.DEFAULT.code, site_path)


def page_anchor(path: str) -> str:
    if path in PAGE_ANCHORS:
        return PAGE_ANCHORS[path]
    return path.rsplit("/", 1)[-1].removesuffix(".md").replace("axe-", "a").replace("mesure-", "m")


def link_to(strategy: Strategy, identifier: str, from_path: str, links: Links) -> str:
    """A link target from page ``from_path`` to the item ``identifier``."""
    return links.href(from_path, part_path(strategy.part_of(identifier)), anchor(identifier))


def text(value: str) -> str:
    """Data text made safe for Markdown: HTML escaped, Markdown syntax neutralised."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def _front_matter(title: str, description: str, searched: bool = True) -> str:
    """A generated page's header. ``searched=False`` keeps the page out of the site's search
    (``search: exclude: true``, as an editor writes it in a page's header)."""
    # JSON strings are valid YAML scalars: any quote or colon in the data stays text.
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n"
            + ("" if searched else "search:\n  exclude: true\n") + "---\n\n")


def part_label(part: Part, lang: str, short: bool = False) -> str:
    key = f"{part.kind}_{'short' if short else 'label'}"
    return messages.UI[key][lang].format(n=part.number)


def part_heading(part: Part, lang: str) -> str:
    return f"{part_label(part, lang)} : {part.title[lang]}" if lang == "fr" \
        else f"{part_label(part, lang)}: {part.title[lang]}"


def render_page(strategy: Strategy, path: str, lang: str, links: Links | None = None) -> str:
    """The Markdown of one generated page in one language (with its header)."""
    links = links or Links(lang)
    if path == OVERVIEW:
        return _overview(strategy, lang, links)
    if path == GROUPS:
        return _index(strategy, lang, "groups", links)
    if path == ACTORS:
        return _index(strategy, lang, "actors", links)
    if path == GLOSSARY:
        return _glossary(strategy, lang, links)
    for part in strategy.parts:
        if part_path(part) == path:
            return _part(strategy, part, lang, links)
    raise KeyError(path)


def split_header(markdown: str) -> tuple[dict, str]:
    """(title and description, body) of a page made by ``render_page``."""
    _, header, body = markdown.split("---\n", 2)
    meta = {key: json.loads(value) for key, value in
            (line.split(": ", 1) for line in header.strip().splitlines())}
    return meta, body.lstrip("\n")


def _ui(key: str, lang: str, **values) -> str:
    return messages.UI[key][lang].format(**values)


def _summary(part: Part, lang: str) -> str:
    return " · ".join([messages.count(len(part.objectives), "objective", lang),
                       messages.count(len(part.actions), "action", lang)])


def _overview(strategy: Strategy, lang: str, links: Links) -> str:
    here = OVERVIEW
    counts = [messages.count(len(strategy.axes), "axis", lang),
              messages.count(len(strategy.measures), "measure", lang),
              messages.count(len(strategy.objectives()), "objective", lang),
              messages.count(len(strategy.actions()), "action", lang)]
    out = [_front_matter(strategy.title[lang], _ui("overview_description", lang)),
           f"# {text(strategy.title[lang])} {{#{links.id(here, page_anchor(here))}}}\n",
           f"{text(_ui('period_note', lang))}\n{{ .ps-lead }}\n"]
    if strategy.review and lang != languages.DEFAULT.code:
        under = languages.join_list(sorted(strategy.review, key=_order(strategy)), lang)
        out.append(f'!!! warning ps-notice "{attr(_ui("review_title", lang))}"\n\n'
                   f'    {text(_ui("review_cover", lang, items=under))}\n')
    out += [f"{text(paragraph[lang])}\n" for paragraph in strategy.introduction]
    out.append(f"## {text(_ui('overview_title', lang))} {{#{links.id(here, 'overview')}}}\n")
    out.append(f"**{text(' · '.join(counts))}**\n{{ .ps-counts }}\n")
    for heading, parts in (("axes_heading", strategy.axes),
                           ("measures_heading", strategy.measures)):
        out.append(f"## {text(_ui(heading, lang))} {{#{links.id(here, heading)}}}\n")
        for part in parts:
            target = part_path(part)
            out.append(f"### [{text(part_heading(part, lang))}]({links.href(here, target)}) "
                       f"{{#{links.id(here, anchor(part.id))}}}\n")
            if part.objectives:
                out.append(f"{text(_summary(part, lang))}\n{{ .ps-counts }}\n")
            else:
                out.append(f"{text(_ui('no_objectives', lang))}\n{{ .ps-counts }}\n")
            if part.note:
                out.append(f"{text(part.note[lang])}\n")
            for objective in part.objectives:
                n = messages.count(len(objective.actions), "action", lang)
                out.append(f"- [{objective.id}]({links.href(here, target, anchor(objective.id))})"
                           f"{{ .ps-id }} "
                           f"{text(objective.title[lang])} ({text(n)})")
            out.append("")
    out.append(f"## {text(_ui('indexes_heading', lang))} {{#{links.id(here, 'data')}}}\n")
    out.append(f"- [{text(_ui('groups_title', lang))}]({links.href(here, GROUPS)})")
    out.append(f"- [{text(_ui('actors_title', lang))}]({links.href(here, ACTORS)})")
    out.append(f"- [{text(_ui('glossary_title', lang))}]({links.href(here, GLOSSARY)}) "
               f"({text(messages.count(len(strategy.glossary), 'term', lang))})\n")
    out.append(f"### {text(_ui('open_data', lang))} {{#{links.id(here, 'open-data')}}}\n")
    out.append(f"{text(_ui('open_data_text', lang))}\n")
    # The files are written once for the whole site (not per language): plain HTML links.
    for kind in ("json", "csv"):
        name = opendata.FILES[kind]
        size = max(1, round(len(opendata.serialise(strategy, kind)) / 1024))
        out.append(f'- <a href="{attr(links.file(here, f"{FOLDER}/{name}"))}" download>'
                   f"{attr(name)}</a> — " + text(languages.join_list(
                       (_ui(f'open_data_{kind}', lang), _ui('size_kb', lang, n=size)), lang)))
    return "\n".join(out) + "\n"


def _order(strategy: Strategy):
    """Sort key of identifiers in the order of the strategy (others, such as intro-1, first)."""
    ranks = {i: n for n, i in enumerate(
        [p.id for p in strategy.parts] + [o.id for _, o in strategy.objectives()]
        + [a.id for _, _, a in strategy.actions()])}
    return lambda identifier: (ranks.get(identifier, -1), identifier)


def _tags(strategy: Strategy, action: Action, lang: str, here: str, links: Links) -> str:
    groups = {label.id: label.label for label in strategy.groups}
    actors = {label.id: label.label for label in strategy.actors}
    served = languages.join_list((f"[{text(groups[g][lang])}]({links.href(here, GROUPS, g)})"
                                  for g in action.serves), lang)
    acting = languages.join_list((f"[{text(actors[a][lang])}]({links.href(here, ACTORS, a)})"
                                  for a in action.actors), lang)
    # A right-to-left mark between the two groups, for the same reason as in _label.
    mark = "\u200f" if languages.get(lang).direction == "rtl" else ""
    return (f'<span class="ps-tags"><span class="ps-tag-group">'
            f'{_label(_ui("serves", lang), "ps-tag-label", lang)} {served}</span>{mark} '
            f'<span class="ps-tag-group">{_label(_ui("actors", lang), "ps-tag-label", lang)} '
            f"{acting}</span></span>")


def _label(label: str, css_class: str, lang: str) -> str:
    """A label ("الجهات المتدخلة:") in its element. In right-to-left text the colon stands
    outside the element: inside, PDF text extraction (pypdf) moved it, with the space after
    it, to the other side of the label, and glued the label to its value."""
    if languages.get(lang).direction == "rtl" and label.endswith(":"):
        return f'<span class="{css_class}">{text(label[:-1].rstrip())}</span>:'
    return f'<span class="{css_class}">{text(label)}</span>'


def _note(title: str, body: str) -> str:
    return f'!!! note "{attr(title)}"\n\n    {text(body)}\n'


def review_notice(strategy: Strategy, ids, lang: str) -> str:
    """The notice of an Arabic page some of whose items are under review (none in French)."""
    under = [i for i in ids if i in strategy.review]
    if lang == languages.DEFAULT.code or not under:
        return ""
    return (f'!!! warning ps-notice "{attr(_ui("review_title", lang))}"\n\n'
            f'    {text(_ui("review_items", lang, items=languages.join_list(under, lang)))}\n')


def _review_mark(strategy: Strategy, identifier: str, lang: str) -> str:
    if lang == languages.DEFAULT.code or identifier not in strategy.review:
        return ""
    return f' <span class="ps-review">{text(_ui("review_mark", lang))}</span>'


def _part(strategy: Strategy, part: Part, lang: str, links: Links) -> str:
    here = part_path(part)
    out = [_front_matter(f"{part_label(part, lang, short=True)} : {part.title[lang]}"
                         if lang == "fr" else
                         f"{part_label(part, lang, short=True)}: {part.title[lang]}",
                         f"{strategy.title[lang]} — {part_heading(part, lang)}"),
           f"# {text(part_heading(part, lang))} {{#{anchor(part.id)} .ps-{part.kind}}}\n",
           f"{text(strategy.title[lang])} · "
           f"{text(_summary(part, lang) if part.objectives else _ui('no_objectives', lang))}"
           f"\n{{ .ps-lead }}\n"]
    ids = [part.id] + [i for o in part.objectives for i in [o.id] + [a.id for a in o.actions]]
    out.append(review_notice(strategy, ids, lang))
    if part.note:
        out.append(_note(_ui("editorial_note", lang), part.note[lang]))
    if part.see_also:
        refs = languages.join_list((f"[{ref}]({link_to(strategy, ref, here, links)})"
                                    for ref in part.see_also), lang)
        out.append(f"{text(_ui('see_also', lang))} {refs}\n")
    for objective in part.objectives:
        out.append(_objective(strategy, objective, lang, here, links))
    return "\n".join(out)


def _objective(strategy: Strategy, objective: Objective, lang: str, here: str,
               links: Links) -> str:
    out = [f"## {objective.id} — {text(objective.title[lang])} {{#{anchor(objective.id)}}}\n"]
    if _review_mark(strategy, objective.id, lang):
        out.append(f"{_review_mark(strategy, objective.id, lang).strip()}\n")
    if objective.editorial_note:
        out.append(_note(_ui("editorial_note", lang), objective.editorial_note[lang]))
    for action in objective.actions:
        served_by = ""
        if links.documents.get(action.id):
            served_by = (f' <span class="ps-tags"><span class="ps-tag-label">'
                         f'{text(_ui("action_guides", lang))}</span> ' + languages.join_list(
                             (f"[{text(title[lang])}]({links.href(here, page)})"
                              for page, title in links.documents[action.id]), lang) + "</span>")
        out.append(f"- [{action.id}](#{anchor(action.id)}){{ .ps-id }} {text(action.text[lang])}"
                   f"{_review_mark(strategy, action.id, lang)} "
                   f"{_tags(strategy, action, lang, here, links)}{served_by}\n"
                   f"  {{#{anchor(action.id)}}}")
    return "\n".join(out) + "\n"


def _index(strategy: Strategy, lang: str, vocabulary: str, links: Links) -> str:
    here = GROUPS if vocabulary == "groups" else ACTORS
    labels = strategy.groups if vocabulary == "groups" else strategy.actors
    out = [_front_matter(_ui(f"{vocabulary}_title", lang), _ui(f"{vocabulary}_description", lang)),
           f"# {text(_ui(f'{vocabulary}_title', lang))} {{#{page_anchor(here)}}}\n",
           f"{text(_ui(f'{vocabulary}_description', lang))}\n"]
    if vocabulary == "actors":
        out.append(f"{text(_ui('actors_intro', lang))}\n")
    for label in labels:
        actions = [(part, action) for part, _, action in strategy.actions()
                   if label.id in getattr(action, "serves" if vocabulary == "groups"
                                          else "actors")]
        out.append(f"## {text(label.label[lang])} {{#{links.id(here, label.id)}}}\n")
        out.append(f"{text(messages.count(len(actions), 'action', lang))}\n{{ .ps-counts }}\n")
        for part, action in actions:
            target = links.href(here, part_path(part), anchor(action.id))
            out.append(f"- [{action.id}]({target}){{ .ps-id }} "
                       f"{text(action.text[lang])}")
        out.append("")
    return "\n".join(out)


def _glossary(strategy: Strategy, lang: str, links: Links) -> str:
    other = "ar" if lang == "fr" else "fr"
    other_dir = languages.get(other).direction
    out = [_front_matter(_ui("glossary_title", lang), _ui("glossary_description", lang)),
           f"# {text(_ui('glossary_title', lang))} {{#{page_anchor(GLOSSARY)}}}\n",
           f"{text(_ui('glossary_intro', lang))}\n"]
    # The terms in the alphabetical order of the page's language (ICU's collation); each term
    # in a block of its own, so the printed glossary keeps a term with its definition.
    out.append('<div class="ps-glossary" markdown="1">\n')
    for term in collation.sorted_by(strategy.glossary, lang, key=lambda t: getattr(t, lang)):
        status = _ui("term_verified" if term.verified else "term_unverified", lang)
        out.append('<div class="ps-term" markdown="1">\n')
        out.append(f"## {text(getattr(term, lang))} {{#{term.id}}}\n")
        # A right-to-left mark after the French term: without it, PDF text extraction glued
        # the term's last word to the status that follows ("appuiمصطلح").
        mark = "\u200f" if languages.get(lang).direction == "rtl" else ""
        out.append(f'{_label(_ui("term_other_language", lang), "ps-label", lang)} '
                   f'<span lang="{other}" dir="{other_dir}">{text(getattr(term, other))}</span>'
                   f'{mark} '
                   f'<span class="ps-status{"" if term.verified else " ps-status--todo"}">'
                   f"{text(status)}</span>\n")
        out.append(f"{text(term.definition[lang])}\n")
        out.append("</div>\n")
    out.append("</div>\n")
    return "\n".join(out)
