"""`carsight serve`'s start-up path: the first page is served without importing the model
libraries (scikit-learn and skops: two thirds of the start-up's CPU); the warm-up
thread imports them afterwards, under the model lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What `carsight serve` runs before and after it starts answering (app/cli/serve.py).
SCRIPT = """
import json, sys
from app import create_app
from app.serving import import_heavy_modules
from app.settings import load_settings
import callbacks.predict

app = create_app(load_settings(db=sys.argv[1], ops_db=sys.argv[2]))
import_heavy_modules()
status = app.server.test_client().get("/").status_code
heavy = ("sklearn", "skops")
before = [m for m in heavy if m in sys.modules]
callbacks.predict.warm()  # the warm-up thread's work (no trained models here)
after = [m for m in heavy if m in sys.modules]
print(json.dumps({"status": status, "before": before, "after": after}))
"""


@pytest.mark.slow  # a fresh interpreter with the app's imports
def test_the_first_page_is_served_before_the_model_libraries_are_imported(
    reference_db: Path, tmp_path: Path
):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(reference_db), str(tmp_path / "ops.sqlite")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["status"] in (200, 302)
    assert seen["before"] == []
    assert seen["after"] == ["sklearn", "skops"]
