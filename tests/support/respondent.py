"""A respondent in a real browser: fills the networking questionnaire the way a person does.

Widgets are found by the ``st-key-…`` class Streamlit gives every keyed element, and every
step waits for what a person would wait for (the counter to change, the next title to show),
never for a fixed time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, expect

from netclarity.loading.loader import load_file
from netclarity.questionnaire import Questionnaire

ROOT = Path(__file__).resolve().parents[2]
NETWORKING = load_file(ROOT / "questions" / "networking_clarity.yaml").questionnaire
TIMEOUT = 20_000


def keyed(page: Page, key: str) -> str:
    return f".st-key-{key}"


@dataclass
class Respondent:
    page: Page
    questionnaire: Questionnaire = NETWORKING

    def title(self, text: str) -> None:
        expect(self.page.locator("h1").first).to_have_text(text, timeout=TIMEOUT)

    def wait_idle(self) -> None:
        """Wait until Streamlit has finished the rerun an interaction started."""
        self.page.wait_for_load_state("networkidle")
        expect(self.page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT)

    def choose(self, question: str, option_label: str) -> None:
        self.page.locator(keyed(self.page, f"q-{question}")).get_by_text(
            option_label, exact=True
        ).click()
        self.wait_idle()

    def amount(self, question: str, option: str, value: float) -> None:
        box = self.page.locator(f"{keyed(self.page, f'q-{question}-{option}')} input")
        # a rerun that shows a new question can leave the old box on screen for a moment
        expect(box).to_have_count(1, timeout=TIMEOUT)
        box.fill(f"{value:g}")
        box.press("Enter")
        expect(box).to_have_value(re.compile(rf"^{value:g}(\.0+)?$"), timeout=TIMEOUT)
        self.wait_idle()

    def segment(self, question: str, row: str, column_label: str) -> None:
        container = self.page.locator(keyed(self.page, f"q-{question}-{row}"))
        container.locator("label").filter(has_text=column_label).first.click()
        self.wait_idle()

    def pills(self, question: str, *labels: str) -> None:
        container = self.page.locator(keyed(self.page, f"q-{question}"))
        for label in labels:
            container.get_by_text(label, exact=True).click()
            self.wait_idle()

    def type_text(self, question: str, text: str) -> None:
        box = self.page.locator(
            f"{keyed(self.page, f'q-{question}')} input, "
            f"{keyed(self.page, f'q-{question}')} textarea"
        ).first
        box.fill(text)
        box.press("Tab")
        self.wait_idle()

    def next(self, expected_title: str) -> None:
        """Press Next once the page shows one: while a rerun replaces the page, the old
        page's button can still be on screen beside the new one."""
        button = self.page.locator(".st-key-nav_next[data-stale='false'] button")
        expect(button).to_have_count(1, timeout=TIMEOUT)
        button.click()
        self.title(expected_title)

    def label(self, source: str, item_id: str) -> str:
        options = self.questionnaire.goals if source == "goals" else self.questionnaire.channels
        return next(o.label for o in options if o.id == item_id)

    def column(self, question_id: str, column_id: str) -> str:
        question = self.questionnaire.question(question_id)
        return next(c.label for c in question.columns if c.id == column_id)  # type: ignore[union-attr]

    def option(self, question_id: str, option_id: str) -> str:
        return next(
            o.label
            for o in self.questionnaire.choices(self.questionnaire.question(question_id))
            if o.id == option_id
        )
