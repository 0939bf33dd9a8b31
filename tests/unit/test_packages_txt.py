"""``packages.txt`` (the Debian packages Streamlit Community Cloud installs) keeps in step with
the fonts ``scripts/test`` installs and the PDF uses, so a deployed app prints every script."""

from __future__ import annotations

import re
from pathlib import Path

from netclarity.report.fonts import FACES

ROOT = Path(__file__).resolve().parents[2]


def packages_txt() -> list[str]:
    lines = (ROOT / "packages.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def fonts_scripts_test_installs() -> set[str]:
    """The ``fonts-*`` entries of the ``apt_packages=(...)`` list in ``scripts/test``."""
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    listed = re.search(r"apt_packages=\(([^)]*)\)", script)
    assert listed is not None
    return {name for name in listed.group(1).split() if name.startswith("fonts-")}


def test_packages_txt_lists_the_fonts_scripts_test_installs_and_nothing_else() -> None:
    assert sorted(packages_txt()) == sorted(fonts_scripts_test_installs())


def test_every_font_the_pdf_uses_comes_from_a_package_in_packages_txt() -> None:
    assert {face.package for face in FACES} <= set(packages_txt())


def test_packages_txt_names_each_package_once_and_holds_no_comments() -> None:
    names = packages_txt()

    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", name) for name in names)
