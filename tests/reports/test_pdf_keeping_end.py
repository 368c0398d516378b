"""A document's last paragraph and its signatures are never split from the text: when they
would spill onto a page of their own, the paragraph goes with them (reports/pdf.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.reports.pdf import NEW_PAGE, SLIP_STYLE, keeping_end, on_new_page, page_count, write_pdf

END = (
    '<p class="note">议定事项由责任单位落实。</p>'
    "<p>主持人（签字）：</p><p>青石镇人民政府（盖章）</p>"
)
END_ON_NEW_PAGE = END.replace('<p class="note">', f'<p class="note"{NEW_PAGE}>', 1)


def body(paragraphs: int) -> str:
    return SLIP_STYLE + "".join(f"<p>第 {n} 段会议情况。</p>" for n in range(paragraphs))


def page_text(pdf: Path, page: int) -> str:
    run = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(run, capture_output=True, check=True).stdout.decode()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_signature_keeps_its_paragraph(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "纪要.pdf"
    # the shortest text whose end spills over to the next page, written the plain way
    spilled = next(
        n
        for n in range(20, 120)
        if page_count(write_pdf(body(n) + END, out, "t")) > page_count(write_pdf(body(n), out, "t"))
    )
    write_pdf(body(spilled) + END, out, "t")
    plain_pages = page_count(out)
    assert "议定事项" not in page_text(out, plain_pages)  # the signature stands alone there
    write_pdf(keeping_end(body(spilled), END, END_ON_NEW_PAGE, "t"), out, "t")
    last = page_text(out, page_count(out))
    assert "议定事项由责任单位落实" in last and "盖章" in last
    assert page_count(out) == plain_pages


def test_an_end_that_fits_stays_on_the_page(qapp) -> None:  # type: ignore[no-untyped-def]
    assert keeping_end(body(3), END, END_ON_NEW_PAGE, "t") == body(3) + END


def test_an_end_on_a_new_page_breaks_before_its_first_element() -> None:
    assert on_new_page(END) == END_ON_NEW_PAGE
    assert on_new_page("<h2>响应回执</h2><p>x</p>") == f"<h2{NEW_PAGE}>响应回执</h2><p>x</p>"
