"""URL roots: the JSON API at /api/v1/ and the web pages under a language prefix (/en/, /ar/…)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from harambee.core.views import set_language
from harambee.operations import views as operations_views

from .api import api

handler400 = "harambee.core.views.error_400"
handler403 = "harambee.core.views.error_403"
handler404 = "harambee.core.views.error_404"
handler500 = "harambee.core.views.error_500"

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", operations_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    # open data: files at stable addresses without a language prefix (docs/open-data.md)
    path("data/", include("harambee.opendata.file_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("harambee.core.urls")),
    path("", include("harambee.registry.urls")),
    path("", include("harambee.accounts.urls")),
    path("", include("harambee.postings.urls")),
    path("", include("harambee.matching.urls")),
    path("", include("harambee.allocation.urls")),
    path("", include("harambee.cooperation.urls")),
    path("", include("harambee.notifications.urls")),
    path("", include("harambee.workspace.urls")),
    path("", include("harambee.follows.urls")),
    path("", include("harambee.events.urls")),
    path("", include("harambee.opendata.urls")),
    path("", include("harambee.assessments.urls")),
    path("secretariat/", include("harambee.secretariat.urls")),
    path("", include("harambee.transparency.urls")),
)
