"""HTML -> PDF with the system Chromium's print-to-PDF.

Chromium lays the page out with the fonts installed on the machine: Korean text
needs a Korean font (Debian `fonts-nanum`, which `.ci/run` installs); the PDF
embeds the glyphs with their Unicode mapping, so the text can be searched and
extracted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 120


class PdfError(RuntimeError):
    """Chromium is missing or could not print the page."""


def chromium() -> str:
    path = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chrome")
    if path is None:
        raise PdfError("no Chromium found: install Debian's chromium or set BROWSER_PATH")
    return path


def html_to_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Print `html_path` (a local file) to `pdf_path` (A4, no browser header/footer)."""
    with tempfile.TemporaryDirectory(prefix="carsight-pdf-") as profile:
        tmp_pdf = Path(profile) / "out.pdf"
        command = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={tmp_pdf}",
            html_path.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise PdfError(f"Chromium did not finish printing in {TIMEOUT_S} s") from exc
        if not tmp_pdf.is_file() or tmp_pdf.stat().st_size == 0:
            detail = (done.stderr or "").strip().splitlines()[-1:] or ["no output"]
            raise PdfError(f"Chromium wrote no PDF (exit {done.returncode}): {detail[0]}")
        shutil.move(str(tmp_pdf), pdf_path)
    return pdf_path
