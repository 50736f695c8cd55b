"""The Stratégie 4+4: validation of its data (one test per rule), its pages, its open data."""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT, build, check, polesocial
from conftest import edit as edit_file
from polesocial import messages, problems
from polesocial import strategy as strategy_pkg
from polesocial.strategy import opendata, render

DATA = "strategy/strategy.yml"
GLOSSARY = "strategy/glossary.yml"


def named(project, path: str) -> str:
    """How a message names the item of strategy.yml at ``path`` (e.g.
    "axes[0].objectives[0].title.ar" -> "A1.1 « Restructuration des composantes… » · title.ar"):
    by its identifier and the start of its French title, as editors know it."""
    data = yaml.safe_load((project / DATA).read_text(encoding="utf-8"))
    match = re.match(r"((?:axes|measures)\[\d+\](?:\.objectives\[\d+\](?:\.actions\[\d+\])?)?)"
                     r"(?:\.(.+))?$", path)
    if not match:
        return path
    node, identifier = data, ""
    for kind, index in re.findall(r"(axes|measures|objectives|actions)\[(\d+)\]", match.group(1)):
        node = node[kind][int(index)]
        identifier = ({"axes": "A", "measures": "M"}[kind] + str(int(index) + 1)) if kind in (
            "axes", "measures") else f"{identifier}.{int(index) + 1}"
    texts = node.get("text") or node.get("title")
    title = " ".join(str(texts.get("fr", "")).split()) if isinstance(texts, dict) else ""
    if len(title) > 48:
        title = title[:48].rsplit(" ", 1)[0] + "…"
    label = f"{identifier} « {title} »" if title else identifier
    return f"{label} · {match.group(2)}" if match.group(2) else label


@pytest.fixture(scope="module")
def strategy():
    report = problems.Report(ROOT)
    loaded = strategy_pkg.load(ROOT, report)
    assert loaded is not None, [p.format() for p in report.problems]
    return loaded


# --- The shipped data ------------------------------------------------------------------------

def test_shipped_data_is_complete(strategy):
    assert [p.id for p in strategy.axes] == ["A1", "A2", "A3", "A4"]
    assert [p.id for p in strategy.measures] == ["M1", "M2", "M3", "M4"]
    # Objectives and actions per part, as in the source text (58 bullets in all).
    assert {p.id: [len(o.actions) for o in p.objectives] for p in strategy.parts} == {
        "A1": [1, 2, 4, 2], "A2": [3, 2, 3], "A3": [4, 2, 3], "A4": [3, 2, 3, 2],
        "M1": [], "M2": [2, 3], "M3": [2, 2], "M4": [4, 5, 4]}
    assert len(strategy.actions()) == 58
    assert strategy.period == "2012-2016"


def test_source_oddities_are_handled_in_the_open(strategy):
    m1 = strategy.measures[0]
    # M1 has no action of its own; its note names the legislative and regulatory actions.
    assert m1.objectives == () and m1.note
    assert m1.see_also == ("A3.1.2", "A3.1.4", "A3.2.1", "A4.1.1")
    for action in m1.see_also:
        assert action in m1.note["fr"] and action in m1.note["ar"]
    a43, a44 = strategy.axes[3].objectives[2:4]
    assert a43.title == a44.title
    assert a44.acknowledge == ("duplicate-title",) and a44.editorial_note


def test_corrections_list_points_at_real_items(strategy):
    import yaml
    corrections = yaml.safe_load((ROOT / "strategy/corrections.yml").read_text())["corrections"]
    # The ministry's source text, kept verbatim beside the data it became.
    source = ROOT / "strategy/sources/strategie-4plus4.fr.txt"
    text = " ".join(source.read_text(encoding="utf-8").split()).casefold()
    ids = {p.id for p in strategy.parts} | {o.id for _, o in strategy.objectives()} \
        | {a.id for _, _, a in strategy.actions()}
    for item in corrections:
        assert item["where"] in ids or item["where"].startswith("introduction["), item
        assert item["original"] != item["corrected"]
        assert " ".join(item["original"].split()).casefold() in text, item["original"]


