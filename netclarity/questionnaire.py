"""The questionnaire as typed, frozen objects — the single source of everything a user reads.

A YAML file is validated once into these models (see ``netclarity.loading.loader``); the rest of the
app only ever sees a ``Questionnaire`` that is known to be consistent: every id unique, every
reference resolvable, every text present. Unknown keys are errors, not silently ignored, so a
typo in a coach's file is caught instead of quietly changing behaviour.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from netclarity import bidi
from netclarity.texts import (
    ChartTexts,
    CheckinTexts,
    NumberTexts,
    PaceTexts,
    ReportTexts,
    Text,
    Wording,
    WorkshopTexts,
)

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=64,
        description="lower-case letters, digits and underscores, starting with a letter",
    ),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Model):
    """A choice a respondent can pick; ``id`` is stored, ``label`` is shown."""

    id: Id
    label: Text
    help: Text | None = None


class Goal(Option):
    """A purpose a person can network for (Barbara's list and the seed's additions)."""

    short: Text | None = Field(None, description="short label for charts; defaults to label")

    @property
    def chart_label(self) -> str:
        return self.short or self.label


class Channel(Option):
    """Where networking time and money go."""

    mode: Literal["face_to_face", "online", "phone"]
    short: Text | None = Field(None, description="short label for charts; defaults to label")

    @property
    def chart_label(self) -> str:
        return self.short or self.label


OptionSource = Literal["goals", "channels"]
Scalar = str | int | float | bool


class Condition(Model):
    """Show a question only when an earlier answer matches.

    Exactly one test is given with ``question`` (``equals``, ``not_equals``, ``in``,
    ``includes``, ``greater_than``, ``less_than``), or ``answered`` alone names a question
    that must have any answer.
    """

    question: Id | None = None
    answered: Id | None = None
    equals: Scalar | None = None
    not_equals: Scalar | None = None
    in_: list[Scalar] | None = Field(None, alias="in")
    includes: Scalar | None = Field(None, description="a multiple choice answer includes it")
    greater_than: float | None = None
    less_than: float | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [
            name
            for name in ("equals", "not_equals", "in_", "includes", "greater_than", "less_than")
            if getattr(self, name) is not None
        ]
        if self.answered is not None:
            if self.question is not None or tests:
                raise ValueError("'answered' stands alone: give either 'answered' or 'question'")
        elif self.question is None:
            raise ValueError("a condition needs 'question' (with a test) or 'answered'")
        elif len(tests) != 1:
            raise ValueError(
                "give exactly one test with 'question': equals, not_equals, in, includes, "
                "greater_than or less_than"
            )
        return self

    @property
    def subject(self) -> str:
        """The id of the question this condition looks at."""
        return self.answered or self.question or ""


class QuestionBase(Model):
    id: Id
    label: Text = Field(description="the question as the respondent reads it")
    help: Text | None = None
    required: bool = False
    show_if: Condition | list[Condition] | None = Field(
        None, description="shown only when the condition (or every condition in a list) holds"
    )

    @property
    def conditions(self) -> tuple[Condition, ...]:
        if self.show_if is None:
            return ()
        if isinstance(self.show_if, Condition):
            return (self.show_if,)
        return tuple(self.show_if)


class WithOptions(QuestionBase):
    """A question whose options are listed, or are the questionnaire's goals or channels."""

    options: list[Option] | None = None
    of: OptionSource | None = None

    @model_validator(mode="after")
    def _options_or_of(self) -> WithOptions:
        if (self.options is None) == (self.of is None):
            raise ValueError("give either 'options' (a list) or 'of' (goals or channels)")
        if self.options is not None and not self.options:
            raise ValueError("'options' is empty; list at least one option")
        return self


class SingleChoice(WithOptions):
    type: Literal["single_choice"]
    horizontal: bool = False


class MultipleChoice(WithOptions):
    type: Literal["multiple_choice"]
    min_selections: int = Field(0, ge=0)
    max_selections: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _range(self) -> MultipleChoice:
        if self.max_selections is not None and self.max_selections < self.min_selections:
            raise ValueError("max_selections is smaller than min_selections")
        return self


