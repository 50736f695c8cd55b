"""The strategy's pages, as Markdown, in each language.

Every page is written for both languages from the same model, with the same structure and the
same anchors, so the language switcher lands on the same place. Texts from the data are escaped
(HTML and Markdown) before they reach a page: a ``<script>`` in a title stays text. Links between
pages are Markdown links, so the build checks them in strict mode.
"""

from __future__ import annotations

import html
import json
import re

from .. import languages, messages
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


def link_to(strategy: Strategy, identifier: str, from_path: str) -> str:
    """A Markdown link target from page ``from_path`` to the item ``identifier``."""
    target = part_path(strategy.part_of(identifier))
    page = "" if target == from_path else target.rsplit("/", 1)[-1]
    return f"{page}#{anchor(identifier)}"


def text(value: str) -> str:
    """Data text made safe for Markdown: HTML escaped, Markdown syntax neutralised."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def _front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML scalars: any quote or colon in the data stays text.
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n---\n\n")


def part_label(part: Part, lang: str, short: bool = False) -> str:
    key = f"{part.kind}_{'short' if short else 'label'}"
    return messages.UI[key][lang].format(n=part.number)


def part_heading(part: Part, lang: str) -> str:
    return f"{part_label(part, lang)} : {part.title[lang]}" if lang == "fr" \
        else f"{part_label(part, lang)}: {part.title[lang]}"


def render_page(strategy: Strategy, path: str, lang: str) -> str:
    """The Markdown of one generated page in one language."""
    if path == OVERVIEW:
        return _overview(strategy, lang)
    if path == GROUPS:
        return _index(strategy, lang, "groups")
    if path == ACTORS:
        return _index(strategy, lang, "actors")
    if path == GLOSSARY:
        return _glossary(strategy, lang)
    for part in strategy.parts:
        if part_path(part) == path:
            return _part(strategy, part, lang)
    raise KeyError(path)


def _ui(key: str, lang: str, **values) -> str:
    return messages.UI[key][lang].format(**values)


def _summary(part: Part, lang: str) -> str:
    return " · ".join([messages.count(len(part.objectives), "objective", lang),
                       messages.count(len(part.actions), "action", lang)])


def _overview(strategy: Strategy, lang: str) -> str:
    counts = [messages.count(len(strategy.axes), "axis", lang),
              messages.count(len(strategy.measures), "measure", lang),
              messages.count(len(strategy.objectives()), "objective", lang),
              messages.count(len(strategy.actions()), "action", lang)]
    out = [_front_matter(strategy.title[lang], _ui("overview_description", lang)),
           f"# {text(strategy.title[lang])}\n",
           f"{text(_ui('period_note', lang))}\n{{ .ps-lead }}\n"]
    out += [f"{text(paragraph[lang])}\n" for paragraph in strategy.introduction]
    out.append(f"## {text(_ui('overview_title', lang))} {{#overview}}\n")
    out.append(f"**{text(' · '.join(counts))}**\n{{ .ps-counts }}\n")
    for heading, parts in (("axes_heading", strategy.axes),
                           ("measures_heading", strategy.measures)):
        out.append(f"## {text(_ui(heading, lang))}\n")
        for part in parts:
            target = part_path(part).rsplit("/", 1)[-1]
            out.append(f"### [{text(part_heading(part, lang))}]({target}) "
                       f"{{#{anchor(part.id)}}}\n")
            if part.objectives:
                out.append(f"{text(_summary(part, lang))}\n{{ .ps-counts }}\n")
            else:
                out.append(f"{text(_ui('no_objectives', lang))}\n{{ .ps-counts }}\n")
            if part.note:
                out.append(f"{text(part.note[lang])}\n")
            for objective in part.objectives:
                n = messages.count(len(objective.actions), "action", lang)
                out.append(f"- [{objective.id}]({target}#{anchor(objective.id)}){{ .ps-id }} "
                           f"{text(objective.title[lang])} ({text(n)})")
            out.append("")
    out.append(f"## {text(_ui('indexes_heading', lang))} {{#data}}\n")
    out.append(f"- [{text(_ui('groups_title', lang))}](publics.md)")
    out.append(f"- [{text(_ui('actors_title', lang))}](acteurs.md)")
    out.append(f"- [{text(_ui('glossary_title', lang))}](glossaire.md) "
               f"({text(messages.count(len(strategy.glossary), 'term', lang))})\n")
    out.append(f"### {text(_ui('open_data', lang))} {{#open-data}}\n")
    out.append(f"{text(_ui('open_data_text', lang))}\n")
    # The files are written once for the whole site (not per language): plain HTML links, with
    # the path from this page's URL (strategie/ or ar/strategie/) back to the site root.
    up = "../" * (1 + languages.get(lang).prefix.count("/"))
    for kind in ("json", "csv"):
        name = opendata.FILES[kind]
        size = max(1, round(len(opendata.serialise(strategy, kind)) / 1024))
        out.append(f'- <a href="{up}{FOLDER}/{name}" download>{attr(name)}</a> — '
                   f"{text(_ui(f'open_data_{kind}', lang))}, "
                   f"{text(_ui('size_kb', lang, n=size))}")
    return "\n".join(out) + "\n"


def _tags(strategy: Strategy, action: Action, lang: str, here: str) -> str:
    groups = {label.id: label.label for label in strategy.groups}
    actors = {label.id: label.label for label in strategy.actors}
    groups_page = "" if here == GROUPS else "publics.md"
    actors_page = "" if here == ACTORS else "acteurs.md"
    served = ", ".join(f"[{text(groups[g][lang])}]({groups_page}#{g})" for g in action.serves)
    acting = ", ".join(f"[{text(actors[a][lang])}]({actors_page}#{a})" for a in action.actors)
    return (f'<span class="ps-tags"><span class="ps-tag-group"><span class="ps-tag-label">'
            f'{text(_ui("serves", lang))}</span> {served}</span> <span class="ps-tag-group">'
            f'<span class="ps-tag-label">{text(_ui("actors", lang))}</span> {acting}</span>'
            f"</span>")


def _note(title: str, body: str) -> str:
    return f'!!! note "{attr(title)}"\n\n    {text(body)}\n'


def _part(strategy: Strategy, part: Part, lang: str) -> str:
    here = part_path(part)
    out = [_front_matter(f"{part_label(part, lang, short=True)} : {part.title[lang]}"
                         if lang == "fr" else
                         f"{part_label(part, lang, short=True)}: {part.title[lang]}",
                         f"{strategy.title[lang]} — {part_heading(part, lang)}"),
           f"# {text(part_heading(part, lang))} {{#{anchor(part.id)}}}\n",
           f"{text(strategy.title[lang])} · "
           f"{text(_summary(part, lang) if part.objectives else _ui('no_objectives', lang))}"
           f"\n{{ .ps-lead }}\n"]
    if part.note:
        out.append(_note(_ui("editorial_note", lang), part.note[lang]))
    if part.see_also:
        links = ", ".join(f"[{ref}]({link_to(strategy, ref, here)})" for ref in part.see_also)
        out.append(f"{text(_ui('see_also', lang))} {links}\n")
    for objective in part.objectives:
        out.append(_objective(strategy, objective, lang, here))
    return "\n".join(out)


def _objective(strategy: Strategy, objective: Objective, lang: str, here: str) -> str:
    out = [f"## {objective.id} — {text(objective.title[lang])} {{#{anchor(objective.id)}}}\n"]
    if objective.editorial_note:
        out.append(_note(_ui("editorial_note", lang), objective.editorial_note[lang]))
    for action in objective.actions:
        out.append(f"- [{action.id}](#{anchor(action.id)}){{ .ps-id }} {text(action.text[lang])} "
                   f"{_tags(strategy, action, lang, here)}\n  {{#{anchor(action.id)}}}")
    return "\n".join(out) + "\n"


def _index(strategy: Strategy, lang: str, vocabulary: str) -> str:
    here = GROUPS if vocabulary == "groups" else ACTORS
    labels = strategy.groups if vocabulary == "groups" else strategy.actors
    out = [_front_matter(_ui(f"{vocabulary}_title", lang), _ui(f"{vocabulary}_description", lang)),
           f"# {text(_ui(f'{vocabulary}_title', lang))}\n",
           f"{text(_ui(f'{vocabulary}_description', lang))}\n"]
    if vocabulary == "actors":
        out.append(f"{text(_ui('actors_intro', lang))}\n")
    for label in labels:
        actions = [(part, action) for part, _, action in strategy.actions()
                   if label.id in getattr(action, "serves" if vocabulary == "groups"
                                          else "actors")]
        out.append(f"## {text(label.label[lang])} {{#{label.id}}}\n")
        out.append(f"{text(messages.count(len(actions), 'action', lang))}\n{{ .ps-counts }}\n")
        for part, action in actions:
            target = part_path(part).rsplit("/", 1)[-1]
            out.append(f"- [{action.id}]({target}#{anchor(action.id)}){{ .ps-id }} "
                       f"{text(action.text[lang])}")
        out.append("")
    return "\n".join(out)


def _glossary(strategy: Strategy, lang: str) -> str:
    other = "ar" if lang == "fr" else "fr"
    other_dir = languages.get(other).direction
    out = [_front_matter(_ui("glossary_title", lang), _ui("glossary_description", lang)),
           f"# {text(_ui('glossary_title', lang))}\n",
           f"{text(_ui('glossary_intro', lang))}\n"]
    for term in sorted(strategy.glossary, key=lambda t: getattr(t, lang).casefold()):
        status = _ui("term_verified" if term.verified else "term_unverified", lang)
        out.append(f"## {text(getattr(term, lang))} {{#{term.id}}}\n")
        out.append(f'{text(_ui("term_other_language", lang))} <span lang="{other}" '
                   f'dir="{other_dir}">{text(getattr(term, other))}</span> '
                   f'<span class="ps-status{"" if term.verified else " ps-status--todo"}">'
                   f"{text(status)}</span>\n")
        out.append(f"{text(term.definition[lang])}\n")
    return "\n".join(out)
