"""A bounded breadth-first crawl of the site that runs axe-core and the 320 px check on each page.

Links are followed within the site only. Pages are deduplicated by Django route per language,
so that a thousand organization pages cost one visit (`/fi/organizations/<slug:slug>/`).
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from django.urls import Resolver404, resolve
from django.utils import translation
from playwright.sync_api import Error as PlaywrightError

from tests.browser.helpers import axe_violations

LANGS = ("fi", "sv", "en")
MAX_PAGES_PER_LANGUAGE = 60
NARROW = {"width": 320, "height": 800}
SKIPPED_PREFIXES = ("/admin/", "/api/", "/media/", "/static/")
SKIPPED_PARTS = ("logout", "/export/", "download")
DOWNLOAD_SUFFIXES = (".csv", ".json", ".ics", ".xlsx", ".pdf", ".xml", ".atom", ".rss", ".zip")


@dataclass
class CrawlReport:
    visited: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, url: str, problem: str) -> None:
        self.problems.append(f"{url}\n    {problem}")


def route_key(path: str) -> tuple[str, str]:
    """(language, Django route) of a path; unresolvable paths stand for themselves."""
    parts = path.strip("/").split("/", 1)
    lang = parts[0] if parts[0] in LANGS else "-"
    try:
        with translation.override(lang if lang != "-" else "fi"):
            match = resolve(path)
    except Resolver404:
        return lang, f"unresolved {path}"
    return lang, match.route or match.view_name


def is_followable(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return False  # external, mailto:, tel:, javascript:
    path = parts.path.lower()
    unprefixed = path[3:] if path[:4] in {f"/{lang}/" for lang in LANGS} else path
    if unprefixed.startswith(SKIPPED_PREFIXES) or any(part in path for part in SKIPPED_PARTS):
        return False
    return not path.endswith(DOWNLOAD_SUFFIXES)


def crawl(page, origin: str, *, start_paths=None) -> CrawlReport:
    report = CrawlReport()
    queue = deque(origin + path for path in (start_paths or [f"/{lang}/" for lang in LANGS]))
    seen: set[tuple[str, str]] = set()
    per_language: Counter[str] = Counter()
    while queue:
        url = queue.popleft()
        key = route_key(urlsplit(url).path)
        if key in seen or per_language[key[0]] >= MAX_PAGES_PER_LANGUAGE:
            continue
        seen.add(key)
        per_language[key[0]] += 1
        links = _check_page(page, url, report)
        seen.add(route_key(urlsplit(page.url).path))  # where a redirect ended
        for link in links:
            link = urldefrag(link).url
            if is_followable(link, origin) and route_key(urlsplit(link).path) not in seen:
                queue.append(link)
    return report


def _check_page(page, url: str, report: CrawlReport) -> list[str]:
    try:
        response = page.goto(url)
    except PlaywrightError as error:
        if "Download is starting" in str(error):
            return []  # a file, not a page
        raise
    report.visited.append(url)
    if response is None:
        return []
    if response.status >= 400:
        report.add(url, f"HTTP {response.status} (reached from a link)")
        return []
    if "text/html" not in response.headers.get("content-type", ""):
        return []
    for violation in axe_violations(page):
        report.add(url, violation)
    page.set_viewport_size(NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        report.add(url, f"scrolls sideways at 320 px: scrollWidth {width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
