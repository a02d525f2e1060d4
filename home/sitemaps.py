"""The sitemap lists every language, not only the site root's tree (the French one).

wagtail-localize puts each translation of the home page beside the French one, under the
tree's root, so Wagtail's own sitemap, which walks the site root's descendants, misses them.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        trees = Q()
        for path in homes:
            trees |= Q(path__startswith=path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