# --- Validation: one broken input per rule ---------------------------------------------------

def line_of(project, snippet: str, file: str = DATA) -> int:
    text = (project / file).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(snippet)) + 1


def edit(project, old: str, new: str, file: str = DATA) -> int:
    """Replace the first ``old`` in a data file by ``new``; return the line where it starts."""
    return edit_file(project / file, old, new)


A111_AR = ("              ar: >-\n"
           "                إعداد مشروع جديد لإعادة هيكلة الوزارة والمؤسسات الموضوعة تحت وصايتها، يستجيب\n"
           "                للحاجيات ولمختلف الإشكاليات المرتبطة باختصاصات القطب الاجتماعي. وتهدف إعادة الهيكلة\n"
           "                هذه أيضا إلى تعزيز المهن الأساسية للقطب.\n")
A11_TITLE = ('          fr: "Restructuration des composantes du Pôle social"\n'
             '          ar: "إعادة هيكلة مكونات القطب الاجتماعي"\n')


def test_yaml_syntax_error(project):
    line = edit(project, "serves: [pole_staff]", "serves: [pole_staff")
    code, err = check(project)
    assert code == 1
    # Where the "[" that is never closed opens, in the editor's words.
    found = re.search(r"strategy/strategy\.yml:(\d+):\d+: erreur: la liste « \[ » ou le groupe "
                      r"« \{ » ouvert ici n’est pas fermé", err)
    assert found and int(found.group(1)) == line, err


def test_missing_arabic_text(project):
    edit(project, A111_AR, "")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:139:15: erreur [{named(project, 'axes[0].objectives[0].actions[0].text.ar')}]: " \
           "le champ « ar » manque" in err


def test_empty_text(project):
    line = edit(project, A11_TITLE, A11_TITLE.replace('"إعادة هيكلة مكونات القطب الاجتماعي"',
                                                        '"  "')) + 1
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:11: erreur [{named(project, 'axes[0].objectives[0].title.ar')}]: " \
           "ce texte est vide" in err


def test_swapped_languages(project):
    line = edit(project, A11_TITLE, '          fr: "إعادة هيكلة مكونات القطب الاجتماعي"\n'
                                    '          ar: "Restructuration des composantes du Pôle social"\n')
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:11: erreur [{named(project, 'axes[0].objectives[0].title.fr')}]: le texte " \
           "français est surtout écrit en caractères arabes" in err
    assert f"strategy/strategy.yml:{line + 1}:11: erreur [{named(project, 'axes[0].objectives[0].title.ar')}]: le " \
           "texte arabe est surtout écrit en caractères latins" in err


def test_untranslated_arabic_text(project):
    line = edit(project, '      ar: "الدعم المؤسساتي للقطب الاجتماعي وتقويته"',
                '      ar: "Appui institutionnel et renforcement du Pôle social"')
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:7: erreur [{named(project, 'axes[0].title.ar')}]: le texte arabe est " \
           "surtout écrit en caractères latins" in err


def test_eastern_arabic_digits(project):
    edit(project, "القانون رقم 14.05 (الإجراء", "القانون رقم ١٤.٠٥ (الإجراء")
    line = line_of(project, "      ar: >-\n        لا يفصل النص المصدر")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:7: erreur [{named(project, 'measures[0].note.ar')}]: le texte arabe " \
           "contient des chiffres arabes orientaux (٠-٩)" in err


def test_wrong_type(project):
    line = edit(project, "    title:\n      fr: \"Appui institutionnel",
                "    title: [Appui]\n    old_title:\n      fr: \"Appui institutionnel")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:5: erreur [{named(project, 'axes[0].title')}]: cette valeur doit être un " \
           "ensemble de champs" in err


def test_unknown_key(project):
    line = edit(project, "            serves: [pole_staff]\n",
                "            serves: [pole_staff]\n            sevres: [women]\n") + 1
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:13: erreur [{named(project, 'axes[0].objectives[0].actions[0].sevres')}]: " \
           "champ « sevres » inconnu (faute de frappe ?)" in err


