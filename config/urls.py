from allauth.socialaccount.providers.openid_connect import views as oidc_views
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from kumppani.accounts import views as accounts_views

api_v1 = [
    path("", include("kumppani.organizations.api_urls")),
    path("", include("kumppani.facilities.api_urls")),
    path("", include("kumppani.bookings.api_urls")),
    path("", include("kumppani.grants.api_urls")),
]

urlpatterns = [
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
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
    path("bookings/", include("kumppani.bookings.urls")),
    path("misuse/", include("kumppani.sanctions.urls")),
    path("grants/", include("kumppani.grants.urls")),
    path("", include("kumppani.core.urls")),
    prefix_default_language=True,
)

# One redirect URI for the city's sign-in service whatever the page language: defined after
# the language-prefixed allauth URLs so that reverse() picks this one.
urlpatterns += [
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        oidc_views.callback,
        name="openid_connect_callback",
    )
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
