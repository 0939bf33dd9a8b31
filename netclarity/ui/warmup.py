"""Once per server process, after the first page went out: load what later pages need.

Why: the results page and the PDF need Altair, numpy, the scoring, fpdf2, the fonts and
vl-convert's JavaScript engine; every page but a new visitor's welcome needs the store and
SQLAlchemy. Importing them at start-up would slow the first page (the welcome page needs
none of it); importing them on first use made the first person to see results after a
restart wait twice as long as everyone after. So the first run of the process starts this
in a background thread (``shell.prepare``), which waits until that run is over and the
page has had a moment to reach the browser (``AFTER_FIRST_PAGE_S``): the first page goes
out as fast as without it.

Then ``gc.freeze()``: Streamlit runs a full garbage collection after every script run
(``runner.postScriptGC``), and a full collection walks every object the process holds —
with the libraries above loaded, that was 40–120 ms per run, two runs per Next click.
Freezing moves everything alive now (modules, schemas, fonts: objects that live as long
as the process) out of the collector's sight, so each collection walks only what the
sessions made since. Nothing is switched off: sessions' garbage is collected as before.

While the thread imports, a half-imported module already sits in ``sys.modules``, and some
libraries look there instead of importing: Altair checks ``sys.modules["pandas"].Timestamp``
while turning a chart into its spec, and a results page drawn in those seconds failed with
"partially initialized module 'pandas'". An ``import`` waits for the other thread; a look in
``sys.modules`` does not. So the imports happen under one lock, and every screen that draws
charts or builds a PDF first calls ``settled()``, which takes the same lock: it waits for
the warm-up's imports, or does them itself if the warm-up has not begun.
"""

from __future__ import annotations

import gc
import importlib
import threading
import time

HEAVY = (
    "netclarity.store.store",
    "netclarity.workshop.store",
    "netclarity.workshop.data",
    "netclarity.reminder",
    "netclarity.ui.results",
    "netclarity.ui.chart_view",
    "netclarity.charts",
    "netclarity.change_charts",
    "netclarity.workshop.charts",
    "netclarity.report",
    "pandas",
    "pyarrow",
    "vl_convert",
)
"""What the store (SQLAlchemy), the calendar files, the results page, the PDF and the
room's charts import on first use (Streamlit sends a chart's data as an Arrow table, made
with pandas and pyarrow). A new visitor's first page needs none of it."""

AFTER_FIRST_PAGE_S = 1.0
"""How long the warm-up waits once the first run is over. The run's last messages still have
to leave the server and the browser to draw the page, and the imports below hold the GIL
and a core for seconds: started at once, they made the first page reach the browser
0.3-0.6 s later on a loaded two-core machine (benchmarks/bench_cold_start.py)."""

_started = threading.Event()
_lock = threading.Lock()
_importing = threading.Lock()


def start() -> None:
    """Warm up in a background thread once the calling run is over; the first call only."""
    with _lock:
        if _started.is_set():
            return
        _started.set()
    run = threading.current_thread()
    threading.Thread(target=warm, args=(run,), name="netclarity-warm-up", daemon=True).start()


def settled() -> None:
    """Return once every library in ``HEAVY`` is fully imported (importing any left here)."""
    _import_all()


def warm(after: threading.Thread | None = None) -> None:
    """Wait for ``after`` (the script run that started the warm-up; Streamlit ends a run's
    thread when the run is over) and ``AFTER_FIRST_PAGE_S`` more, unless it is the main
    thread, then load and freeze."""
    if after is not None and after is not threading.main_thread():
        after.join()
        time.sleep(AFTER_FIRST_PAGE_S)
    _import_all()
    _first_uses()
    gc.collect()
    gc.freeze()


def _import_all() -> None:
    with _importing:
        for name in HEAVY:
            importlib.import_module(name)


def _first_uses() -> None:
    """What costs a long time only the first time: Altair's schema validator, the chart
    engine, the fonts."""
    import altair as alt
    import vl_convert

    from netclarity.report.document import Document

    chart = alt.Chart({"values": [{"x": 1}]}).mark_bar().encode(x="x:Q")
    spec = chart.to_dict()  # loads and compiles the Vega-Lite schema for validation
    vl_convert.vegalite_to_png(spec, allowed_base_urls=[])  # starts the JavaScript engine
    Document(paper="a4", title="", header_left="", header_right="", page_label="")  # fonts
