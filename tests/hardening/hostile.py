"""Text that people (or a client that is not a browser) may put into a free-text field.

Each entry probes one way text can turn into something else on its way through the app:
HTML and Markdown that a renderer could execute or format, formulas a spreadsheet would run,
characters that reorder or hide text, characters some systems refuse, and sheer length.
"""

from __future__ import annotations

HOSTILE: dict[str, str] = {
    "script tag": "<script>alert(1)</script>",
    "image with onerror": "<img src=x onerror=alert(1)>",
    "markdown link": "[click](javascript:alert(1))",
    "markdown image": "![x](http://evil.invalid/x.png)",
    "markdown bold": "**bold** __also bold__",
    "html entities": "&lt;b&gt;not bold&lt;/b&gt; &amp;",
    "latex": "$x^2$ and $$y$$",
    "streamlit directives": ":red[red] :material/home: :rainbow[x]",
    "spreadsheet hyperlink": '=HYPERLINK("http://x","y")',
    "spreadsheet command": "+cmd|' /C calc'!A0",
    "at formula": "@SUM(1)",
    "right to left": "شبكة العلاقات \u202eabc\u202c עברית",
    "zero width": "a\u200bb\u200cc\u200dd\ufeffe\u2060f",
    "control characters": "tab\tbell\x07escape\x1b",
    "nul": "before\x00after",
    "emoji": "🤝🏽 👩\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 🇬🇧 ✔︎",
    "markdown blocks": "first\n\n  - not a list\n# not a heading\n    not code",
}

SINGLE_LINE = {name: text for name, text in HOSTILE.items() if "\n" not in text}
"""What fits a one-line field (a browser's text input cannot hold a line break)."""

TYPEABLE = {
    name: text for name, text in HOSTILE.items() if name not in ("nul", "control characters")
}
"""What a person can type or paste in Chromium (it keeps no NUL or terminal escape codes)."""

LONG = ("Give first, then ask. " * 4546)[: 100_000 - 3] + "END"
"""100,000 characters: the largest limit a questionnaire may give a text question."""

assert len(LONG) == 100_000
