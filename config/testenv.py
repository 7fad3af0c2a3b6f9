"""Test settings, loaded by pytest as a plugin (`-p config.testenv`, see pyproject.toml).

A plugin named with -p is imported before pytest-django reads the settings (conftest.py is too
late), so these win over a developer's `.env` and shell: tests never send real mail or use the slow
password hasher. DATABASE_URL is left alone, so the suite runs on SQLite or PostgreSQL.
"""

import os

os.environ.update(
    {
        "SECRET_KEY": "test-only-secret-key",
        "DEBUG": "false",
        "HTTPS": "false",
        "REQUIRE_STAFF_MFA": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "STATIC_MANIFEST": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "PASSWORD_HASHERS": "django.contrib.auth.hashers.MD5PasswordHasher",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
)
