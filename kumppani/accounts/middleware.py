from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class StaffMfaMiddleware:
    """In production, a staff member without TOTP is sent to set it up before anything else."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KUMPPANI_REQUIRE_STAFF_MFA and self._needs_mfa(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _needs_mfa(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_city_staff:
            return False
        path = request.path_info
        if any(part in path for part in self.ALLOWED_PREFIXES):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
