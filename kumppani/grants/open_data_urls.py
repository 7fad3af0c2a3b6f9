from django.urls import path

from kumppani.grants.views.open_data import grants_csv, grants_json

urlpatterns = [
    path("grants.csv", grants_csv, name="grants-csv"),
    path("grants.json", grants_json, name="grants-json"),
]
