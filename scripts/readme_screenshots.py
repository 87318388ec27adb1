"""Copy the screenshots the browser tests take into docs/screenshots/, for the README.

The browser tests (tests/browser/) leave full-size screenshots of each page in tests/screenshots/, which
git ignores; `make screenshots` runs those tests and then this script, which scales each picture to the
README's width and keeps the top of a tall one. Run it after a change to a page, and commit the result.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
TAKEN = ROOT / "tests" / "screenshots"
SHOWN = ROOT / "docs" / "screenshots"
# each page the README shows, by the name the tests give its screenshot
PAGES = ["seed-graph", "seed-target-panel", "corpus-webgl", "query-page", "seed-report"]
WIDTH, MOST_HEIGHT = 1000, 760


def main() -> int:
    missing = [name for name in PAGES if not (TAKEN / f"{name}.png").exists()]
    if missing:
        print(f"error: no screenshot {', '.join(missing)} in {TAKEN}: run the browser tests first "
              "(make screenshots)", file=sys.stderr)
        return 1
    SHOWN.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        with Image.open(TAKEN / f"{name}.png") as im:
            im = im.convert("RGB")
            scaled = im.resize((WIDTH, round(im.height * WIDTH / im.width)), Image.LANCZOS)
            scaled = scaled.crop((0, 0, WIDTH, min(scaled.height, MOST_HEIGHT)))
            scaled.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(SHOWN / f"{name}.png", optimize=True)
        print(f"wrote {(SHOWN / f'{name}.png').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
