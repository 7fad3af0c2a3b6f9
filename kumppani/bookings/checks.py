"""Extension points other apps plug into, without this app importing them (ARCHITECTURE).

- Booking eligibility checks: `register_booking_check(fn)`; fn(booker, organization, facility,
  start) returns a message (the person may not book, e.g. a sanction's ban with its end date)
  or None. Every booking path (form, series, API, staff on behalf) runs them.
- Price-group adjusters: `register_price_group_adjuster(fn)`; fn(booker, organization, group)
  returns the customer group to charge (e.g. loss of free use after a sanction, M9d).
- Terms-version providers: `register_terms_version_provider(fn)`; fn(facility) returns a
  version label of a document the booker accepts along with the terms (the sanctions policy).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

BookingCheck = Callable[[object, object, object, dt.datetime], "str | None"]
PriceGroupAdjuster = Callable[[object, object, str], str]
TermsVersionProvider = Callable[[object], str]

_booking_checks: list[BookingCheck] = []
_price_group_adjusters: list[PriceGroupAdjuster] = []
_terms_version_providers: list[TermsVersionProvider] = []


def register_booking_check(check: BookingCheck) -> BookingCheck:
    if check not in _booking_checks:
        _booking_checks.append(check)
    return check


def unregister_booking_check(check: BookingCheck) -> None:
    if check in _booking_checks:
        _booking_checks.remove(check)


def register_price_group_adjuster(adjuster: PriceGroupAdjuster) -> PriceGroupAdjuster:
    if adjuster not in _price_group_adjusters:
        _price_group_adjusters.append(adjuster)
    return adjuster


def unregister_price_group_adjuster(adjuster: PriceGroupAdjuster) -> None:
    if adjuster in _price_group_adjusters:
        _price_group_adjusters.remove(adjuster)


def register_terms_version_provider(provider: TermsVersionProvider) -> TermsVersionProvider:
    if provider not in _terms_version_providers:
        _terms_version_providers.append(provider)
    return provider


def unregister_terms_version_provider(provider: TermsVersionProvider) -> None:
    if provider in _terms_version_providers:
        _terms_version_providers.remove(provider)


def eligibility_messages(booker, organization, facility, start: dt.datetime) -> list[str]:
    messages = []
    for check in _booking_checks:
        message = check(booker, organization, facility, start)
        if message:
            messages.append(str(message))
    return messages


def adjusted_price_group(booker, organization, group: str) -> str:
    for adjuster in _price_group_adjusters:
        group = adjuster(booker, organization, group)
    return group


def terms_version(facility) -> str:
    """Identifies the text the booker accepted: a digest of the facility's terms of use in
    every language, plus any registered document version (e.g. "sanctions-policy:3")."""
    texts = [getattr(facility, f"terms_of_use_{lang}", "") or "" for lang in ("fi", "sv", "en")]
    digest = hashlib.sha256("\x1e".join(texts).encode()).hexdigest()[:12]
    labels = [f"terms:{digest}"]
    labels.extend(provider(facility) for provider in _terms_version_providers)
    return " ".join(label for label in labels if label)[:80]
