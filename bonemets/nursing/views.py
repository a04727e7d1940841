"""HTML for the nursing widgets: pure, cached functions from control values to markup.

Each returns one region holding a status line, a captioned table and the sources, so the
widgets only wire controls to these functions and tests compare the page with them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from bonemets.caching import course_cache
from bonemets.citations import sources_html
from bonemets.data import Source, load_collection
from bonemets.figures import table_html
from bonemets.nursing import pain, priorities, radiation

#: Shown with every pain result: the safety check before any opioid dose.
OPIOID_CHECK = (
    "Before and after each opioid dose, check how awake the patient is and their breathing. "
    "A patient who is hard to wake needs the dose held, help called and naloxone ready "
    "as the protocol says."
)
INCIDENT_PAIN = (
    "Movement-related (incident) pain breaks through regular doses: use the prescribed "
    "rescue dose, record it, and report it. Sudden new pain on moving or bearing weight "
    "may mean a fracture."
)


def _status(text: str) -> str:
    return f'<p role="status" aria-live="polite"><strong>{html.escape(text)}</strong></p>'


def _region(label: str, body: str) -> str:
    name = html.escape(label, quote=True)
    opening = f'<div class="bonemets-nursing" role="region" aria-label="{name}">'
    return f"{opening}{body}</div>"


def _short(source_ids: Iterable[str]) -> str:
    """Sources by their short names for a table cell; caveats go in the line below the table."""
    bibliography = load_collection(Source)
    return "; ".join(bibliography[s].short for s in dict.fromkeys(source_ids))


@course_cache()
def pain_view(communication: str, score: int, on_movement: bool = False) -> str:
    """Which scale fits the patient, how to use it, and what ``score`` prompts on it."""
    scale = pain.scale_for(communication)
    rows: list[tuple[str, str, str]] = [
        ("Scale", f"{scale.name}: {scale.lay_name}", _short(scale.sources)),
        ("How to use it", scale.how, _short(scale.sources)),
    ]
    try:
        band = scale.band(score)
    except ValueError as problem:
        status = f"{scale.name}: a score of {score} cannot be recorded on this scale."
        rows.append(("Score", str(problem), _short(scale.sources)))
    else:
        status = f"{scale.name}: a score of {score} means {band.label.lower()}."
        rows.append((f"Score {score}", band.label, _short(scale.sources)))
        rows.append(("What it prompts", band.action, _short(scale.sources)))
        if scale.bands_note:
            rows.append(("Caution", scale.bands_note, _short(scale.sources)))
    cited = [*scale.sources, "aspmn_sedation2011"]
    if on_movement:
        movement_sources = ["who2018_cancer_pain", "pathological_fracture_signs"]
        rows.append(("Pain on movement", INCIDENT_PAIN, _short(movement_sources)))
        cited += movement_sources
    rows.append(("Before any opioid dose", OPIOID_CHECK, _short(["aspmn_sedation2011"])))
    table = table_html(
        ["Step", "What to do", "Source"],
        rows,
        caption=f"Pain assessment with the {scale.name}",
    )
    return _region(
        "Pain assessment result",
        _status(status) + table + f"<p>{sources_html(dict.fromkeys(cited))}</p>",
    )


@course_cache()
def mscc_view(chosen: tuple[str, ...] = (), checked: bool = False) -> str:
    """Feedback on the ticked first-hour actions, once the reader asks for it."""
    if not checked:
        count = len(chosen)
        noun = "action" if count == 1 else "actions"
        return _region(
            "Cord compression feedback",
            _status(
                f"{count} {noun} ticked. Press 'Check my choices' when you are ready "
                "for feedback on each action."
            ),
        )
    result = priorities.feedback(chosen)
    right = result.count("chosen_right")
    unsafe = result.count("chosen_unsafe")
    summary = (
        f"You chose {right} of the {result.needed} first-hour actions and "
        f"{unsafe} unsafe {'action' if unsafe == 1 else 'actions'}."
    )
    if result.complete:
        summary += " All first-hour actions chosen and nothing unsafe."
    rows = [
        (
            o.action.text,
            "Ticked" if o.outcome in {"chosen_right", "chosen_unsafe"} else "Not ticked",
            priorities.OUTCOME_LABELS[o.outcome],
            o.action.rationale,
            _short(o.action.sources),
        )
        for o in result.outcomes
    ]
    table = table_html(
        ["Action", "Your choice", "Feedback", "Why", "Source"],
        rows,
        caption="Suspected cord compression: feedback on each action for the first hour",
    )
    cited = dict.fromkeys(s for o in result.outcomes for s in o.action.sources)
    return _region(
        "Cord compression feedback",
        _status(summary) + table + f"<p>{sources_html(cited)}</p>",
    )


@course_cache()
def radiation_view(site_id: str) -> str:
    """The side effects to prepare a patient for, for radiation to one site."""
    chosen = radiation.site(site_id)
    rows = [(e, "Common wherever radiation is given") for e in chosen.common_effects] + [
        (e, f"Listed for the {chosen.area.lower()} area") for e in chosen.area_effects
    ]
    count = len(rows)
    table = table_html(
        ["Possible side effect", "Why it may happen"],
        rows,
        caption=f"Radiation to {chosen.site.lower()}: side effects to prepare the patient for",
        row_headers=False,
    )
    note = f"<p>{html.escape(chosen.note)}</p>" if chosen.note else ""
    return _region(
        "Radiation side effects",
        _status(f"Radiation to {chosen.site.lower()}: {count} possible side effects.")
        + table
        + note
        + f"<p>{sources_html(chosen.sources)}</p>",
    )