def test_identifier_out_of_place(project):
    line = edit(project, "          - id: A1.1.1\n", "          - id: A1.1.2\n")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:13: erreur [{named(project, 'axes[0].objectives[0].actions[0].id')}]: " \
           "l’identifiant « A1.1.2 » ne correspond pas à sa place : « A1.1.1 » attendu" in err


def test_duplicate_vocabulary_identifier(project):
    line = edit(project, "    - id: cooperatives\n      label:\n        fr: \"Coopératives\"",
                "    - id: associations\n      label:\n        fr: \"Coopératives\"")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:7: erreur [vocabularies.groups[2].id]: l’identifiant " \
           "« associations » est déjà utilisé" in err


def test_unknown_tag(project):
    line = edit(project, "serves: [pole_staff]", "serves: [pole_staf]")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:22: erreur [{named(project, 'axes[0].objectives[0].actions[0].serves[0]')}]: " \
           "« pole_staf » n’est pas défini dans vocabularies.groups" in err


def test_repeated_tag(project):
    line = edit(project, "actors: [pole_social]", "actors: [pole_social, pole_social]")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:35: erreur [{named(project, 'axes[0].objectives[0].actions[0].actors[1]')}]: " \
           "« pole_social » est cité deux fois" in err


def test_unknown_cross_reference(project):
    line = edit(project, "see_also: [A3.1.2, A3.1.4, A3.2.1, A4.1.1]",
                "see_also: [A3.1.2, A3.1.4, A3.2.1, A4.1.9]")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:40: erreur [{named(project, 'measures[0].see_also[3]')}]: « A4.1.9 » n’est " \
           "pas défini dans strategy/strategy.yml" in err


def test_part_without_objectives_needs_a_note(project):
    text = (project / DATA).read_text(encoding="utf-8")
    start = text.index("    note:\n      fr: >-\n        Le texte source ne détaille")
    end = text.index("    see_also: [A3.1.2, A3.1.4, A3.2.1, A4.1.1]\n")
    (project / DATA).write_text(text[:start] + text[end:], encoding="utf-8")
    line = (text[:start] + text[end:]).splitlines().index("    objectives: []", 600) + 1
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:5: erreur [{named(project, 'measures[0].objectives')}]: cette partie n’a " \
           "aucun objectif" in err


def test_a_change_to_the_french_must_be_the_source_or_a_recorded_correction(project):
    edit(project, "Préparer un nouveau projet de restructuration",
         "Préparer un projet de restructuration")
    code, err = check(project)
    assert code == 1
    # At the line of the French text, naming the action and the file to record it in.
    assert f"strategy/strategy.yml:139:15: erreur [{named(project, 'axes[0].objectives[0].actions[0].text.fr')}]: " \
           "le texte français de A1.1.1 n’est pas celui du texte source de la stratégie " \
           "(strategy/sources/strategie-4plus4.fr.txt)" in err, err
    assert "inscrivez la correction dans strategy/corrections.yml (where: A1.1.1" in err
    # Recorded as a correction of the source, the same text passes.
    corrections = project / "strategy/corrections.yml"
    corrections.write_text(corrections.read_text(encoding="utf-8") + (
        '  - where: A1.1.1\n'
        '    original: "Préparer un nouveau projet"\n'
        '    corrected: "Préparer un projet"\n'
        '    reason: "essai"\n'), encoding="utf-8")
    code, err = check(project)
    assert code == 0 and "n’est pas celui du texte source" not in err, err
    assert "make translated DOC=strategy/strategy.yml ITEMS=A1.1.1" in err  # review the Arabic


