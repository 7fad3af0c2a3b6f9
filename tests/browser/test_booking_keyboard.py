"""A resident books a facility with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7, 3.3.1).

No clicks and no filling by selector: Tab, Shift+Tab, Enter, Space, the arrow keys and typed
text, as a person without a mouse would. Selectors only read the page to check where focus is and
what the page shows. Each page is also checked with axe-core, including the error and
confirmation steps, which the crawler in test_accessibility.py cannot reach (they answer a POST).
"""

import datetime as dt

import pytest
import time_machine
from playwright.sync_api import expect

from kumppani.accounts.tests.factories import PASSWORD
from kumppani.bookings.models import Booking
from kumppani.bookings.tests.factories import NOW, at, bookable_facility
from kumppani.core.decisions import DecisionStatus
from tests.browser.conftest import DESKTOP
from tests.browser.helpers import assert_focus_is_visible, axe_violations

pytestmark = pytest.mark.browser

# Chromium orders the parts of a date or time field by its own locale, not the page's: Debian's
# package has only en-US (month first, 12-hour clock). The day and month are the same number and
# the hours are 13-19 (which a 12-hour field takes as afternoon), so the same typed digits are
# right in the Finnish order too.
DAY = dt.date(2026, 9, 9)  # a Wednesday, eight days after NOW: inside the booking window
PHONE = "040 765 4321"
# Longer than its box on the booking form, which then scrolls.
TERMS = "\n\n".join(f"{n}. Jätä tila siistiksi ja lukitse ovet lähtiessäsi." for n in range(1, 31))
ACCEPT_TERMS = "Olen lukenut käyttöehdot, mukaan lukien väärinkäytön seuraamukset, ja hyväksyn ne"
IS_FOCUSED = "(elements) => elements.includes(document.activeElement)"


@pytest.fixture
def page_at_now(browser, live_server, transactional_db):
    """A page on the live server, at NOW (time ticks on, so the browser's timers still run)."""
    with time_machine.travel(NOW, tick=True):
        context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="fi-FI")
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()


def follow(page) -> None:
    """Press Enter on the focused link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_to(page, target, *, key: str = "Tab", limit: int = 60) -> None:
    """Press Tab until `target` has focus; there, the focus must be visible."""
    for _ in range(limit):
        page.keyboard.press(key)
        if target.evaluate_all(IS_FOCUSED):
            expect(target).to_be_focused()  # and only one element answers to that name
            assert_focus_is_visible(page)
            return
    pytest.fail(f"{key} never reached {target}")


def retype(page, text: str) -> None:
    """Replace what the focused field holds."""
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)


def field(page, name: str, role: str = "textbox"):
    """A form control by its accessible name (the label, without the "*" hidden from it)."""
    return page.get_by_role(role, name=name, exact=True)


def check_new_page(page) -> None:
    """No axe violations; nothing has focus yet; the first Tab stop is the skip link to main."""
    assert page.evaluate("document.activeElement === document.body"), page.url
    violations = axe_violations(page)
    assert not violations, (page.url, violations)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Siirry sisältöön")).to_be_focused()
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_a_resident_books_a_facility_with_the_keyboard_alone(page_at_now, resident):
    page = page_at_now
    facility = bookable_facility(price="20.00", terms_of_use_fi=TERMS)

    page.goto(f"/fi/facilities/{facility.slug}/")
    sign_in_on_the_way_to_the_booking_form(page, resident)
    assert page.url.endswith(f"/fi/bookings/facilities/{facility.slug}/book/")
    fill_in_everything_but_the_phone(page)
    fix_the_missing_phone(page)

    # The confirmation step shows the time and the price: 2 h × 20 € + VAT 25.5 %.
    check_new_page(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Vahvista varaus")
    details = page.locator("main dl.details")
    expect(details).to_contain_text("9.9.2026 17:00–19:00")
    expect(details).to_contain_text("50,20 €")
    expect(details).to_contain_text(f"Aino Vastuullinen, {PHONE}, aino@example.org")
    tab_to(page, page.get_by_role("button", name="Vahvista varaus"))
    follow(page)

    # The booking's own page says it is confirmed.
    booking = Booking.objects.get(facility=facility, booker=resident)
    assert page.url.endswith(f"/fi/bookings/{booking.pk}/")
    check_new_page(page)
    expect(page.get_by_role("status")).to_contain_text("Varaus on vahvistettu")
    assert (booking.start, booking.end) == (at(DAY, 17), at(DAY, 19))
    assert booking.status == DecisionStatus.APPROVED
    assert (booking.purpose, booking.people) == ("Kuoron harjoitus", 12)
    assert (
        booking.responsible_name,
        booking.responsible_phone,
        booking.responsible_email,
        booking.responsible_of_age,
    ) == ("Aino Vastuullinen", PHONE, "aino@example.org", True)


def sign_in_on_the_way_to_the_booking_form(page, resident) -> None:
    """From the facility's page: "Book this facility" asks a signed-out visitor to sign in."""
    check_new_page(page)
    tab_to(page, page.get_by_role("link", name="Varaa tämä tila"))
    follow(page)
    assert "/accounts/login/" in page.url
    check_new_page(page)
    tab_to(page, field(page, "Sähköposti"))
    page.keyboard.type(resident.email)
    tab_to(page, field(page, "Salasana"))
    page.keyboard.type(PASSWORD)
    follow(page)


