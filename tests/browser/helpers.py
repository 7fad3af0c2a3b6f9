"""Helpers shared by the browser tests."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from kumppani.demo.loader import DEMO_PASSWORD

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()

# The focused element's own outline and box-shadow, as the browser draws them (WCAG 2.4.7).
_FOCUS_STYLE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    element: element.outerHTML.slice(0, 120),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    boxShadow: style.boxShadow !== "none",
  };
}"""


def sign_in(page, email: str, *, password: str = DEMO_PASSWORD, lang: str = "fi") -> None:
    """Sign in through the real sign-in form, as a person would."""
    page.goto(f"/{lang}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/accounts/login/" not in page.url, f"{email} could not sign in: {page.url}"


def axe_violations(page) -> list[str]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page, one line each."""
    results = _axe.run(page, options=AXE_OPTIONS)
    return [
        f"axe {violation['id']} ({violation['impact']}): "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def assert_focus_is_visible(page) -> None:
    """The focused element shows a focus indicator: an outline or a box-shadow."""
    style = page.evaluate(_FOCUS_STYLE)
    assert style is not None, "Nothing has focus"
    assert style["outline"] or style["boxShadow"], f"No visible focus on {style['element']}"
