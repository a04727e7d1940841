"""Effective doses for the dose chart: which exams, what to compare them with, in words."""

from __future__ import annotations

from dataclasses import dataclass

from bonemets.imaging.data import doses
from bonemets.imaging.records import DoseEntry

#: The exams a reference line may be drawn at; the default is the spine X-ray.
DEFAULT_REFERENCE = "dose_xray_spine"


@dataclass(frozen=True)
class DoseRow:
    """One exam as the chart and its table show it."""

    entry: DoseEntry
    low_multiple: float | None  # dose ÷ reference dose; None for non-ionizing exams
    high_multiple: float | None

    @property
    def dose_text(self) -> str:
        e = self.entry
        if not e.ionizing:
            return "No ionizing radiation"
        text = f"{fmt_msv(e.low_msv)}" + (f"–{fmt_msv(e.high_msv)}" if e.high_msv else "")
        return text + " mSv"

    @property
    def multiple_text(self) -> str:
        if self.low_multiple is None:
            return "—"
        text = fmt_multiple(self.low_multiple)
        if self.high_multiple is not None:
            text = f"{text[:-1]}–{fmt_multiple(self.high_multiple)}"
        return text


def fmt_msv(value: float | None) -> str:
    """Doses as the sources give them: 0.001, 1.5, 4.2, 25 (no false precision)."""
    if value is None:
        return ""
    return f"{value:,.3f}".rstrip("0").rstrip(".") if value < 1 else f"{value:g}"


def fmt_multiple(value: float) -> str:
    if value >= 10:
        return f"{value:,.0f}×"
    if value >= 1:
        return f"{value:.1f}×"
    return f"{value:.2g}×"


def reference_choices() -> list[tuple[str, str]]:
    """(label, id) of exams that can serve as the reference line: every ionizing one."""
    return [
        (f"{e.exam} ({fmt_msv(e.low_msv)} mSv)", e.id)
        for e in doses().values()
        if e.ionizing and e.high_msv is None
    ]


def dose_rows(reference_id: str = DEFAULT_REFERENCE) -> tuple[DoseEntry, list[DoseRow]]:
    """The reference exam and every exam, in file order, with multiples of the reference."""
    entries = doses()
    reference = entries[reference_id]
    if not reference.ionizing or reference.low_msv is None:
        raise ValueError(f"{reference_id}: a reference needs a dose above 0")
    rows = []
    for entry in entries.values():
        if entry.ionizing and entry.low_msv is not None:
            low = entry.low_msv / reference.low_msv
            high = entry.high_msv / reference.low_msv if entry.high_msv else None
            rows.append(DoseRow(entry, low, high))
        else:
            rows.append(DoseRow(entry, None, None))
    return reference, rows
