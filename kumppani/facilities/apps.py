from django.apps import AppConfig


class FacilitiesConfig(AppConfig):
    name = "kumppani.facilities"
    label = "facilities"
