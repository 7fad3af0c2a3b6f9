"""Prices for a customer group on a date (M12: free of charge for verified non-profits)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kumppani.facilities.models import CustomerGroup, Facility, Price, PriceBasis
from kumppani.organizations.models import OrganizationType

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PriceQuote:
    customer_group: str
    amount: Decimal  # charged, VAT included
    full_amount: Decimal  # before the M12 discount, VAT included (kept for statistics)
    vat_percent: Decimal
    basis: str | None
    price: Price | None
    free_for_nonprofit: bool

    @property
    def is_free(self) -> bool:
        return self.amount == 0


def customer_group_for(user, organization=None) -> str:
    """The price group of a booking by `user`, for `organization` if given.

    A verified non-profit gets the non-profit group (M12); a public body the public-body group;
    a company, cooperative or any other profit-making organization the company group; a person
    and an informal or not yet verified group the private-person group.
    """
    if organization is None:
        return CustomerGroup.PRIVATE
    if organization.is_verified_nonprofit:
        return CustomerGroup.NONPROFIT
    if organization.org_type == OrganizationType.PUBLIC_BODY:
        return CustomerGroup.PUBLIC_BODY
    if (
        organization.org_type in (OrganizationType.COMPANY, OrganizationType.COOPERATIVE)
        or not organization.is_nonprofit
    ):
        return CustomerGroup.COMPANY
    return CustomerGroup.PRIVATE


def price_row(facility: Facility, group: str, on_date: dt.date) -> Price | None:
    """The price valid on the date (uses prefetched `prices` when present)."""
    candidates = facility.prices.all()
    return next(
        (row for row in candidates if row.customer_group == group and row.covers(on_date)), None
    )


def gross(price: Price, duration: dt.timedelta) -> Decimal:
    net = price.amount_eur
    if price.basis == PriceBasis.PER_HOUR:
        net = net * Decimal(int(duration.total_seconds())) / Decimal(3600)
    total = net * (Decimal(100) + price.vat_percent) / Decimal(100)
    return total.quantize(CENT, rounding=ROUND_HALF_UP)


def price_for(
    facility: Facility, group: str, on_date: dt.date, duration: dt.timedelta
) -> PriceQuote:
    """What a booking of `duration` on `on_date` costs the group, and its undiscounted price.

    A facility with no price for the group is free of charge for it.
    """
    row = price_row(facility, group, on_date)
    free = bool(facility.free_for_nonprofits and group == CustomerGroup.NONPROFIT)
    if free and row is None:
        # The undiscounted price of a free non-profit booking is what a person would pay.
        row = price_row(facility, CustomerGroup.PRIVATE, on_date)
    full = gross(row, duration) if row else Decimal("0.00")
    return PriceQuote(
        customer_group=group,
        amount=Decimal("0.00") if free else full,
        full_amount=full,
        vat_percent=row.vat_percent if row else Decimal("0"),
        basis=row.basis if row else None,
        price=row,
        free_for_nonprofit=free,
    )
