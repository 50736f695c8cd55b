"""Awareness campaigns (``campaigns/<id>.yml``): data, validation, pages, print kits.

A contact (help line, address) is published only with its source and the date it was checked;
``check`` refuses one without them or checked more than a year ago, because help lines change.
Lengths are bounded so that every poster and flyer holds its text on one page (tested with the
longest allowed strings).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import history, languages, messages
from .web import downloads, urls
from .print.book import utc
from .print import pictograms
from .print.poster import EDITIONS, PRINTED, VARIANTS, Poster
from .problems import Report
from .schema import Checker, join
from .sources import read_yaml
from .strategy.render import Links, anchor, part_path, text

FOLDER = Path("campaigns")
PAGES = "campagnes"
STATUSES = ("draft", "published")
# Longest text a poster holds, per field, in characters (both languages).
LIMITS = {"title": 45, "public": 110, "call_to_action": 70, "hashtag": 30}
CONTACT_MAX_AGE = dt.timedelta(days=365)


@dataclass(frozen=True)
class Contact:
    label: dict
    value: str
    source: str
    verified_on: dt.date


@dataclass(frozen=True)
class Campaign:
    id: str
    status: str
    title: dict
    theme: dict
    period: dict
    objectives: tuple
    audiences: tuple
    public: tuple  # messages for the public
    partners: tuple  # messages for partner associations and staff
    call_to_action: dict
    actions: tuple
    hashtag: dict
    safeguarding: tuple
    contacts: tuple
    review: frozenset = frozenset()  # items whose Arabic is under review (translations.py)
    pictogram: str = ""  # a Material icon of the theme (polesocial.print.pictograms)
    history: tuple = ()  # history.Entry, newest first

    @property
    def page(self) -> str:
        return f"{PAGES}/{self.id}.md"

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    def posters(self, site_url: str, date, logo: str = "",
                words: frozenset = frozenset()) -> list[Poster]:
        """The print kit (A3, A4, A5 in French, Arabic, bilingual, each in its screen and its
        print-shop edition) and the two previews. ``logo``: the official logo file, if the
        site's configuration names one."""
        pages = {lang.code: urls.page_url(site_url, lang.code, f"{PAGES}/{self.id}/")
                for lang in languages.LANGUAGES}
        common = dict(id=self.id, title=self.title, message=self.public[0],
                      call_to_action=self.call_to_action, hashtag=self.hashtag, urls=pages,
                      draft=self.draft, date=date, pictogram=self.pictogram, logo=logo,
                      proof=urls.is_placeholder(site_url), words=words)
        kit = [Poster(format=f, lang=v, edition=e, **common)
               for f in PRINTED for v in VARIANTS for e in EDITIONS]
        return kit + [Poster(format="preview", lang=lang.code, **common)
                      for lang in languages.LANGUAGES]


# The texts a new campaign's skeleton holds until an editor writes the real ones (check warns
# while one is left, --strict refuses it), and the skeleton itself: every field, commented.
PLACEHOLDERS = {"fr": "à compléter", "ar": "في طور الإعداد", "hashtag_fr": "#ÀCompléter",
                "hashtag_ar": "#في_طور_الإعداد"}
SKELETON = """\
# Une campagne de sensibilisation : sa page en français et en arabe, son kit à imprimer
# (affiches A3 et A4, dépliant A5 ; en français, en arabe et bilingue) et son image de partage.
# حملة تحسيسية: صفحتها بالفرنسية والعربية، ومواد الطباعة وصورة المشاركة.
# Remplacez chaque texte « à compléter » / « في طور الإعداد », puis lancez : make check
id: {slug}
# draft (projet) tant que le ministère n'a pas validé la campagne, puis published.
status: draft
# 45 caractères au plus : il est imprimé en grand sur les affiches.
title: {{fr: "Titre de la campagne à compléter", ar: "عنوان الحملة في طور الإعداد"}}
theme: {{fr: "Thème de la campagne à compléter", ar: "موضوع الحملة في طور الإعداد"}}
# La période ou la journée à laquelle la campagne est liée, avec une source (pas de date
# inventée).
period: {{fr: "Période à compléter", ar: "الفترة في طور الإعداد"}}
objectives:
  - {{fr: "Objectif à compléter", ar: "الهدف في طور الإعداد"}}
# Les publics, par leur identifiant (strategy/strategy.yml, vocabularies: groups).
audiences: [general_public]
messages:
  # Le premier message au public est imprimé sur les affiches : 110 caractères au plus.
  public:
    - {{fr: "Message au public à compléter", ar: "رسالة إلى العموم في طور الإعداد"}}
  partners:
    - {{fr: "Message aux associations à compléter", ar: "رسالة إلى الجمعيات في طور الإعداد"}}
# 70 caractères au plus.
call_to_action: {{fr: "Appel à l’action à compléter", ar: "الدعوة إلى العمل في طور الإعداد"}}
# Les actions de la stratégie que la campagne sert (identifiants, par exemple A3.3.1).
actions: [{action}]
# 30 caractères au plus.
hashtag: {{fr: "{hashtag_fr}", ar: "{hashtag_ar}"}}
safeguarding:
  - {{fr: "Photos et témoignages seulement avec le consentement libre et éclairé des personnes ; aucune image identifiable d’enfant.", ar: "لا صور ولا شهادات إلا بموافقة حرة ومستنيرة من الأشخاص المعنيين، ولا صور تسمح بالتعرف على أي طفل."}}
# Un contact (ligne d'écoute, adresse) n'est publié qu'avec sa source et la date où il a été
# vérifié, il y a moins d'un an : jamais un numéro sans source. Exemple, à décommenter :
# لا تُنشر جهة اتصال إلا مع مصدرها وتاريخ التحقق منها (منذ أقل من سنة). مثال:
# contacts:
#   - label: {{fr: "Ligne d'écoute", ar: "خط الإنصات"}}
#     value: "le numéro, tel que la source le publie"
#     source: "le nom et l'adresse de la page officielle où il figure"
#     verified_on: {today}
contacts: []
"""