class Likert(QuestionBase):
    type: Literal["likert"]
    points: list[Text] = Field(min_length=2, max_length=11, description="labels, low to high")
    not_applicable: Text | None = Field(None, description="label of an extra 'does not apply'")


class NumberQuestion(QuestionBase):
    """A number typed in (``number``) or picked on a ``slider``."""

    type: Literal["number", "slider"]
    min: float = 0
    max: float
    step: float = Field(1, gt=0)
    unit: Text | None = None

    @model_validator(mode="after")
    def _range(self) -> NumberQuestion:
        if self.max <= self.min:
            raise ValueError("max must be greater than min")
        return self


class Allocation(WithOptions):
    """Share a constant sum (``total``) over the options, or enter free amounts per option.

    ``role`` marks the answer the scoring uses: ``goals`` (stated goal weights), ``mix``
    (hours per channel) or ``money`` (spend per channel).
    """

    type: Literal["allocation"]
    total: float | None = Field(None, gt=0, description="constant sum; omit for free amounts")
    unit: Text | None = None
    step: float = Field(1, gt=0)
    max_each: float = Field(1000, gt=0, description="the largest amount for one option")
    role: Literal["goals", "mix", "money"] | None = None


class Ranking(WithOptions):
    """Put options in order; works by tapping up/down, no dragging needed on a phone."""

    type: Literal["ranking"]


class Column(Option):
    """A column of a choice matrix."""

    shows: list[Id] = Field(
        default_factory=list,
        description="in an 'outcomes' matrix: the goals this outcome shows a place serving "
        "(a place that brought clients serves 'clients', whatever the fit table says)",
    )


class ChoiceMatrix(QuestionBase):
    """One choice per row, e.g. 'want / should / both' per channel."""

    type: Literal["choice_matrix"]
    rows: OptionSource | list[Option]
    columns: list[Column] = Field(min_length=2)
    only_rows_used_in: Id | None = Field(
        None, description="show only rows given an amount above zero in this allocation"
    )
    role: Literal["motive", "outcomes"] | None = Field(
        None,
        description="'motive': columns include 'should'/'want' (obligation analysis); "
        "'outcomes': what each channel brought",
    )


PLACEHOLDER_WIDTH = 30
"""About what fits a text box on a 390 px phone, in columns (a wide East Asian character
takes two); a browser cuts a longer placeholder, so it is shown as the example instead."""


class TextQuestion(QuestionBase):
    """A text box. An example answer goes in ``example``, shown whole above the box and still
    there while the person types; ``placeholder`` is only a few words inside the empty box.
    A placeholder too wide for a phone's box is shown as the example (``inside_box``)."""

    type: Literal["short_text", "long_text"]
    max_length: int = Field(2000, ge=1, le=100_000)
    example: Text | None = Field(
        None, description="an example answer, shown under the help text and above the box"
    )
    placeholder: Text | None = Field(
        None,
        description=f"a few words inside the empty box (about {PLACEHOLDER_WIDTH} characters "
        "fit a phone's box; a longer one is shown above the box, like 'example')",
    )

    @property
    def inside_box(self) -> str | None:
        """The placeholder, when it fits inside a phone's text box."""
        if self.placeholder is None or _columns(self.placeholder) > PLACEHOLDER_WIDTH:
            return None
        return self.placeholder

    @property
    def above_box(self) -> str | None:
        """The example shown above the box: ``example``, else a placeholder too wide for it."""
        if self.example is not None:
            return self.example
        return self.placeholder if self.inside_box is None else None


