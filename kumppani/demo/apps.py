from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kumppani.demo"
    label = "demo"
