"""MkDocs adapter for the trust boundary (the logic is in polesocial.check, polesocial.trust,
polesocial.sanitiser and polesocial.web.csp).

Whatever command starts the engine (``polesocial build``, ``make serve``, ``mkdocs build``):
- every source is checked first, as ``polesocial check`` does, and nothing is built if one has
  an error (the problems are printed once per build);
- every page's HTML goes through the sanitiser;
- every finished page is verified: an inline script that no template writes, an event handler
  attribute or a ``javascript:`` link fails the build, naming the page;
- the Content-Security-Policy lists the hashes of the templates' own inline scripts.

Listed first in mkdocs.yml, so these run before the other hooks at the same priority.
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from polesocial import check, messages, sanitiser, trust
from polesocial.web import csp

_state: dict = {"printed": None, "scripts": set(), "known": None}


def on_config(config):
    root = Path(config.config_file_path).parent
    report, _ = check.shared(root)
    lang = messages.language()
    if _state["printed"] is not report:  # once per build, not once per language
        _state["printed"] = report
        for problem in report.sorted():
            print(problem.format(lang), file=sys.stderr)
        if report.problems:
            print(messages.summary(report, lang), file=sys.stderr)
    if report.errors:
        raise PluginError(messages.UI["sources_have_errors"][lang])
    try:
        trust.site_url(config.site_url)
    except trust.Untrusted as refused:
        raise PluginError(f"SITE_URL: {refused.format(lang)}") from None
    if _state["known"] is None:
        try:
            _state["known"] = csp.KnownScripts(config.theme.dirs)
        except csp.UnexpectedTemplate as error:
            raise PluginError(str(error)) from None
    return config


@event_priority(-50)  # after the other hooks have added their fragments to the page
def on_page_content(html, page, config, files):
    return sanitiser.clean(html)


def _verify(output: str, name: str) -> str:
    problems, scripts = sanitiser.unsafe_output(output, _state["known"])
    if problems:
        lang = messages.language()
        raise PluginError(messages.UI["unsafe_page"][lang].format(
            page=name, found=", ".join(problems[:5])))
    _state["scripts"].update(csp.script_hash(code) for code in scripts)
    return output


@event_priority(-100)  # the page as it will be written, after every other change
def on_post_page(output, page, config):
    return _verify(output, page.file.dest_uri)


@event_priority(-100)
def on_post_template(output, template_name, config):
    return _verify(output, template_name)


@event_priority(-110)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    deploy = Path(config.site_dir) / ".deploy"
    deploy.mkdir(exist_ok=True)
    (deploy / "nginx-csp.conf").write_text(csp.nginx_csp_snippet(_state["scripts"]),
                                           encoding="utf-8")
    _state["scripts"] = set()
