"""Sections: the pages a facilitator-paced workshop opens together, as the file names them.

``every_type.yaml`` has three pages (basics, priorities, words); the sections go just
before its insights (line 106 onwards).
"""

from __future__ import annotations

from netclarity.loading.loader import parse
from tests.support.every_type import NAME, every_type_with, problems_after


def with_sections(sections: str) -> bytes:
    return every_type_with("insights:\n", f"sections:\n{sections}insights:\n")


def test_without_sections_each_page_is_a_section_with_its_title() -> None:
    questionnaire = parse(every_type_with("insights:\n", "insights:\n"), NAME)

    assert [(s.id, s.title, s.pages) for s in questionnaire.paced_sections] == [
        ("basics", "The basics", ["basics"]),
        ("priorities", "Priorities", ["priorities"]),
        ("words", "In your words", ["words"]),
    ]
    assert [questionnaire.section_end(i) for i in range(3)] == [1, 2, 3]


def test_named_sections_group_consecutive_pages() -> None:
    questionnaire = parse(
        with_sections(
            "  - {id: warm_up, title: Warming up, pages: [basics, priorities]}\n"
            "  - {id: talk, title: Your words, pages: [words]}\n"
        ),
        NAME,
    )

    assert [s.id for s in questionnaire.paced_sections] == ["warm_up", "talk"]
    assert [p.id for p in questionnaire.section_pages(0)] == ["basics", "priorities"]
    assert [p.id for p in questionnaire.section_pages(1)] == ["words"]
    assert questionnaire.section_end(0) == 2


def test_a_section_naming_an_unknown_page() -> None:
    assert problems_after(
        "insights:\n",
        "sections:\n  - {id: all, title: All, pages: [basics, priorities, wrods]}\ninsights:\n",
    ) == [
        "every_type.yaml:106: sections: no section holds the page 'words': each page must be "
        "in one",
        "every_type.yaml:107: section 'all'.pages.2: unknown page 'wrods' "
        "(known: basics, priorities, words)",
    ]


def test_a_page_in_two_sections_and_pages_out_of_order() -> None:
    assert problems_in_sections(
        "  - {id: first, title: First, pages: [priorities, basics]}\n"
        "  - {id: second, title: Second, pages: [words, basics]}\n"
    ) == [
        "every_type.yaml:107: section 'first'.pages.0: expected page 'basics' here: sections "
        "list the pages in the order of 'pages'",
        "every_type.yaml:108: section 'second'.pages.1: page 'basics' is already in section "
        "'first'",
    ]


def test_a_repeated_section_id_and_a_section_without_pages() -> None:
    assert problems_in_sections(
        "  - {id: first, title: First, pages: [basics, priorities]}\n"
        "  - {id: first, title: Again, pages: []}\n"
        "  - {id: last, title: Last, pages: [words]}\n"
    ) == [
        "every_type.yaml:108: section 'first'.id: duplicate section id 'first' "
        "(first used on line 107)",
        "every_type.yaml:108: section 'first'.pages: should list at least 1 item(s), not 0",
    ]


def problems_in_sections(sections: str) -> list[str]:
    return problems_after("insights:\n", f"sections:\n{sections}insights:\n")
