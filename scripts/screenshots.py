"""Screenshot every screen of the self-guided flow at desktop and phone width.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]     (default: data/screenshots)

Starts the app on a free port with a throw-away SQLite file, walks a respondent through the
networking questionnaire in headless Chromium, and saves one full-length PNG per screen and
width — for looking at what a person sees after a change.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.test_self_guided import answer_first_half, answer_second_half  # noqa: E402
from tests.support.respondent import Respondent  # noqa: E402
from tests.support.server import AppServer  # noqa: E402

WIDTHS = {"desktop": 1280, "phone": 390}


def snap(page: Page, out: Path, name: str) -> None:
    """The whole screen: Streamlit scrolls inside the page, so grow the viewport to fit it."""
    width = page.viewport_size["width"] if page.viewport_size else 1280
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain] *')]"
        ".map(e => e.getBoundingClientRect().bottom + window.scrollY), 900)"
    )
    page.set_viewport_size({"width": width, "height": int(height) + 40})
    page.wait_for_timeout(1500)
    # charts draw after the page settles: wait until every one has drawn its marks
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')]"
        ".every(e => e.querySelector('svg.marks'))",
        timeout=60_000,
    )
    page.screenshot(path=out / f"{name}.png")
    page.set_viewport_size({"width": width, "height": 900})
    print(out / f"{name}.png")


def walk(page: Page, out: Path, width_name: str) -> None:
    r = Respondent(page)
    r.title(r.questionnaire.title)
    snap(page, out, f"{width_name}-1-welcome")
    answer_first_half(r)
    snap(page, out, f"{width_name}-2-motives")
    answer_second_half(r)
    snap(page, out, f"{width_name}-3-review")
    page.get_by_role("button", name=r.questionnaire.texts.see_results).click()
    r.title(r.questionnaire.texts.results_title)
    snap(page, out, f"{width_name}-4-results")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = AppServer(f"sqlite:///{tmp}/screens.db")
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for name, width in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    page = context.new_page()
                    page.goto(server.url)
                    walk(page, out, name)
                    context.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
