"""Every sentence the system shows, in French and in Arabic.

Two catalogues: ``UI`` for the texts of the pages and PDFs (notices, 404 page…), ``PROBLEMS`` for
what ``check`` and the build report to editors. Each entry has a French and an Arabic text; the
test suite fails if one is missing. Arabic uses Western digits (Moroccan convention).
"""

from __future__ import annotations

import os

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
    # Printed documents and their download links
    "pole_social": {"fr": "Pôle social", "ar": "القطب الاجتماعي"},
    "pdf_page": {"fr": "Page", "ar": "الصفحة"},
    "pdf_of": {"fr": "sur", "ar": "من"},
    "pdf_contents": {"fr": "Sommaire", "ar": "الفهرس"},
    "pdf_language": {"fr": "Version française", "ar": "النسخة العربية"},
    "pdf_edition": {"fr": "Édition du {date}", "ar": "طبعة {date}"},
    "strategy_short": {"fr": "Stratégie 4+4", "ar": "استراتيجية (4+4)"},
    # Colophon of every book (polesocial.print.book.colophon)
    "colophon_title": {"fr": "Informations sur ce document", "ar": "معلومات حول هذه الوثيقة"},
    "colophon_publisher": {"fr": "Éditeur", "ar": "الناشر"},
    "colophon_version": {"fr": "Version", "ar": "الإصدار"},
    "colophon_date": {"fr": "Date d’édition", "ar": "تاريخ الطبع"},
    "colophon_licence": {"fr": "Licence", "ar": "الرخصة"},
    "colophon_licence_text": {
        "fr": "CC BY 4.0 (proposition, en attente de validation par le ministère)",
        "ar": "CC BY 4.0 (مقترح في انتظار مصادقة الوزارة)",
    },
    "colophon_history": {"fr": "Historique des versions", "ar": "سجل الإصدارات"},
    "colophon_online": {"fr": "Version en ligne", "ar": "النسخة الإلكترونية"},
    "colophon_fonts": {
        "fr": "Composé en Noto Sans et Scheherazade New (SIL Open Font License 1.1).",
        "ar": "جُمعت حروفه بخطَّي Noto Sans وScheherazade New، المنشورين برخصة الخطوط المفتوحة "
              "لمنظمة SIL (الإصدار 1.1).",
    },
    # Campaign kit: proof mark, editions
    "proof_mark": {"fr": "ÉPREUVE — adresse provisoire", "ar": "نسخة تجريبية — عنوان مؤقت"},
    "proof_warning": {
        "fr": "attention : SITE_URL n’est pas défini, les affiches et leurs codes QR portent "
              "l’adresse provisoire {url} et la mention « ÉPREUVE ». Construisez avec "
              "SITE_URL=https://… make site avant de les envoyer à l’imprimeur.",
        "ar": "تنبيه: لم يُحدَّد SITE_URL، فالملصقات ورموز QR فيها تحمل العنوان المؤقت {url} "
              "وعبارة «نسخة تجريبية». ابنوا الموقع بالأمر SITE_URL=https://… make site قبل "
              "إرسالها إلى المطبعة.",
    },
    "kit_screen": {"fr": "écran et bureau", "ar": "للشاشة والطباعة المكتبية"},
    "kit_print": {"fr": "imprimeur", "ar": "للمطبعة"},
    "kit_screen_note": {
        "fr": "Édition écran et bureau : à lire à l’écran ou à imprimer sur une imprimante de "
              "bureau (PDF accessible, couleurs RVB).",
        "ar": "نسخة الشاشة والطباعة المكتبية: للقراءة على الشاشة أو للطباعة بطابعة مكتبية "
              "(PDF ميسَّر الولوج، ألوان RVB).",
    },
    "kit_print_note": {
        "fr": "Édition imprimeur : pour l’impression professionnelle (fonds perdus de 3 mm, "
              "traits de coupe, couleurs CMJN).",
        "ar": "نسخة المطبعة: للطباعة الاحترافية (هوامش قص بعرض 3 مم، علامات القص، ألوان CMJN).",
    },
    "draft_notice": {
        "fr": "Projet de document, soumis à validation : ce texte n’engage pas encore le "
              "ministère.",
        "ar": "مشروع وثيقة معروض للمصادقة: لا يُلزم هذا النص الوزارة بعدُ.",
    },
    "draft_mark": {"fr": "PROJET", "ar": "مشروع"},
    "download_pdf": {"fr": "Télécharger le PDF", "ar": "تحميل PDF"},
    # The trainer's kit (an archive per language), and reading offline
    "kit_title": {"fr": "Kit du formateur", "ar": "حقيبة المكوِّن"},
    "kit_download": {"fr": "Télécharger le kit du formateur", "ar": "تحميل حقيبة المكوِّن"},
    # Arabic: no number right after a Latin word (ZIP، 36 would read as one left-to-right run).
    "kit_details": {"fr": "fichier ZIP, {files}, {size}",
                    "ar": "{size}، {files}، ملف مضغوط ZIP"},
    "kit_summary": {
        "fr": "Toutes les publications en PDF, les affiches et dépliants des campagnes, et une "
              "page d’accueil qui s’ouvre sans connexion : un seul fichier à copier sur un "
              "ordinateur ou une clé USB.",
        "ar": "جميع المنشورات بصيغة PDF، وملصقات الحملات ومطوياتها، وصفحة استقبال تُفتح دون "
              "اتصال بالإنترنت: ملف واحد يُنسخ على حاسوب أو على مفتاح USB.",
    },
    "kit_index_intro": {
        "fr": "Ce dossier rassemble les publications du Pôle social en français, pour préparer "
              "et animer une formation sans connexion. Ouvrez un document en cliquant sur son "
              "titre. Les documents marqués « Projet » ne sont pas encore validés.",
        "ar": "يضم هذا المجلد منشورات القطب الاجتماعي باللغة العربية، لإعداد دورات التكوين "
              "وتنشيطها دون اتصال بالإنترنت. افتحوا أي وثيقة بالنقر على عنوانها. أما الوثائق "
              "الموسومة بعبارة «مشروع» فلم تُعتمد بعدُ.",
    },
    "kit_index_date": {"fr": "Kit constitué le {date}.", "ar": "أُعدّت هذه الحقيبة بتاريخ {date}."},
    "kit_index_documents": {"fr": "Documents", "ar": "الوثائق"},
    "kit_index_campaigns": {"fr": "Campagnes de sensibilisation : affiches et dépliants",
                            "ar": "حملات التحسيس: الملصقات والمطويات"},
    "kit_index_online": {"fr": "Version en ligne, tenue à jour :",
                         "ar": "النسخة المنشورة على الإنترنت، المحيَّنة باستمرار:"},
    "kit_index_licence": {
        "fr": "Contenu publié sous licence CC BY 4.0 (proposition à valider par le ministère).",
        "ar": "محتوى منشور بموجب رخصة CC BY 4.0 (مقترح في انتظار مصادقة الوزارة).",
    },
    "kit_built": {"fr": "Kit {file} : {files}, {size}", "ar": "الحقيبة {file}: {files}، {size}"},
    "kit_cached": {"fr": "Kit {file} : {files}, {size}, inchangé (cache)",
                   "ar": "الحقيبة {file}: {files}، {size}، دون تغيير (ذاكرة التخزين)"},
    "offline_save": {"fr": "Enregistrer pour lire hors connexion",
                     "ar": "حفظ للقراءة دون اتصال"},
    "offline_saving": {"fr": "Enregistrement en cours…", "ar": "جارٍ الحفظ…"},
    "offline_saved": {"fr": "Disponible hors connexion", "ar": "متاح دون اتصال"},
    "offline_saved_details": {
        "fr": "cette page et son PDF sont enregistrés sur cet appareil.",
        "ar": "هذه الصفحة وملفها بصيغة PDF محفوظان على هذا الجهاز.",
    },
    "offline_failed": {
        "fr": "L’enregistrement n’a pas abouti : vérifiez la connexion, puis réessayez.",
        "ar": "تعذّر الحفظ: تحققوا من الاتصال بالإنترنت، ثم أعيدوا المحاولة.",
    },
    "offline_now": {
        "fr": "Vous êtes hors connexion : cette page vient de la mémoire de votre appareil.",
        "ar": "أنتم غير متصلين بالإنترنت: هذه الصفحة معروضة من ذاكرة جهازكم.",
    },
    "offline_title": {"fr": "Hors connexion", "ar": "دون اتصال بالإنترنت"},
    "offline_body": {
        "fr": "Cette page n’est pas encore enregistrée sur cet appareil, et la connexion ne "
              "répond pas. Réessayez quand le réseau sera revenu.",
        "ar": "لم تُحفظ هذه الصفحة بعدُ على هذا الجهاز، والاتصال بالإنترنت لا يستجيب. أعيدوا "
              "المحاولة عند عودة الشبكة.",
    },
    "offline_list": {"fr": "Pages et documents disponibles sur cet appareil :",
                     "ar": "الصفحات والوثائق المتاحة على هذا الجهاز:"},
    "offline_retry": {"fr": "Réessayer", "ar": "إعادة المحاولة"},
    "pdf_details": {"fr": "{language}, {pages}, {size}", "ar": "{language}، {pages}، {size}"},
    "pdf_language_short": {"fr": "français", "ar": "بالعربية"},
    "pdf_size_kb": {"fr": "{n} Ko", "ar": "{n} كيلوبايت"},
    "pdf_size_mb": {"fr": "{n} Mo", "ar": "{n} ميغابايت"},
    "keywords": {
        "fr": "Pôle social, Stratégie 4+4, 2012-2016, action sociale, solidarité, Maroc",
        "ar": "القطب الاجتماعي، استراتيجية (4+4)، 2012-2016، العمل الاجتماعي، التضامن، المغرب",
    },
    # Errors of the build and of the commands
    "print_remote": {"fr": "ressource distante refusée (rien n’est téléchargé) : {target}",
                     "ar": "رُفض مورد خارجي (لا يُحمَّل أي شيء): {target}"},
    "print_outside": {"fr": "fichier hors du projet refusé : {target}",
                      "ar": "رُفض ملف من خارج المشروع: {target}"},
    "print_missing": {"fr": "fichier introuvable : {target}", "ar": "ملف غير موجود: {target}"},
    "print_image_failed": {"fr": "image illisible ou trop grande pour être imprimée : {target}",
                           "ar": "صورة يتعذر قراءتها أو كبيرة جدًا على الطباعة: {target}"},
    "print_font_failed": {"fr": "police de caractères inutilisable ({target})",
                          "ar": "خط يتعذر استعماله ({target})"},
    "print_too_deep": {"fr": "le document est trop profondément imbriqué pour être mis en page",
                       "ar": "الوثيقة متداخلة بعمق يتعذر معه إخراجها"},
    "print_unreadable": {"fr": "ressource illisible : {target}",
                         "ar": "تعذرت قراءة المورد: {target}"},
    "sources_have_errors": {
        "fr": "Les sources contiennent des erreurs : rien n’est publié.",
        "ar": "تتضمن المصادر أخطاء، ولذلك لم يُنشر أي شيء.",
    },
    "guide_bad_name": {
        "fr": "« {slug} » : le nom d’un guide s’écrit en minuscules, chiffres et tirets.",
        "ar": "«{slug}»: يُكتب اسم الدليل بحروف لاتينية صغيرة وأرقام وشرطات.",
    },
    "guide_exists": {"fr": "{folder} existe déjà.", "ar": "{folder} موجود من قبل."},
    "preview_start": {
        "fr": "Aperçu sur {url} : il se met à jour à chaque enregistrement d’un fichier. "
              "Ctrl+C pour l’arrêter.",
        "ar": "المعاينة متاحة على {url}، وتتجدد عند كل حفظ لملف. اضغطوا Ctrl+C لإيقافها.",
    },
    "preview_built": {"fr": "Aperçu à jour ({seconds} s).",
                      "ar": "حُدّثت المعاينة ({seconds} ث)."},
    "preview_stopped": {"fr": "Aperçu arrêté.", "ar": "توقفت المعاينة."},
    "campaign_bad_name": {
        "fr": "« {slug} » : le nom d’une campagne s’écrit en minuscules, chiffres et tirets.",
        "ar": "«{slug}»: يُكتب اسم الحملة بحروف لاتينية صغيرة وأرقام وشرطات.",
    },
    "new_campaign": {
        "fr": "Campagne créée dans {file} (menu : {page}). Remplacez chaque texte « à "
              "compléter » en français et en arabe, puis lancez : make check (il dira aussi "
              "quels nombres de campagnes mettre à jour sur les pages).",
        "ar": "أُنشئت الحملة في {file} (القائمة: {page}). استبدلوا كل نص «في طور الإعداد» "
              "بالعربية والفرنسية، ثم نفذوا: make check (وسيبيّن أيضًا أعداد الحملات التي ينبغي "
              "تحيينها في الصفحات).",
    },
    "unsafe_page": {
        "fr": "{page} : la page contiendrait ce qui peut exécuter du code ou charger autre "
              "chose que le site ({found}) ; rien n’est publié. Une source ou un gabarit "
              "(overrides/) l’y a mis : retirez-le.",
        "ar": "{page}: قد تتضمن الصفحة ما يمكن أن يشغّل شيفرة أو يحمّل شيئًا من خارج الموقع "
              "({found})؛ ولم يُنشر أي شيء. لقد أدرجه مصدر أو قالب (overrides/)، فاحذفوه.",
    },
    "internal_error": {
        "fr": "Erreur inattendue pendant « {step} » ({error}) : rien n’est publié. Relancez la "
              "commande ; si l’erreur revient, transmettez ce message à l’équipe technique "
              "(POLESOCIAL_DEBUG=1 devant la commande affiche le détail).",
        "ar": "خطأ غير متوقع أثناء «{step}» ({error})، ولم يُنشر أي شيء. أعيدوا تنفيذ الأمر؛ "
              "وإن تكرر الخطأ فأرسلوا هذه الرسالة إلى الفريق التقني (إضافة POLESOCIAL_DEBUG=1 "
              "قبل الأمر تعرض التفاصيل).",
    },
    # Guides, charter, translation status
    "guides_nav": {"fr": "Guides", "ar": "الأدلة"},
    "guides_title": {"fr": "Guides de référence", "ar": "الأدلة المرجعية"},
    "guides_description": {
        "fr": "Les guides de référence du Pôle social pour les associations, par public et par "
              "axe de la Stratégie 4+4.",
        "ar": "الأدلة المرجعية للقطب الاجتماعي الموجهة إلى الجمعيات، حسب الفئات المستهدفة وحسب "
              "محاور استراتيجية (4+4).",
    },
    "guides_intro": {
        "fr": "La Stratégie 4+4 prévoit la préparation, la publication et la diffusion de guides "
              "de référence pour unifier les pratiques et intégrer les approches des droits "
              "humains dans les interventions des acteurs. Chaque guide se lit en ligne ou "
              "s’imprime en PDF, en français et en arabe.",
        "ar": "تنص استراتيجية (4+4) على إعداد أدلة مرجعية وإصدارها ونشرها من أجل توحيد الممارسات "
              "وإدماج مقاربات حقوق الإنسان في تدخلات الفاعلين. ويمكن قراءة كل دليل على الموقع "
              "أو طباعته بصيغة PDF، بالعربية والفرنسية.",
    },
    "guides_all": {"fr": "Tous les guides", "ar": "جميع الأدلة"},
    "guides_by_audience": {"fr": "Par public", "ar": "حسب الفئات المستهدفة"},
    "guides_by_axis": {"fr": "Par axe de la stratégie", "ar": "حسب محاور الاستراتيجية"},
    "guide_kind": {"fr": "Guide de référence", "ar": "دليل مرجعي"},
    "charter_kind": {"fr": "Charte", "ar": "ميثاق"},
    "doc_version": {"fr": "Version {version}", "ar": "الإصدار {version}"},
    "doc_date": {"fr": "du {date}", "ar": "بتاريخ {date}"},
    # Version history (polesocial/history.py, textdiff.py, web/feed.py)
    "history_published": {"fr": "Publié le {date}", "ar": "نُشر بتاريخ {date}"},
    "history_updated": {"fr": "Dernière mise à jour le {date}", "ar": "آخر تحديث بتاريخ {date}"},
    "history_see": {"fr": "voir l’historique", "ar": "الاطلاع على سجل الإصدارات"},
    "history_title": {"fr": "Historique des versions", "ar": "سجل الإصدارات"},
    "history_changes_link": {"fr": "Voir les modifications de chaque version",
                             "ar": "الاطلاع على التعديلات التي عرفها كل إصدار"},
    "history_page_title": {"fr": "Historique des versions : {title}",
                           "ar": "سجل الإصدارات: {title}"},
    "history_page_description": {
        "fr": "Chaque version publiée de « {title} », avec sa date, sa note et les modifications "
              "de son texte.",
        "ar": "كل إصدار منشور من «{title}»، مع تاريخه وملاحظته والتعديلات التي عرفها نصه.",
    },
    "history_back": {"fr": "Retour au document", "ar": "العودة إلى الوثيقة"},
    "history_entry": {"fr": "Version {version} — {date}", "ar": "الإصدار {version} — {date}"},
    "history_changes": {"fr": "Modifications depuis la version {version}",
                        "ar": "التعديلات منذ الإصدار {version}"},
    "history_legend": {
        "fr": "Dans les modifications, chaque passage est signalé comme « Ajouté », "
              "« Supprimé » ou « Modifié » ; dans un passage modifié, les mots ajoutés sont "
              "soulignés et les mots supprimés barrés.",
        "ar": "في التعديلات، يُشار إلى كل مقطع بعبارة «مضاف» أو «محذوف» أو «معدَّل»؛ وداخل "
              "المقطع المعدَّل، يظهر ما أضيف من كلمات مسطَّرًا تحته، وما حُذف منها مشطوبًا.",
    },
    "history_first": {
        "fr": "Première version publiée : il n’y a pas de version antérieure à comparer.",
        "ar": "أول إصدار منشور: لا يوجد إصدار سابق تمكن المقارنة به.",
    },
    "history_unavailable_title": {"fr": "Historique du dépôt indisponible",
                                  "ar": "سجل المستودع غير متاح"},
    "history_unavailable": {
        "fr": "Cette copie du site a été construite sans l’historique complet de ses sources "
              "(copie partielle du dépôt, ou sans git) : les modifications du texte ne peuvent "
              "pas être affichées. Les versions, leurs dates et leurs notes restent exactes.",
        "ar": "بُنيت هذه النسخة من الموقع دون السجل الكامل لمصادرها (نسخة جزئية من المستودع أو "
              "دون git)، ولذلك يتعذر عرض التعديلات التي عرفها النص. أما الإصدارات وتواريخها "
              "وملاحظاتها فتبقى صحيحة.",
    },
    "history_changes_unavailable": {
        "fr": "Les modifications de cette version ne peuvent pas être affichées : l’historique "
              "du dépôt n’est pas disponible.",
        "ar": "يتعذر عرض تعديلات هذا الإصدار، لأن سجل المستودع غير متاح.",
    },
    "history_version_missing": {
        "fr": "Le texte de cette version ou de la précédente ne figure pas dans l’historique du "
              "dépôt : ses modifications ne peuvent pas être affichées.",
        "ar": "لا يوجد نص هذا الإصدار أو الإصدار الذي سبقه في سجل المستودع، ولذلك يتعذر عرض "
              "تعديلاته.",
    },
    "history_no_change": {
        "fr": "Le texte en français n’a pas changé dans cette version.",
        "ar": "لم يتغير النص العربي في هذا الإصدار.",
    },
    "history_pdf": {"fr": "PDF de cette version :", "ar": "ملف PDF لهذا الإصدار:"},
    "history_superseded": {
        "fr": "Cette version a été remplacée par la version {version}.",
        "ar": "عُوِّض هذا الإصدار بالإصدار {version}.",
    },
    "diff_summary": {"fr": "Passages ajoutés : {added} · supprimés : {removed} · modifiés : "
                           "{changed}",
                     "ar": "المقاطع المضافة: {added} · المحذوفة: {removed} · المعدَّلة: {changed}"},
    "diff_in_section": {"fr": "Dans la partie « {section} »", "ar": "في الجزء «{section}»"},
    "diff_added": {"fr": "Ajouté", "ar": "مضاف"},
    "diff_removed": {"fr": "Supprimé", "ar": "محذوف"},
    "diff_changed": {"fr": "Modifié", "ar": "معدَّل"},
    "diff_ins_start": {"fr": "[ajout :", "ar": "[إضافة:"},
    "diff_ins_end": {"fr": "fin de l’ajout]", "ar": "نهاية الإضافة]"},
    "diff_del_start": {"fr": "[suppression :", "ar": "[حذف:"},
    "diff_del_end": {"fr": "fin de la suppression]", "ar": "نهاية الحذف]"},
    "feed_title": {"fr": "Pôle social — mises à jour des documents",
                   "ar": "القطب الاجتماعي — تحديثات الوثائق"},
    "feed_subtitle": {
        "fr": "Chaque nouvelle version de la stratégie, des guides, de la charte et des "
              "campagnes, avec sa note.",
        "ar": "كل إصدار جديد من الاستراتيجية والأدلة والميثاق والحملات، مع ملاحظته.",
    },
    "feed_entry_title": {"fr": "{title} — version {version}", "ar": "{title} — الإصدار {version}"},
    "feed_link_title": {"fr": "Mises à jour des documents (Atom)",
                        "ar": "تحديثات الوثائق (Atom)"},
    "doc_status_draft": {"fr": "Projet (brouillon)", "ar": "مشروع (مسودة)"},
    "doc_status_published": {"fr": "Publié", "ar": "منشور"},
    "doc_actions": {"fr": "Actions de la stratégie servies par ce document",
                    "ar": "إجراءات الاستراتيجية التي تخدمها هذه الوثيقة"},
    "draft_title": {"fr": "Document de travail", "ar": "وثيقة عمل"},
    "outdated_title": {"fr": "Traduction à mettre à jour", "ar": "ترجمة غير محيَّنة"},
    "outdated_notice": {
        "fr": "Le texte français de ce document a changé depuis sa traduction : la version "
              "arabe ne reflète peut-être pas la dernière rédaction.",
        "ar": "تغيّر النص الفرنسي لهذه الوثيقة بعد ترجمتها، وقد لا تعكس هذه النسخة العربية آخر "
              "صيغة له.",
    },
    "action_guides": {"fr": "Guides :", "ar": "الأدلة:"},
    "status_nav": {"fr": "État des traductions", "ar": "وضعية الترجمات"},
    "status_description": {
        "fr": "Pour chaque page, campagne et document du site : ses mots en français et en "
              "arabe, et combien de ses éléments ont une traduction à jour ; puis les termes "
              "du glossaire proposés à la validation du ministère.",
        "ar": "لكل صفحة وحملة ووثيقة من الموقع: عدد كلماتها بالفرنسية والعربية، وعدد عناصرها "
              "ذات الترجمة المحيَّنة؛ ثم مصطلحات المسرد المقترحة على مصادقة الوزارة.",
    },
    "status_intro": {
        "fr": "Ce tableau est produit à chaque construction du site. Il suit les traductions "
              "élément par élément : chaque partie, objectif et action de la stratégie, chaque "
              "message d’une campagne, chaque guide, la charte et chaque page. Un élément « en "
              "révision » a une traduction arabe qui suit une version antérieure du texte "
              "français ; sa page le signale aux lecteurs.",
        "ar": "يُعد هذا الجدول عند كل بناء للموقع، ويتتبع الترجمات عنصرا عنصرا: كل جزء وهدف "
              "وإجراء من الاستراتيجية، وكل رسالة من رسائل الحملات، وكل دليل، والميثاق، وكل "
              "صفحة. والعنصر «قيد المراجعة» عنصر تترجم نسخته العربية صيغة سابقة من النص "
              "الفرنسي، وتنبه صفحته القراء إلى ذلك.",
    },
    "status_document": {"fr": "Document", "ar": "الوثيقة"},
    "status_french": {"fr": "Français", "ar": "الفرنسية"},
    "status_arabic": {"fr": "Arabe", "ar": "العربية"},
    "status_translation": {"fr": "Traduction arabe", "ar": "الترجمة العربية"},
    "status_current": {"fr": "à jour", "ar": "محيَّنة"},
    "status_outdated": {"fr": "à mettre à jour", "ar": "غير محيَّنة"},
    "status_untracked": {"fr": "version non suivie", "ar": "نسخة غير متتبَّعة"},
    "status_missing": {"fr": "absente", "ar": "غير موجودة"},
    "status_words": {"fr": "{n} mots", "ar": "{n} كلمة"},
    "status_strategy": {"fr": "Stratégie 4+4", "ar": "استراتيجية (4+4)"},
    "status_guides": {"fr": "Guides et charte", "ar": "الأدلة والميثاق"},
    "status_pages": {"fr": "Pages du site", "ar": "صفحات الموقع"},
    "status_campaigns": {"fr": "Campagnes", "ar": "الحملات"},
    "status_items": {"fr": "Éléments", "ar": "العناصر"},
    "status_item_counts": {"fr": "{current} à jour, {review} en révision",
                           "ar": "{current} محيَّنة، {review} قيد المراجعة"},
    "status_in_review": {"fr": "en révision : {items}", "ar": "قيد المراجعة: {items}"},
    "status_summary": {
        "fr": "Éléments suivis : {total} (actions, objectifs et parties de la stratégie, "
              "messages des campagnes, pages, guides et charte) ; à jour : {current} ; en "
              "révision : {review}.",
        "ar": "العناصر المتتبَّعة: {total} (إجراءات الاستراتيجية وأهدافها وأجزاؤها، ورسائل "
              "الحملات، والصفحات، والأدلة والميثاق)؛ المحيَّنة منها: {current}؛ وقيد المراجعة: "
              "{review}.",
    },
    "status_terms": {"fr": "Termes proposés à la validation du ministère",
                     "ar": "مصطلحات مقترحة على مصادقة الوزارة"},
    "status_terms_intro": {
        "fr": "Le glossaire compte {total} termes : {verified} vérifiés dans une source, "
              "{proposed} proposés par ce site. Les termes proposés attendent la relecture d’un "
              "spécialiste du ministère :",
        "ar": "يضم المسرد {total} مصطلحًا: {verified} منها متحقَّق منها في مصدر، و{proposed} "
              "يقترحها هذا الموقع. وتنتظر المصطلحات المقترحة مراجعة مختص من الوزارة:",
    },
    "status_term_french": {"fr": "Français", "ar": "بالفرنسية"},
    "status_term_arabic": {"fr": "Arabe", "ar": "بالعربية"},
    "permalink_title": {"fr": "Lien permanent vers cette partie", "ar": "رابط دائم لهذا الجزء"},
    "review_title": {"fr": "Traduction en cours de révision", "ar": "الترجمة قيد المراجعة"},
    "review_items": {
        "fr": "Le texte français de certains éléments de cette page a changé depuis leur "
              "traduction : leur version arabe est en cours de révision ({items}).",
        "ar": "تغيّر النص الفرنسي لبعض عناصر هذه الصفحة بعد ترجمتها، ونسختها العربية قيد "
              "المراجعة ({items}).",
    },
    "review_page": {
        "fr": "Le texte français de cette page a changé depuis sa traduction : la version "
              "arabe est en cours de révision.",
        "ar": "تغيّر النص الفرنسي لهذه الصفحة بعد ترجمتها، ونسختها العربية قيد المراجعة.",
    },
    "review_mark": {"fr": "traduction en révision", "ar": "الترجمة قيد المراجعة"},
    "review_cover": {
        "fr": "La traduction arabe de certains éléments est en cours de révision : {items}.",
        "ar": "الترجمة العربية لبعض العناصر قيد المراجعة: {items}.",
    },
    # make translated (polesocial/cli.py): what it records, in words
    "translated_document": {
        "fr": "{folder} : traduction enregistrée le {date}. L’arabe (ar.md) suit désormais le "
              "texte français de fr.md tel qu’il est aujourd’hui ({words}). {before} "
              "Si fr.md change encore, make check le signalera.",
        "ar": "{folder}: سُجّلت الترجمة بتاريخ {date}. النص العربي (ar.md) يتبع الآن النص "
              "الفرنسي في fr.md كما هو اليوم ({words}). {before} وإذا تغيّر fr.md من جديد "
              "فسينبّه إلى ذلك الأمر make check.",
    },
    "translated_page": {
        "fr": "{file} : traduction enregistrée le {date}. L’arabe de cette page suit désormais "
              "le texte français de {french} tel qu’il est aujourd’hui ({words}). {before} "
              "Si {french} change encore, make check le signalera.",
        "ar": "{file}: سُجّلت الترجمة بتاريخ {date}. النص العربي لهذه الصفحة يتبع الآن النص "
              "الفرنسي في {french} كما هو اليوم ({words}). {before} وإذا تغيّر {french} من "
              "جديد فسينبّه إلى ذلك الأمر make check.",
    },
    "translated_items": {
        "fr": "{file} : traduction enregistrée le {date}. L’arabe suit désormais le texte "
              "français d’aujourd’hui pour {count} :",
        "ar": "{file}: سُجّلت الترجمة بتاريخ {date}. النص العربي يتبع الآن النص الفرنسي كما "
              "هو اليوم في {count}:",
    },
    "translated_items_next": {"fr": "Si ce texte français change encore, make check le signalera.",
                              "ar": "وإذا تغيّر هذا النص الفرنسي من جديد فسينبّه إلى ذلك الأمر "
                                    "make check."},
    "translated_item_line": {"fr": "  {item} : « {excerpt} »{before}",
                             "ar": "  {item}: «{excerpt}»{before}"},
    "translated_item_before": {"fr": " (enregistrement précédent : {date})",
                               "ar": " (التسجيل السابق: {date})"},
    "translated_before": {"fr": "Enregistrement précédent : {date}.",
                          "ar": "التسجيل السابق: {date}."},
    "translated_before_undated": {"fr": "L’enregistrement précédent n’était pas daté.",
                                  "ar": "لم يكن التسجيل السابق مؤرَّخًا."},
    "translated_first": {"fr": "C’est le premier enregistrement de cette traduction.",
                         "ar": "هذا أول تسجيل لهذه الترجمة."},
    "translated_nothing": {
        "fr": "Rien à faire : l’arabe de {what} suit déjà le texte français d’aujourd’hui "
              "({when}). Aucun fichier n’est modifié.",
        "ar": "لا شيء يستدعي التسجيل: النص العربي في {what} يتبع من قبل النص الفرنسي كما هو "
              "اليوم ({when}). ولم يُعدَّل أي ملف.",
    },
    "translated_current": {
        "fr": "Déjà à jour, rien à faire : {items}.",
        "ar": "محيَّنة من قبل، لا شيء يستدعي التسجيل: {items}.",
    },
    "translated_when": {"fr": "enregistré le {date}", "ar": "سُجّل بتاريخ {date}"},
    "translated_when_undated": {"fr": "enregistrement sans date",
                                "ar": "تسجيل غير مؤرَّخ"},
    "translated_arabic_unchanged": {
        "fr": "attention : {arabic} n’a pas changé depuis l’enregistrement précédent ({date}), "
              "alors que le texte français a changé depuis. Relisez l’arabe : s’il ne suit pas "
              "le nouveau texte français, corrigez-le, puis lancez : {command}",
        "ar": "تنبيه: لم يتغيّر {arabic} منذ التسجيل السابق ({date})، مع أن النص الفرنسي تغيّر "
              "بعده. راجعوا النص العربي: إن لم يكن يتبع النص الفرنسي الجديد فصحّحوه، ثم نفذوا: "
              "{command}",
    },
    "translated_arabic_of": {"fr": "l’arabe de {item}", "ar": "النص العربي للعنصر {item}"},
    "translated_no_document": {
        "fr": "{folder} n’est pas un document (pas de fr.md dans ce dossier).",
        "ar": "{folder} ليس وثيقة (لا يوجد fr.md في هذا المجلد).",
    },
    "new_guide": {
        "fr": "Guide créé dans {folder} (menu : {page}). Rédigez fr.md et ar.md, complétez "
              "guide.yml, puis lancez : make check",
        "ar": "أُنشئ الدليل في {folder} (القائمة: {page}). حرروا fr.md و ar.md، وأتمّوا "
              "guide.yml، ثم نفذوا: make check",
    },
    "translated_unknown": {
        "fr": "{file} : « {item} » n’est pas un élément de ce fichier (éléments : {known}).",
        "ar": "{file}: «{item}» ليس عنصرًا من عناصر هذا الملف (العناصر: {known}).",
    },
    "translated_not_tracked": {
        "fr": "{target} n’est ni un document (un dossier avec fr.md), ni un fichier dont les "
              "traductions sont suivies (strategy/strategy.yml, campaigns/<nom>.yml, "
              "docs/ar/<page>.md).",
        "ar": "{target} ليس وثيقة (مجلدا يضم fr.md)، ولا ملفا تُتتبَّع ترجماته "
              "(strategy/strategy.yml أو campaigns/<الاسم>.yml أو docs/ar/<الصفحة>.md).",
    },
    # Campaigns
    "qr_alt": {"fr": "Code QR vers la page de la campagne", "ar": "رمز QR يحيل على صفحة الحملة"},
    "qr_label": {"fr": "Scannez pour en savoir plus :", "ar": "امسحوا الرمز لمعرفة المزيد:"},
    "campaigns_nav": {"fr": "Campagnes", "ar": "الحملات"},
    "campaigns_title": {"fr": "Campagnes de sensibilisation", "ar": "الحملات التحسيسية"},
    "campaigns_description": {
        "fr": "Les campagnes de sensibilisation du Pôle social : messages, appels à l’action et "
              "matériel à imprimer, en français, en arabe ou bilingue.",
        "ar": "الحملات التحسيسية التي ينظمها القطب الاجتماعي: رسائلها ودعواتها إلى العمل وموادها "
              "القابلة للطباعة، بالعربية أو بالفرنسية أو باللغتين.",
    },
    "campaigns_intro": {
        "fr": "La Stratégie 4+4 prévoit des campagnes de sensibilisation autour des phénomènes "
              "sociaux et pour diffuser les valeurs de solidarité. Chaque campagne a ses "
              "messages et un kit d’affiches et de dépliants qu’une association peut imprimer "
              "et afficher.",
        "ar": "تنص استراتيجية (4+4) على تنظيم حملات تحسيسية حول الظواهر الاجتماعية ولنشر قيم "
              "التضامن. ولكل حملة رسائلها ومجموعة من الملصقات والمطويات يمكن للجمعيات طباعتها "
              "وتعليقها.",
    },
    "campaign_theme": {"fr": "Thème", "ar": "الموضوع"},
    "campaign_period": {"fr": "Période", "ar": "الفترة"},
    "campaign_objectives": {"fr": "Objectifs", "ar": "الأهداف"},
    "campaign_public_messages": {"fr": "Messages pour le public", "ar": "رسائل موجهة إلى العموم"},
    "campaign_partner_messages": {"fr": "Messages pour les associations partenaires et les "
                                        "équipes", "ar": "رسائل موجهة إلى الجمعيات الشريكة "
                                                         "والأطر"},
    "campaign_cta": {"fr": "Appel à l’action", "ar": "الدعوة إلى العمل"},
    "campaign_hashtag": {"fr": "Mot-dièse", "ar": "الوسم"},
    "campaign_safeguarding": {"fr": "Règles de protection", "ar": "قواعد الحماية"},
    "campaign_contacts": {"fr": "Contacts vérifiés", "ar": "جهات اتصال متحقَّق منها"},
    "campaign_verified": {"fr": "source : {source}, vérifié le {date}",
                          "ar": "المصدر: {source}، تاريخ التحقق: {date}"},
    "campaign_kit": {"fr": "Kit à imprimer", "ar": "مواد للطباعة"},
    "campaign_kit_intro": {
        "fr": "Chaque affiche porte un code QR vers cette page, dans sa langue.",
        "ar": "يحمل كل ملصق رمز QR يحيل على هذه الصفحة باللغة نفسها.",
    },
    "kit_a3": {"fr": "Affiche A3", "ar": "ملصق A3"},
    "kit_a4": {"fr": "Affiche A4", "ar": "ملصق A4"},
    "kit_a5": {"fr": "Dépliant A5", "ar": "مطوية A5"},
    "kit_fr": {"fr": "français", "ar": "بالفرنسية"},
    "kit_ar": {"fr": "arabe", "ar": "بالعربية"},
    "kit_bi": {"fr": "bilingue français-arabe", "ar": "باللغتين العربية والفرنسية"},
    "site_title": {"fr": "Publications du Pôle social", "ar": "منشورات القطب الاجتماعي"},
    "site_tagline": {
        "fr": "Stratégie 4+4, guides de référence, charte de complémentarité et campagnes de "
              "sensibilisation, en français et en arabe.",
        "ar": "استراتيجية (4+4)، والأدلة المرجعية، وميثاق التكامل، والحملات التحسيسية، باللغتين "
              "العربية والفرنسية.",
    },
    # Strategy pages
    "strategy_nav": {"fr": "Stratégie 4+4", "ar": "استراتيجية (4+4)"},
    "overview_title": {"fr": "La stratégie en un coup d’œil", "ar": "الاستراتيجية في لمحة"},
    "overview_description": {
        "fr": "La Stratégie 4+4 du Pôle social (2012-2016) sur une page : ses quatre axes "
              "stratégiques, ses quatre mesures d’appui, leurs objectifs et leurs actions.",
        "ar": "استراتيجية (4+4) للقطب الاجتماعي (2012-2016) في صفحة واحدة: محاورها "
              "الاستراتيجية الأربعة، ومحاورها الداعمة الأربعة، وأهدافها وإجراءاتها.",
    },
    "period_note": {
        "fr": "Stratégie de la période 2012-2016, présentée comme la stratégie de son temps et "
              "non comme un plan en vigueur.",
        "ar": "استراتيجية الفترة 2012-2016، تُعرض بوصفها استراتيجية مرحلتها لا خطةً سارية "
              "المفعول اليوم.",
    },
    "axes_heading": {"fr": "Les quatre axes stratégiques", "ar": "المحاور الاستراتيجية الأربعة"},
    "measures_heading": {"fr": "Les quatre mesures d’appui", "ar": "المحاور الداعمة الأربعة"},
    "axis_label": {"fr": "Axe stratégique {n}", "ar": "المحور الاستراتيجي {n}"},
    "measure_label": {"fr": "Mesure d’appui {n}", "ar": "المحور الداعم {n}"},
    "axis_short": {"fr": "Axe {n}", "ar": "المحور {n}"},
    "measure_short": {"fr": "Mesure {n}", "ar": "المحور الداعم {n}"},
    "read_part": {"fr": "Lire la partie {id}", "ar": "قراءة الجزء {id}"},
    "serves": {"fr": "Public :", "ar": "الفئات المستهدفة:"},
    "actors": {"fr": "Acteurs :", "ar": "الجهات المتدخلة:"},
    "editorial_note": {"fr": "Note de la rédaction", "ar": "ملاحظة تحريرية"},
    "see_also": {"fr": "Voir aussi :", "ar": "انظر أيضًا:"},
    "no_objectives": {"fr": "Pas d’objectif détaillé", "ar": "لا أهداف مفصلة"},
    "groups_title": {"fr": "Actions par public", "ar": "الإجراءات حسب الفئات المستهدفة"},
    "groups_description": {
        "fr": "Les actions de la Stratégie 4+4 classées selon les publics qu’elles servent.",
        "ar": "إجراءات استراتيجية (4+4) مصنفة حسب الفئات التي تستهدفها.",
    },
    "actors_title": {"fr": "Actions par acteur", "ar": "الإجراءات حسب الجهات المتدخلة"},
    "actors_description": {
        "fr": "Les actions de la Stratégie 4+4 classées selon les acteurs qui les mènent ou y "
              "sont associés.",
        "ar": "إجراءات استراتيجية (4+4) مصنفة حسب الجهات التي تنفذها أو تشارك فيها.",
    },
    "actors_intro": {
        "fr": "La stratégie confie ses actions au Pôle social. Les autres acteurs ne sont "
              "indiqués que lorsque le texte d’une action les nomme.",
        "ar": "تُسند الاستراتيجية إجراءاتها إلى القطب الاجتماعي، ولا تُذكر الجهات الأخرى إلا "
              "حين يسميها نص الإجراء.",
    },
    "glossary_title": {"fr": "Glossaire", "ar": "مسرد المصطلحات"},
    "glossary_description": {
        "fr": "Les termes de la Stratégie 4+4 et du Pôle social en français et en arabe, avec "
              "leur définition.",
        "ar": "مصطلحات استراتيجية (4+4) والقطب الاجتماعي بالعربية والفرنسية، مع تعريفها.",
    },
    "glossary_intro": {
        "fr": "Chaque terme est donné en français et en arabe. Les traductions marquées « à "
              "valider » attendent la relecture d’un spécialiste du ministère.",
        "ar": "يُقدَّم كل مصطلح بالعربية والفرنسية. أما الترجمات الموسومة بعبارة «في انتظار "
              "المصادقة» فتنتظر مراجعة مختص من الوزارة.",
    },
    "term_verified": {"fr": "Terme vérifié", "ar": "مصطلح متحقق منه"},
    "term_unverified": {"fr": "Traduction à valider", "ar": "ترجمة في انتظار المصادقة"},
    "term_other_language": {"fr": "En arabe :", "ar": "بالفرنسية:"},
    "indexes_heading": {"fr": "Index, glossaire et données", "ar": "الفهارس والمسرد والبيانات"},
    "open_data": {"fr": "Données ouvertes", "ar": "البيانات المفتوحة"},
    "open_data_text": {
        "fr": "Toute la stratégie, dans les deux langues, avec ses identifiants et ses "
              "étiquettes :",
        "ar": "الاستراتيجية كاملة باللغتين، بمعرفاتها ووسومها:",
    },
    "open_data_json": {"fr": "JSON (structure complète)", "ar": "JSON (البنية كاملة)"},
    "open_data_csv": {"fr": "CSV (une ligne par action, pour un tableur)",
                      "ar": "CSV (سطر لكل إجراء، للجداول الإلكترونية)"},
    "size_kb": {"fr": "{n} Ko", "ar": "{n} كيلوبايت"},
}

