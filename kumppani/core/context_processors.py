from django.conf import settings


def site(request):
    return {
        "CITY_NAME": settings.CITY_NAME,
        "CITY_LOGO_URL": settings.CITY_LOGO_URL,
        "CITY_PRIMARY_COLOR": settings.CITY_PRIMARY_COLOR,
        "CITY_ACCENT_COLOR": settings.CITY_ACCENT_COLOR,
        "FEEDBACK_EMAIL": settings.FEEDBACK_EMAIL,
        "ACCESSIBILITY_EMAIL": settings.ACCESSIBILITY_EMAIL,
    }
