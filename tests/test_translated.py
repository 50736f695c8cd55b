"""`make translated`: it says in words what it records (the day and the French the Arabic now
follows), warns when the Arabic did not change although the French did, says "nothing to do"
when nothing changed (and writes nothing), and changes only the record's values in a guide's
guide.yml or the charter's charter.yml: every other byte of the editor's file stays as it was.
Guides, the charter, items of the strategy and of a campaign, and pages; French and Arabic."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import check, edit, polesocial
from polesocial import guides, history, translations, yamledit

GUIDE = "guides/benevolat"
TODAY = dt.date.today()
FR_DAY, AR_DAY = history.long_date(TODAY, "fr"), history.long_date(TODAY, "ar")
ACTION_FR = "Elaborer une charte de complémentarité entre les composantes du Pôle social, dont"


def translated(project, *args, lang="fr"):
    return polesocial("translated", *args, root=project, lang=lang)


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def record_lines(text: str) -> list[str]:
    return [line for line in text.split("\n")
            if line.strip().startswith(("source:", "arabic:", "date:"))
            and line.startswith("    ")]


# --- Guides and the charter -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_guide_record_is_told_in_words_and_only_its_values_change(project, lang):
    meta = project / GUIDE / "guide.yml"
    before = meta.read_bytes()
    append(project / GUIDE / "fr.md", "\nUne phrase ajoutée au guide.\n")
    append(project / GUIDE / "ar.md", "\nجملة مضافة إلى الدليل.\n")
    result = translated(project, GUIDE, lang=lang)
    assert result.returncode == 0, result.stderr
    words = guides.word_count((project / GUIDE / "fr.md").read_text(encoding="utf-8"))
    expected = {
        "fr": f"{GUIDE} : traduction enregistrée le {FR_DAY}. L’arabe (ar.md) suit désormais le "
              f"texte français de fr.md tel qu’il est aujourd’hui ({words} mots). "
              "L’enregistrement précédent n’était pas daté. Si fr.md change encore, make check "
              "le signalera.\n",
        "ar": f"{GUIDE}: سُجّلت الترجمة بتاريخ {AR_DAY}. النص العربي (ar.md) يتبع الآن النص "
              f"الفرنسي في fr.md كما هو اليوم ({words} كلمة). لم يكن التسجيل السابق مؤرَّخًا. "
              "وإذا تغيّر fr.md من جديد فسينبّه إلى ذلك الأمر make check.\n",
    }[lang]
    assert result.stdout == expected and result.stderr == ""
    # Byte for byte: the old "source" value replaced in its quotes, two lines added under it.
    source = guides.source_hash((project / GUIDE / "fr.md").read_text(encoding="utf-8"))
    arabic = guides.source_hash((project / GUIDE / "ar.md").read_text(encoding="utf-8"))
    old = before.decode("utf-8")
    old_line = next(line for line in old.split("\n") if line.startswith("    source: "))
    assert meta.read_bytes().decode("utf-8") == old.replace(
        old_line + "\n", f'    source: "{source}"\n    arabic: "{arabic}"\n'
                         f'    date: "{TODAY.isoformat()}"\n')
    assert check(project, "--strict")[0] == 0


def test_the_rest_of_a_hand_written_guide_yml_is_kept_byte_for_byte(project):
    """Comments (also on the record's lines), blank lines, key order, single quotes, a CRLF
    file's line endings, a missing last newline: all kept."""
    meta = project / GUIDE / "guide.yml"
    text = meta.read_text(encoding="utf-8")
    head, _, _ = text.partition("# The version of fr.md")
    source = guides.source_hash((project / GUIDE / "fr.md").read_text(encoding="utf-8"))
    written = (head.replace("status: draft\n", "status: draft   # à publier en janvier\n\n")
               + "translation:   # tenu par make translated\n\n  ar:\n"
               + "    date: '2026-01-05'  # jour de l'enregistrement\n"
               + "    source: 'ffffffffffffffff' # empreinte\n    arabic: '0000000000000000'")
    meta.write_bytes(written.replace("\n", "\r\n").encode("utf-8"))
    append(project / GUIDE / "fr.md", "\nUne phrase ajoutée.\n")
    append(project / GUIDE / "ar.md", "\nجملة مضافة.\n")
    result = translated(project, GUIDE)
    assert result.returncode == 0, result.stderr
    assert "Enregistrement précédent : 5 janvier 2026." in result.stdout
    source = guides.source_hash((project / GUIDE / "fr.md").read_text(encoding="utf-8"))
    arabic = guides.source_hash((project / GUIDE / "ar.md").read_text(encoding="utf-8"))
    expected = (written.replace("'2026-01-05'", f"'{TODAY.isoformat()}'")
                .replace("'ffffffffffffffff'", f"'{source}'")
                .replace("'0000000000000000'", f"'{arabic}'"))
    assert meta.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")


def test_a_guide_without_a_record_gets_one_at_the_end_with_its_comment(project):
    meta = project / GUIDE / "guide.yml"
    text = meta.read_text(encoding="utf-8")
    head = text.partition("# The version of fr.md")[0].rstrip("\n")  # no last newline
    meta.write_text(head, encoding="utf-8")
    result = translated(project, GUIDE)
    assert result.returncode == 0, result.stderr
    assert "C’est le premier enregistrement de cette traduction." in result.stdout
    source = guides.source_hash((project / GUIDE / "fr.md").read_text(encoding="utf-8"))
    arabic = guides.source_hash((project / GUIDE / "ar.md").read_text(encoding="utf-8"))
    assert meta.read_text(encoding="utf-8") == (
        head + "\n# The version of fr.md that ar.md translates: written by make translated "
        f"DOC={GUIDE}.\ntranslation:\n  ar:\n    source: \"{source}\"\n"
        f"    arabic: \"{arabic}\"\n    date: \"{TODAY.isoformat()}\"")
    assert check(project, "--strict")[0] == 0


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_nothing_to_do_is_said_and_nothing_is_written(project, lang):
    meta = project / "charter/charter.yml"
    before = meta.read_bytes()
    result = translated(project, "charter", lang=lang)
    assert result.returncode == 0, result.stderr
    assert result.stdout == {
        "fr": "Rien à faire : l’arabe de charter/ar.md suit déjà le texte français "
              "d’aujourd’hui (enregistrement sans date). Aucun fichier n’est modifié.\n",
        "ar": "لا شيء يستدعي التسجيل: النص العربي في charter/ar.md يتبع من قبل النص الفرنسي "
              "كما هو اليوم (تسجيل غير مؤرَّخ). ولم يُعدَّل أي ملف.\n"}[lang]
    assert meta.read_bytes() == before
    # After a real record, the next run names its day.
    append(project / "charter/fr.md", "\nUne phrase.\n")
    assert translated(project, "charter").returncode == 0
    again = translated(project, "charter", lang=lang)
    when = {"fr": f"(enregistré le {FR_DAY})", "ar": f"(سُجّل بتاريخ {AR_DAY})"}[lang]
    assert when in again.stdout
    assert again.stdout.startswith({"fr": "Rien à faire", "ar": "لا شيء يستدعي التسجيل"}[lang])


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_an_arabic_left_untouched_since_the_last_record_is_a_warning(project, lang):
    french = project / GUIDE / "fr.md"
    append(french, "\nPremière phrase ajoutée.\n")
    append(project / GUIDE / "ar.md", "\nجملة أولى مضافة.\n")
    first = translated(project, GUIDE)
    assert first.returncode == 0 and first.stderr == ""  # both changed: no warning
    append(french, "\nSeconde phrase ajoutée, l’arabe n’a pas bougé.\n")
    result = translated(project, GUIDE, lang=lang)
    assert result.returncode == 0  # recorded all the same (a French typo needs no Arabic)
    assert result.stderr == {
        "fr": f"attention : {GUIDE}/ar.md n’a pas changé depuis l’enregistrement précédent "
              f"({FR_DAY}), alors que le texte français a changé depuis. Relisez l’arabe : "
              "s’il ne suit pas le nouveau texte français, corrigez-le, puis lancez : "
              f"make translated DOC={GUIDE}\n",
        "ar": f"تنبيه: لم يتغيّر {GUIDE}/ar.md منذ التسجيل السابق ({AR_DAY})، مع أن النص "
              "الفرنسي تغيّر بعده. راجعوا النص العربي: إن لم يكن يتبع النص الفرنسي الجديد "
              f"فصحّحوه، ثم نفذوا: make translated DOC={GUIDE}\n"}[lang]
    # Correcting the Arabic and running the command again records it, with no warning.
    append(project / GUIDE / "ar.md", "\nجملة ثانية مضافة.\n")
    fixed = translated(project, GUIDE)
    assert fixed.returncode == 0 and fixed.stderr == "" and "traduction enregistrée" in fixed.stdout


def test_a_broken_guide_yml_is_told_plainly_and_left_alone(project):
    meta = project / GUIDE / "guide.yml"
    edit(meta, "translation:\n  ar:\n", "translation:\n  ar: [\n")
    before = meta.read_bytes()
    append(project / GUIDE / "fr.md", "\nUne phrase.\n")
    result = translated(project, GUIDE)
    assert result.returncode == 1
    assert f"{GUIDE}/guide.yml:" in result.stderr and "erreur" in result.stderr
    assert "Traceback" not in result.stderr and "yaml" not in result.stderr.lower()
    assert meta.read_bytes() == before


# --- Items of translations.yml: the strategy, a campaign, a page ------------------------------

@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_strategy_item_record_names_the_item_and_its_french(project, lang):
    edit(project / "strategy/strategy.yml", ACTION_FR, ACTION_FR.replace("Elaborer", "Élaborer"))
    result = translated(project, "strategy/strategy.yml", "A1.2.2", "A1.2.1", lang=lang)
    assert result.returncode == 0, result.stderr
    assert result.stdout == {
        "fr": f"strategy/strategy.yml : traduction enregistrée le {FR_DAY}. L’arabe suit "
              "désormais le texte français d’aujourd’hui pour 1 élément :\n"
              "  A1.2.2 : « Élaborer une charte de complémentarité entre les … »\n"
              "Déjà à jour, rien à faire : A1.2.1.\n"
              "Si ce texte français change encore, make check le signalera.\n",
        "ar": f"strategy/strategy.yml: سُجّلت الترجمة بتاريخ {AR_DAY}. النص العربي يتبع الآن "
              "النص الفرنسي كما هو اليوم في عنصر واحد:\n"
              "  A1.2.2: «Élaborer une charte de complémentarité entre les …»\n"
              "محيَّنة من قبل، لا شيء يستدعي التسجيل: A1.2.1.\n"
              "وإذا تغيّر هذا النص الفرنسي من جديد فسينبّه إلى ذلك الأمر make check.\n"}[lang]
    records = translations.read_records(project)["strategy/strategy.yml"]
    assert records["A1.2.2"].date == TODAY and records["A1.2.2"].arabic
    assert records["A1.2.1"].date is None  # untouched, as first written
    again = translated(project, "strategy/strategy.yml", "A1.2.2", lang=lang)
    assert again.stdout.startswith({"fr": "Rien à faire : l’arabe de strategy/strategy.yml "
                                          f"(A1.2.2) suit déjà le texte français d’aujourd’hui "
                                          f"(enregistré le {FR_DAY})",
                                    "ar": "لا شيء يستدعي التسجيل: النص العربي في "
                                          "strategy/strategy.yml (A1.2.2)"}[lang])
    # The French changes again, the Arabic does not: recorded, with the warning.
    edit(project / "strategy/strategy.yml", "Élaborer une charte", "Élaborer puis adopter une charte")
    warned = translated(project, "strategy/strategy.yml", "A1.2.2", lang=lang)
    assert warned.returncode == 0
    assert {"fr": "attention : l’arabe de A1.2.2 n’a pas changé depuis l’enregistrement "
                  f"précédent ({FR_DAY})",
            "ar": f"تنبيه: لم يتغيّر النص العربي للعنصر A1.2.2 منذ التسجيل السابق ({AR_DAY})"
            }[lang] in warned.stderr
    assert warned.stderr.rstrip().endswith(
        "make translated DOC=strategy/strategy.yml ITEMS=A1.2.2")


def test_a_whole_campaign_with_nothing_changed_is_counted_not_listed(project):
    records = project / "translations.yml"
    before = records.read_bytes()
    result = translated(project, "campaigns/violence-femmes.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Rien à faire : l’arabe de campaigns/violence-femmes.yml (18 éléments) "
                             "suit déjà le texte français d’aujourd’hui (enregistrement sans "
                             "date). Aucun fichier n’est modifié.\n")
    assert records.read_bytes() == before
    arabic = translated(project, "campaigns/violence-femmes.yml", lang="ar")
    assert "(18 عنصرًا)" in arabic.stdout


def test_a_campaign_message_record(project):
    edit(project / "campaigns/violence-femmes.yml", "La violence n’est jamais une affaire privée",
         "La violence n’est jamais une affaire seulement privée")
    result = translated(project, "campaigns/violence-femmes.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "  public-1 : « La violence n’est jamais une affaire seulement privée … »")
    assert "Déjà à jour, rien à faire : 17 éléments." in result.stdout


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_page_record_names_the_french_page(project, lang):
    edit(project / "docs/fr/a-propos.md", "Ce site est l’espace de publication",
         "Ce site est l’espace officiel de publication")
    result = translated(project, "docs/fr/a-propos.md", lang=lang)
    assert result.returncode == 0, result.stderr
    start = {"fr": f"docs/ar/a-propos.md : traduction enregistrée le {FR_DAY}. L’arabe de cette "
                   "page suit désormais le texte français de docs/fr/a-propos.md tel qu’il est "
                   "aujourd’hui (",
             "ar": f"docs/ar/a-propos.md: سُجّلت الترجمة بتاريخ {AR_DAY}. النص العربي لهذه "
                   "الصفحة يتبع الآن النص الفرنسي في docs/fr/a-propos.md كما هو اليوم ("}[lang]
    assert result.stdout.startswith(start), result.stdout
    assert check(project, "--strict")[0] == 0
    assert translated(project, "docs/ar/a-propos.md").stdout.startswith("Rien à faire")


# --- The round-trip edit itself ---------------------------------------------------------------

def test_set_values_keeps_every_other_character():
    text = ("# tête\nid: x   # garde\n\ntranslation: {ar: {source: \"a\"}}  # flux\n"
            "fin: 'oui'\n")
    assert yamledit.set_values(text, ("translation", "ar"), {"source": "b", "date": "d"}) == (
        "# tête\nid: x   # garde\n\ntranslation: {ar: {source: \"b\", date: \"d\"}}  # flux\n"
        "fin: 'oui'\n")
    nested = "translation:\n    autre: 1   # c\n\n# suite\nid: y\n"
    assert yamledit.set_values(nested, ("translation", "ar"), {"source": "s"}) == (
        "translation:\n    autre: 1   # c\n    ar:\n        source: \"s\"\n\n# suite\nid: y\n")
    with pytest.raises(yamledit.Unexpected) as refused:
        yamledit.set_values("a: 1\ntranslation: texte\n", ("translation", "ar"), {"s": "t"})
    assert refused.value.line == 2
