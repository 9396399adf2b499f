"""`python -m geodata.build`: build the gazetteer cache now (set-up time) instead of on first use."""
from __future__ import annotations

import time

from geodata.gazetteer import cache_path, load


def main() -> None:
    started = time.perf_counter()
    existed = cache_path().exists()
    gazetteer = load()
    verb = "found" if existed else "built"
    print(f"gazetteer {gazetteer.version} {verb} at {cache_path()}: {len(gazetteer):,} places, "
          f"{len(gazetteer.names):,} names, {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