# Counted nouns. French: singular/plural. Arabic: 1, 2, 3-10 and 11-99 take different forms.
COUNTS = {
    "axis": {"fr": ("axe stratégique", "axes stratégiques"),
             "ar": ("محور استراتيجي واحد", "محوران استراتيجيان", "{n} محاور استراتيجية",
                    "{n} محورًا استراتيجيًا")},
    "measure": {"fr": ("mesure d’appui", "mesures d’appui"),
                "ar": ("محور داعم واحد", "محوران داعمان", "{n} محاور داعمة",
                       "{n} محورًا داعمًا")},
    "objective": {"fr": ("objectif", "objectifs"),
                  "ar": ("هدف واحد", "هدفان", "{n} أهداف", "{n} هدفًا")},
    "action": {"fr": ("action", "actions"),
               "ar": ("إجراء واحد", "إجراءان", "{n} إجراءات", "{n} إجراءً")},
    "page": {"fr": ("page", "pages"),
             "ar": ("صفحة واحدة", "صفحتان", "{n} صفحات", "{n} صفحة")},
    "term": {"fr": ("terme", "termes"),
             "ar": ("مصطلح واحد", "مصطلحان", "{n} مصطلحات", "{n} مصطلحًا")},
    "item": {"fr": ("élément", "éléments"),
             "ar": ("عنصر واحد", "عنصرين", "{n} عناصر", "{n} عنصرًا")},
    "file": {"fr": ("fichier PDF", "fichiers PDF"),
             "ar": ("ملف واحد بصيغة PDF", "ملفان بصيغة PDF", "{n} ملفات بصيغة PDF",
                    "{n} ملفًا بصيغة PDF")},
}


