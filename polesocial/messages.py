"""Every sentence the system shows, in French and in Arabic.

Two catalogues: ``UI`` for the texts of the pages and PDFs (notices, 404 page…), ``PROBLEMS`` for
what ``check`` and the build report to editors. Each entry has a French and an Arabic text; the
test suite fails if one is missing. Arabic uses Western digits (Moroccan convention).
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "fallback_notice": {
        "fr": "Cette page n’est pas encore traduite en français : son texte est affiché en arabe.",
        "ar": "لم تتوفر بعدُ ترجمة هذه الصفحة إلى اللغة العربية، ولذلك يُعرض نصها باللغة الفرنسية.",
    },
    "not_found_title": {
        "fr": "Page introuvable",
        "ar": "الصفحة غير موجودة",
    },
    "not_found_body": {
        "fr": "L’adresse demandée ne correspond à aucune page de ce site. Elle a peut-être été mal "
              "saisie, ou la page a changé de place.",
        "ar": "لا يطابق العنوان المطلوب أي صفحة من صفحات هذا الموقع. ربما كُتب العنوان بشكل "
              "غير صحيح، أو نُقلت الصفحة إلى مكان آخر.",
    },
    "not_found_home": {
        "fr": "Retour à l’accueil",
        "ar": "العودة إلى الصفحة الرئيسية",
    },
    "not_found_search": {
        "fr": "Vous pouvez aussi utiliser la recherche, en haut de la page.",
        "ar": "يمكنكم أيضًا استعمال خانة البحث أعلى الصفحة.",
    },
}

SEVERITY = {
    "error": {"fr": "erreur", "ar": "خطأ"},
    "warning": {"fr": "avertissement", "ar": "تنبيه"},
}

FIX = {"fr": "Correction :", "ar": "التصحيح:"}

# Each problem: (what is wrong, how to fix it), per language, formatted with the problem's params.
PROBLEMS: dict[str, dict[str, tuple[str, str]]] = {
    "encoding": {
        "fr": ("le fichier n’est pas en UTF-8 (octet {byte} invalide)",
               "enregistrez-le en UTF-8 (dans l’éditeur : « Enregistrer sous… », encodage UTF-8)."),
        "ar": ("الملف غير مرمَّز بصيغة UTF-8 (البايت {byte} غير صالح)",
               "احفظوا الملف بترميز UTF-8 (في المحرر: «حفظ باسم…» ثم اختيار الترميز UTF-8)."),
    },
    "file-too-large": {
        "fr": ("le fichier fait {size} octets, au-delà de la limite de {limit} octets",
               "découpez-le ou retirez le contenu collé par erreur."),
        "ar": ("حجم الملف {size} بايت، وهو يتجاوز الحد المسموح به ({limit} بايت)",
               "قسّموا الملف أو احذفوا المحتوى الملصق عن طريق الخطأ."),
    },
    "yaml-syntax": {
        "fr": ("YAML illisible : {detail}",
               "vérifiez l’indentation (des espaces, pas de tabulations) et fermez les guillemets "
               "ouverts sur cette ligne."),
        "ar": ("تعذرت قراءة YAML: {detail}",
               "تحققوا من الإزاحة (مسافات لا علامات جدولة) ومن إغلاق علامات التنصيص في هذا السطر."),
    },
    "front-matter-unclosed": {
        "fr": ("l’en-tête de la page (bloc « --- ») n’est jamais fermé",
               "ajoutez une ligne « --- » après la dernière ligne de l’en-tête."),
        "ar": ("رأس الصفحة (كتلة «---») غير مغلق",
               "أضيفوا سطرًا يحتوي على «---» بعد آخر سطر من الرأس."),
    },
    "front-matter-not-mapping": {
        "fr": ("l’en-tête de la page doit être une liste de champs « nom: valeur »",
               "écrivez par exemple « description: Texte de la description »."),
        "ar": ("يجب أن يتكون رأس الصفحة من حقول على شكل «الاسم: القيمة»",
               "اكتبوا مثلًا «description: نص الوصف»."),
    },
    "front-matter-unknown-key": {
        "fr": ("champ « {key} » inconnu dans l’en-tête", "champs possibles : {allowed}."),
        "ar": ("الحقل «{key}» غير معروف في رأس الصفحة", "الحقول الممكنة: {allowed}."),
    },
    "front-matter-type": {
        "fr": ("le champ « {key} » doit être {kind}",
               "écrivez la valeur sur la même ligne, après « {key}: »."),
        "ar": ("يجب أن يكون الحقل «{key}» {kind}",
               "اكتبوا القيمة في السطر نفسه بعد «{key}:»."),
    },
    "front-matter-missing": {
        "fr": ("le champ « {key} » manque dans l’en-tête",
               "ajoutez « {key}: … » entre les deux lignes « --- » en haut de la page."),
        "ar": ("الحقل «{key}» غير موجود في رأس الصفحة",
               "أضيفوا «{key}: …» بين سطري «---» في أعلى الصفحة."),
    },
    "front-matter-empty": {
        "fr": ("le champ « {key} » est vide", "donnez-lui un texte."),
        "ar": ("الحقل «{key}» فارغ", "اكتبوا له نصًا."),
    },
    "page-missing-translation": {
        "fr": ("la page n’existe pas encore en {language} ({expected}) : la version {source} "
               "sera affichée à sa place, avec un avis",
               "traduisez la page dans {expected}."),
        "ar": ("هذه الصفحة غير متوفرة بعدُ باللغة {language} ({expected})، وستُعرض نسختها "
               "{source} مكانها مع تنبيه",
               "ترجموا الصفحة في {expected}."),
    },
    "page-missing-default": {
        "fr": ("cette page n’a pas de version française ({expected}) : le site ne peut pas la "
               "publier", "créez {expected}, ou déplacez la page."),
        "ar": ("ليست لهذه الصفحة نسخة فرنسية ({expected})، ولا يمكن للموقع نشرها",
               "أنشئوا {expected} أو انقلوا الصفحة."),
    },
    "text-wrong-script": {
        "fr": ("ce paragraphe d’une page {language} est surtout écrit en caractères {found} : "
               "texte non traduit ou collé dans la mauvaise langue ?",
               "traduisez le paragraphe, ou, pour une citation voulue, entourez-la de "
               "<div lang=\"{found_code}\" markdown>…</div>."),
        "ar": ("هذه الفقرة من صفحة {language} مكتوبة في معظمها بحروف {found}: هل هي نص غير "
               "مترجم أو ملصق في اللغة الخطأ؟",
               "ترجموا الفقرة، أو إن كان الاقتباس مقصودًا فضعوه داخل "
               "<div lang=\"{found_code}\" markdown>…</div>."),
    },
    "nav-missing-page": {
        "fr": ("le menu cite « {page} », qui n’existe pas dans docs/fr/",
               "corrigez le nom du fichier dans la section nav de mkdocs.yml, ou créez la page."),
        "ar": ("تشير القائمة إلى «{page}»، وهي غير موجودة في docs/fr/",
               "صححوا اسم الملف في قسم nav من mkdocs.yml أو أنشئوا الصفحة."),
    },
    "nav-missing-translation": {
        "fr": ("le titre de menu « {title} » n’a pas de traduction arabe",
               "ajoutez « {title}: <titre arabe> » sous nav_translations (langue ar) dans "
               "mkdocs.yml."),
        "ar": ("عنوان القائمة «{title}» بلا ترجمة عربية",
               "أضيفوا «{title}: <العنوان بالعربية>» تحت nav_translations (اللغة ar) في mkdocs.yml."),
    },
    "page-not-in-nav": {
        "fr": ("la page n’est pas dans le menu : les lecteurs ne la trouveront pas",
               "ajoutez-la à la section nav de mkdocs.yml, avec sa traduction arabe."),
        "ar": ("الصفحة غير مدرجة في القائمة، ولن يجدها القراء",
               "أضيفوها إلى قسم nav في mkdocs.yml مع ترجمتها العربية."),
    },
}

# Names used inside messages, so that a French sentence says "arabe" and an Arabic one "العربية".
LANGUAGE_NAMES = {
    "fr": {"fr": "français", "ar": "arabe"},
    "ar": {"fr": "الفرنسية", "ar": "العربية"},
}
SCRIPT_NAMES = {
    "fr": {"latin": "latins", "arabic": "arabes"},
    "ar": {"latin": "لاتينية", "arabic": "عربية"},
}
TYPE_NAMES = {
    "fr": {"text": "un texte", "list": "une liste", "mapping": "un ensemble de champs"},
    "ar": {"text": "نصًا", "list": "قائمة", "mapping": "مجموعة حقول"},
}


def ui(lang: str) -> dict[str, str]:
    """The interface texts of one language, as a flat mapping (for templates)."""
    return {key: texts[lang] for key, texts in UI.items()}


def severity_label(severity: str, lang: str) -> str:
    return SEVERITY[severity][lang]


def fix_label(lang: str) -> str:
    return FIX[lang]


def problem_text(code: str, params: dict, lang: str) -> tuple[str, str]:
    what, fix = PROBLEMS[code][lang]
    values = dict(params)
    # Parameters that name a language, a script or a type are spelled in the message's language.
    for key in ("language", "source"):
        if key in values:
            values[key] = LANGUAGE_NAMES[lang][values[key]]
    if "found" in values:
        values["found_code"] = "ar" if values["found"] == "arabic" else "fr"
        values["found"] = SCRIPT_NAMES[lang][values["found"]]
    if "kind" in values:
        values["kind"] = TYPE_NAMES[lang][values["kind"]]
    return what.format(**values), fix.format(**values)
