from django.urls import path

from kumppani.grants.api import GrantList

urlpatterns = [path("grants/", GrantList.as_view(), name="api-grants")]
