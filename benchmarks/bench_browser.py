"""Browser timings per lesson, in JupyterLab in headless Chromium (prints; asserts nothing).

- Run All: seconds from choosing Run ▸ Run All Cells to every widget rendered (goal < 5 s).
- Control change: milliseconds from a control's change event in the page to the widget's
  output changing on the page, median of several changes (goal < 300 ms). Measured in the
  page with a MutationObserver, so Playwright's own round trips are not counted.

Run: ``python benchmarks/bench_browser.py [--repeat N]`` (needs chromium and a free core:
figures on a loaded machine are pessimistic).
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import time
from pathlib import Path

# The browser harness lives in tools/ (next to the gallery script), not in the course package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from course_browser.chromium import VIEWPORT, find_chromium, launched_chromium
from course_browser.course import lessons
from course_browser.lab import running_lab
from course_browser.notebook import ConsoleLog, open_notebook, run_all
from course_browser.shots import SHOTS
from course_browser.widgets import view

# Change one control in the widget and resolve with the ms until its result HTML changes
# (null after 5 s). A tick box toggles; a drop-down moves to its next option; a
# self-check picks another option and presses Check (timed from the Check press).
CHANGE_LATENCY = """async (widget) => {
  const outputs = widget.querySelectorAll('.widget-html-content');
  const target = outputs[outputs.length - 1];
  const box = widget.querySelector('input[type=checkbox]');
  const select = widget.querySelector('select');
  const radios = [...widget.querySelectorAll('input[type=radio]')];
  if (!box && !select && radios.length) {
    const next = radios[(radios.findIndex(r => r.checked) + 1) % radios.length];
    next.click();
    await new Promise(r => setTimeout(r, 100));
  }
  const done = new Promise(resolve => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      observer.disconnect(); resolve(performance.now() - started);
    });
    observer.observe(target, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
  });
  if (box) { box.click(); }
  else if (select) {
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    select.dispatchEvent(new Event('change', {bubbles: true}));
  } else { [...widget.querySelectorAll('button')].find(b => !b.disabled).click(); }
  return await done;
}"""


def bench(repeat: int) -> int:
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found; nothing measured", file=sys.stderr)
        return 2
    rows = []
    started = time.perf_counter()
    with running_lab() as lab, launched_chromium(chromium) as browser:
        print(f"JupyterLab answering after {time.perf_counter() - started:.1f} s")
        for name in lessons():
            stem = name.removesuffix(".ipynb")
            context = browser.new_context(viewport=VIEWPORT)
            try:
                page = context.new_page()
                console = ConsoleLog()
                page.on("console", console.on_console)
                open_notebook(page, lab, f"notebooks/{name}", f"bench-{stem}")
                run_seconds = run_all(page)
                shot = SHOTS.get(stem)
                latencies: list[float] = []
                if shot:
                    widget = view(page, shot.cell).element_handle()
                    for _ in range(repeat):
                        latency = page.evaluate(CHANGE_LATENCY, widget)
                        if latency is None:
                            print(f"{stem}: no change on the page within 5 s")
                        else:
                            latencies.append(latency)
                        page.wait_for_timeout(50)
                rows.append((stem, run_seconds, latencies))
                for message in console.errors + console.ignored:
                    print(f"console error in {stem}: {message[:200]}")
            finally:
                context.close()
    print(f"\n{'lesson':<28} {'Run All→rendered (s)':>21} {'change→output median (ms)':>27}")
    for stem, run_seconds, latencies in rows:
        median = f"{statistics.median(latencies):.0f}" if latencies else "n/a"
        spread = f" ({min(latencies):.0f}–{max(latencies):.0f})" if latencies else ""
        print(f"{stem:<28} {run_seconds:>21.2f} {median + spread:>27}")
    return 0


def main() -> int:
    # A plain `kill` (or `timeout`) still runs the clean-up that stops Lab and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="control changes per lesson")
    return bench(parser.parse_args().repeat)


if __name__ == "__main__":
    sys.exit(main())
