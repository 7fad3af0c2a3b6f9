"""Secure headers on every page, CSP without unsafe-inline, CSRF on every form post."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

ROOT = Path(settings.BASE_DIR)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fi/", "/sv/privacy/", "/en/accounts/login/"])
def test_pages_carry_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_content_security_policy_uses_a_fresh_nonce_and_no_unsafe_inline(client):
    first = client.get("/fi/")
    policy = first["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    nonce = re.search(r"'nonce-([^']+)'", " ".join(directives["style-src"])).group(1)
    # The one inline style (the city's colours) carries the nonce of this response.
    assert f'<style nonce="{nonce}">' in first.content.decode()
    second = client.get("/fi/")
    assert nonce not in second["Content-Security-Policy"]


@pytest.mark.django_db
def test_no_inline_script_or_style_without_a_nonce(client):
    html = client.get("/fi/accounts/login/").content.decode()
    for tag in re.findall(r"<(?:script|style)\b[^>]*>", html):
        assert "src=" in tag or "nonce=" in tag or 'type="application/json"' in tag, tag
    assert " style=" not in html
    assert " onclick=" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/fi/accounts/login/", "/fi/accounts/signup/", "/i18n/setlang/", "/fi/profile/export/"],
)
def test_posts_without_a_csrf_token_are_refused(path, resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    assert client.post(path, {"language": "sv"}).status_code == 403


@pytest.mark.django_db
def test_posts_with_the_csrf_token_are_accepted():
    client = Client(enforce_csrf_checks=True)
    client.get("/fi/privacy/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/i18n/setlang/", {"language": "sv", "next": "/fi/privacy/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_deployment_check_passes_with_production_settings(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "false",
        "HTTPS": "true",
        "SECRET_KEY": "k" * 20 + "-Zq7$xV!9mR2pL#4tW8yB1nC6hJ0fD3sG5aE",
        "ALLOWED_HOSTS": "kumppani.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603  a fixed command line
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
