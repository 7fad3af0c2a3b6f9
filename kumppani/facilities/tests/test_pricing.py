import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kumppani.facilities import services
from kumppani.facilities.models import CustomerGroup, Price
from kumppani.facilities.pricing import customer_group_for, price_for
from kumppani.facilities.tests.factories import FacilityFactory, with_price
from kumppani.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
HOUR = dt.timedelta(hours=1)


def test_customer_groups(resident):
    assert customer_group_for(resident) == CustomerGroup.PRIVATE
    assert (
        customer_group_for(resident, OrganizationFactory(verified=True)) == CustomerGroup.NONPROFIT
    )
    assert (
        customer_group_for(resident, OrganizationFactory()) == CustomerGroup.PRIVATE
    )  # not verified
    company = OrganizationFactory(verified=True, org_type="company", is_nonprofit=False)
    assert customer_group_for(resident, company) == CustomerGroup.COMPANY
    public = OrganizationFactory(verified=True, org_type="public", is_nonprofit=False)
    assert customer_group_for(resident, public) == CustomerGroup.PUBLIC_BODY


def test_hourly_price_with_vat_and_per_booking_price():
    facility = FacilityFactory()
    with_price(facility, amount="20.00", vat_percent=Decimal("25.5"))
    with_price(
        facility, group="company", amount="100.00", basis="per_booking", vat_percent=Decimal("0")
    )
    quote = price_for(
        facility, CustomerGroup.PRIVATE, dt.date(2026, 5, 1), dt.timedelta(minutes=90)
    )
    assert quote.amount == Decimal("37.65") and quote.full_amount == Decimal("37.65")
    quote = price_for(facility, CustomerGroup.COMPANY, dt.date(2026, 5, 1), 3 * HOUR)
    assert quote.amount == Decimal("100.00")
    assert price_for(facility, CustomerGroup.PUBLIC_BODY, dt.date(2026, 5, 1), HOUR).is_free


def test_free_for_nonprofits_keeps_the_full_price_for_statistics():
    facility = FacilityFactory(free_for_nonprofits=True)
    with_price(facility, group="nonprofit", amount="10.00", vat_percent=Decimal("0"))
    quote = price_for(facility, CustomerGroup.NONPROFIT, dt.date(2026, 5, 1), 2 * HOUR)
    assert quote.amount == 0 and quote.full_amount == Decimal("20.00") and quote.free_for_nonprofit


def test_a_price_change_does_not_rewrite_the_past():
    facility = FacilityFactory()
    with_price(facility, amount="20.00", vat_percent=Decimal("0"), valid_from=dt.date(2026, 1, 1))
    services.change_price(
        facility=facility,
        customer_group=CustomerGroup.PRIVATE,
        basis="per_hour",
        amount_eur=Decimal("30.00"),
        vat_percent=Decimal("0"),
        valid_from=dt.date(2026, 7, 1),
    )
    assert price_for(facility, "private", dt.date(2026, 6, 30), HOUR).amount == Decimal("20.00")
    assert price_for(facility, "private", dt.date(2026, 7, 1), HOUR).amount == Decimal("30.00")
    with pytest.raises(ValidationError):
        services.change_price(
            facility=facility,
            customer_group=CustomerGroup.PRIVATE,
            basis="per_hour",
            amount_eur=Decimal("1.00"),
            vat_percent=Decimal("0"),
            valid_from=dt.date(2026, 7, 1),
        )


def test_service_refuses_overlap_on_any_database():
    facility = FacilityFactory()
    with_price(facility, valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 6, 30))
    clash = Price(
        facility=facility,
        customer_group="private",
        amount_eur=1,
        vat_percent=0,
        valid_from=dt.date(2026, 6, 30),
    )
    with pytest.raises(ValidationError) as error:
        services.save_price(price=clash)
    assert error.value.messages == [str(services.PRICE_OVERLAP)]
    services.save_price(
        price=Price(
            facility=facility,
            customer_group="private",
            amount_eur=1,
            vat_percent=0,
            valid_from=dt.date(2026, 7, 1),
        )
    )
