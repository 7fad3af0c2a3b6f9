"""Load the demo city: master data, organizations, the demo sign-ins and the liaison's pages.

Idempotent: every row is found by a stable key (slug, code, e-mail, version) and only created
when missing, so a second `make run` changes nothing and keeps what was edited in the demo.
After its own data the loader runs each later app's `kumppani.<app>.demo.load(stdout)`.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import translation

from kumppani.accounts.models import RoleAssignment, User
from kumppani.core.decisions import DecisionStatus
from kumppani.core.models import District, Theme
from kumppani.core.time import add_working_days, now
from kumppani.demo.data import master, practices
from kumppani.demo.data.organizations import (
    ORGADMIN_ADMIN_OF,
    ORGADMIN_MEMBER_OF,
    ORGANIZATIONS,
    DemoOrganization,
)
from kumppani.demo.data.people import LIAISON, PEOPLE
from kumppani.organizations.models import (
    Cooperation,
    CooperationDirection,
    JoinRequest,
    Language,
    LiaisonContact,
    Membership,
    MembershipRole,
    Organization,
    PracticesDocument,
    TargetGroup,
)

# The one place the demo password exists. Never used outside the demo loader.
DEMO_PASSWORD = "kumppani-demo"  # noqa: S105

# Later apps add their demo data in `kumppani/<app>/demo.py` with a function `load(stdout)`.
PIPELINE_APPS = ("facilities", "grants", "bookings", "sanctions", "participation", "channels")

LANGS = ("fi", "sv", "en")
OFFERS, SEEKS = CooperationDirection.OFFERS, CooperationDirection.SEEKS


def translated(field: str, values: Iterable[str]) -> dict[str, str]:
    """{"name_fi": …, "name_sv": …, "name_en": …}; an empty value falls back to Finnish."""
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def load_demo(*, stdout) -> None:
    with transaction.atomic(), translation.override("fi"):
        themes = _by_slug(Theme, master.THEMES)
        districts = _by_slug(District, master.DISTRICTS)
        groups = _by_slug(TargetGroup, master.TARGET_GROUPS)
        languages = {
            code: Language.objects.update_or_create(code=code, defaults={"name": name})[0]
            for code, name in master.LANGUAGES.items()
        }
        people = {person.email: _person(person) for person in PEOPLE}
        liaison = people[LIAISON["email"]]
        organizations = {
            demo.slug: _organization(
                demo,
                index=index,
                liaison=liaison,
                themes=themes,
                districts=districts,
                groups=groups,
                languages=languages,
            )
            for index, demo in enumerate(ORGANIZATIONS)
        }
        _memberships(people["orgadmin@example.org"], people["resident@example.org"], organizations)
        _liaison_contact(liaison)
        _practices_document(liaison)
        stdout.write(
            f"Demo data: {District.objects.count()} districts, {Theme.objects.count()} themes, "
            f"{Organization.objects.count()} organizations, {len(people)} demo people."
        )
        for app in PIPELINE_APPS:
            module = _demo_module(app)
            if module is not None:
                module.load(stdout)


def print_sign_ins(stdout) -> None:
    stdout.write("")
    stdout.write(f"Demo sign-ins (password for each: {DEMO_PASSWORD}):")
    for person in PEOPLE:
        stdout.write(f"  {person.email:<26} {person.what}")
    stdout.write("")


def _demo_module(app: str):
    name = f"kumppani.{app}.demo"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        # Only a missing demo module (or app) is skipped; an import error inside one is a bug.
        if exc.name in {name, f"kumppani.{app}"}:
            return None
        raise


def _by_slug(model, data: dict[str, tuple[str, str, str]]) -> dict:
    return {
        slug: model.objects.update_or_create(slug=slug, defaults=translated("name", names))[0]
        for slug, names in data.items()
    }


def _person(person) -> User:
    user, created = User.objects.get_or_create(
        email=person.email,
        defaults={"full_name": person.full_name, "preferred_language": "fi"},
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
    if person.superuser:
        user.is_staff = user.is_superuser = True
    user.is_active = True
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=person.email, defaults={"verified": True, "primary": True}
    )
    if person.role:
        RoleAssignment.objects.get_or_create(user=user, role=person.role)
    return user


def _organization(
    demo: DemoOrganization, *, index: int, liaison: User, themes, districts, groups, languages
) -> Organization:
    # Spread registrations over the past year so that lists and decision times look lived-in.
    created_at = now() - dt.timedelta(days=380 - index * 11, hours=index)
    decision = {"status": demo.status}
    if demo.status == DecisionStatus.PENDING:
        created_at = now() - dt.timedelta(days=1 + index % 4)
        decision["due_at"] = add_working_days(created_at, 10)
    else:
        decision.update(
            decided_by=liaison,
            decided_at=add_working_days(created_at, 2 + index % 6),
            reason=demo.reason,
        )
    organization, created = Organization.objects.get_or_create(
        slug=demo.slug,
        defaults={
            **translated("name", demo.name),
            **translated("description", demo.description),
            **translated("offers_text", demo.offers_text),
            **translated("seeks_text", demo.seeks_text),
            **decision,
            "org_type": demo.org_type,
            "is_nonprofit": demo.is_nonprofit,
            "business_id": demo.business_id,
            "association_number": demo.association_number,
            "founded_year": demo.founded_year,
            "member_count": demo.member_count,
            "website": demo.website,
            "public_email": demo.public_email,
            "public_phone": demo.public_phone,
            "created_at": created_at,
        },
    )
    if created:
        organization.themes.set(themes[slug] for slug in demo.themes)
        organization.districts.set(districts[slug] for slug in demo.districts)
        organization.target_groups.set(groups[slug] for slug in demo.target_groups)
        organization.languages.set(languages[code] for code in demo.languages)
        Cooperation.objects.bulk_create(
            [Cooperation(organization=organization, direction=OFFERS, kind=k) for k in demo.offers]
            + [Cooperation(organization=organization, direction=SEEKS, kind=k) for k in demo.seeks]
        )
    return organization


def _memberships(orgadmin: User, resident: User, organizations: dict[str, Organization]) -> None:
    for slug in ORGADMIN_ADMIN_OF:
        organization = organizations[slug]
        Membership.objects.get_or_create(
            organization=organization, user=orgadmin, defaults={"role": MembershipRole.ADMIN}
        )
        if organization.created_by_id is None:
            organization.created_by = orgadmin
            organization.save(update_fields=["created_by"])
    for slug in ORGADMIN_MEMBER_OF:
        Membership.objects.get_or_create(
            organization=organizations[slug],
            user=orgadmin,
            defaults={"role": MembershipRole.MEMBER},
        )
    # A join request waiting for the demo organization admin.
    if not JoinRequest.objects.filter(
        organization=organizations[ORGADMIN_ADMIN_OF[1]], user=resident
    ).exists():
        JoinRequest.objects.create(
            organization=organizations[ORGADMIN_ADMIN_OF[1]],
            user=resident,
            message="Poikani aloittaa jalkapallon syksyllä, ja voisin auttaa joukkueen huoltajana.",
            due_at=add_working_days(now(), 10),
        )


def _liaison_contact(liaison: User) -> None:
    LiaisonContact.objects.update_or_create(
        email=LIAISON["email"],
        defaults={
            "user": liaison,
            "name": liaison.full_name,
            **translated("title", LIAISON["title"]),
            "phone": LIAISON["phone"],
            "order": 0,
        },
    )


def _practices_document(liaison: User) -> None:
    # Published versions never change, so an existing version 1 is left as it is.
    PracticesDocument.objects.get_or_create(
        version=1,
        defaults={
            **translated("title", practices.TITLE),
            **translated("body", practices.BODY),
            **translated("change_summary", practices.CHANGE_SUMMARY),
            "created_by": liaison,
            "published_at": now() - dt.timedelta(days=30),
        },
    )
