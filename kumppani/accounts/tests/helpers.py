import re
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import decrypt

TOTP_PERIOD = 30


def activate_totp(user) -> str:
    """Give `user` an authenticator app; returns the secret the app holds."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def code_for(secret: str) -> str:
    """The six digits an authenticator app holding `secret` shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def current_code(user) -> str:
    """The code from the person's stored authenticator secret."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return code_for(decrypt(authenticator.data["secret"]))


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "the page has no h1"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match, "the page has no title"
    return " ".join(match.group(1).split())
