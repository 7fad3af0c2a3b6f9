from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.utils import translation

from kumppani.accounts.models import User


def _current_language() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = _current_language()
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        """Mail goes out in the recipient's own language when we know them."""
        person = User.objects.filter(email__iexact=email).only("preferred_language").first()
        language = person.preferred_language if person else _current_language()
        # Mails greet "Hello from Kumppani – <city>!", not from a bare host name.
        site = RequestSite(allauth_context.request)
        site.name = f"Kumppani – {settings.CITY_NAME}"
        with translation.override(language):
            super().send_mail(template_prefix, email, {"current_site": site, **context})


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        """The city's identity service gives a name; we keep it as one `full_name`."""
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        user.full_name = (name or "").strip()[:150]
        return user

    def get_signup_form_initial_data(self, sociallogin):
        """When the service gives no e-mail, the form starts with the name it did give."""
        initial = super().get_signup_form_initial_data(sociallogin)
        initial["full_name"] = sociallogin.user.full_name
        return initial

    def save_user(self, request, sociallogin, form=None):
        # The callback URL has no language prefix; the page the person came from has one.
        next_url = (sociallogin.state or {}).get("next") or ""
        sociallogin.user.preferred_language = (
            translation.get_language_from_path(next_url) or _current_language()
        )
        return super().save_user(request, sociallogin, form)
