from __future__ import annotations

from typing import Any

from kumppani.core.models import District, Theme
from kumppani.organizations.models import Language


def master_data() -> dict[str, Any]:
    theme = Theme.objects.create(
        slug="sports", name_fi="Liikunta", name_sv="Idrott", name_en="Sports"
    )
    culture = Theme.objects.create(
        slug="culture", name_fi="Kulttuuri", name_sv="Kultur", name_en="Culture"
    )
    district = District.objects.create(
        slug="kallio", name_fi="Kallio", name_sv="Berghäll", name_en="Kallio"
    )
    east = District.objects.create(
        slug="itakeskus", name_fi="Itäkeskus", name_sv="Östra centrum", name_en="Itäkeskus"
    )
    swedish = Language.objects.create(code="sv", name="svenska")
    finnish = Language.objects.create(code="fi", name="suomi")
    return {
        "theme": theme,
        "culture": culture,
        "district": district,
        "east": east,
        "swedish": swedish,
        "finnish": finnish,
    }


def registration_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "name_fi": "Kallion Kuntoilijat ry",
        "name_sv": "Berghälls Motionärer rf",
        "name_en": "",
        "org_type": "association",
        "is_nonprofit": "on",
        "business_id": "2077474-0",
        "association_number": "123.456",
        "description_fi": "Liikuntaa kaikenikäisille.",
        "description_sv": "Motion för alla åldrar.",
        "description_en": "Exercise for all ages.",
        "website": "https://kuntoilijat.example.org",
        "public_email": "info@kuntoilijat.example.org",
        "public_phone": "09 123 456",
        "founded_year": "1998",
        "member_count": "120",
        "offers": ["venues", "expertise"],
        "seeks": ["volunteers"],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
