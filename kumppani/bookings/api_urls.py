from django.urls import path
from rest_framework.routers import SimpleRouter

from kumppani.bookings import api

router = SimpleRouter()
router.register("bookings", api.BookingViewSet, basename="api-booking")

urlpatterns = [
    path(
        "facilities/<int:pk>/availability/",
        api.AvailabilityView.as_view(),
        name="api-facility-availability",
    ),
    path(
        "availability/search/", api.AvailabilitySearchView.as_view(), name="api-availability-search"
    ),
    *router.urls,
]
