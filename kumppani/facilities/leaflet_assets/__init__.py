"""Serves Leaflet's JS and CSS from the django-leaflet package as ordinary static files.

django-leaflet itself cannot be an installed app here: its admin module imports GeoDjango,
which needs the GDAL C library that this project does not use. This app config points
Django's static-file finder at the package's `static/` folder and loads nothing else.
"""

import importlib.util
from pathlib import Path

from django.apps import AppConfig


def _leaflet_package_path() -> str:
    spec = importlib.util.find_spec("leaflet")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("django-leaflet is not installed; run `make install`.")
    return str(Path(next(iter(spec.submodule_search_locations))))


class LeafletAssetsConfig(AppConfig):
    name = "kumppani.facilities.leaflet_assets"
    label = "leaflet_assets"
    verbose_name = "Leaflet assets"
    path = _leaflet_package_path()
