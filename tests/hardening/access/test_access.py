"""Who can read whose answers: only the holder of a resume link, and nobody by accident.

That tokens carry 256 random bits and only their SHA-256 is stored is tested where they are
made: ``tests/db/test_store_privacy.py`` (at least 128 bits, all different, only the hash in
the database and nowhere in the SQLite files). Here: the running app keeps people apart,
refuses unknown links plainly, keeps Streamlit's XSRF protection on, and never renders HTML
it did not write itself.
"""

from __future__ import annotations

import ast
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from netclarity.questionnaire import Texts
from tests.browser.conftest import DESKTOP
from tests.browser.test_nothing_lost import token_of
from tests.hardening.steps import start_in_browser
from tests.support.server import AppServer

ROOT = Path(__file__).resolve().parents[3]


def review(page: Page, url: str, story: str) -> str:
    """A new respondent who wrote ``story``, on the review page; returns their token."""
    r = start_in_browser(page, url)
    r.type_text("story", story)
    r.next("Review your answers")
    expect(page.get_by_test_id("stMain").get_by_text(story)).to_be_visible()
    return token_of(page)


def test_two_people_on_one_server_never_see_each_others_answers(
    browser: Any, free_text_server: AppServer
) -> None:
    alice_tab = browser.new_context(viewport=DESKTOP).new_page()
    bob_tab = browser.new_context(viewport=DESKTOP).new_page()
    alice = review(alice_tab, free_text_server.url, "Alice: the breakfast club is a chore")
    bob = review(bob_tab, free_text_server.url, "Bob: LinkedIn groups bring my clients")

    alice_tab.reload()
    bob_tab.reload()

    assert alice != bob
    for tab, own, other in ((alice_tab, "Alice:", "Bob:"), (bob_tab, "Bob:", "Alice:")):
        main = tab.get_by_test_id("stMain")
        expect(main.get_by_text(own)).to_be_visible()
        expect(main.get_by_text(other)).to_have_count(0)
    alice_tab.context.close()
    bob_tab.context.close()


def test_a_wrong_resume_link_says_it_matches_nothing_and_shows_nothing(
    browser: Any, free_text_server: AppServer
) -> None:
    owner = browser.new_context(viewport=DESKTOP).new_page()
    token = review(owner, free_text_server.url, "Carol: I network to learn")
    stranger = browser.new_context(viewport=DESKTOP).new_page()
    main = stranger.get_by_test_id("stMain")

    for wrong in (
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character changed
        token[:22],  # cut short
        "<script>alert(1)</script>",
    ):
        stranger.goto(f"{free_text_server.url}/?resume={quote(wrong)}")

        expect(main.get_by_text(Texts().unknown_link)).to_be_visible()
        expect(main.get_by_text("Carol:")).to_have_count(0)
        assert "resume=" not in stranger.url
    owner.context.close()
    stranger.context.close()


def test_streamlit_xsrf_protection_is_on_in_the_shared_settings() -> None:
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))

    assert settings["server"]["enableXsrfProtection"] is True


def test_the_running_app_refuses_an_upload_without_the_xsrf_token(
    free_text_server: AppServer,
) -> None:
    upload = urllib.request.Request(
        f"{free_text_server.url}/_stcore/upload_file/some-session/some-file",
        data=b'{"questionnaire": "free_text", "version": 1}',
        method="PUT",
    )

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(upload)

    assert refused.value.code == 403


SOURCES = sorted(
    [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "netclarity").rglob("*.py")]
)


def raw_html_calls(source: str) -> list[int]:
    """Calls that render HTML as HTML from anything but a string written in the code.

    That is ``unsafe_allow_html`` set to anything but ``False``, and ``st.html`` or
    ``components.html``. What they render must be a literal string, or the name of a
    module-level constant that is one (``st.html(PRESENT_STYLE)``).
    """
    tree = ast.parse(source)
    constants = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        unsafe = any(
            k.arg == "unsafe_allow_html"
            and not (isinstance(k.value, ast.Constant) and k.value.value is False)
            for k in node.keywords
        )
        html = isinstance(node.func, ast.Attribute) and node.func.attr == "html"
        content = node.args[0] if node.args else None
        written = isinstance(content, ast.Constant) or (
            isinstance(content, ast.Name) and content.id in constants
        )
        if (unsafe or html) and not written:
            found.append(node.lineno)
    return found


def test_the_check_finds_html_made_from_data_and_allows_html_written_in_the_code() -> None:
    source = """
STYLE = "<style>.x { color: red; }</style>"
st.html(STYLE)
st.markdown("<br>", unsafe_allow_html=True)
st.markdown(answer, unsafe_allow_html=False)
st.markdown(answer, unsafe_allow_html=True)
st.html(f"<b>{name}</b>")
components.html(page)
"""
    assert raw_html_calls(source) == [6, 7, 8]


def test_no_html_is_rendered_from_anything_but_a_constant_in_the_code() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in SOURCES
        for line in raw_html_calls(path.read_text("utf-8"))
    ]

    assert len(SOURCES) > 20
    assert found == []
