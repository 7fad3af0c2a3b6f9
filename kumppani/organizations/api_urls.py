from rest_framework.routers import SimpleRouter

from kumppani.organizations.api import OrganizationViewSet

router = SimpleRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
urlpatterns = router.urls