def _columns(text: str) -> int:
    """How many columns ``text`` takes: two for a wide East Asian character, else one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class Poll(WithOptions):
    """A single choice whose results a workshop room sees live."""

    type: Literal["poll"]


Question = Annotated[
    SingleChoice
    | MultipleChoice
    | Likert
    | NumberQuestion
    | Allocation
    | Ranking
    | ChoiceMatrix
    | TextQuestion
    | Poll,
    Field(discriminator="type"),
]

QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "likert",
    "number",
    "slider",
    "allocation",
    "ranking",
    "choice_matrix",
    "short_text",
    "long_text",
    "poll",
)


class Page(Model):
    id: Id
    title: Text
    intro: Text | None = None
    questions: list[Question] = Field(min_length=1)


class Section(Model):
    """Pages a facilitator opens to a workshop room together (``sections:`` in the file).

    Without ``sections`` each page is a section of its own; with them, every page belongs to
    exactly one section, and the sections list the pages in the file's order.
    """

    id: Id
    title: Text = Field(description="what the facilitator and the projector call this section")
    pages: list[Id] = Field(min_length=1, description="ids of consecutive pages, in page order")


class Insight(Model):
    """A rule that turns scores into a plain-language finding (see ``netclarity.rules``)."""

    id: Id
    when: Text = Field(description="a condition in the rule language, e.g. mix_share(x) > 0.3")
    say: Text = Field(description="the finding; {placeholders} are filled from the scores")
    audience: Literal["person", "room"] = "person"


class Texts(Wording):
    """Every piece of interface text, with English defaults a questionnaire can override.

    The charts', the PDF's and the number conventions are nested (``netclarity.texts``).
    """

    whole_numbers: ClassVar[dict[str, frozenset[str]]] = {
        "progress": frozenset({"page", "pages"}),
        "select_at_least": frozenset({"n"}),
        "select_at_most": frozenset({"n"}),
        "minutes": frozenset({"minutes"}),
        "alignment_line": frozenset({"score"}),
        "plan_goal": frozenset({"n"}),
        "compare_intro": frozenset({"now", "before"}),
        "compare_alignment": frozenset({"now", "before"}),
        "compare_before": frozenset({"n"}),
        "kept_for": frozenset({"days"}),
        "kept_for_workshop": frozenset({"days"}),
    }

    start: Text = "Start"
    resume: Text = "Continue where I left off"
    next: Text = "Next"
    back: Text = "Back"
    review: Text = "Review my answers"
    review_title: Text = "Review your answers"
    review_intro: Text = "Check your answers. Use Edit to go back to a page and change them."
    edit: Text = "Edit"
    see_results: Text = "See my results"
    progress: Text = "Page {page} of {pages}"
    required: Text = "Please answer this question."
    required_mark: Text = "(required)"
    not_answered: Text = "Not answered"
    fix_before_next: Text = "Some answers need attention before you go on."
    saving_paused: Text = (
        "Saving is paused: we cannot reach the database right now. Your answers are kept "
        "here and will be saved as soon as it is back — please keep this tab open."
    )
    reconnecting: Text = (
        "Reconnecting to the server… Everything you have answered so far is saved, so "
        "nothing is lost: this page carries on by itself in a moment."
    )
    allocation_left: Text = "{left} {unit} left to share out"
    allocation_over: Text = "{over} {unit} too many: take some away"
    allocation_done: Text = "All {total} {unit} shared out"
    allocation_total: Text = "Total: {total} {unit}"
    allocation_unit: Text = "points"
    select_at_least: Text = "Choose at least {n}."
    select_at_most: Text = "Choose at most {n}."
    rank_up: Text = "Move up"
    rank_down: Text = "Move down"
    rank_hint: Text = "Use the arrows to put the most important first."
    too_long: Text = "This is {length} characters long; the limit is {max}."
    text_limit: Text = "Up to {max} characters."
    choose_questionnaire: Text = "Choose a questionnaire"
    broken_questionnaires: Text = "Some questionnaire files could not be loaded:"
    minutes: Text = "About {minutes} minutes"
    overview: Text = "What you'll go through"
    saved_as_you_go: Text = (
        "Every answer is saved as you give it. You'll get a private link to come back later, "
        "on any device."
    )
    run_workshop: Text = "Running a workshop? Set one up for your room"
    welcome_back: Text = "Welcome back — your answers are saved."
    start_over: Text = "Start a new questionnaire"
    start_over_note: Text = (
        "Starting afresh keeps these answers saved under your resume link above: keep it to "
        "come back to them."
    )
    resume_link_title: Text = "Your resume link"
    resume_link_help: Text = (
        "Keep this link to come back to your answers later, on any device. "
        "Anyone with the link can see your answers, so keep it private."
    )
    your_data: Text = "Your data"
    your_data_intro: Text = (
        "Your answers belong to you: take them with you as a file, continue elsewhere from "
        "that file, or delete everything stored under your link."
    )
    download_answers: Text = "Download my answers (JSON)"
    answers_file: Text = Field("{id}-answers.json", description="name of the downloaded answers")
    import_answers: Text = "Continue from a file of answers"
    import_failed: Text = "That file could not be read as answers: {problem}"
    import_problem: Text = Field(
        "it is not a file of answers downloaded here, or it was changed since",
        description="the {problem} of a translated import_failed (the details are English)",
    )
    broken_files: Text = Field(
        "Ask whoever runs this site to check these files:",
        description="before the names of broken files, when broken_questionnaires is translated",
    )
    import_other_questionnaire: Text = (
        "That file answers a questionnaire that is not available here."
    )
    delete_everything: Text = "Delete everything stored under my link"
    delete_confirm: Text = "Yes, delete all my answers, plans and rounds for good"
    deleted: Text = "Everything stored under your link has been deleted."
    retake: Text = "Start a new round"
    retake_help: Text = (
        "Coming back after a while? Answer again and see what changed since last time. "
        "Your earlier rounds are kept."
    )
    results_title: Text = "Your results"
    results_intro: Text = (
        "Here is what you said you network for, set against where your time actually goes."
    )
    alignment_label: Text = "Alignment"
    alignment_line: Text = (
        "An average hour of your networking serves the goals you gave points {score}% as well "
        "as an hour in the best place for them would. 100 means every hour is in such a place."
    )
    alignment_none: Text = (
        "You have no networking hours yet, so there is nothing to score. Your first step is a "
        "starter plan."
    )
    first_step_title: Text = "Your first step"
    first_step_keep_going: Text = (
        "Nothing needs to move: your hours go to places you want to be in, that bring you "
        "something and fit the goals you gave points. Check in again in a few months."
    )
    first_step_no_move: Text = (
        "There is no better place to move hours to yet. Before changing anything, decide what "
        "you want from each place below, and try it with that purpose for three months."
    )
    first_step_starter: Text = (
        "A starter plan: {hours} hours a month in each of the places that fit your goals best. "
        "Try them for three months, then see what they brought."
    )
    first_step_intro: Text = (
        "Move {moved} of your {total} hours a month. Alignment would go from {before} to {after}."
    )
    first_step_take: Text = "Take {hours} h a month from {place}: {reasons}."
    first_step_give: Text = (
        "Put {hours} h into {place}: you already go there, and it serves your goals well."
    )
    first_step_trial: Text = (
        "Try {place} for {hours} h a month: it fits your goals well, so give it a few months "
        "before committing more."
    )
    reason_should: Text = "you go because you feel you should"
    reason_nothing: Text = "it has brought nothing much yet"
    reason_low: Text = "an hour there does less for your goals than it would elsewhere"
    reason_separator: Text = Field(", and ", description="between the reasons for taking hours")
    missing_answers: Text = "Your results need a few more answers: {what}."
    missing_goals: Text = "what you network for"
    missing_mix: Text = "where your hours go"
    go_answer: Text = "Answer them now"
    findings_title: Text = "What stands out"
    no_findings: Text = "Nothing stands out: your time and your goals are in step."
    plan_title: Text = "Your plan"
    plan_intro: Text = (
        "Decide where you will and will not go, and why. Up to three goals, then a decision "
        "for each place you spend time."
    )
    plan_goal: Text = "Goal {n}"
    plan_what: Text = "What I want to achieve"
    plan_measure: Text = "How I will know"
    plan_by: Text = "By when"
    plan_channels: Text = "Where I will and will not go"
    plan_decision: Text = "Decision"
    keep: Text = "Keep"
    grow: Text = "Grow"
    reduce: Text = "Reduce"
    stop: Text = "Stop"
    plan_hope: Text = "What I hope to achieve there"
    plan_give: Text = "What I will give to my relationships and communities"
    plan_saved: Text = "Your plan is saved as you type."
    download_pdf: Text = "Download my summary (PDF)"
    pdf_file: Text = Field("{id}-summary.pdf", description="name of the downloaded PDF")
    pdf_name: Text = "Name on the summary (optional)"
    paper: Text = "Paper size"
    paper_a4: Text = "A4"
    paper_letter: Text = "US Letter"
    compare_title: Text = "Since last time"
    compare_intro: Text = "Round {now} compared with round {before}."
    compare_alignment: Text = "Alignment went from {before} to {now}."
    compare_goal: Text = "Goal"
    compare_where: Text = "Where"
    compare_before: Text = "Round {n}"
    compare_change: Text = "Change"
    unknown_link: Text = "That link does not match any saved answers. You can start afresh below."
    database_unreachable: Text = (
        "We cannot reach the database right now. Please try again in a moment."
    )
    kept_for: Text = (
        "Once you have finished, your answers are kept for {days} days and then deleted for good."
    )
    kept_for_workshop: Text = (
        "Your workshop answers are kept for {days} days after the workshop closes and then "
        "deleted for good."
    )

    charts: ChartTexts = ChartTexts()
    report: ReportTexts = ReportTexts()
    numbers: NumberTexts = NumberTexts()
    workshop: WorkshopTexts = WorkshopTexts()
    pace: PaceTexts = PaceTexts()
    checkin: CheckinTexts = CheckinTexts()

    def alignment_meaning(self, alignment: float) -> str:
        """What an alignment score means, in a sentence: the score written in these number
        conventions (isolated in a right-to-left questionnaire), on the page, in the PDF and
        in ``score``'s output alike."""
        return self.alignment_line.format(score=self.numbers.format_number(alignment, ".0f"))