def test_each_correction_applies_to_the_source_and_to_its_item(project):
    unknown = edit(project, "where: A1.2.2", "where: A1.2.22", file="strategy/corrections.yml")
    missing = edit(project, 'original: "se fond sur"', 'original: "se fonds sur"',
                   file="strategy/corrections.yml")
    stale = edit(project, 'corrected: "institutions sous tutelle"',
                 'corrected: "institutions sous la tutelle"', file="strategy/corrections.yml")
    code, err = check(project)
    assert code == 1
    assert f"strategy/corrections.yml:{unknown}:5: erreur [corrections[5].where]: « A1.2.22 » " \
           "n’est ni un titre ni une action de la stratégie — Correction : écrivez " \
           "l’identifiant de l’élément corrigé (vouliez-vous dire A1.2.2" in err, err
    assert f"strategy/corrections.yml:{missing}:5: erreur [corrections[1].original]: le passage " \
           "de « original » ne se trouve pas dans le texte source" in err, err
    assert f"strategy/corrections.yml:{stale}:5: avertissement [corrections[4].corrected]: " \
           "cette correction de A1.1.1 ne correspond plus à son texte" in err, err
    # The texts those corrections no longer explain are reported too.
    assert "le texte français de introduction[1] n’est pas celui du texte source" in err
    assert "le texte français de A1.1.1 n’est pas celui du texte source" in err


def test_duplicate_title_is_a_warning_unless_acknowledged(project):
    line = edit(project, '          ar: "دعم الفاعلين في مجال التنمية ومواكبتهم"',
                '          ar: "إعادة هيكلة مكونات القطب الاجتماعي"')
    code, err = check(project)
    assert code == 0
    assert f"strategy/strategy.yml:{line}:11: avertissement [{named(project, 'axes[1].objectives[0].title.ar')}]: " \
           "A2.1 porte le même titre que A1.1" in err
    assert check(project, "--strict")[0] == 1


def test_acknowledgement_needs_an_editorial_note(project):
    text = (project / DATA).read_text(encoding="utf-8")
    start = text.index("        editorial_note:\n          fr: >-\n            Le texte source donne")
    end = text.index("        actions:\n          - id: A4.4.1")
    (project / DATA).write_text(text[:start] + text[end:], encoding="utf-8")
    code, err = check(project)
    assert code == 1
    assert f"erreur [{named(project, 'axes[3].objectives[3].acknowledge')}]: une particularité reconnue doit être " \
           "expliquée aux lecteurs" in err


def test_unknown_acknowledgement(project):
    line = edit(project, "acknowledge: [duplicate-title]", "acknowledge: [duplicate-titel]")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:23: erreur [{named(project, 'axes[3].objectives[3].acknowledge[0]')}]: " \
           "« duplicate-titel » ne peut pas être reconnu ici" in err


def test_acknowledgement_without_duplicate_is_flagged(project):
    edit(project, '''          fr: "Inclusion sociale à travers l’autonomisation économique"
          ar: "الإدماج الاجتماعي عبر التمكين الاقتصادي"
        acknowledge''', '''          fr: "Accès à l’éducation, à la santé et aux postes de décision"
          ar: "الولوج إلى التربية والصحة ومناصب القرار"
        acknowledge''')
    code, err = check(project, "--strict")
    assert code == 1
    assert f"avertissement [{named(project, 'axes[3].objectives[3].acknowledge')}]: ce titre n’est plus en double" in err


def test_unused_vocabulary_entry(project):
    line = edit(project, "  actors:\n    - id: pole_social\n",
                "  actors:\n    - id: nobody\n      label: {fr: \"Personne du tout\", "
                "ar: \"لا أحد على الإطلاق\"}\n    - id: pole_social\n") + 1
    code, err = check(project, "--strict")
    assert code == 1
    assert f"strategy/strategy.yml:{line}:7: avertissement [vocabularies.actors[0]]: « nobody » " \
           "n’est utilisé par aucune action" in err


def test_terminology_mismatch_names_the_item(project):
    line = edit(project, "                للحاجيات ولمختلف الإشكاليات المرتبطة باختصاصات القطب الاجتماعي.",
                "                للحاجيات ولمختلف الإشكاليات المرتبطة باختصاصات القطب.") - 2
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:15: erreur [{named(project, 'axes[0].objectives[0].actions[0].text.ar')}]: " \
           "A1.1.1 : le texte français emploie « Pôle social », mais le texte arabe n’emploie pas " \
           "le terme du glossaire « القطب الاجتماعي »" in err


