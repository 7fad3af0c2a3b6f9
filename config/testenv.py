"""Test-wide settings defaults, loaded by pytest as a plugin (`-p config.testenv`).

A plugin named with -p is imported before pytest-django reads the settings, unlike conftest.py,
so these defaults win over a developer's `.env` (whose values only fill in what is unset).
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("REQUIRE_STAFF_MFA", "false")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "true")
os.environ.setdefault("PASSWORD_HASHERS", "django.contrib.auth.hashers.MD5PasswordHasher")
