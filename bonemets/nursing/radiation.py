"""Radiation side effects by the part of the body treated, from course data."""

from __future__ import annotations

from dataclasses import dataclass

from bonemets.data import load_collection


@dataclass(frozen=True)
class RadiationSite:
    id: str
    site: str  # where the bone metastasis is, in the reader's words
    area: str  # the part of the body the source's table names
    common_effects: tuple[str, ...]  # seen with radiation to any part of the body
    area_effects: tuple[str, ...]  # from the organs near this part of the body
    sources: tuple[str, ...]
    note: str | None = None

    @property
    def effects(self) -> tuple[str, ...]:
        return self.common_effects + self.area_effects


def sites() -> list[RadiationSite]:
    return list(load_collection(RadiationSite).values())


def site(site_id: str) -> RadiationSite:
    return load_collection(RadiationSite)[site_id]
