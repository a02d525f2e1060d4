"""HTML made into a tagged PDF (PDF/UA: structure tree, language, title, bookmarks) by
WeasyPrint. Its images, fonts and styles are read from the server's own folders: no request
leaves the server."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

from .sites import site_url


def tagged_pdf(html):
    # Imported here: WeasyPrint loads the system's Pango, which nothing else needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    media_url = site_url(settings.MEDIA_URL)
    static_url = site_url(settings.STATIC_URL)
    media_root = Path(settings.MEDIA_ROOT).resolve()

    class SiteFiles(URLFetcher):
        def fetch(self, url, headers=None):
            url = url.split("?")[0]
            if url.startswith(static_url):
                return super().fetch(static_file(url[len(static_url) :]).as_uri(), headers)
            if not url.startswith(media_url):
                raise ValueError(f"Not one of the site's files: {url}")
            path = (media_root / url[len(media_url) :]).resolve()
            if not path.is_relative_to(media_root):
                raise ValueError(f"Outside the media folder: {url}")
            return super().fetch(path.as_uri(), headers)

    return HTML(string=html, base_url=site_url("/"), url_fetcher=SiteFiles()).write_pdf(
        pdf_variant="pdf/ua-1"
    )


def static_file(name):
    """A static file's path: collected (hashed names, in production) or in the source tree."""
    if settings.STATIC_ROOT and staticfiles_storage.exists(name):
        return Path(staticfiles_storage.path(name))
    found = finders.find(name)
    if found is None:
        raise ValueError(f"No such static file: {name}")
    return Path(found)
