"""Test-wide settings defaults, applied before Django reads its settings."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("REQUIRE_STAFF_MFA", "false")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("PASSWORD_HASHERS", "django.contrib.auth.hashers.MD5PasswordHasher")
