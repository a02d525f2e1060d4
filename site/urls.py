from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import TranslatedSitemap
from pagecache import views as pagecache_views
from registrations import admin_views as registrations_admin
from staff import account as staff_account

urlpatterns = [
    # Ahead of Wagtail's own: the same view, with a limit per address.
    path("admin/password_reset/", staff_account.password_reset, name="staff_password_reset"),
    # Ahead of Wagtail's own: its Forms section, with each page's registrations counted.
    path("admin/forms/", registrations_admin.FormPagesView.as_view(), name="form_pages"),
    path(
        "admin/forms/results/",
        registrations_admin.FormPagesView.as_view(results_only=True),
        name="form_pages_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language, and its words are in that language:
# /fr/recherche/, /en/search/.
urlpatterns += i18n_patterns(
    path(_("search/"), home_views.search, name="search"),
    path(_("registrations/"), include("registrations.urls")),
    path(_("passport/"), include("volunteers.urls")),
    path(_("mobilisation/"), include("mobilisation.urls")),
    path(_("associations/"), include("proposals.urls")),
    # Wagtail's page view, its routing kept with the pages: ahead of Wagtail's own.
    re_path(wagtail_urls.serve_pattern, pagecache_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