class Questionnaire(Model):
    id: Id
    version: int = Field(ge=1)
    title: Text
    description: Text | None = None
    language: str = Field("en", max_length=20, description="BCP 47 language tag")
    minutes: int | None = Field(None, ge=1, description="how long it takes, for the welcome page")
    goals: list[Goal] = []
    channels: list[Channel] = []
    fit: dict[Id, dict[Id, Annotated[int, Field(ge=0, le=3)]]] = Field(
        {}, description="channel id -> goal id -> how well the channel serves the goal (0-3)"
    )
    pages: list[Page] = Field(min_length=1)
    sections: list[Section] = Field(
        [],
        description="groups of pages a facilitator-paced workshop opens together; "
        "without it each page is a section",
    )
    insights: list[Insight] = []
    texts: Texts = Texts()

    @model_validator(mode="after")
    def _numbers_in_their_direction(self) -> Questionnaire:
        """In a right-to-left questionnaire every number is written as an isolated piece."""
        if self.right_to_left:
            numbers = self.texts.numbers.isolated()
            # frozen: the one place the loaded model is completed, before anyone sees it
            object.__setattr__(self, "texts", self.texts.model_copy(update={"numbers": numbers}))
        return self

    @property
    def right_to_left(self) -> bool:
        """Whether the questionnaire's language is written right to left (``netclarity.bidi``)."""
        return bidi.is_right_to_left(self.language)

    # --- lookups used everywhere -------------------------------------------------------
    @property
    def questions(self) -> list[Question]:
        return [q for page in self.pages for q in page.questions]

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def options_for(self, source: OptionSource | list[Option] | None) -> list[Option]:
        """The options a question offers: its own list, or the goals or channels."""
        if source == "goals":
            return list(self.goals)
        if source == "channels":
            return list(self.channels)
        return list(source or [])

    def choices(self, question: Question) -> list[Option]:
        if isinstance(question, ChoiceMatrix):
            return self.options_for(question.rows)
        if isinstance(question, WithOptions):
            return self.options_for(
                question.options if question.options is not None else question.of
            )
        return []

    @property
    def paced_sections(self) -> list[Section]:
        """The sections a paced workshop opens one by one: those named, or one per page."""
        if self.sections:
            return list(self.sections)
        return [Section(id=p.id, title=p.title, pages=[p.id]) for p in self.pages]

    def section_end(self, index: int) -> int:
        """How many pages are open once the sections up to ``index`` (from 0) are open."""
        sections = self.paced_sections
        return sum(len(s.pages) for s in sections[: index + 1])

    def section_pages(self, index: int) -> list[Page]:
        """The pages of section ``index``."""
        start = self.section_end(index - 1) if index > 0 else 0
        return self.pages[start : self.section_end(index)]

    def question_with_role(self, role: str) -> Question | None:
        for q in self.questions:
            if getattr(q, "role", None) == role:
                return q
        return None

    def fit_of(self, channel_id: str, goal_id: str) -> int:
        return self.fit.get(channel_id, {}).get(goal_id, 0)
