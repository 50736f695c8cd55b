"""One terminology, enforced: the defects found in the Arabic, planted again (with the
article, attached particles and plurals), are each reported with their file and line, in French
and in Arabic; the shipped sources have none."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, check, edit, polesocial
from polesocial import problems, terminology
from polesocial.strategy import load_glossary

APPUI = "guides/appui-financier-associations/ar.md"
BENEVOLAT = "guides/benevolat/ar.md"
STRATEGY = "strategy/strategy.yml"


def line_of(path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert text in content, text
    return content.count("\n", 0, content.index(text)) + 1


def plant(project, file: str, old: str, new: str) -> int:
    """Replace ``old`` in ``file`` by ``new``; the line where ``new`` starts."""
    return edit(project / file, old, new)


# --- The matcher --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "العمل الاجتماعي", "للعمل الاجتماعي", "والعمل الاجتماعي", "بالعمل الاجتماعي",
    "فالعمل الاجتماعي", "وللعمل الاجتماعي", "عمل اجتماعي", "العمَلُ الاجتماعيّ"])
def test_arabic_term_is_found_with_article_particles_and_harakat(text):
    assert terminology.Form.parse("العمل الاجتماعي").find(terminology.folded_words(text))


@pytest.mark.parametrize("term, text", [
    ("العاملون الاجتماعيون", "للعاملين الاجتماعيين"),  # the plural in -ين is the one in -ون
    ("المحور الاستراتيجي", "محورها الاستراتيجي"),  # a possessive pronoun after the noun
    ("منسق المتطوعين", "منسقًا للمتطوعين"),  # the accusative's alef
    ("الأشخاص المسنون", "للأشخاص المسنين"),
    ("استراتيجية (4+4)", "الاستراتيجية (4+4)"),
    ("أسرة", "اسرة"),  # hamza on alef folded, as the search folds it
])
def test_inflected_arabic_forms_are_the_term(term, text):
    assert terminology.Form.parse(term).find(terminology.folded_words(text)), (term, text)


@pytest.mark.parametrize("term, text", [
    ("المساعد الاجتماعي", "المساعدة الاجتماعية"),  # the profession is not the service
    ("العمل الاجتماعي", "العمل التطوعي"),
    ("الإجراء {id}", "الإجراء الداعم"),  # a placeholder wants an identifier
])
def test_other_words_are_not_the_term(term, text):
    assert not terminology.Form.parse(term).find(terminology.folded_words(text)), (term, text)


def test_identifiers_bind_the_french_and_the_arabic():
    form = terminology.Form.parse("action {id}")
    assert [v for _, _, v in form.find(terminology.folded_words(
        "l’action [A2.1.1](strategie:A2.1.1) et l’action M3.2"))] == [("a2.1.1",), ("m3.2",)]


def test_folded_words_are_the_words_the_offsets_come_from():
    # The rules match folded_words and take offsets from words() at the same index.
    texts = [t for pair in terminology.source_pairs(ROOT) for t in (pair.fr.text, pair.ar.text)]
    texts += ["voir [l’action](strategie:A2.1.1){ .ps-id } `code` <b>x</b> 14.05 et 4+4",
              "avant<b>après</b>, mot`code`suite, [lien](cible)fin"]  # markup inside words
    for text in texts:
        assert terminology.folded_words(text) == [w.folded for w in terminology.words(text)]


# --- The shipped sources ------------------------------------------------------------------------

def test_shipped_sources_have_no_terminology_problem():
    report = problems.Report(ROOT)
    terminology.check_sources(ROOT, load_glossary(ROOT), report)
    assert not report.problems, [p.format() for p in report.sorted()]


def test_make_check_runs_the_terminology_check(project):
    """The check runs on `polesocial check` (make check, CI) and stops the build."""
    line = plant(project, STRATEGY, "      ar: \"التواصل والتحسيس\"", "      ar: \"التواصل\"")
    code, err = check(project)
    assert code == 1
    assert f"{STRATEGY}:{line}:7: erreur [M2 « Communication et sensibilisation » · title.ar]: M2 : " \
           "le texte français emploie " \
           "« Communication et sensibilisation », mais le texte arabe n’emploie pas le terme " \
           "du glossaire « التواصل والتحسيس »" in err


# --- The defects of the issue, planted again ----------------------------------------------------

# (file, correct Arabic, defect planted, the term, whether the defect itself is a rejected
# rendering): each defect found in the review, with variants that carry the article,
# attached particles or a plural.
DEFECTS = [
    pytest.param(STRATEGY, "العمل على إحداث وحدات الإسعاف الاجتماعي المتنقل،",
                 "العمل على إحداث وحدات المساعدة الاجتماعية المتنقلة للمستعجلات (ساموسوسيال)،",
                 "samu-social", True, id="samu-social"),
    pytest.param(STRATEGY, "العمل على إحداث وحدات الإسعاف الاجتماعي المتنقل،",
                 "العمل على إحداث الوحدات وبالمساعدة الاجتماعية المتنقلة للمستعجلات،",
                 "samu-social", True, id="samu-social-with-particles"),
    pytest.param(STRATEGY, "مأسسة وظيفة «المساعد الاجتماعي»", "مأسسة وظيفة «المساعدة الاجتماعية»",
                 "assistant-social", False, id="assistante-sociale-as-the-service"),
    pytest.param(BENEVOLAT, "أما المحور الداعم الثاني، «التواصل والتحسيس»، فينص",
                 "أما المحور الداعم الثاني، «التواصل»، فينص",
                 "mesure-2-communication", False, id="m2-shortened"),
    pytest.param(APPUI, "(الإجراء [A2.1.1](strategie:A2.1.1))",
                 "(التدبير [A2.1.1](strategie:A2.1.1))",
                 "action-strategie", True, id="action-as-tadbir"),
    pytest.param("guides/etablissements-protection-sociale/ar.md",
                 "(الإجراءان [A1.4.1](strategie:A1.4.1)", "(والتدبيران [A1.4.1](strategie:A1.4.1)",
                 "action-strategie", True, id="action-as-tadbir-dual-with-particle"),
    pytest.param(APPUI, "وينص المحور الداعم الثالث،", "وينص الإجراء الداعم الثالث،",
                 "mesure-appui", True, id="mesure-appui-as-ijra"),
    pytest.param("docs/ar/a-propos.md", "وأربعة محاور\nداعمة", "وأربعة إجراءات\nداعمة",
                 "mesure-appui", True, id="mesure-appui-plural-indefinite"),
    pytest.param(APPUI, "وتقديم الحساب موجه كذلك إلى أعضائكم",
                 "والمحاسبة موجهة كذلك إلى أعضائكم",
                 "reddition-des-comptes", False, id="reddition-des-comptes-as-accounting"),
    pytest.param(APPUI, "- الوثائق الواجب الاحتفاظ بها: مذكرات المقابلات",
                 "- الأثر الذي يُحتفظ به: مذكرات المقابلات",
                 "trace-a-conserver", True, id="trace-a-conserver"),
    pytest.param(BENEVOLAT, "- **الوثائق الواجب الاحتفاظ بها:** مذكرة مؤرخة",
                 "- **وللأثر الواجب حفظه:** مذكرة مؤرخة",
                 "trace-a-conserver", True, id="trace-a-conserver-with-particles"),
    pytest.param(APPUI, "## لوائح التحقق {#listes-controle}", "## قوائم المراجعة {#listes-controle}",
                 "liste-controle", True, id="listes-de-controle"),
    pytest.param(BENEVOLAT, "ولوائح للتحقق وأفكارًا", "وقوائم للمراقبة وأفكارًا",
                 "liste-controle", True, id="listes-de-controle-with-particles"),
    pytest.param(APPUI, "### المرحلة 3: برمجة الأنشطة", "### الخطوة 3: برمجة الأنشطة",
                 "etape", True, id="etape-as-khutwa"),
    pytest.param("charter/ar.md", "### المادة 8 — تقديم الحساب", "### المادة 8 — ربط المسؤولية بالمحاسبة",
                 "reddition-des-comptes", False, id="charter-reddition-des-comptes"),
    pytest.param("docs/ar/index.md", "-   **الحملات التحسيسية**", "-   **حملات التحسيس**",
                 "campagnes-sensibilisation", True, id="campagnes-de-sensibilisation"),
]


@pytest.mark.parametrize("file, correct, defect, term, rejected", DEFECTS)
def test_each_defect_is_reported_on_its_line_in_both_languages(project, file, correct, defect,
                                                               term, rejected):
    line = plant(project, file, correct, defect)
    code, err = check(project)
    assert code == 1, err
    mine = [p for p in err.splitlines() if f"« {term} »" in p or f"«{term}»" in p]
    assert mine, err
    # The Arabic text that lacks the term is named at its place (YAML: the field's key, a
    # document: the block), and a rejected rendering on its own line and column.
    for report_line in mine:
        assert re.match(rf"{re.escape(file)}:\d+:\d+: erreur \[", report_line), report_line
    lines = {int(p.split(":")[1]) for p in mine}
    span = defect.count("\n")
    assert lines & set(range(line - 2, line + span + 1)), (line, mine)
    wrong = [p for p in mine if "traduction écartée" in p]
    assert bool(wrong) == rejected, mine
    if rejected:
        first = wrong[0]
        found = int(first.split(":")[1])
        assert line <= found <= line + span, (line, first)
    result = polesocial("check", root=project, lang="ar")  # POLESOCIAL_LANG=ar
    code, err_ar = result.returncode, result.stderr
    assert code == 1
    arabic = [p for p in err_ar.splitlines() if f"«{term}»" in p]
    assert arabic and all(": خطأ [" in p for p in arabic), err_ar
    assert any("ترجمة استبعدها المسرد" in p for p in arabic) == rejected


CALQUES = [
    pytest.param(APPUI, "فالوقوف بانتظام، في اجتماعات المكتب المسير، على",
                 "فنقطة منتظمة داخل المكتب المسير حول", "فنقطة منتظمة", id="point-regulier"),
    pytest.param(APPUI, "إذا أصبح تغيير ما ضروريا", "إذا فرض تغيير نفسه", "فرض تغيير نفسه",
                 id="s-imposer"),
    pytest.param("charter/ar.md", "وقد أشرفت عليها الوزارة،", "وقد حملتها الوزارة،",
                 "حملتها الوزارة", id="portee-par"),
    pytest.param("charter/ar.md", "وقد أشرفت عليها الوزارة،", "وقد وحملتها الوزارة،",
                 "وحملتها الوزارة", id="portee-par-with-particle"),
]


@pytest.mark.parametrize("file, correct, calque, found", CALQUES)
def test_each_calque_is_reported_on_its_line_in_both_languages(project, file, correct, calque,
                                                               found):
    line = plant(project, file, correct, calque)
    code, err = check(project)
    assert code == 1, err
    mine = [p for p in err.splitlines() if "tournure à éviter" in p]
    assert len(mine) == 1, err
    assert re.match(rf"{re.escape(file)}:{line}:\d+: erreur \[.*\]: « {found} » est une "
                    r"tournure à éviter en arabe \(calque de ", mine[0]), mine
    assert "Correction : écrivez plutôt « " in mine[0]
    result = polesocial("check", root=project, lang="ar")
    assert result.returncode == 1
    assert any(f"«{found}» صيغة ينبغي تجنبها في العربية (نقل حرفي" in p
               for p in result.stderr.splitlines()), result.stderr


def test_a_heading_translated_two_ways_across_documents_is_a_warning(project):
    line = plant(project, BENEVOLAT, "## الأدوار والمسؤوليات {#roles}",
                 "## المهام والمسؤوليات {#roles}")
    code, err = check(project)
    assert code == 0, err  # a warning: the build goes on
    assert f"{BENEVOLAT}:{line}:4: avertissement [§roles]: « Rôles et responsabilités » est " \
           "traduit ici « المهام والمسؤوليات », mais « الأدوار والمسؤوليات » ailleurs (" in err


def test_a_list_label_translated_differently_in_one_guide_is_a_warning(project):
    """The labels of the steps ("Qui :") must read the same in every guide."""
    line = plant(project, APPUI, "- من يتولى ذلك: منسق المشروع، مع أعضاء الفريق",
                 "- من يقوم بها: منسق المشروع، مع أعضاء الفريق")
    code, err = check(project)
    assert f"{APPUI}:{line}:3: avertissement [§]: « Qui » est traduit ici « من يقوم بها », " \
           "mais « من يتولى ذلك » ailleurs" in err


def test_a_verified_term_needs_its_source(project):
    text = (project / "strategy/glossary.yml").read_text(encoding="utf-8")
    start = text.index("    source: ")
    line = text.count("\n", 0, start)  # the line of "verified: true", just above
    (project / "strategy/glossary.yml").write_text(
        text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    code, err = check(project)
    assert code == 1
    assert f"strategy/glossary.yml:{line}:5: erreur [terms[0].verified]: un terme vérifié doit " \
           "dire où il a été vérifié" in err
