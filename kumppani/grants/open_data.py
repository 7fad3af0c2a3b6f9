"""Public grant data (M15): CSV and a 360Giving Data Standard 1.4 package, streamed row by row.

Both streams read `.values()` rows through `.iterator()` so memory stays constant however many
decisions there are. Only organizations appear: the applicant person is never part of the data.

Identifiers (360Giving guidance on identifiers):
- grants: `360G-kumppani-<city>-<decision id>` — the publisher's 360G prefix keeps them unique
  across funders and stable across exports;
- organizations with a Finnish Business ID: `FI-PRO-<Y-tunnus>` (org-id.guide list of the
  Finnish Patent and Registration Office); without one: `360G-kumppani-<city>-org-<id>`, the
  standard's advice for recipients that have no registered identifier (`XI-` prefixes belong to
  lists registered on org-id.guide, which an internal number is not).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal

from django.conf import settings
from django.db.models import F
from django.utils.text import slugify

from kumppani.core.time import HELSINKI, now

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CURRENCY = "EUR"
CHUNK = 2000

CSV_COLUMNS = [
    "grant_id",
    "decision_date",
    "year",
    "recipient_organization",
    "recipient_org_id",
    "business_id",
    "programme",
    "call",
    "purpose",
    "amount_requested",
    "amount_granted",
    "currency",
    "status",
]


def city_slug() -> str:
    return slugify(settings.CITY_NAME) or "city"


def grant_identifier(pk: int) -> str:
    return f"360G-kumppani-{city_slug()}-{pk}"


def organization_identifier(org_id: int, business_id: str) -> str:
    if business_id:
        return f"FI-PRO-{business_id}"
    return f"360G-kumppani-{city_slug()}-org-{org_id}"


def funder_identifier() -> str:
    business_id = settings.CITY_BUSINESS_ID
    if business_id:
        return f"FI-PRO-{business_id}"
    return f"360G-kumppani-{city_slug()}-funder"


def public_rows(queryset=None) -> Iterator[dict]:
    """One flat dict per public decision, oldest first, streamed from the database."""
    from kumppani.grants.models import GrantDecision

    queryset = GrantDecision.objects.public() if queryset is None else queryset
    rows = (
        queryset.order_by("pk")
        .annotate(
            org_id=F("application__organization_id"),
            org_name=F("application__organization__name_fi"),
            org_name_base=F("application__organization__name"),
            org_slug=F("application__organization__slug"),
            business_id=F("application__organization__business_id"),
            programme_slug=F("application__call__programme__slug"),
            programme_name=F("application__call__programme__name_fi"),
            call_title=F("application__call__title_fi"),
            purpose=F("application__purpose"),
        )
        .values(
            "pk",
            "decided_at",
            "status",
            "amount_requested",
            "amount_granted",
            "org_id",
            "org_name",
            "org_name_base",
            "org_slug",
            "business_id",
            "programme_slug",
            "programme_name",
            "call_title",
            "purpose",
        )
    )
    yield from rows.iterator(chunk_size=CHUNK)


class _Echo:
    """A file-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, value: str) -> str:
        return value


def csv_stream(queryset=None) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)  # BOM: spreadsheet programs detect UTF-8
    for row in public_rows(queryset):
        decided = row["decided_at"].astimezone(HELSINKI)
        yield writer.writerow(
            [
                grant_identifier(row["pk"]),
                decided.date().isoformat(),
                decided.year,
                row["org_name"] or row["org_name_base"],
                organization_identifier(row["org_id"], row["business_id"]),
                row["business_id"],
                row["programme_name"],
                row["call_title"],
                row["purpose"],
                row["amount_requested"],
                row["amount_granted"],
                CURRENCY,
                "granted" if row["amount_granted"] > 0 else "rejected",
            ]
        )


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def giving_grant(row: dict, *, site_url: str) -> dict:
    decided = row["decided_at"].astimezone(HELSINKI)
    org_name = row["org_name"] or row["org_name_base"]
    title = row["purpose"] or row["call_title"]
    return {
        "id": grant_identifier(row["pk"]),
        "title": title,
        "description": f"{row['programme_name']}: {row['call_title']}. {row['purpose']}".strip(),
        "currency": CURRENCY,
        "amountAppliedFor": _number(row["amount_requested"]),
        "amountAwarded": _number(row["amount_granted"]),
        "awardDate": decided.date().isoformat(),
        "recipientOrganization": [
            {
                "id": organization_identifier(row["org_id"], row["business_id"]),
                "name": org_name,
                "addressCountry": "FI",
                "url": f"{site_url}/fi/grants/organizations/{row['org_slug']}/",
            }
        ],
        "fundingOrganization": [{"id": funder_identifier(), "name": settings.CITY_NAME}],
        "grantProgramme": [{"code": row["programme_slug"], "title": row["programme_name"]}],
        "fromOpenCall": "Yes",
        "dataSource": f"{site_url}/open-data/grants.json",
    }


def package_metadata(*, site_url: str) -> dict:
    moment = now().isoformat(timespec="seconds")
    return {
        "version": "1.4",
        "title": f"Kumppani – {settings.CITY_NAME}: grants to organizations",
        "description": (
            f"Every grant that {settings.CITY_NAME} awarded to organizations through Kumppani, "
            "in the 360Giving Data Standard. Private persons are never named."
        ),
        "identifier": f"360G-kumppani-{city_slug()}-grants",
        "issued": moment,
        "modified": moment,
        "publisher": {"name": settings.CITY_NAME, "identifier": funder_identifier()},
        "license": LICENCE_URL,
        "downloadURL": f"{site_url}/open-data/grants.json",
        "accessURL": f"{site_url}/fi/grants/",
    }


def giving_stream(queryset=None, *, site_url: str | None = None) -> Iterator[str]:
    """A 360Giving package, metadata first and the grants array last, one grant per chunk.

    360Giving describes grants made, so only granted decisions (amount > 0) are included.
    """
    from kumppani.grants.models import GrantDecision

    site_url = (site_url or settings.SITE_URL).rstrip("/")
    queryset = GrantDecision.objects.public() if queryset is None else queryset
    header = json.dumps(package_metadata(site_url=site_url), ensure_ascii=False)
    yield header[:-1] + ', "grants": ['
    separator = "\n"
    for row in public_rows(queryset.granted()):
        yield separator + json.dumps(giving_grant(row, site_url=site_url), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
