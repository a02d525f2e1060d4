"""A kit as a tagged PDF (PDF/UA: structure tree, language, title, bookmarks from its
headings), made by WeasyPrint from the kit page's own content in the page's language."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from home.sites import site_url


def kit_pdf(page, request):
    # Imported here: WeasyPrint loads the system's Pango, which nothing else needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    media_url = site_url(settings.MEDIA_URL)
    media_root = Path(settings.MEDIA_ROOT).resolve()

    class MediaFiles(URLFetcher):
        """The kit's images, read from the media folder: no request leaves the server."""

        def fetch(self, url, headers=None):
            if not url.startswith(media_url):
                raise ValueError(f"Not one of the site's media files: {url}")
            path = (media_root / url[len(media_url) :].split("?")[0]).resolve()
            if not path.is_relative_to(media_root):
                raise ValueError(f"Outside the media folder: {url}")
            return super().fetch(path.as_uri(), headers)

    html = render_to_string("communities/kit_pdf.html", {"page": page}, request=request)
    return HTML(string=html, base_url=site_url("/"), url_fetcher=MediaFiles()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