def test_schema_version(project):
    edit(project, "schema: 1\n", "schema: 2\n")
    code, err = check(project)
    assert code == 1
    assert "strategy/strategy.yml:1:1: erreur [schema]: version de format 2 inconnue" in err


def test_unsafe_yaml_tag_is_refused(project):
    line = edit(project, 'id: strategie-4plus4', 'id: !!python/object/apply:os.system ["echo x"]')
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:5: erreur: étiquette de type " \
        "« !!python/object/apply:os.system »" in err


def test_glossary_rules(project):
    line = edit(project, "    verified: true\n", "    verified: yes please\n", file=GLOSSARY)
    edit(project, "  - id: strategie-4plus4\n", "  - id: pole-social\n", file=GLOSSARY)
    code, err = check(project)
    assert code == 1
    assert f"strategy/glossary.yml:{line}:5: erreur [terms[0].verified]: cette valeur doit être " \
           "true ou false" in err
    assert "erreur [terms[1].id]: l’identifiant « pole-social » est déjà utilisé" in err


def test_missing_data_file(project):
    (project / DATA).unlink()
    code, err = check(project)
    assert code == 1
    assert "strategy/strategy.yml: erreur: le fichier est introuvable" in err


def test_all_problems_are_reported_at_once_and_nothing_is_published(project, tmp_path):
    edit(project, "serves: [pole_staff]", "serves: [pole_staf]")
    edit(project, "          - id: A1.1.1\n", "          - id: A1.1.7\n")
    edit(project, A11_TITLE, A11_TITLE.replace("إعادة هيكلة مكونات القطب الاجتماعي",
                                               "Restructuration des composantes"))
    result = polesocial("build", "--site-dir", str(tmp_path / "site"), root=project)
    assert result.returncode == 1
    # The Arabic title now lacks the glossary term of its French text: a fourth error.
    assert "4 erreur(s)" in result.stderr
    for where in ("A1.1.1 « Préparer un nouveau projet de restructuration… » · serves[0]]",
                  "A1.1.1 « Préparer un nouveau projet de restructuration… » · id]",
                  "A1.1 « Restructuration des composantes du Pôle social » · title.ar]: le texte",
                  "A1.1 « Restructuration des composantes du Pôle social » · title.ar]: A1.1 : le "
                  "texte français emploie"):
        assert where in result.stderr, where
    assert not (tmp_path / "site").exists()


def test_every_problem_code_has_its_message_and_every_message_is_used():
    # The modules that report problems (the others also hold CSS class names and the like).
    reporting = ["sources.py", "pages.py", "siteconfig.py", "schema.py", "strategy/load.py",
                 "strategy/corrections.py",
                 "check.py", "trust.py", "sanitiser.py", "links.py", "counts.py",
                 "guides.py", "campaigns.py", "terminology.py", "translations.py", "history.py"]
    source = "".join((ROOT / "polesocial" / name).read_text(encoding="utf-8")
                     for name in reporting)
    # Hyphenated string literals, less CSS classes and standard values, are message codes.
    literals = {value for value in re.findall(r'"([a-z]+(?:-[a-z]+)+)"', source)
                if not value.startswith("ps-")}
    from polesocial import guides
    not_codes = {"duplicate-title", "utf-8", "utf-8-sig", "x-default", "http-equiv"} | {
        anchor for anchor, _, _ in guides.SKELETON_SECTIONS}
    assert literals - not_codes <= set(messages.PROBLEMS), literals - not_codes
    unused = [code for code in messages.PROBLEMS if f'"{code}"' not in source]
    assert not unused, unused


# --- Pages ------------------------------------------------------------------------------------

