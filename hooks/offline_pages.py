"""MkDocs adapter for reading offline (the logic is in polesocial.web.offline): the offline page
of each language (a theme template, written like the 404 page by hooks/i18n_pages.py), the page
script every page loads, the web app manifests, and the service worker, written last, once it
can hash the whole site."""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from polesocial.web import offline

# Each language's name and description, for its manifest: {lang: (name, description)}.
_names: dict[str, tuple[str, str]] = {}


def on_config(config):
    config.theme.static_templates.add(offline.OFFLINE_TEMPLATE)
    return config


def on_env(env, config, files):
    lang = config.theme["language"]  # set by mkdocs-static-i18n by now
    _names[lang] = (config.site_name, config.site_description or "")
    env.globals["ps_offline_script"] = offline.page_script()[0]
    env.globals["ps_manifest"] = offline.manifest_path(lang)
    env.globals["ps_theme_color"] = offline.THEME_COLOR
    env.globals["ps_offline_prefix"] = offline.offline_page(lang).removesuffix(
        offline.OFFLINE_TEMPLATE)
    return env


def on_template_context(context, template_name, config):
    # The offline page is shown in place of any page: its links are absolute, as MkDocs makes
    # them on the 404 page.
    if template_name == offline.OFFLINE_TEMPLATE:
        context["base_url"] = urlsplit(config.site_url or "/").path
    return context


@event_priority(-120)  # after every hook that writes files (-110), before precompress (-130)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    site = Path(config.site_dir)
    script, code = offline.page_script()
    (site / script).write_text(code, encoding="utf-8")
    for lang, (name, description) in _names.items():
        (site / offline.manifest_path(lang)).write_bytes(offline.manifest(lang, name, description))
    (site / offline.SERVICE_WORKER).write_text(offline.service_worker(site), encoding="utf-8")
