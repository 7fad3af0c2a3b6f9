from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError


def run_service(form: forms.Form, service: Callable, **kwargs):
    """Call a service; its ValidationError lands on the form (keeping what was typed)."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        for error in exc.error_list:
            message = error.message % error.params if error.params else error.message
            form.add_error(None, ValidationError(message, code=error.code))
        return None
