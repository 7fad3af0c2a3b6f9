"""The public directory: only verified organizations, search in every language, filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kumppani.organizations.models import Cooperation
from kumppani.organizations.tests.factories import (
    LiaisonContactFactory,
    OrganizationFactory,
    PracticesDocumentFactory,
)
from kumppani.organizations.tests.helpers import master_data

DIRECTORY = "organizations:directory"


def _names(response) -> list[str]:
    return [o.name_fi for o in response.context["page"].object_list]


@pytest.fixture
def refs(db):
    return master_data()


@pytest.fixture
def sports_club(refs):
    org = OrganizationFactory(
        verified=True,
        name_fi="Kallion Pallo ry",
        name_sv="Berghälls Boll rf",
        name_en="Kallio Ball Club",
        description_fi="Jalkapalloa nuorille.",
        description_sv="Fotboll för unga.",
        description_en="Football for young people.",
        org_type="association",
    )
    org.themes.add(refs["theme"])
    org.districts.add(refs["district"])
    org.languages.add(refs["swedish"])
    Cooperation.objects.create(organization=org, direction="offers", kind="venues")
    Cooperation.objects.create(organization=org, direction="seeks", kind="volunteers")
    return org


@pytest.fixture
def theatre(refs):
    org = OrganizationFactory(
        verified=True,
        name_fi="Itäinen Teatteri Oy",
        description_fi="Näytelmiä.",
        description_en="Plays and workshops.",
        org_type="company",
    )
    org.themes.add(refs["culture"])
    org.districts.add(refs["east"])
    org.languages.add(refs["finnish"])
    Cooperation.objects.create(organization=org, direction="offers", kind="expertise")
    Cooperation.objects.create(organization=org, direction="seeks", kind="venues")
    return org


def test_only_verified_organizations_are_listed(client, sports_club):
    OrganizationFactory(name_fi="Odottava ry")
    OrganizationFactory(rejected=True, name_fi="Hylätty ry")
    response = client.get(reverse(DIRECTORY))
    assert _names(response) == ["Kallion Pallo ry"]
    assert "Odottava" not in response.content.decode()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("fotboll", ["Kallion Pallo ry"]),  # Swedish description
        ("Berghälls", ["Kallion Pallo ry"]),  # Swedish name
        ("workshops", ["Itäinen Teatteri Oy"]),  # English description
        ("Ball Club", ["Kallion Pallo ry"]),  # English name, two words
        ("jalkapalloa", ["Kallion Pallo ry"]),  # Finnish, any case
        ("berghälls", ["Kallion Pallo ry"]),  # a non-ASCII word in another case
        ("ITÄINEN", ["Itäinen Teatteri Oy"]),
        ("nothing-like-this", []),
    ],
)
def test_search_covers_all_three_languages(client, sports_club, theatre, q, expected):
    assert _names(client.get(reverse(DIRECTORY), {"q": q})) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "company"}, ["Itäinen Teatteri Oy"]),
        ({"type": "association"}, ["Kallion Pallo ry"]),
        ({"theme": "sports"}, ["Kallion Pallo ry"]),
        ({"theme": "culture"}, ["Itäinen Teatteri Oy"]),
        ({"district": "itakeskus"}, ["Itäinen Teatteri Oy"]),
        ({"language": "sv"}, ["Kallion Pallo ry"]),
        ({"offers": "venues"}, ["Kallion Pallo ry"]),
        ({"seeks": "venues"}, ["Itäinen Teatteri Oy"]),
        ({"offers": "venues", "seeks": "venues"}, []),
        ({"theme": "no-such-theme"}, ["Itäinen Teatteri Oy", "Kallion Pallo ry"]),
    ],
)
def test_each_filter(client, sports_club, theatre, params, expected):
    response = client.get(reverse(DIRECTORY), params)
    assert response.status_code == 200
    assert _names(response) == expected


def test_pagination_keeps_the_filters(client, refs):
    for n in range(25):
        OrganizationFactory(verified=True, name_fi=f"Seura {n:02d}", org_type="foundation")
    response = client.get(reverse(DIRECTORY), {"type": "foundation", "page": 2})
    assert _names(response) == [f"Seura {n:02d}" for n in range(20, 25)]
    assert "type=foundation&amp;page=1" in response.content.decode()
    assert client.get(reverse(DIRECTORY), {"page": "x"}).status_code == 200


def test_directory_query_count_is_bounded(client, refs, django_assert_max_num_queries):
    for n in range(35):
        org = OrganizationFactory(verified=True, name_fi=f"Yhdistys {n:02d}")
        org.themes.add(refs["theme"], refs["culture"])
        org.districts.add(refs["district"])
        Cooperation.objects.create(organization=org, direction="offers", kind="venues")
    LiaisonContactFactory()
    with django_assert_max_num_queries(14):
        response = client.get(reverse(DIRECTORY), {"theme": "sports", "q": "yhdistys"})
    assert len(response.context["page"].object_list) == 20


def test_liaison_and_practices_are_shown(client, db):
    LiaisonContactFactory(name="Liisa Yhteyshenkilö", email="liisa@example.org")
    PracticesDocumentFactory()
    content = client.get(reverse(DIRECTORY)).content.decode()
    assert "Liisa Yhteyshenkilö" in content
    assert "mailto:liisa@example.org" in content
    assert reverse("organizations:practices") in content


def test_organization_page_shows_public_data_but_no_private_person(client, sports_club, resident):
    from kumppani.organizations.tests.factories import MembershipFactory

    MembershipFactory(
        organization=sports_club,
        role="admin",
        user__full_name="Pekka Yksityinen",
        user__email="pekka@example.org",
        user__phone="040 999 8888",
    )
    content = client.get(reverse("organizations:detail", args=[sports_club.slug])).content
    text = content.decode()
    assert "Kallion Pallo ry" in text
    assert sports_club.public_email in text
    assert "Liikunta" in text and "Kallio" in text
    assert "Tilat" in text or "Venues" in text
    for private in ("Pekka Yksityinen", "pekka@example.org", "040 999 8888"):
        assert private not in text


def test_directory_in_swedish_shows_swedish_names(client, sports_club):
    response = client.get("/sv/organizations/")
    assert "Berghälls Boll rf" in response.content.decode()
    assert 'lang="sv"' in response.content.decode()