class Items(HTMLParser):
    """Text of every element that has an id, and the page's <h1>."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: dict[str, str] = {}
        self.h1 = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self.stack.append((tag, dict(attrs).get("id")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for tag, identifier in self.stack:
            if identifier:
                self.texts[identifier] = self.texts.get(identifier, "") + data
            if tag == "h1":
                self.h1 += data


def items(site, path: str) -> Items:
    parser = Items()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    # As the data reads: French typography's narrow spaces and en dashes set back.
    parser.texts = {k: " ".join(v.replace("\u202f", " ").replace("\u00a0", " ")
                                .replace("–", "-").split())
                    for k, v in parser.texts.items()}
    return parser


def spaced(text: str) -> str:
    """``text`` without what French typography changes: the spaces before ; : ! ? and inside
    « », the accents it puts on capitals (Elaborer -> Élaborer)."""
    text = "".join(c for c in unicodedata.normalize("NFD", text.replace("–", "-"))
                   if unicodedata.category(c) != "Mn")
    return re.sub(r"«\s+", "«", re.sub(r"\s+([;:!?»])", r"\1", " ".join(text.split())))


def page_url(part_or_path, lang: str) -> str:
    path = part_or_path if isinstance(part_or_path, str) else render.part_path(part_or_path)
    return ("ar/" if lang == "ar" else "") + render.page_url(path)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_objective_and_action_is_on_its_page_under_its_anchor(site, strategy, lang):
    for part in strategy.parts:
        page = items(site, page_url(part, lang))
        assert spaced(part.title[lang]) in spaced(page.h1), part.id
        for objective in part.objectives:
            heading = page.texts[render.anchor(objective.id)]
            assert objective.id in heading and \
                spaced(objective.title[lang]) in spaced(heading), objective.id
            for action in objective.actions:
                item = page.texts[render.anchor(action.id)]
                assert action.id in item and spaced(action.text[lang]) in spaced(item), action.id


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_overview_counts_match_the_data(site, strategy, lang):
    page = items(site, page_url(render.OVERVIEW, lang))
    html = (site / page_url(render.OVERVIEW, lang) / "index.html").read_text(encoding="utf-8")
    summary = " · ".join([messages.count(4, "axis", lang), messages.count(4, "measure", lang),
                          messages.count(len(strategy.objectives()), "objective", lang),
                          messages.count(len(strategy.actions()), "action", lang)])
    text = re.sub(r"<[^>]+>", "", html)
    assert summary in text
    for part in strategy.parts:
        assert part.title[lang] in page.texts[render.anchor(part.id)]
        if part.objectives:
            assert " · ".join([messages.count(len(part.objectives), "objective", lang),
                               messages.count(len(part.actions), "action", lang)]) in text
        for objective in part.objectives:
            link = f'href="{render.part_path(part).split("/")[1].removesuffix(".md")}/' \
                   f'#{render.anchor(objective.id)}"'
            assert link in html, link


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("vocabulary, path", [("serves", render.GROUPS), ("actors", render.ACTORS)])
def test_indexes_list_every_action_under_each_of_its_tags(site, strategy, lang, vocabulary, path):
    html = (site / page_url(path, lang) / "index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<h2 id="([a-z_]+)">(.*?)(?=<h2 |</article>)', html, re.S))
    labels = strategy.groups if vocabulary == "serves" else strategy.actors
    assert set(sections) == {label.id for label in labels}
    for part, _, action in strategy.actions():
        for tag in getattr(action, vocabulary):
            link = f'href="../{render.part_path(part).split("/")[1].removesuffix(".md")}/' \
                   f'#{render.anchor(action.id)}"'
            assert link in sections[tag], (tag, action.id)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_glossary_page_lists_every_term_with_its_status(site, strategy, lang):
    page = items(site, page_url(render.GLOSSARY, lang))
    for term in strategy.glossary:
        assert getattr(term, lang) in page.texts[term.id]
    html = (site / page_url(render.GLOSSARY, lang) / "index.html").read_text(encoding="utf-8")
    unverified = sum(not t.verified for t in strategy.glossary)
    assert html.count("ps-status--todo") == unverified > 0


def test_action_tags_link_to_the_indexes(site):
    html = (site / "strategie/axe-1/index.html").read_text(encoding="utf-8")
    assert 'href="../publics/#pole_staff"' in html and 'href="../acteurs/#pole_social"' in html


def test_arabic_pages_keep_identifiers_and_years_in_order(site):
    html = (site / "ar/strategie/axe-4/index.html").read_text(encoding="utf-8")
    assert '<bdi dir="ltr">2012-2016</bdi>' in html
    assert re.search(r'<a class="ps-id" href="#a4-1-2"><bdi dir="ltr">A4.1.2</bdi></a>', html)


def test_breadcrumbs_and_previous_next_between_parts(site):
    html = (site / "strategie/axe-2/index.html").read_text(encoding="utf-8")
    assert 'class="md-path"' in html
    footer = html.split('class="md-footer"', 1)[1]
    assert 'href="../axe-1/"' in footer and 'href="../axe-3/"' in footer


def test_measure_without_actions_says_so_and_points_to_axis_4(site):
    html = (site / "strategie/mesure-1/index.html").read_text(encoding="utf-8")
    assert "Le texte source ne détaille aucune action" in html
    assert 'href="../axe-4/#a4-1-1"' in html


def test_markup_in_the_data_is_refused_with_its_place(project):
    line = edit(project, 'fr: "Restructuration des composantes du Pôle social"',
                'fr: "Restructuration <script>alert(1)</script> des composantes du Pôle social"')
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line}:11: erreur [{named(project, 'axes[0].objectives[0].title.fr')}]: le " \
           "texte contient du balisage HTML « <script> »" in err


def test_markdown_syntax_in_the_data_stays_text(project, tmp_path):
    edit(project, 'fr: "Restructuration des composantes du Pôle social"',
         'fr: "Restructuration *des* [composantes](http://x) & 4 < 5 du Pôle social"')
    with open(project / "strategy/corrections.yml", "a", encoding="utf-8") as corrections:
        corrections.write('  - where: A1.1\n    original: "Restructuration des composantes"\n'
                          '    corrected: "Restructuration *des* [composantes](http://x) & 4 < 5"\n'
                          '    reason: "essai"\n')  # the strategy's French is the source's
    site = build(project, tmp_path / "site")
    html = (site / "strategie/axe-1/index.html").read_text(encoding="utf-8")
    assert "*des* [composantes](http://x) &amp; 4 &lt; 5" in html
    assert 'href="http://x"' not in html


# --- Open data --------------------------------------------------------------------------------

def test_json_round_trips_to_the_same_data(site, strategy):
    published = json.loads((site / "strategie" / opendata.FILES["json"]).read_bytes())
    assert opendata.from_dict(published) == strategy
    assert (site / "strategie" / opendata.FILES["json"]).read_bytes() == opendata.to_json(strategy)


def test_csv_has_one_row_per_action_in_both_languages(site, strategy):
    data = (site / "strategie" / opendata.FILES["csv"]).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = opendata.from_csv(data)
    assert rows == opendata.csv_rows(strategy)
    assert [r["id"] for r in rows] == [a.id for _, _, a in strategy.actions()]
    for row, (part, objective, action) in zip(rows, strategy.actions()):
        assert (row["text_fr"], row["text_ar"]) == (action.text["fr"], action.text["ar"])
        assert tuple(row["serves"].split(";")) == action.serves
        assert tuple(row["actors"].split(";")) == action.actors
        assert (row["part"], row["objective"]) == (part.id, objective.id)


@pytest.mark.parametrize("lang, prefix", [("fr", "../"), ("ar", "../../")])
def test_overview_links_the_open_data(site, lang, prefix):
    html = (site / page_url(render.OVERVIEW, lang) / "index.html").read_text(encoding="utf-8")
    for name in opendata.FILES.values():
        assert f'href="{prefix}strategie/{name}"' in html
        assert (site / "strategie" / name).is_file()


def test_items_are_named_by_their_identifier_and_title(project):
    """Not by their path in the data ("axes[0].objectives[0].actions[0].text.ar")."""
    edit(project, A111_AR, "")
    code, err = check(project)
    assert code == 1
    assert ("strategy/strategy.yml:139:15: erreur [A1.1.1 « Préparer un nouveau projet de "
            "restructuration… » · text.ar]: le champ « ar » manque") in err
    assert "[axes[" not in err and "objectives[" not in err
