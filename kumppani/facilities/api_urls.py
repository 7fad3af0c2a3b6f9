from django.urls import path

from kumppani.facilities import api

urlpatterns = [
    path("facilities/", api.FacilityList.as_view(), name="api-facility-list"),
    path("facilities/<int:pk>/", api.FacilityDetail.as_view(), name="api-facility-detail"),
]
