import re

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class StaffMfaMiddleware:
    """With KUMPPANI_REQUIRE_STAFF_MFA (the production default), a staff member without an
    authenticator app is sent to set one up before anything else."""

    # Sign-in, sign-out and MFA set-up pages, static files and the language switch stay open.
    ALLOWED = re.compile(r"^/(?:(?:[a-z]{2}/)?accounts/|static/|i18n/|healthz$)")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KUMPPANI_REQUIRE_STAFF_MFA and self._needs_mfa(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _needs_mfa(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if not (user.is_city_staff or user.is_staff):
            return False
        if self.ALLOWED.match(request.path_info):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
