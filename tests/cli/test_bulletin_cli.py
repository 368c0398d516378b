"""towndesk bulletin: the month's bulletin as a PDF or a workbook; a bad month, another
kind of file and a folder that is not there are one plain Chinese line each, no file."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import fails, ok


def test_the_bulletin_is_written_as_pdf_and_workbook(
    demo_path: Path, tmp_path: Path, capsys, qapp
) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_path)]
    pdf = tmp_path / "通报.pdf"
    said = ok(capsys, "bulletin", "--month", "2026-11", "-o", str(pdf), *db)
    assert "2026年11月" in said and str(pdf) in said
    assert pdf.read_bytes().startswith(b"%PDF")
    book = tmp_path / "通报.xlsx"
    ok(capsys, "bulletin", "--month", "2026-11", "-o", str(book), *db)
    assert book.read_bytes().startswith(b"PK")


def test_a_bad_month_is_refused_plainly(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "通报.pdf"
    for month in ("2026-13", "十一月", "2026/11"):
        err = fails(capsys, "bulletin", "--month", month, "-o", str(out), "--db", str(demo_path))
        assert f"月份“{month}”格式不对" in err
    assert not out.exists()


def test_an_unwritable_output_is_refused_plainly(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_path)]
    missing = tmp_path / "没有这个文件夹" / "通报.pdf"
    err = fails(capsys, "bulletin", "--month", "2026-11", "-o", str(missing), *db)
    assert "无法保存通报" in err and "不存在" in err
    err = fails(capsys, "bulletin", "--month", "2026-11", "-o", str(tmp_path / "通报.docx"), *db)
    assert ".pdf 或 .xlsx" in err
    folder = tmp_path / "通报.pdf"
    folder.mkdir()
    err = fails(capsys, "bulletin", "--month", "2026-11", "-o", str(folder), *db)
    assert "文件夹" in err
    assert not list(tmp_path.rglob("*.xlsx")) and not list(tmp_path.rglob(".bulletin-*"))
