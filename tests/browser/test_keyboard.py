"""The site works from the keyboard alone: skip link first, language switcher operable."""

import pytest

pytestmark = pytest.mark.browser

FOCUSED = "document.activeElement"


def focused(page, expression: str):
    return page.evaluate(f"{FOCUSED} && {FOCUSED}.{expression}")


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/fi/organizations/")
    page.keyboard.press("Tab")
    assert focused(page, "getAttribute('href')") == "#main"
    assert page.locator("a[href='#main']").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert focused(page, "id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.getElementById('main').contains({FOCUSED})")


@pytest.mark.parametrize("start,target", [("/fi/organizations/", "sv"), ("/sv/", "en")])
def test_the_language_switcher_works_from_the_keyboard_and_keeps_the_page(page, start, target):
    page.goto(start)
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused(page, "getAttribute('lang')") == target and focused(page, "tagName") in {
            "A",
            "BUTTON",
        }:
            break
    else:
        pytest.fail(f"No keyboard-reachable switch to {target!r} on {start}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expected = start.replace(start[:4], f"/{target}/", 1)
    assert page.url.endswith(expected)
    assert page.evaluate("document.documentElement.lang") == target
