"""The site's web layer, one module per concern: page addresses (``urls``), the sitemap, the
sharing tags, the download box, fallback and 404 pages, the per-language finishing of a page
(``document``), the Content-Security-Policy (``csp``), search (``search``) and the changes made
to the theme's bundle (``theme_bundle``). Nothing here imports MkDocs: ``hooks/`` calls it."""
