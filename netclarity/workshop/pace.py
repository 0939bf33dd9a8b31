"""Who moves a workshop room on, and so which pages a participant may see now.

Self-paced, every page is open, as for anyone answering alone. Facilitator-paced, the room
moves section by section (``Questionnaire.paced_sections``): the pages of the sections up
to the open one (``Workshop.open_section``) are open, later ones are not shown at all, and
a participant who has answered everything open waits for the next section. Once the
facilitator ends the sections (the open section is past the last), every page is open and
results are shown; before that, a paced participant's results wait, so the room sees them
together at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netclarity.questionnaire import Questionnaire

# Every participant's page asks these questions (through ``netclarity.ui.workshop_pace``,
# which app.py imports on every start), so the workshop store and SQLAlchemy are imported
# only once there is a workshop to ask about (benchmarks/bench_cold_start.py).
if TYPE_CHECKING:
    from netclarity.workshop.store import Workshop


def paced(workshop: Workshop) -> bool:
    from netclarity.workshop.store import Pace

    return workshop.pace is Pace.FACILITATOR


def ended(questionnaire: Questionnaire, workshop: Workshop) -> bool:
    """The facilitator has ended the sections: everything is open, results included."""
    return workshop.open_section >= len(questionnaire.paced_sections)


def open_section(questionnaire: Questionnaire, workshop: Workshop) -> int | None:
    """The index of the section the room is on, or None when not paced or ended."""
    if not paced(workshop) or ended(questionnaire, workshop):
        return None
    return workshop.open_section


def open_pages(questionnaire: Questionnaire, workshop: Workshop) -> int:
    """How many pages, from the first, a participant may see now."""
    index = open_section(questionnaire, workshop)
    return len(questionnaire.pages) if index is None else questionnaire.section_end(index)


def results_held(questionnaire: Questionnaire, workshop: Workshop) -> bool:
    """A paced room's results wait until the facilitator ends the sections."""
    return open_section(questionnaire, workshop) is not None