def fill_in_everything_but_the_phone(page) -> None:
    check_new_page(page)
    tab_to(page, field(page, "Päivämäärä"))
    page.keyboard.type(DAY.strftime("%d%m%Y"))
    expect(field(page, "Päivämäärä")).to_have_value(DAY.isoformat())
    tab_to(page, field(page, "Alkaa"))
    page.keyboard.type("1700")
    expect(field(page, "Alkaa")).to_have_value("17:00")
    tab_to(page, field(page, "Päättyy"))
    page.keyboard.type("1900")
    expect(field(page, "Päättyy")).to_have_value("19:00")
    tab_to(page, field(page, "Käyttötarkoitus"))
    page.keyboard.type("Kuoron harjoitus")
    tab_to(page, field(page, "Henkilömäärä", "spinbutton"))
    retype(page, "12")
    tab_to(page, field(page, "Vastuuhenkilön nimi"))
    retype(page, "Aino Vastuullinen")
    tab_to(page, field(page, "Vastuuhenkilön sähköposti"))
    retype(page, "aino@example.org")
    tab_to(page, field(page, "Vastuuhenkilön puhelinnumero"), key="Shift+Tab")  # left empty
    tab_to(page, field(page, "Vastuuhenkilö on vähintään 18-vuotias", "checkbox"))
    page.keyboard.press("Space")
    # The long terms come before the box that accepts them; their box scrolls with the arrows.
    terms = page.get_by_role("region", name="Käyttöehdot")
    tab_to(page, terms)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("box => box.scrollTop > 0", arg=terms.element_handle())
    page.keyboard.press("Tab")
    expect(field(page, ACCEPT_TERMS, "checkbox")).to_be_focused()
    assert_focus_is_visible(page)
    page.keyboard.press("Space")
    expect(field(page, "Vastuuhenkilö on vähintään 18-vuotias", "checkbox")).to_be_checked()
    expect(field(page, ACCEPT_TERMS, "checkbox")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Jatka vahvistukseen"))
    follow(page)


def fix_the_missing_phone(page) -> None:
    """Focus is on the error summary; its link leads to the field; nothing typed is lost."""
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    assert_focus_is_visible(page)
    violations = axe_violations(page)
    assert not violations, (page.url, violations)
    expect(field(page, "Päivämäärä")).to_have_value(DAY.isoformat())
    expect(field(page, "Alkaa")).to_have_value("17:00")
    expect(field(page, "Päättyy")).to_have_value("19:00")
    expect(field(page, "Käyttötarkoitus")).to_have_value("Kuoron harjoitus")
    expect(field(page, "Henkilömäärä", "spinbutton")).to_have_value("12")
    expect(field(page, "Vastuuhenkilön nimi")).to_have_value("Aino Vastuullinen")
    expect(field(page, "Vastuuhenkilön sähköposti")).to_have_value("aino@example.org")
    expect(field(page, "Vastuuhenkilö on vähintään 18-vuotias", "checkbox")).to_be_checked()
    expect(field(page, ACCEPT_TERMS, "checkbox")).to_be_checked()

    page.keyboard.press("Tab")
    error_link = summary.get_by_role("link")  # the only error
    expect(error_link).to_be_focused()
    expect(error_link).to_contain_text("Vastuuhenkilön puhelinnumero")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    phone = field(page, "Vastuuhenkilön puhelinnumero")
    expect(phone).to_be_focused()
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(phone).to_have_accessible_description("Tämä kenttä vaaditaan.")
    page.keyboard.type(PHONE)
    tab_to(page, page.get_by_role("button", name="Jatka vahvistukseen"))
    follow(page)
