"""The axe-core accessibility audit, from the npm package pinned in package-lock.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

from course_browser.lab import REPO_ROOT

AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

# The notebook's outputs only: the course owns these, JupyterLab owns the rest.
OUTPUTS_ONLY = {"include": [[".jp-Notebook .jp-OutputArea-output"]]}
# Everything except the outputs: what axe says about JupyterLab itself.
LAB_ONLY = {"exclude": [[".jp-OutputArea-output"]]}


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        where = "; ".join(self.targets[:5])
        more = f" (+{len(self.targets) - 5} more)" if len(self.targets) > 5 else ""
        return f"[{self.impact}] {self.rule}: {self.help} at {where}{more}"


def axe_path() -> Path | None:
    """axe.min.js if ``npm ci`` has installed it, else None."""
    return AXE_JS if AXE_JS.is_file() else None


def run_axe(page: Page, context: dict[str, Any]) -> list[Violation]:
    """Inject axe (once per page) and return its violations within ``context``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (context) => {
          const r = await window.axe.run(context, {resultTypes: ['violations']});
          return r.violations.map(v => ({rule: v.id, impact: v.impact || 'unknown',
            help: v.help, targets: v.nodes.map(n => n.target.join(' '))}));
        }""",
        context,
    )
    return [Violation(v["rule"], v["impact"], v["help"], tuple(v["targets"])) for v in result]


def blocking(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in BLOCKING]
