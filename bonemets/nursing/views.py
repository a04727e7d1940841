"""HTML for the nursing widgets: pure, cached functions from control values to markup.

Each returns one region holding a status line, a captioned table and the sources, so the
widgets only wire controls to these functions and tests compare the page with them.
"""

from __future__ import annotations

import html

from bonemets.caching import course_cache
from bonemets.citations import sources_html, sources_text
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
    return f'<div role="region" aria-label="{html.escape(label, quote=True)}">{body}</div>'


@course_cache()
def pain_view(communication: str, score: int, on_movement: bool = False) -> str:
    """Which scale fits the patient, how to use it, and what ``score`` prompts on it."""
    scale = pain.scale_for(communication)
    rows: list[tuple[str, str, str]] = [
        ("Scale", f"{scale.name}: {scale.lay_name}", sources_text(scale.sources)),
        ("How to use it", scale.how, sources_text(scale.sources)),
    ]
    try:
        band = scale.band(score)
    except ValueError as problem:
        status = f"{scale.name}: a score of {score} cannot be recorded on this scale."
        rows.append(("Score", str(problem), sources_text(scale.sources)))
    else:
        status = f"{scale.name}: a score of {score} means {band.label.lower()}."
        rows.append((f"Score {score}", band.label, sources_text(scale.sources)))
        rows.append(("What it prompts", band.action, sources_text(scale.sources)))
        if scale.bands_note:
            rows.append(("Caution", scale.bands_note, sources_text(scale.sources)))
    cited = [*scale.sources, "aspmn_sedation2011"]
    if on_movement:
        movement_sources = ["who2018_cancer_pain", "pathological_fracture_signs"]
        rows.append(("Pain on movement", INCIDENT_PAIN, sources_text(movement_sources)))
        cited += movement_sources
    rows.append(("Before any opioid dose", OPIOID_CHECK, sources_text(["aspmn_sedation2011"])))
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
            sources_text(o.action.sources),
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
    effects = "; ".join(e.lower() for e in chosen.effects)
    table = table_html(
        ["Possible side effect"],
        [(effect,) for effect in chosen.effects],
        caption=f"Radiation to {chosen.site.lower()} (the {chosen.area.lower()} area): "
        "side effects to prepare for",
    )
    note = f"<p>{html.escape(chosen.note)}</p>" if chosen.note else ""
    return _region(
        "Radiation side effects",
        _status(f"{chosen.site}: {effects}.")
        + table
        + note
        + f"<p>{sources_html(chosen.sources)}</p>",
    )
