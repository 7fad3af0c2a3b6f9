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


def current_code(user) -> str:
    """The six digits the person's authenticator app shows now, from the stored secret."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "the page has no h1"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match, "the page has no title"
    return " ".join(match.group(1).split())