def count(n: int, noun: str, lang: str) -> str:
    """``n`` and its noun with the right agreement: "1 action", "3 إجراءات", "58 إجراءً"."""
    forms = COUNTS[noun][lang]
    if lang == "fr":
        return f"{n} {forms[0] if n <= 1 else forms[1]}"
    if n == 1:
        return forms[0]
    if n == 2:
        return forms[1]
    if 3 <= n <= 10:
        return forms[2].format(n=n)
    return forms[3].format(n=n)  # 0 and 11-99 (and beyond, where the accusative also serves)

SEVERITY = {
    "error": {"fr": "erreur", "ar": "خطأ"},
    "warning": {"fr": "avertissement", "ar": "تنبيه"},
}

FIX = {"fr": "Correction :", "ar": "التصحيح:"}

# The command line's help (``polesocial --help``, ``make help``), per language. Editors type the
# make commands; the polesocial commands are what they run.
CLI: dict[str, dict[str, str]] = {
    "description": {
        "fr": "Publications du Pôle social : vérifier les sources, construire le site et ses "
              "PDF, prévisualiser, créer un guide ou une campagne, enregistrer une traduction.",
        "ar": "منشورات القطب الاجتماعي: التحقق من المصادر، وبناء الموقع وملفات PDF، والمعاينة، "
              "وإنشاء دليل أو حملة، وتسجيل ترجمة.",
    },
    "epilog": {
        "fr": "Depuis le dossier du projet, les mêmes tâches s’écrivent :\n"
              "  make check                              vérifier les sources\n"
              "  make serve                              aperçu (Ctrl+C pour l’arrêter)\n"
              "  make site                               construire le site et les PDF\n"
              "  make new-guide NAME=protection-enfance  créer un guide\n"
              "  make new-campaign NAME=droits-enfants   créer une campagne\n"
              "  make translated DOC=guides/benevolat    enregistrer une traduction\n"
              "Messages en arabe : POLESOCIAL_LANG=ar devant la commande.",
        "ar": "من مجلد المشروع، تُكتب المهام نفسها على النحو الآتي:\n"
              "  make check                              التحقق من المصادر\n"
              "  make serve                              المعاينة (Ctrl+C لإيقافها)\n"
              "  make site                               بناء الموقع وملفات PDF\n"
              "  make new-guide NAME=protection-enfance  إنشاء دليل\n"
              "  make new-campaign NAME=droits-enfants   إنشاء حملة\n"
              "  make translated DOC=guides/benevolat    تسجيل ترجمة\n"
              "للرسائل بالفرنسية: POLESOCIAL_LANG=fr قبل الأمر.",
    },
    "root": {"fr": "dossier du projet (par défaut : le dossier courant)",
             "ar": "مجلد المشروع (افتراضيًا: المجلد الحالي)"},
    "lang": {"fr": "langue des messages (fr ou ar)", "ar": "لغة الرسائل (fr أو ar)"},
    "commands": {"fr": "commandes", "ar": "الأوامر"},
    "check_help": {"fr": "vérifier toutes les sources et signaler chaque problème",
                   "ar": "التحقق من جميع المصادر والإبلاغ عن كل مشكلة"},
    "strict": {"fr": "traiter les avertissements comme des erreurs",
               "ar": "اعتبار التنبيهات أخطاء"},
    "build_help": {"fr": "vérifier, puis construire tout le site et ses PDF dans site/",
                   "ar": "التحقق، ثم بناء الموقع كاملًا وملفات PDF في site/"},
    "site_dir": {"fr": "où publier (par défaut : site/ dans le dossier du projet)",
                 "ar": "مكان النشر (افتراضيًا: site/ داخل مجلد المشروع)"},
    "serve_help": {"fr": "aperçu du site pendant la rédaction (Ctrl+C pour l’arrêter)",
                   "ar": "معاينة الموقع أثناء التحرير (Ctrl+C لإيقافها)"},
    "address": {"fr": "adresse et port (par défaut : {default})",
                "ar": "العنوان والمنفذ (افتراضيًا: {default})"},
    "translated_help": {
        "fr": "enregistrer que le texte arabe suit désormais le texte français",
        "ar": "تسجيل أن النص العربي صار مطابقًا للنص الفرنسي",
    },
    "translated_folder": {"fr": "le document, par exemple guides/benevolat ou charter, ou le "
                                "fichier : strategy/strategy.yml, campaigns/<nom>.yml, "
                                "docs/ar/<page>.md",
                          "ar": "الوثيقة، مثلًا guides/benevolat أو charter، أو الملف: "
                                "strategy/strategy.yml أو campaigns/<الاسم>.yml أو "
                                "docs/ar/<الصفحة>.md"},
    "translated_items": {"fr": "les éléments de ce fichier, par exemple A1.2.2 ou public-1 "
                               "(par défaut : tous)",
                         "ar": "عناصر هذا الملف، مثلًا A1.2.2 أو public-1 (افتراضيًا: جميعها)"},
    "new-guide_help": {"fr": "créer un guide à rédiger, en français et en arabe",
                       "ar": "إنشاء دليل للتحرير بالفرنسية والعربية"},
    "new-guide_slug": {"fr": "nom du dossier du guide, par exemple protection-enfance",
                       "ar": "اسم مجلد الدليل، مثلًا protection-enfance"},
    "new-campaign_help": {"fr": "créer une campagne à remplir, en français et en arabe",
                          "ar": "إنشاء حملة للملء بالفرنسية والعربية"},
    "new-campaign_slug": {"fr": "nom du fichier de la campagne, par exemple droits-enfants",
                          "ar": "اسم ملف الحملة، مثلًا droits-enfants"},
    "action": {"fr": "une action de la stratégie qu’il sert (par défaut : {default})",
               "ar": "تدبير من تدابير الاستراتيجية يخدمه (افتراضيًا: {default})"},
}
# argparse's own texts, by their English original.
ARGPARSE: dict[str, dict[str, str]] = {
    "usage: ": {"fr": "utilisation : ", "ar": "الاستعمال: "},
    "options": {"fr": "options", "ar": "الخيارات"},
    "positional arguments": {"fr": "paramètres", "ar": "المعطيات"},
    "show this help message and exit": {"fr": "afficher cette aide", "ar": "عرض هذه المساعدة"},
    "%(prog)s: error: %(message)s\n": {"fr": "%(prog)s : erreur : %(message)s\n",
                                        "ar": "%(prog)s: خطأ: %(message)s\n"},
    "the following arguments are required: %s": {
        "fr": "il manque : %s (voir make help)",
        "ar": "ينقص: %s (انظروا make help)"},
    "invalid choice: %(value)r (choose from %(choices)s)": {
        "fr": "choix inconnu : %(value)r (possibles : %(choices)s)",
        "ar": "اختيار غير معروف: %(value)r (الممكن: %(choices)s)"},
    "unrecognized arguments: %s": {"fr": "paramètres inconnus : %s",
                                   "ar": "معطيات غير معروفة: %s"},
    "argument %(argument_name)s: %(message)s": {"fr": "%(argument_name)s : %(message)s",
                                                 "ar": "%(argument_name)s: %(message)s"},
    "expected one argument": {"fr": "une valeur est attendue", "ar": "تُنتظر قيمة"},
    "ambiguous option: %(option)s could match %(matches)s": {
        "fr": "option ambiguë : %(option)s (peut-être %(matches)s)",
        "ar": "خيار ملتبس: %(option)s (ربما %(matches)s)"},
}

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
    "pictogram-unknown": {
        "fr": ("le pictogramme « {value} » n’existe pas dans les icônes Material du thème",
               "choisissez un nom de fichier de material/templates/.icons/material/ sans "
               "« .svg » (par exemple hand-heart), ou retirez la ligne."),
        "ar": ("الرمز التصويري «{value}» غير موجود ضمن أيقونات Material التي يوفرها القالب",
               "اختاروا اسم ملف من material/templates/.icons/material/ دون «.svg» (مثلا "
               "hand-heart)، أو احذفوا السطر."),
    },
    "yaml-syntax": {
        "fr": ("la structure du fichier n’est pas lisible à cet endroit",
               "comparez la ligne à celles qui l’entourent : des espaces (pas de tabulations) "
               "pour l’indentation, « nom: valeur », des guillemets fermés."),
        "ar": ("تعذرت قراءة بنية الملف في هذا الموضع",
               "قارنوا السطر بالأسطر المحيطة به: مسافات (لا علامات جدولة) للإزاحة، و«الاسم: "
               "القيمة»، وعلامات تنصيص مغلقة."),
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
        "fr": ("ce paragraphe d’une page {language} est surtout écrit en caractères {script} : "
               "texte non traduit ou collé dans la mauvaise langue ?",
               "traduisez le paragraphe, ou, pour une citation voulue, entourez-la de "
               "<div lang=\"{script_code}\" markdown>…</div>."),
        "ar": ("هذه الفقرة من صفحة باللغة {language} مكتوبة في معظمها بحروف {script}: هل هي نص غير "
               "مترجم أو ملصق في اللغة الخطأ؟",
               "ترجموا الفقرة، أو إن كان الاقتباس مقصودًا فضعوه داخل "
               "<div lang=\"{script_code}\" markdown>…</div>."),
    },
    "term-source-missing": {
        "fr": ("un terme vérifié doit dire où il a été vérifié",
               "ajoutez « source: » (le document où figurent ses deux formes), ou écrivez "
               "« verified: false » : le terme sera proposé à la validation du ministère."),
        "ar": ("يجب أن يذكر المصطلح المتحقَّق منه مصدر التحقق",
               "أضيفوا «source:» (الوثيقة التي ترد فيها صيغتاه)، أو اكتبوا «verified: false» "
               "ليُعرض المصطلح على مصادقة الوزارة."),
    },
    "term-wrong": {
        "fr": ("« {found} » est une traduction écartée par le glossaire (terme « {term} »)",
               "écrivez « {ar} », la traduction que retient strategy/glossary.yml."),
        "ar": ("«{found}» ترجمة استبعدها المسرد (المصطلح «{term}»)",
               "اكتبوا «{ar}»، وهي الترجمة التي يعتمدها strategy/glossary.yml."),
    },
    "phrasing-calque": {
        "fr": ("« {found} » est une tournure à éviter en arabe ({reason_fr})",
               "écrivez plutôt « {instead} » (strategy/glossary.yml, phrasings)."),
        "ar": ("«{found}» صيغة ينبغي تجنبها في العربية ({reason_ar})",
               "اكتبوا بدلها «{instead}» (strategy/glossary.yml، phrasings)."),
    },
    "term-inconsistent": {
        "fr": ("« {fr} » est traduit ici « {ar} », mais « {other} » ailleurs ({at})",
               "employez partout la même traduction, et ajoutez-la au glossaire si c’est un "
               "terme."),
        "ar": ("تُرجمت «{fr}» هنا بـ«{ar}»، وبـ«{other}» في موضع آخر ({at})",
               "استعملوا الترجمة نفسها في كل المواضع، وأضيفوها إلى المسرد إن كانت مصطلحًا."),
    },
    "translation-item-outdated": {
        "fr": ("le texte français a changé depuis sa traduction arabe, qui est "
               "signalée « en cours de révision » aux lecteurs",
               "relisez et corrigez l’arabe, puis lancez : {command}"),
        "ar": ("تغيّر النص الفرنسي بعد ترجمته العربية، التي يُنبَّه القراء إلى أنها "
               "«قيد المراجعة»",
               "راجعوا النص العربي وصححوه، ثم نفذوا: {command}"),
    },
    "translation-item-untracked": {
        "fr": ("rien n’indique quel texte français l’arabe traduit ; il est signalé "
               "« en cours de révision » aux lecteurs",
               "si l’arabe traduit bien le français actuel, lancez : {command}"),
        "ar": ("لا شيء يبين النص الفرنسي الذي يترجمه النص العربي، ويُنبَّه القراء إلى "
               "أنه «قيد المراجعة»",
               "إن كان النص العربي يترجم النص الفرنسي الحالي، نفذوا: {command}"),
    },
    "config-logo-path": {
        "fr": ("le logo (extra.logo) « {target} » n’est pas une image de docs/assets/",
               "indiquez le chemin d’un fichier {types} placé dans docs/assets/, depuis la racine "
               "du dépôt, par exemple : logo: docs/assets/images/logo.svg"),
        "ar": ("الشعار (extra.logo) «{target}» ليس صورة من المجلد docs/assets/",
               "اكتبوا مسار ملف من نوع {types} موضوع في docs/assets/ انطلاقًا من جذر المستودع، "
               "مثلًا: logo: docs/assets/images/logo.svg"),
    },
    "config-logo-missing": {
        "fr": ("le logo (extra.logo) « {target} » est introuvable",
               "placez le fichier à cet endroit, ou corrigez son chemin dans mkdocs.yml."),
        "ar": ("الشعار (extra.logo) «{target}» غير موجود",
               "ضعوا الملف في هذا المكان، أو صححوا مساره في mkdocs.yml."),
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
    "generated-page-not-in-nav": {
        "fr": ("sa page ({page}) n’est pas dans le menu : les lecteurs ne la trouveront pas",
               "ajoutez la ligne « - {page} » à la section nav de mkdocs.yml, à côté des pages "
               "de même sorte (son titre vient des données : rien d’autre à écrire)."),
        "ar": ("صفحته ({page}) غير مدرجة في القائمة، ولن يجدها القراء",
               "أضيفوا السطر «- {page}» إلى قسم nav في mkdocs.yml بجوار الصفحات من النوع نفسه "
               "(عنوانها مأخوذ من البيانات، فلا حاجة إلى كتابة شيء آخر)."),
    },
    "file-missing": {
        "fr": ("le fichier est introuvable", "remettez-le en place (voir l’historique git)."),
        "ar": ("الملف غير موجود", "أعيدوه إلى مكانه (انظروا سجل git)."),
    },
    "strategy-not-in-source": {
        "fr": ("le texte français de {item} n’est pas celui du texte source de la stratégie "
               "({text_file})",
               "la stratégie publiée est celle que le ministère a adoptée : reprenez le texte "
               "du document source ; si vous corrigez une faute de ce texte, inscrivez la "
               "correction dans {file} (where: {item}, original: le passage du texte source, "
               "corrected: le passage corrigé, reason: la faute corrigée)."),
        "ar": ("النص الفرنسي لـ{item} ليس هو نص الوثيقة المصدر للاستراتيجية ({text_file})",
               "الاستراتيجية المنشورة هي التي اعتمدتها الوزارة: أعيدوا نص الوثيقة المصدر؛ وإن "
               "كنتم تصححون خطأ في هذا النص، فسجلوا التصحيح في {file} (where: {item}، original: "
               "المقطع كما ورد في النص المصدر، corrected: المقطع المصحَّح، reason: الخطأ "
               "المصحَّح)."),
    },
    "correction-not-applied": {
        "fr": ("cette correction de {item} ne correspond plus à son texte : le passage de "
               "« corrected » ne s’y trouve pas",
               "recopiez dans « corrected » le passage tel qu’il est écrit aujourd’hui dans "
               "strategy/strategy.yml, ou retirez cette correction si le texte source a été "
               "rétabli."),
        "ar": ("لم يعد هذا التصحيح لـ{item} مطابقا لنصه: المقطع الوارد في «corrected» غير "
               "موجود فيه",
               "انسخوا في «corrected» المقطع كما هو مكتوب اليوم في strategy/strategy.yml، أو "
               "احذفوا هذا التصحيح إن أُعيد نص المصدر."),
    },
    "correction-original-missing": {
        "fr": ("le passage de « original » ne se trouve pas dans le texte source ({text_file})",
               "copiez le passage tel qu’il est écrit dans le texte source."),
        "ar": ("المقطع الوارد في «original» غير موجود في النص المصدر ({text_file})",
               "انسخوا المقطع كما هو مكتوب في النص المصدر."),
    },
    "correction-unknown-item": {
        "fr": ("« {value} » n’est ni un titre ni une action de la stratégie",
               "écrivez l’identifiant de l’élément corrigé (vouliez-vous dire {allowed} ?), ou "
               "introduction[0] pour le premier paragraphe de l’introduction."),
        "ar": ("«{value}» ليس عنوانا ولا إجراء من الاستراتيجية",
               "اكتبوا معرِّف العنصر المصحَّح (هل تقصدون {allowed}؟)، أو introduction[0] "
               "للفقرة الأولى من المقدمة."),
    },
    "schema-type": {
        "fr": ("cette valeur doit être {kind}", "comparez avec un élément voisin du fichier."),
        "ar": ("يجب أن تكون هذه القيمة {kind}", "قارنوها بعنصر مجاور في الملف نفسه."),
    },
    "schema-unknown-key": {
        "fr": ("champ « {key} » inconnu (faute de frappe ?)", "champs possibles ici : {allowed}."),
        "ar": ("الحقل «{key}» غير معروف (خطأ في الكتابة؟)", "الحقول الممكنة هنا: {allowed}."),
    },
    "schema-missing": {
        "fr": ("le champ « {key} » manque", "ajoutez « {key}: … » à cet élément."),
        "ar": ("الحقل «{key}» غير موجود", "أضيفوا «{key}: …» إلى هذا العنصر."),
    },
    "schema-empty-list": {
        "fr": ("cette liste est vide", "ajoutez au moins un élément, ou retirez le champ."),
        "ar": ("هذه القائمة فارغة", "أضيفوا عنصرًا واحدًا على الأقل أو احذفوا الحقل."),
    },
    "schema-empty-text": {
        "fr": ("ce texte est vide", "écrivez le texte, dans les deux langues."),
        "ar": ("هذا النص فارغ", "اكتبوا النص باللغتين."),
    },
    "schema-version": {
        "fr": ("version de format {found} inconnue (attendue : {expected})",
               "écrivez « schema: {expected} »."),
        "ar": ("إصدار الصيغة {found} غير معروف (الإصدار المنتظر: {expected})",
               "اكتبوا «schema: {expected}»."),
    },
    "eastern-digits": {
        "fr": ("le texte arabe contient des chiffres arabes orientaux (٠-٩)",
               "écrivez les chiffres 0-9, selon l’usage marocain."),
        "ar": ("يحتوي النص العربي على أرقام مشرقية (٠-٩)",
               "اكتبوا الأرقام 0-9 وفق الاستعمال المغربي."),
    },
    "field-wrong-script": {
        "fr": ("le texte {language} est surtout écrit en caractères {script} : langues "
               "inversées ou texte non traduit ?",
               "mettez chaque texte sous la bonne langue (fr: / ar:) et traduisez-le."),
        "ar": ("النص باللغة {language} مكتوب في معظمه بحروف {script}: هل تبادلت اللغتان مكانيهما أو "
               "بقي النص دون ترجمة؟",
               "ضعوا كل نص تحت اللغة الصحيحة (fr: / ar:) وترجموه."),
    },
    "id-format": {
        "fr": ("identifiant « {value} » mal formé (forme attendue : {pattern})",
               "utilisez des minuscules sans accents, des chiffres et des tirets."),
        "ar": ("المعرف «{value}» غير سليم (الصيغة المنتظرة: {pattern})",
               "استعملوا حروفًا لاتينية صغيرة دون نبرات، وأرقامًا وشرطات."),
    },
    "id-mismatch": {
        "fr": ("l’identifiant « {found} » ne correspond pas à sa place : « {expected} » attendu",
               "écrivez « id: {expected} ». Les identifiants suivent l’ordre du fichier et ne "
               "changent jamais : pour déplacer un élément, demandez d’abord à l’équipe."),
        "ar": ("المعرف «{found}» لا يطابق موضعه، والمنتظر «{expected}»",
               "اكتبوا «id: {expected}». تتبع المعرفات ترتيب الملف ولا تتغير أبدًا؛ ولنقل عنصر "
               "من مكانه استشيروا الفريق أولًا."),
    },
    "id-duplicate": {
        "fr": ("l’identifiant « {value} » est déjà utilisé", "choisissez un identifiant unique."),
        "ar": ("المعرف «{value}» مستعمل من قبل", "اختاروا معرفًا فريدًا."),
    },
    "ref-unknown": {
        "fr": ("« {ref} » n’est pas défini dans {vocabulary}",
               "vouliez-vous dire {allowed} ?"),
        "ar": ("«{ref}» غير معرَّف في {vocabulary}", "هل تقصدون {allowed}؟"),
    },
    "ref-repeated": {
        "fr": ("« {ref} » est cité deux fois", "retirez le doublon."),
        "ar": ("«{ref}» مذكور مرتين", "احذفوا التكرار."),
    },
    "part-without-objectives": {
        "fr": ("cette partie n’a aucun objectif", "ajoutez ses objectifs, ou une « note » qui "
               "explique aux lecteurs pourquoi elle n’en a pas."),
        "ar": ("لا يتضمن هذا الجزء أي هدف", "أضيفوا أهدافه، أو «note» تشرح للقراء سبب خلوه منها."),
    },
    "ack-unknown": {
        "fr": ("« {value} » ne peut pas être reconnu ici", "valeurs possibles : {allowed}."),
        "ar": ("لا يمكن الإقرار بـ«{value}» هنا", "القيم الممكنة: {allowed}."),
    },
    "ack-needs-note": {
        "fr": ("une particularité reconnue doit être expliquée aux lecteurs",
               "ajoutez « editorial_note » en français et en arabe."),
        "ar": ("يجب أن تُشرح للقراء كل خصوصية مقرّ بها",
               "أضيفوا «editorial_note» بالفرنسية والعربية."),
    },
    "ack-unused": {
        "fr": ("ce titre n’est plus en double : la reconnaissance est sans objet",
               "retirez « acknowledge » et la note éditoriale."),
        "ar": ("لم يعد هذا العنوان مكررًا، ولا داعي للإقرار",
               "احذفوا «acknowledge» والملاحظة التحريرية."),
    },
    "title-duplicate": {
        "fr": ("{value} porte le même titre que {other}",
               "distinguez les titres, ou, si la source le veut, ajoutez à {value} "
               "« acknowledge: [duplicate-title] » et une « editorial_note »."),
        "ar": ("يحمل {value} العنوان نفسه الذي يحمله {other}",
               "ميّزوا بين العنوانين، أو إن كان ذلك في المصدر أضيفوا إلى {value} "
               "«acknowledge: [duplicate-title]» و«editorial_note»."),
    },
    "vocab-unused": {
        "fr": ("« {value} » n’est utilisé par aucune action", "retirez-le ou utilisez-le."),
        "ar": ("«{value}» غير مستعمل في أي إجراء", "احذفوه أو استعملوه."),
    },
    "term-mismatch": {
        "fr": ("{item} : le texte français emploie « {fr} », mais le texte arabe n’emploie pas "
               "le terme du glossaire « {ar} »",
               "employez « {ar} » dans le texte arabe, ou ajoutez la forme utilisée aux "
               "« forms » du terme « {term} » dans strategy/glossary.yml."),
        "ar": ("{item}: يستعمل النص الفرنسي «{fr}»، لكن النص العربي لا يستعمل مصطلح المسرد "
               "«{ar}»",
               "استعملوا «{ar}» في النص العربي، أو أضيفوا الصيغة المستعملة إلى «forms» الخاصة "
               "بالمصطلح «{term}» في strategy/glossary.yml."),
    },
    "doc-id-folder": {
        "fr": ("l’identifiant « {value} » doit être le nom du dossier, « {folder} »",
               "écrivez « id: {folder} », ou renommez le dossier."),
        "ar": ("يجب أن يطابق المعرف «{value}» اسم المجلد «{folder}»",
               "اكتبوا «id: {folder}» أو غيّروا اسم المجلد."),
    },
    "doc-status": {
        "fr": ("statut « {value} » inconnu", "statuts possibles : {allowed}."),
        "ar": ("الوضعية «{value}» غير معروفة", "الوضعيات الممكنة: {allowed}."),
    },
    "doc-date": {
        "fr": ("date « {value} » illisible", "écrivez la date sous la forme \"2026-11-29\"."),
        "ar": ("تعذرت قراءة التاريخ «{value}»", "اكتبوا التاريخ على الشكل \"2026-11-29\"."),
    },
    "history-missing": {
        "fr": ("un document publié a un historique de ses versions : la liste « history » manque "
               "ou est vide", "ajoutez « history: » avec une entrée par version publiée : "
               "version, date et note en français et en arabe (voir le README, « Historique "
               "des versions »)."),
        "ar": ("يجب أن يكون للوثيقة المنشورة سجل لإصداراتها، والقائمة «history» غير موجودة أو "
               "فارغة", "أضيفوا «history:» بمدخل لكل إصدار منشور: الإصدار والتاريخ وملاحظة "
               "بالفرنسية والعربية (انظروا الملف README، فقرة «Historique des versions»)."),
    },
    "history-version-order": {
        "fr": ("la version « {version} » doit être plus récente que la version « {older} » de "
               "l’entrée suivante : l’historique va de la plus récente à la plus ancienne",
               "mettez la nouvelle version en tête de la liste, avec un numéro plus grand (0.2 "
               "après 0.1, 1.10 après 1.9)."),
        "ar": ("يجب أن يكون الإصدار «{version}» أحدث من الإصدار «{older}» الوارد في المدخل "
               "الموالي، إذ يُرتَّب السجل من الأحدث إلى الأقدم",
               "ضعوا الإصدار الجديد في أول القائمة برقم أكبر (0.2 بعد 0.1، و1.10 بعد 1.9)."),
    },
    "history-date-order": {
        "fr": ("la version « {version} » est datée du {date}, avant la version plus ancienne "
               "« {older} » ({older_date})", "corrigez l’une des deux dates : chaque version "
               "est datée du jour où elle a été publiée."),
        "ar": ("الإصدار «{version}» مؤرخ بـ{date}، أي قبل الإصدار الأقدم «{older}» ({older_date})",
               "صححوا أحد التاريخين: يؤرَّخ كل إصدار باليوم الذي نُشر فيه."),
    },
    "history-future": {
        "fr": ("la date {date} n’est pas encore arrivée",
               "écrivez la date à laquelle la version a été publiée (aujourd’hui au plus tard)."),
        "ar": ("التاريخ {date} لم يحل بعد",
               "اكتبوا تاريخ نشر الإصدار (تاريخ اليوم على أقصى تقدير)."),
    },
    "history-current": {
        "fr": ("le document est en version « {version} », mais la dernière entrée de "
               "l’historique est la version « {latest} »", "ajoutez en tête de « history » une "
               "entrée pour la version {version} (date, et note dans les deux langues), ou "
               "corrigez « version »."),
        "ar": ("إصدار الوثيقة هو «{version}»، غير أن آخر مدخل في السجل يخص الإصدار «{latest}»",
               "أضيفوا في أول «history» مدخلًا للإصدار {version} (التاريخ، وملاحظة باللغتين)، "
               "أو صححوا «version»."),
    },
    "history-date-current": {
        "fr": ("la date du document ({date}) n’est pas celle de sa dernière version dans "
               "l’historique ({latest})", "donnez à « date » la date de la première entrée de "
               "« history »."),
        "ar": ("تاريخ الوثيقة ({date}) لا يطابق تاريخ آخر إصدار في السجل ({latest})",
               "اجعلوا «date» مطابقًا لتاريخ المدخل الأول في «history»."),
    },
    "doc-language-missing": {
        "fr": ("le texte {language} de ce document manque",
               "créez ce fichier : chaque document existe en français et en arabe."),
        "ar": ("النص باللغة {language} لهذه الوثيقة غير موجود",
               "أنشئوا هذا الملف: توجد كل وثيقة بالفرنسية والعربية."),
    },
    "doc-h1": {
        "fr": ("titre de niveau 1 (« # ») dans le texte",
               "le titre vient des métadonnées : commencez les parties par « ## »."),
        "ar": ("عنوان من المستوى الأول («#») داخل النص",
               "يأتي العنوان من البيانات الوصفية: ابدؤوا الأجزاء بـ«##»."),
    },
    "doc-link-unknown": {
        "fr": ("le lien vise « {scheme}:{ref} », qui n’existe pas (les plus proches : "
               "{closest})", "corrigez l’identifiant : strategie:A2.1.2, strategie:glossaire, "
               "guide:<dossier du guide>, charte:, campagne:<nom du fichier de la campagne>."),
        "ar": ("يشير الرابط إلى «{scheme}:{ref}»، وهو غير موجود (الأقرب إليه: {closest})",
               "صحّحوا المعرِّف: strategie:A2.1.2 أو strategie:glossaire أو guide:<مجلد الدليل> "
               "أو charte: أو campagne:<اسم ملف الحملة>."),
    },
    "doc-link-anchor": {
        "fr": ("le lien vise la section « #{anchor} » de « {scheme}:{ref} », qui n’a pas de "
               "section de ce nom", "reprenez l’identifiant de la section tel qu’il figure "
               "dans l’autre document ({{#identifiant}} après son titre), ou retirez « #… »."),
        "ar": ("يشير الرابط إلى القسم «#{anchor}» من «{scheme}:{ref}»، ولا يوجد فيه قسم بهذا الاسم",
               "انقلوا معرِّف القسم كما هو في الوثيقة الأخرى ({{#المعرف}} بعد عنوانه)، أو احذفوا «#…»."),
    },
    "doc-link-draft": {
        "fr": ("ce texte publié renvoie à « {scheme}:{ref} », qui n’est encore qu’un projet",
               "publiez d’abord le document visé, ou signalez au lecteur qu’il s’agit d’un projet."),
        "ar": ("يحيل هذا النص المنشور على «{scheme}:{ref}»، وهو ما يزال مشروعًا",
               "انشروا الوثيقة المُحال عليها أولًا، أو نبّهوا القارئ إلى أنها مشروع."),
    },
    "translation-untracked": {
        "fr": ("la traduction arabe ne dit pas quelle version du texte français elle traduit",
               "si elle est à jour, lancez : make translated DOC={folder}"),
        "ar": ("لا تحدد الترجمة العربية نسخة النص الفرنسي التي تترجمها",
               "إن كانت محيَّنة، نفذوا: make translated DOC={folder}"),
    },
    "translation-outdated": {
        "fr": ("le texte français a changé depuis la traduction arabe : elle est à mettre à jour",
               "mettez ar.md à jour, puis lancez : make translated DOC={folder}"),
        "ar": ("تغيّر النص الفرنسي بعد الترجمة العربية، ويلزم تحيينها",
               "حيّنوا ar.md ثم نفذوا: make translated DOC={folder}"),
    },
    "text-too-long": {
        "fr": ("ce texte fait {length} caractères : une affiche n’en porte que {limit}",
               "raccourcissez-le (il est imprimé en grand sur les affiches et les dépliants)."),
        "ar": ("يتكون هذا النص من {length} حرفًا، ولا يتسع الملصق لأكثر من {limit}",
               "اختصروه (فهو يُطبع بخط كبير على الملصقات والمطويات)."),
    },
    "contact-unverified": {
        "fr": ("ce contact n’a pas de source ou de date de vérification : il ne peut pas être "
               "publié", "ajoutez « source: » et « verified_on: AAAA-MM-JJ », ou retirez-le."),
        "ar": ("ليس لجهة الاتصال هذه مصدر أو تاريخ تحقق، ولا يمكن نشرها",
               "أضيفوا «source:» و«verified_on: AAAA-MM-JJ» أو احذفوها."),
    },
    "contact-stale": {
        "fr": ("ce contact a été vérifié le {date}, il y a plus d’un an",
               "vérifiez-le de nouveau auprès de sa source et mettez à jour « verified_on »."),
        "ar": ("تم التحقق من جهة الاتصال هذه بتاريخ {date}، أي منذ أكثر من سنة",
               "تحققوا منها مجددًا لدى مصدرها وحيّنوا «verified_on»."),
    },
    "text-markup": {
        "fr": ("le texte contient du balisage HTML « {tag} » : les sources sont du texte",
               "retirez la balise (pour un chevron, écrivez « ‹ » ou reformulez)."),
        "ar": ("يحتوي النص على وسم HTML «{tag}»، والمصادر نصوص فقط",
               "احذفوا الوسم (ولعلامة الزاوية استعملوا «‹» أو أعيدوا الصياغة)."),
    },
    "link-missing": {
        "fr": ("le lien « {target} » ne mène à aucune page ni aucun fichier du site",
               "corrigez le chemin (relatif à cette page), ou retirez le lien."),
        "ar": ("لا يؤدي الرابط «{target}» إلى أي صفحة أو ملف في الموقع",
               "صححوا المسار (انطلاقًا من هذه الصفحة) أو احذفوا الرابط."),
    },
    "image-missing": {
        "fr": ("l’image « {target} » est introuvable", "ajoutez le fichier ou corrigez le chemin."),
        "ar": ("الصورة «{target}» غير موجودة", "أضيفوا الملف أو صححوا المسار."),
    },
    "image-remote": {
        "fr": ("l’image « {target} » viendrait d’un autre site : les pages ne chargent rien "
               "d’ailleurs", "enregistrez l’image dans docs/assets/ et liez-la de là."),
        "ar": ("ستُحمَّل الصورة «{target}» من موقع آخر، والصفحات لا تحمّل شيئًا من خارج الموقع",
               "احفظوا الصورة في docs/assets/ واربطوها من هناك."),
    },
    # --- The trust boundary (polesocial/trust.py, sources.py, sanitiser.py) -------------------
    "source-symlink": {
        "fr": ("lien symbolique (vers « {target} ») : la construction ne lit que des fichiers "
               "ordinaires du dépôt", "remplacez le lien par une copie du fichier, dans le dépôt."),
        "ar": ("رابط رمزي (نحو «{target}»)، والبناء لا يقرأ إلا الملفات العادية داخل المستودع",
               "عوِّضوا الرابط بنسخة من الملف داخل المستودع."),
    },
    "source-outside": {
        "fr": ("ce chemin sort du dépôt ({target}) : rien n’est lu hors du dépôt",
               "placez le fichier dans le dépôt."),
        "ar": ("يخرج هذا المسار عن المستودع ({target})، ولا يُقرأ أي شيء من خارجه",
               "ضعوا الملف داخل المستودع."),
    },
    "source-special": {
        "fr": ("ce n’est pas un fichier ordinaire (tube, périphérique…)",
               "supprimez-le et mettez à sa place un fichier ordinaire."),
        "ar": ("هذا ليس ملفًا عاديًا (أنبوب أو جهاز…)", "احذفوه وضعوا مكانه ملفًا عاديًا."),
    },
    "asset-type": {
        "fr": ("un fichier « {suffix} » dans docs/ serait publié tel quel sur le site : seuls "
               "les pages (.md), images, polices, feuilles de style, textes et PDF y ont leur "
               "place", "retirez-le de docs/ (types acceptés : {allowed})."),
        "ar": ("ملف من نوع «{suffix}» داخل docs/ سيُنشر كما هو على الموقع، ولا مكان فيه إلا "
               "للصفحات (.md) والصور والخطوط وأوراق الأنماط والنصوص وملفات PDF",
               "احذفوه من docs/ (الأنواع المقبولة: {allowed})."),
    },
    "asset-active-svg": {
        "fr": ("l’image SVG contient « {found} » : du code ou une adresse extérieure, qui "
               "s’exécuterait ou se chargerait à l’ouverture de l’image",
               "enregistrez l’image sans script ni lien (ou en PNG)."),
        "ar": ("تتضمن صورة SVG «{found}»، أي شيفرة أو عنوانًا خارجيًا قد يُشغَّل أو يُحمَّل عند فتح "
               "الصورة", "احفظوا الصورة دون شيفرة أو روابط (أو بصيغة PNG)."),
    },
    "asset-remote-css": {
        "fr": ("la feuille de style contient « {found} » : le navigateur des lecteurs irait "
               "chercher un fichier sur un autre site", "enregistrez le fichier dans "
               "docs/assets/ et liez-le par un chemin relatif."),
        "ar": ("تتضمن ورقة الأنماط «{found}»، وسيجلب متصفح القراء ملفًا من موقع آخر",
               "احفظوا الملف في docs/assets/ واربطوه بمسار نسبي."),
    },
    "control-character": {
        "fr": ("caractère de contrôle invisible {char} dans le texte (souvent collé depuis un "
               "autre logiciel)", "supprimez-le : effacez le caractère à cette position et "
               "retapez-le si besoin."),
        "ar": ("حرف تحكم غير مرئي {char} داخل النص (يُلصق غالبًا من برنامج آخر)",
               "احذفوه: امسحوا الحرف في هذا الموضع وأعيدوا كتابته إن لزم."),
    },
    "bidi-control": {
        "fr": ("caractère de contrôle de direction {char} : il peut afficher un texte ou un "
               "numéro dans un autre ordre que celui écrit", "supprimez-le ; le site isole "
               "lui-même les nombres et les passages en caractères latins."),
        "ar": ("حرف للتحكم في الاتجاه {char}، وقد يعرض نصًا أو رقمًا بترتيب غير الذي كُتب به",
               "احذفوه؛ فالموقع يعزل الأرقام والمقاطع اللاتينية تلقائيًا."),
    },
    "file-empty": {
        "fr": ("le fichier ne contient rien (ou seulement des commentaires)",
               "remplissez-le en vous inspirant d’un fichier voisin, ou supprimez-le."),
        "ar": ("الملف فارغ (أو لا يتضمن إلا تعليقات)",
               "املؤوه مستأنسين بملف مجاور، أو احذفوه."),
    },
    "env-site-url-chars": {
        "fr": ("SITE_URL « {value} » contient une espace, un guillemet, un chevron ou un "
               "caractère de contrôle", "donnez l’adresse seule, par exemple "
               "SITE_URL=https://www.example.ma/ make site"),
        "ar": ("يتضمن SITE_URL «{value}» مسافة أو علامة تنصيص أو علامة زاوية أو حرف تحكم",
               "اكتبوا العنوان وحده، مثلًا SITE_URL=https://www.example.ma/ make site"),
    },
    "env-site-url-form": {
        "fr": ("SITE_URL « {value} » n’est pas une adresse http(s) complète avec un nom de "
               "domaine", "écrivez-la comme https://www.example.ma/ (sans ?, # ni identifiants)."),
        "ar": ("SITE_URL «{value}» ليس عنوان http(s) كاملًا يتضمن اسم نطاق",
               "اكتبوه على شكل https://www.example.ma/ (دون ? أو # أو بيانات دخول)."),
    },
    "env-epoch-form": {
        "fr": ("SOURCE_DATE_EPOCH « {value} » n’est pas un nombre entier de secondes",
               "donnez un entier, par exemple SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), "
               "ou retirez la variable."),
        "ar": ("SOURCE_DATE_EPOCH «{value}» ليس عددًا صحيحًا من الثواني",
               "اكتبوا عددًا صحيحًا، مثلًا SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)، أو "
               "احذفوا المتغير."),
    },
    "env-epoch-range": {
        "fr": ("SOURCE_DATE_EPOCH {value} tombe hors de la période acceptée ({low} — {high})",
               "vérifiez la valeur (des secondes depuis le 1er janvier 1970), ou retirez la "
               "variable."),
        "ar": ("يقع SOURCE_DATE_EPOCH {value} خارج الفترة المقبولة ({low} — {high})",
               "تحققوا من القيمة (ثوانٍ منذ فاتح يناير 1970)، أو احذفوا المتغير."),
    },
    "env-language": {
        "fr": ("POLESOCIAL_LANG « {value} » n’est pas une langue des messages",
               "écrivez POLESOCIAL_LANG=fr ou POLESOCIAL_LANG=ar."),
        "ar": ("قيمة المتغير POLESOCIAL_LANG «{value}» ليست لغة من لغات الرسائل",
               "اختاروا لغة الرسائل: الفرنسية بكتابة POLESOCIAL_LANG=fr أو العربية بكتابة "
               "POLESOCIAL_LANG=ar."),
    },
    "env-pdf": {
        "fr": ("POLESOCIAL_PDF « {value} » : seules les valeurs 0 et 1 existent",
               "écrivez POLESOCIAL_PDF=0 (sans PDF) ou POLESOCIAL_PDF=1."),
        "ar": ("قيمة المتغير POLESOCIAL_PDF «{value}» غير صالحة، والقيمتان الممكنتان هما 0 و1 فقط",
               "اكتبوا 0 لبناء الموقع دون ملفات PDF، أو 1 لبنائه معها."),
    },
    "yaml-unclosed-quote": {
        "fr": ("les guillemets ouverts sur cette ligne ne sont jamais fermés",
               "ajoutez le guillemet fermant à la fin du texte, sur cette même ligne."),
        "ar": ("علامة التنصيص المفتوحة في هذا السطر لم تُغلق",
               "أضيفوا علامة التنصيص المغلقة في آخر النص، في السطر نفسه."),
    },
    "yaml-escape": {
        "fr": ("une barre oblique inverse « \\ » entre guillemets doubles annonce un caractère "
               "spécial inconnu", "doublez-la (« \\\\ ») ou mettez le texte entre guillemets "
               "simples (' … ')."),
        "ar": ("الشرطة المائلة العكسية «\\» بين علامتي تنصيص مزدوجتين تسبق حرفًا خاصًا غير معروف",
               "ضاعفوها («\\\\») أو ضعوا النص بين علامتي تنصيص مفردتين (' … ')."),
    },
    "yaml-tab": {
        "fr": ("une tabulation sert d’indentation : ce format n’accepte que des espaces",
               "remplacez la tabulation par des espaces (deux par niveau)."),
        "ar": ("استُعملت علامة جدولة للإزاحة، وهذا التنسيق لا يقبل إلا المسافات",
               "عوِّضوا علامة الجدولة بمسافات (مسافتان لكل مستوى)."),
    },
    "yaml-reserved-character": {
        "fr": ("un texte ne peut pas commencer par « {char} » sans guillemets",
               "mettez tout le texte entre guillemets : \"…\"."),
        "ar": ("لا يمكن أن يبدأ نص بالحرف «{char}» دون علامتي تنصيص",
               "ضعوا النص كله بين علامتي تنصيص: \"…\"."),
    },
    "yaml-alias": {
        "fr": ("référence « *nom » (alias YAML) : les fichiers des éditeurs n’en ont jamais "
               "besoin", "écrivez la valeur en toutes lettres ; si le texte commence par « * », "
               "mettez-le entre guillemets."),
        "ar": ("إحالة «*اسم» (اسم مستعار في YAML)، وملفات المحررين لا تحتاج إليها أبدًا",
               "اكتبوا القيمة كاملة؛ وإن كان النص يبدأ بـ«*» فضعوه بين علامتي تنصيص."),
    },
    "yaml-anchor": {
        "fr": ("ancre « &nom » (YAML) : les fichiers des éditeurs n’en ont jamais besoin",
               "retirez « &nom » ; si le texte commence par « & », mettez-le entre guillemets."),
        "ar": ("مرساة «&اسم» (YAML)، وملفات المحررين لا تحتاج إليها أبدًا",
               "احذفوا «&اسم»؛ وإن كان النص يبدأ بـ«&» فضعوه بين علامتي تنصيص."),
    },
    "yaml-tag": {
        "fr": ("étiquette de type « {tag} » : les fichiers des éditeurs ne contiennent que du "
               "texte, des listes et des champs", "retirez l’étiquette (ce qui commence par "
               "« ! ») ; si le texte commence par « ! », mettez-le entre guillemets."),
        "ar": ("وسم نوع «{tag}»، وملفات المحررين لا تتضمن إلا نصوصًا وقوائم وحقولًا",
               "احذفوا الوسم (ما يبدأ بـ«!»)؛ وإن كان النص يبدأ بـ«!» فضعوه بين علامتي تنصيص."),
    },
    "yaml-merge": {
        "fr": ("clé de fusion « << » : les fichiers des éditeurs n’en ont jamais besoin",
               "écrivez les champs en toutes lettres."),
        "ar": ("مفتاح دمج «<<»، وملفات المحررين لا تحتاج إليه أبدًا", "اكتبوا الحقول كاملة."),
    },
    "yaml-too-deep": {
        "fr": ("trop de niveaux imbriqués (plus de {limit})",
               "simplifiez la structure : aucun fichier du projet n’en a besoin d’autant."),
        "ar": ("مستويات متداخلة كثيرة جدًا (أكثر من {limit})",
               "بسّطوا البنية، فلا يحتاج أي ملف من ملفات المشروع إلى هذا العدد."),
    },
    "yaml-missing-colon": {
        "fr": ("le nom du champ n’est pas suivi de « : »",
               "écrivez « nom: valeur » ; pour un élément de liste, commencez la ligne par « - »."),
        "ar": ("اسم الحقل غير متبوع بـ«:»",
               "اكتبوا «الاسم: القيمة»؛ ولعنصر من قائمة، ابدؤوا السطر بـ«-»."),
    },
    "yaml-colon": {
        "fr": ("« : » suivi d’une espace au milieu d’un texte sans guillemets",
               "mettez tout le texte entre guillemets : titre: \"Axe 1 : appui\"."),
        "ar": ("«:» متبوعة بمسافة داخل نص غير محاط بعلامتي تنصيص",
               "ضعوا النص كله بين علامتي تنصيص: title: \"المحور 1: الدعم\"."),
    },
    "yaml-indentation": {
        "fr": ("cette ligne n’est pas alignée sur les champs du même niveau",
               "alignez-la (mêmes espaces en début de ligne) sur le champ voisin du même niveau."),
        "ar": ("هذا السطر غير محاذٍ للحقول التي في مستواه",
               "حاذوه (بالمسافات نفسها في بداية السطر) مع الحقل المجاور الذي في مستواه."),
    },
    "yaml-dash-in-mapping": {
        "fr": ("un élément de liste (« - ») là où un champ « nom: valeur » est attendu",
               "indentez la liste sous le champ qui la porte, ou écrivez « nom: valeur »."),
        "ar": ("عنصر قائمة («-») في موضع يُنتظر فيه حقل «الاسم: القيمة»",
               "أزيحوا القائمة تحت الحقل الذي يحملها، أو اكتبوا «الاسم: القيمة»."),
    },
    "yaml-flow-unclosed": {
        "fr": ("la liste « [ » ou le groupe « {{ » ouvert ici n’est pas fermé (ou une virgule "
               "manque)", "fermez-le par « ] » ou « }} » sur la même ligne et séparez les "
               "éléments par des virgules."),
        "ar": ("القائمة «[» أو المجموعة «{{» المفتوحة هنا غير مغلقة (أو تنقص فاصلة)",
               "أغلقوها بـ«]» أو «}}» في السطر نفسه، وافصلوا بين العناصر بفواصل."),
    },
    "yaml-several-documents": {
        "fr": ("une ligne « --- » coupe le fichier en deux", "supprimez cette ligne."),
        "ar": ("سطر «---» يقسم الملف إلى قسمين", "احذفوا هذا السطر."),
    },
    "yaml-complex-key": {
        "fr": ("un nom de champ doit être un texte simple",
               "écrivez « nom: valeur », sans liste ni accolades avant les deux-points."),
        "ar": ("يجب أن يكون اسم الحقل نصًا بسيطًا",
               "اكتبوا «الاسم: القيمة» دون قائمة أو أقواس معقوفة قبل النقطتين."),
    },
    "yaml-duplicate-key": {
        "fr": ("le champ « {key} » figure déjà à la ligne {first}",
               "gardez un seul des deux (fusionnez leurs contenus si besoin)."),
        "ar": ("الحقل «{key}» موجود من قبل في السطر {first}",
               "احتفظوا بواحد منهما فقط (وادمجوا محتواهما إن لزم)."),
    },
    "markup-tag": {
        "fr": ("balisage HTML « {tag} » : les sources sont du texte (Markdown) ; seuls <div>, "
               "<span>, <bdi> et <br> de mise en page sont acceptés",
               "écrivez-le en Markdown (titres #, listes -, liens [texte](adresse))."),
        "ar": ("وسم HTML «{tag}»، والمصادر نصوص (Markdown)؛ ولا يُقبل إلا <div> و<span> و<bdi> "
               "و<br> للتنسيق", "اكتبوه بصيغة Markdown (عناوين # وقوائم - وروابط [نص](عنوان))."),
    },
    "markup-attribute": {
        "fr": ("attribut « {attribute} » sur <{tag}> : seuls un identifiant et des classes "
               "({{ #nom .classe }}) sont acceptés", "retirez l’attribut."),
        "ar": ("الخاصية «{attribute}» على <{tag}>، ولا يُقبل إلا معرِّف وأصناف "
               "({{ #اسم .صنف }})", "احذفوا الخاصية."),
    },
    "markup-reserved-id": {
        "fr": ("l’identifiant « {value} » est réservé au thème du site",
               "choisissez un autre identifiant (sans « __ » ni « md- » au début)."),
        "ar": ("المعرِّف «{value}» محجوز لقالب الموقع",
               "اختاروا معرِّفًا آخر (لا يبدأ بـ«__» ولا بـ«md-»)."),
    },
    "link-scheme": {
        "fr": ("lien « {target} » : le type d’adresse « {scheme}: » n’est pas accepté",
               "liez une page du site (chemin relatif) ou une adresse https://, mailto: ou tel:."),
        "ar": ("الرابط «{target}»: نوع العنوان «{scheme}:» غير مقبول",
               "اربطوا صفحة من الموقع (مسار نسبي) أو عنوانًا من نوع https:// أو mailto: أو tel:."),
    },
    "markdown-too-deep": {
        "fr": ("{depth} niveaux imbriqués (citations, listes ou crochets), au-delà de {limit}",
               "simplifiez : un document n’en a jamais besoin d’autant."),
        "ar": ("{depth} مستوى متداخلًا (اقتباسات أو قوائم أو معقوفات)، وهو ما يتجاوز {limit}",
               "بسّطوا، فلا تحتاج أي وثيقة إلى هذا العدد."),
    },
    "path-outside": {
        "fr": ("le chemin « {target} » sort du dossier du site", "placez le fichier dans "
               "docs/assets/ et liez-le de là."),
        "ar": ("يخرج المسار «{target}» عن مجلد الموقع", "ضعوا الملف في docs/assets/ "
               "واربطوه من هناك."),
    },
    "skeleton-placeholder": {
        "fr": ("texte de modèle encore à remplacer : « {text} »",
               "écrivez le vrai texte à sa place (make check STRICT=1 refuse un modèle non "
               "rempli)."),
        "ar": ("نص نموذجي ما يزال ينتظر الاستبدال: «{text}»",
               "اكتبوا النص الحقيقي مكانه (يرفض make check STRICT=1 نموذجًا غير مكتمل)."),
    },
    "count-mismatch": {
        "fr": ("la page dit « {written} », mais les données en comptent {expected}",
               "écrivez le bon nombre ({expected}) : les lecteurs comptent avec vous."),
        "ar": ("تقول الصفحة «{written}»، غير أن البيانات تعدّ {expected}",
               "اكتبوا العدد الصحيح ({expected})، فالقراء يعدّون معكم."),
    },
    "page-hidden": {
        "fr": ("cette page a le même chemin qu’une page faite à partir des données ({page}) : "
               "elle ne serait jamais publiée", "renommez le fichier, ou modifiez les données "
               "qui font cette page."),
        "ar": ("لهذه الصفحة المسار نفسه لصفحة تُنشأ من البيانات ({page})، فلن تُنشر أبدًا",
               "غيِّروا اسم الملف، أو عدِّلوا البيانات التي تُنشئ تلك الصفحة."),
    },
    "config-markup": {
        "fr": ("le champ « {key} » contient du balisage HTML « {tag} » : il est affiché tel "
               "quel dans chaque page", "retirez la balise : ce champ est du texte."),
        "ar": ("يتضمن الحقل «{key}» وسم HTML «{tag}»، وهو يُعرض كما هو في كل صفحة",
               "احذفوا الوسم، فهذا الحقل نص."),
    },
    "config-characters": {
        "fr": ("le champ « {key} » contient un caractère de contrôle ({char})",
               "supprimez-le."),
        "ar": ("يتضمن الحقل «{key}» حرف تحكم ({char})", "احذفوه."),
    },
    "nav-link": {
        "fr": ("l’entrée de menu mène à « {target} » : seules les pages du site (fichier .md) "
               "et les adresses https:// sont acceptées", "indiquez le fichier de la page, "
               "par exemple a-propos.md."),
        "ar": ("يقود عنصر القائمة إلى «{target}»، ولا تُقبل إلا صفحات الموقع (ملفات .md) "
               "والعناوين من نوع https://", "اذكروا ملف الصفحة، مثلًا a-propos.md."),
    },
    "image-too-large": {
        "fr": ("l’image « {target} » mesure {width} × {height} pixels, au-delà de ce qui "
               "s’imprime ({limit} pixels de côté au plus)", "réduisez-la (2 500 pixels de "
               "large suffisent pour une page A4 imprimée)."),
        "ar": ("أبعاد الصورة «{target}» هي {width} × {height} بكسل، وهو ما يتجاوز ما يمكن "
               "طبعه ({limit} بكسل للضلع على الأكثر)",
               "صغِّروها (يكفي عرض 2500 بكسل لصفحة A4 مطبوعة)."),
    },
    "image-unreadable": {
        "fr": ("l’image « {target} » est illisible ou n’est pas une image PNG, JPEG, GIF, "
               "WebP ou SVG", "enregistrez-la à nouveau dans l’un de ces formats."),
        "ar": ("تعذرت قراءة الصورة «{target}» أو إنها ليست بصيغة PNG أو JPEG أو GIF أو WebP "
               "أو SVG", "احفظوها من جديد بإحدى هذه الصيغ."),
    },
    "title-too-long": {
        "fr": ("titre de {length} caractères : au-delà de {limit}, il ne tient plus sur la "
               "couverture du PDF", "raccourcissez-le (le détail a sa place dans le résumé)."),
        "ar": ("عنوان من {length} حرفًا، وما زاد على {limit} لا يتسع له غلاف ملف PDF",
               "اختصروه (فالتفاصيل مكانها الملخص)."),
    },
    "word-too-long": {
        "fr": ("le mot « {word} » fait {length} caractères : au-delà de {limit}, il déborde de "
               "la page", "coupez-le ou remplacez-le (une adresse trop longue a sa place dans "
               "le texte, pas dans un titre)."),
        "ar": ("تتألف الكلمة «{word}» من {length} حرفًا، وما زاد على {limit} يتجاوز عرض الصفحة",
               "قسّموها أو عوِّضوها (فمكان العنوان الإلكتروني الطويل هو النص، لا العنوان)."),
    },
    "version-format": {
        "fr": ("la version « {value} » n’est pas de la forme 1, 1.2 ou 1.2.3",
               "écrivez des nombres séparés par des points, entre guillemets : version: \"1.10\"."),
        "ar": ("الإصدار «{value}» ليس على شكل 1 أو 1.2 أو 1.2.3",
               "اكتبوا أعدادًا تفصل بينها نقاط، بين علامتي تنصيص: version: \"1.10\"."),
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
    "fr": {"text": "un texte", "list": "une liste", "mapping": "un ensemble de champs",
           "boolean": "true ou false"},
    "ar": {"text": "نصًا", "list": "قائمة", "mapping": "مجموعة حقول", "boolean": "true أو false"},
}


def language() -> str:
    """The language of messages: POLESOCIAL_LANG (set by ``--lang`` for the whole build)."""
    lang = os.environ.get("POLESOCIAL_LANG", "fr")
    return lang if lang in ("fr", "ar") else "fr"


SUMMARY = {
    "fr": "{errors} erreur(s), {warnings} avertissement(s).",
    "ar": "عدد الأخطاء: {errors}، عدد التنبيهات: {warnings}.",
}


def summary(report, lang: str) -> str:
    return SUMMARY[lang].format(errors=len(report.errors), warnings=len(report.warnings))


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
    if "script" in values:
        values["script_code"] = "ar" if values["script"] == "arabic" else "fr"
        values["script"] = SCRIPT_NAMES[lang][values["script"]]
    if "kind" in values:
        values["kind"] = TYPE_NAMES[lang][values["kind"]]
    return what.format(**values), fix.format(**values)