def new_campaign(root: Path, slug: str, action: str, lang: str = "fr") -> Path:
    """Write ``campaigns/<slug>.yml`` from the skeleton; refusals are told in ``lang``."""
    import re

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ValueError(messages.UI["campaign_bad_name"][lang].format(slug=slug))
    path = root / FOLDER / f"{slug}.yml"
    if path.exists() or path.is_symlink():
        raise FileExistsError(messages.UI["guide_exists"][lang].format(
            folder=path.relative_to(root)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SKELETON.format(slug=slug, action=action, today=today().isoformat(),
                                    hashtag_fr=PLACEHOLDERS["hashtag_fr"],
                                    hashtag_ar=PLACEHOLDERS["hashtag_ar"]), encoding="utf-8")
    return path


def _placeholders(path: Path, report: Report) -> None:
    from .guides import check_placeholders

    text = path.read_text(encoding="utf-8")
    # Comments explain the fields with the same words: they are not judged (kept as blank
    # lines, so that lines keep their numbers).
    lines = ["" if line.lstrip().startswith("#") else line for line in text.splitlines()]
    check_placeholders(path, "\n".join(lines), report, PLACEHOLDERS.values())


def today() -> dt.date:
    """The date contacts are judged against: SOURCE_DATE_EPOCH when set, else today."""
    from .print.documents import _epoch

    epoch = _epoch()
    return utc(epoch).date() if epoch is not None else dt.date.today()


def load_all(root: Path, report: Report, action_ids, group_ids) -> list[Campaign] | None:
    folder = root / FOLDER
    if not folder.is_dir():
        return []
    errors = len(report.errors)
    loaded = [_load(path, report, action_ids, group_ids) for path in sorted(folder.glob("*.yml"))
              if not path.is_symlink()]
    if len(report.errors) > errors:
        return None
    return [campaign for campaign in loaded if campaign]


def _load(path: Path, report: Report, action_ids, group_ids) -> Campaign | None:
    data = read_yaml(path, report)
    if data is not None:
        _placeholders(path, report)
    if data is None:
        return None
    c = Checker(path, report)
    top = c.mapping(data, None, "", required=(
        "id", "status", "title", "theme", "period", "objectives", "audiences", "messages",
        "call_to_action", "actions", "hashtag", "safeguarding", "contacts"),
        optional=("pictogram", history.KEY))
    if top is None:
        return None
    identifier = c.identifier(top, "id", "id", r"[a-z0-9][a-z0-9-]*")
    if identifier and identifier != path.stem:
        c.problem(top, "id", "doc-id-folder", "id", value=identifier, folder=path.stem)
    status = c.text(top, "status", "status")
    if status and status not in STATUSES:
        c.problem(top, "status", "doc-status", "status", value=status,
                  allowed=", ".join(STATUSES))
    fields = {key: c.bilingual(top, key, key)
              for key in ("title", "theme", "period", "call_to_action", "hashtag")}
    lists = {key: _bilingual_list(c, top, key, key) for key in ("objectives", "safeguarding")}
    node = c.mapping(top, "messages", "messages", required=("public", "partners")) \
        if "messages" in top else None
    public = _bilingual_list(c, node, "public", "messages.public") if node else ()
    partners = _bilingual_list(c, node, "partners", "messages.partners") if node else ()
    for key in ("title", "call_to_action", "hashtag"):
        _limit(c, top, key, key, LIMITS[key])
    for index in range(len(public)):
        _limit(c, node["public"], index, f"messages.public[{index}]", LIMITS["public"])
    actions = c.references(top, "actions", "actions", {k: 1 for k in action_ids or ()},
                           "strategy/strategy.yml") if action_ids is not None else []
    audiences = c.references(top, "audiences", "audiences", {k: 1 for k in group_ids or ()},
                             "vocabularies.groups") if group_ids is not None else []
    contacts = _contacts(c, top)
    pictogram = c.text(top, "pictogram", "pictogram") if "pictogram" in top else ""
    if pictogram and not pictograms.exists(pictogram):
        c.problem(top, "pictogram", "pictogram-unknown", "pictogram", value=pictogram)
        pictogram = ""
    entries = history.read_history(c, top, status == "published")
    if None in fields.values() or None in lists.values() or not identifier or not public:
        return None
    return Campaign(identifier, status or "draft", fields["title"], fields["theme"],
                    fields["period"], lists["objectives"], tuple(audiences), public, partners,
                    fields["call_to_action"], tuple(actions), fields["hashtag"],
                    lists["safeguarding"], contacts, pictogram=pictogram or "", history=entries)


def _bilingual_list(c: Checker, parent, key, where) -> tuple | None:
    items = c.listing(parent, key, where)
    if items is None:
        return None
    values = tuple(c.bilingual(items, i, f"{where}[{i}]") for i in range(len(items)))
    return None if None in values else values


def _limit(c: Checker, parent, key, where, limit):
    node = parent.get(key) if isinstance(parent, dict) else parent[key]
    if not isinstance(node, dict):
        return
    for lang in ("fr", "ar"):
        value = node.get(lang)
        if isinstance(value, str) and len(" ".join(value.split())) > limit:
            c.problem(node, lang, "text-too-long", f"{where}.{lang}", length=len(value),
                      limit=limit)


def _contacts(c: Checker, top) -> tuple:
    items = c.listing(top, "contacts", "contacts", allow_empty=True) or []
    found = []
    for index in range(len(items)):
        where = f"contacts[{index}]"
        node = c.mapping(items, index, where, required=("label", "value"),
                         optional=("source", "verified_on"))
        if node is None:
            continue
        label = c.bilingual(node, "label", join(where, "label"))
        value = c.text(node, "value", join(where, "value"))
        source = c.text(node, "source", join(where, "source")) if "source" in node else None
        verified = node.get("verified_on")
        if isinstance(verified, str):
            try:
                verified = dt.date.fromisoformat(verified)
            except ValueError:
                verified = None
        if not source or not isinstance(verified, dt.date):
            c.problem(items, index, "contact-unverified", where)
            continue
        if today() - verified > CONTACT_MAX_AGE:
            c.problem(node, "verified_on", "contact-stale", join(where, "verified_on"),
                      date=verified.isoformat())
            continue
        if label and value:
            found.append(Contact(label, value, source, verified))
    return tuple(found)


# --- Pages -----------------------------------------------------------------------------------

def index_page(campaigns: list[Campaign], strategy, lang: str) -> str:
    ui = messages.UI
    links = Links(lang)
    here = f"{PAGES}/index.md"
    out = [_front(ui["campaigns_title"][lang], ui["campaigns_description"][lang]),
           f"# {text(ui['campaigns_title'][lang])} {{#campagnes}}\n",
           f"{text(ui['campaigns_intro'][lang])}\n"]
    for campaign in campaigns:
        out.append(f"## [{text(campaign.title[lang])}]({links.href(here, campaign.page)}) "
                   f"{{#{campaign.id}}}\n")
        out.append(f"{text(campaign.theme[lang])}\n")
        out.append(f"**{text(ui['campaign_period'][lang])} :** {text(campaign.period[lang])}\n"
                   if lang == "fr" else
                   f"**{text(ui['campaign_period'][lang])}:** {text(campaign.period[lang])}\n")
    return "\n".join(out) + "\n"


def campaign_page(campaign: Campaign, strategy, lang: str) -> str:
    ui = messages.UI
    links = Links(lang)
    here = campaign.page
    colon = " :" if lang == "fr" else ":"
    out = [_front(campaign.title[lang], campaign.theme[lang]),
           f"# {text(campaign.title[lang])} {{#campagne}}\n"]
    if campaign.draft:
        out.append(f'!!! warning ps-notice "{ui["draft_title"][lang]}"\n\n    {text(ui["draft_notice"][lang])}\n')
    review = campaign.review if lang != languages.DEFAULT.code else frozenset()
    if review:
        items = languages.join_list(sorted(review), lang)
        out.append(f'!!! warning ps-notice "{ui["review_title"][lang]}"\n\n    '
                   f'{text(ui["review_items"][lang].format(items=items))}\n')

    def mark(item: str) -> str:
        return f' <span class="ps-review">{text(ui["review_mark"][lang])}</span>' \
            if item in review else ""

    out.append(f"{text(campaign.theme[lang])}\n{{ .ps-lead }}\n")
    out.append(f"**{text(ui['campaign_period'][lang])}{colon}** {text(campaign.period[lang])}\n")
    out.append(f'<p class="ps-cta">{text(campaign.call_to_action[lang])}</p>\n')
    out.append(f"## {text(ui['campaign_public_messages'][lang])} {{#messages}}\n")
    out += [f"- {text(m[lang])}{mark(f'public-{n}')}" for n, m in enumerate(campaign.public, 1)]
    out.append(f"\n## {text(ui['campaign_kit'][lang])} {{#kit}}\n")
    out.append(f"{text(ui['campaign_kit_intro'][lang])}\n")
    out.append(f"<!-- ps-kit:{campaign.id} -->\n")
    out.append(f"## {text(ui['campaign_objectives'][lang])} {{#objectifs}}\n")
    out += [f"- {text(o[lang])}{mark(f'objectives-{n}')}"
            for n, o in enumerate(campaign.objectives, 1)]
    out.append(f"\n## {text(ui['campaign_partner_messages'][lang])} {{#partenaires}}\n")
    out += [f"- {text(m[lang])}{mark(f'partners-{n}')}"
            for n, m in enumerate(campaign.partners, 1)]
    groups = {label.id: label.label for label in strategy.groups}
    out.append(f"\n**{text(ui['serves'][lang])}** " + languages.join_list(
        (f"[{text(groups[g][lang])}]({links.href(here, 'strategie/publics.md', g)})"
         for g in campaign.audiences), lang) + "\n")
    out.append(f"**{text(ui['campaign_hashtag'][lang])}{colon}** "
               f"<bdi>{text(campaign.hashtag[lang])}</bdi>\n")
    texts = {a.id: a.text for _, _, a in strategy.actions()}
    out.append(f"## {text(ui['doc_actions'][lang])} {{#actions}}\n")
    for action in campaign.actions:
        target = links.href(here, part_path(strategy.part_of(action)), anchor(action))
        out.append(f"- [{action}]({target}){{ .ps-id }} {text(texts[action][lang])}")
    out.append(f"\n## {text(ui['campaign_safeguarding'][lang])} {{#protection}}\n")
    out += [f"- {text(rule[lang])}{mark(f'safeguarding-{n}')}"
            for n, rule in enumerate(campaign.safeguarding, 1)]
    if campaign.contacts:
        out.append(f"\n## {text(ui['campaign_contacts'][lang])} {{#contacts}}\n")
        for contact in campaign.contacts:
            checked = ui["campaign_verified"][lang].format(source=contact.source,
                                                           date=contact.verified_on.isoformat())
            out.append(f"- {text(contact.label[lang])}{colon} <bdi dir=\"ltr\">"
                       f"{text(contact.value)}</bdi> ({text(checked)})")
    return "\n".join(out) + "\n"


def _front(title: str, description: str) -> str:
    from .strategy.render import _front_matter
    return _front_matter(title, description)


def kit_html(results: dict, campaign_id: str, page_url: str, lang: str) -> str:
    """The table of a campaign's print kit, from the print pipeline's results by file name:
    for each format, the screen and office edition and the print shop's, in each variant."""
    ui = messages.UI
    up = "../" * page_url.count("/")
    colon = ":" if lang == "ar" else "\u202f:"
    items = []
    for fmt in PRINTED:
        for edition in EDITIONS:
            links = []
            for variant in VARIANTS:
                suffix = "-imprimeur" if edition == "print" else ""
                result = results.get(f"{campaign_id}-{fmt}-{variant}{suffix}.pdf")
                if result is not None:
                    size = downloads.size_text(result.size, lang)
                    links.append(f'<a href="{up}pdf/{result.file_name}" download '
                                 f'type="application/pdf">{ui[f"kit_{variant}"][lang]}</a>\u00a0'
                                 f'<span class="ps-download-details">({size})</span>')
            if links:
                label = languages.join_list((ui[f"kit_{fmt}"][lang], ui[f"kit_{edition}"][lang]),
                                            lang)
                items.append(f"<li><strong>{label}</strong>{colon} "
                             f"{' · '.join(links)}</li>")
    notes = "".join(f'<p class="ps-kit-note">{ui[f"kit_{e}_note"][lang]}</p>' for e in EDITIONS)
    return f'<ul class="ps-kit">{"".join(items)}</ul>{notes}'
