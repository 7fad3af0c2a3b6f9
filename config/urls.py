from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

api_v1 = [
    path("", include("kumppani.organizations.api_urls")),
    path("", include("kumppani.facilities.api_urls")),
    path("", include("kumppani.grants.api_urls")),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("open-data/", include("kumppani.grants.open_data_urls")),
    path("", include("kumppani.core.root_urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("kumppani.accounts.urls")),
    path("organizations/", include("kumppani.organizations.urls")),
    path("facilities/", include("kumppani.facilities.urls")),
    path("grants/", include("kumppani.grants.urls")),
    path("", include("kumppani.core.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
