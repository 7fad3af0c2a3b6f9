from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "kumppani.grants"
    label = "grants"
