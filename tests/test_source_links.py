"""Every source gives the reader somewhere to find it: a URL or a DOI.

A bare identifier ("J Palliat Med 2009;12:195") leaves a nursing student unable to check a
fact. The few sources whose address the course team could not confirm are listed below,
each with the reason; a source leaves the list once its URL or DOI is found, and no new
source may join it without one.
"""

from __future__ import annotations

import re

from bonemets.data import Source, load_collection

# Sources still without a confirmed URL or DOI (searched 2026-12-01; none was invented).
NO_LINK_YET: dict[str, str] = {
    "snmmi_bone_dose": "the SNMMI bone scintigraphy dose table: no address for that table found",
    "jnm_fdg_dose": "the J Nucl Med adult FDG dose table: no address for that table found",
    "clinic_exam_times": "several clinic pages, none recorded by address",
    "ons_voice_mscc": "ONS Voice: the article read is not recorded (an ONS Voice MSCC page "
    "found gives other figures)",
    "ons_radium223": "ONS drug sheet: no address found",
    "who_ladder": "WHO 1996 book: only unofficial copies found, no WHO address",
    "parscore_guide": "ParScore guide: no address found",
    "fastfact294_oic": "Fast Fact #294: no address found",
}

DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def test_every_source_has_a_url_or_a_doi() -> None:
    sources = load_collection(Source)
    missing = sorted(
        id_ for id_, s in sources.items() if not (s.url or s.doi) and id_ not in NO_LINK_YET
    )
    assert missing == [], f"sources with neither url nor doi: {missing}"


def test_the_allow_list_only_holds_sources_still_without_a_link() -> None:
    sources = load_collection(Source)
    stale = sorted(
        id_ for id_ in NO_LINK_YET if id_ not in sources or sources[id_].url or sources[id_].doi
    )
    assert stale == [], f"remove from NO_LINK_YET (gone, or now linked): {stale}"


def test_links_are_well_formed() -> None:
    for source in load_collection(Source).values():
        if source.url:
            assert source.url.startswith(("https://", "http://")), source.id
            assert " " not in source.url, source.id
        if source.doi:
            assert DOI.match(source.doi), f"{source.id}: {source.doi!r} is not a DOI"
