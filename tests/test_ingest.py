import hashlib
import json
import os
import signal
import tomllib
from datetime import datetime
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from uyghur_docs.corpus import ingest
from uyghur_docs.corpus.folder import load_corpus

from .conftest import SEED_IDS, run, run_json
from .test_cli import _modules_after

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Rights groups urge action | Example NGO</title>
<meta name="date" content="2022-10-03"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/donate">Donate now</a></li></ul></nav>
<main><article>
<h1>Rights groups urge action on the Xinjiang report</h1>
<p>Geneva, 3 October 2022</p>
<p>The undersigned organisations call on the Human Rights Council to hold a debate on the
OHCHR assessment of human rights concerns in the Xinjiang Uyghur Autonomous Region.</p>
<p>The report found that serious human rights violations have been committed and that they
“may constitute international crimes, in particular crimes against humanity”.</p>
<p>States must not let the report gather dust; the victims in Ürümqi and elsewhere deserve a
response.</p>
</article></main>
<footer><p>© 2022 Example NGO. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>"""
HTML_TEXT = [
    "Rights groups urge action on the Xinjiang report",
    "Geneva, 3 October 2022",
    "The undersigned organisations call on the Human Rights Council to hold a debate on the"
    " OHCHR assessment of human rights concerns in the Xinjiang Uyghur Autonomous Region.",
    "The report found that serious human rights violations have been committed and that they"
    " “may constitute international crimes, in particular crimes against humanity”.",
    "States must not let the report gather dust; the victims in Ürümqi and elsewhere deserve a"
    " response.",
]
BODY = [
    "The Office of the High Commissioner published its assessment on 31 August 2022 after years"
    " of delay, and the undersigned organisations welcome its findings on arbitrary detention.",
    "The assessment documents torture, sexual violence and forced labour in the Xinjiang Uyghur"
    " Autonomous Region, and it concludes that these abuses may constitute crimes against"
    " humanity.",
    "Companies sourcing from the region must end their reliance on state-imposed forced labour,"
    " and governments must enforce import bans on goods made with such labour without delay.",
]
PDF_TEXT = [
    "States must act on the Xinjiang assessment",
    "12 October 2022",
    *BODY,
    "Member States of the Human Rights Council must now establish an independent mechanism to"
    " monitor the situation and to report regularly on it, as civil society has long asked.",
    "This is an extraordinary finding by the Office.",
]


class _Brief(FPDF):
    """A briefing with a running header and a page number on every page."""

    def header(self):
        self.set_font("helvetica", size=9)
        self.cell(0, 8, "Example NGO | Briefing on the OHCHR assessment")
        self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()}", align="C")


def _line(pdf: FPDF, text: str, size: int = 11, gap: int = 4) -> None:
    pdf.set_font("helvetica", size=size)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def make_pdf(path: Path) -> Path:
    pdf = _Brief()
    pdf.set_title("Info title, not used: the text has one")
    pdf.add_page()
    _line(pdf, PDF_TEXT[0], size=16)
    _line(pdf, PDF_TEXT[1])
    for text in BODY:
        _line(pdf, text)
    pdf.add_page()
    _line(pdf, PDF_TEXT[5])
    _line(pdf, "This is an extraordi-", gap=0)  # a word hyphenated across a line break
    _line(pdf, "nary finding by the Office.")
    pdf.output(str(path))
    return path


def make_docx(path: Path, dated: bool = True) -> Path:
    document = docx.Document()
    document.add_heading("Open letter on the Xinjiang assessment", level=1)
    if dated:
        document.add_paragraph("8 March 2023")
    document.add_paragraph("Dear High Commissioner,")
    document.add_paragraph("We write about the follow-up to the assessment of 31 August 2022.")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(
        (c for row in table.rows for c in row.cells),
        ["Organisation", "Country", "Uyghur Human Rights Project", "United States"],
        strict=True,
    ):
        cell.text = text
    document.add_paragraph("Sincerely,")
    document.core_properties.title = "Core title"
    document.core_properties.created = datetime(2022, 11, 5, 9, 30)
    document.save(str(path))
    return path


DOCX_TEXT = [
    "Open letter on the Xinjiang assessment",
    "8 March 2023",
    "Dear High Commissioner,",
    "We write about the follow-up to the assessment of 31 August 2022.",
    "Organisation",
    "Country",
    "Uyghur Human Rights Project",
    "United States",
    "Sincerely,",
]


def document(corpus: Path, doc_id: str):
    return next(d for d in load_corpus(corpus) if d.id == doc_id)


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file under the folders, by path, with its sha256."""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        if folder.exists()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def cites(query: str, *options: str) -> list[str]:
    hits = run_json("search", query, *options)["hits"]
    return [f"{h['id']} ¶{p['paragraph']}" for h in hits for p in h["passages"]]


# Formats: text, metadata, and searchable at once.


def test_html_keeps_the_article_and_drops_navigation_and_footer(corpus, tmp_path):
    page = tmp_path / "statement.html"
    page.write_text(HTML, encoding="utf-8")
    data = run_json("add", str(page))
    added = data["added"][0]
    assert added == {
        "id": "2022-10-03-rights-groups-urge-action",
        "title": "Rights groups urge action on the Xinjiang report",
        "date": "2022-10-03",
        "kind": "joint-statement",
        "format": "html",
        "encoding": "utf-8",
        "source": "statement.html",
        "paragraphs": 5,
        "signatories": 0,
        "report_quotes": 1,
        "url": None,
        "replaced": None,
    }
    text = (corpus / f"{added['id']}.txt").read_text(encoding="utf-8")
    assert text == "\n\n".join(HTML_TEXT) + "\n"
    assert list(document(corpus, added["id"]).paragraphs) == HTML_TEXT
    assert cites('"gather dust"') == [f"{added['id']} ¶5"]


def test_pdf_joins_lines_mends_hyphens_and_drops_running_lines(corpus, tmp_path):
    pdf = make_pdf(tmp_path / "brief.pdf")
    added = ingest.add(corpus, [pdf]).added[0]
    doc = document(corpus, added.id)
    assert list(doc.paragraphs) == PDF_TEXT
    assert (added.id, doc.title, doc.date, doc.kind) == (
        "2022-10-12-states-must-act-on-the-xinjiang",
        "States must act on the Xinjiang assessment",
        "2022-10-12",
        "joint-statement",
    )
    assert (added.format, added.source, added.paragraphs) == ("pdf", "brief.pdf", 7)
    assert cites("extraordinary") == [f"{added.id} ¶7"]
    assert f"{added.id} ¶5" in cites('"state-imposed forced labour"')


def test_docx_gives_one_paragraph_per_paragraph_and_table_cell(corpus, tmp_path):
    path = make_docx(tmp_path / "letter.docx")
    added = run_json("add", str(path))["added"][0]
    doc = document(corpus, added["id"])
    assert list(doc.paragraphs) == DOCX_TEXT
    assert (doc.id, doc.title, doc.date, doc.kind) == (
        "2023-03-08-open-letter-on-the-xinjiang-assessment",
        "Open letter on the Xinjiang assessment",
        "2023-03-08",
        "open-letter",
    )
    assert cites('"Uyghur Human Rights Project"', "--doc", doc.id) == [f"{doc.id} ¶7"]


def test_docx_core_date_serves_when_the_text_has_none(corpus, tmp_path):
    path = make_docx(tmp_path / "letter.docx", dated=False)
    added = run_json("add", str(path))["added"][0]
    assert (added["id"], added["date"]) == (
        "2022-11-05-open-letter-on-the-xinjiang-assessment",
        "2022-11-05",
    )
    assert document(corpus, added["id"]).date == "2022-11-05"


def test_non_utf8_text_is_converted(corpus, tmp_path):
    text = (
        "Stellungnahme zu den Lagern in Ürümqi\n\n12.10.2022\n\n"
        "Die Unterzeichner fordern „Rechenschaft“ für Verbrechen gegen die Menschlichkeit."
        " Die Berichte über Zwangsarbeit müssen geprüft werden – sofort und unabhängig.\n"
    )
    path = tmp_path / "erklaerung.txt"
    path.write_bytes(text.encode("cp1252"))
    added = run_json("add", str(path))["added"][0]
    assert added["id"] == "2022-10-12-stellungnahme-zu-den-lagern-in-urumqi"
    assert (corpus / f"{added['id']}.txt").read_text(encoding="utf-8") == text
    assert cites("Rechenschaft") == [f"{added['id']} ¶3"]


def test_markdown_heading_marks_leave_the_title(corpus, tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# A note on the assessment\n\nNothing dated here, said today.\n")
    added = run_json("add", str(path))["added"][0]
    assert added["title"] == "A note on the assessment"
    assert (added["id"], added["date"], added["kind"], added["format"]) == (
        "undated-a-note-on-the-assessment",
        None,
        "news-release",
        "md",
    )


# Ids, flags and overrides.


def test_flags_win_and_persist_in_overrides(corpus, tmp_path):
    page = tmp_path / "statement.html"
    page.write_text(HTML, encoding="utf-8")
    args = ["add", str(page), "--title", "Our own title", "--date", "September 2022"]
    added = run_json(*args, "--kind", "press-release")["added"][0]
    assert added["id"] == "2022-09-our-own-title"
    assert (added["title"], added["date"], added["kind"]) == (
        "Our own title",
        "2022-09",
        "press-release",
    )
    overrides = tomllib.loads((corpus / "overrides.toml").read_text(encoding="utf-8"))
    assert overrides == {
        "2022-09-our-own-title": {
            "title": "Our own title",
            "date": "2022-09",
            "kind": "press-release",
        }
    }
    row = {r["id"]: r for r in run_json("docs")["documents"]}[added["id"]]
    assert (row["title"], row["date"], row["kind"], row["format"]) == (
        "Our own title",
        "2022-09",
        "press-release",
        "html",
    )
    assert run_json("search", "dust", "--kind", "press-release")["hits"][0]["id"] == added["id"]


def test_same_title_and_date_get_numbered_ids(corpus, tmp_path):
    ids = []
    for n in (1, 2):
        path = tmp_path / f"s{n}.txt"
        path.write_text(f"Joint statement\n\n1 May 2023\n\nVersion {n} of the text.\n")
        ids.append(run_json("add", str(path))["added"][0]["id"])
    assert ids == ["2023-05-01-joint-statement", "2023-05-01-joint-statement-2"]


def test_explicit_id_is_used(corpus, tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Joint statement\n\n1 May 2023\n\nText.\n")
    assert run_json("add", str(path), "--id", "my-id")["added"][0]["id"] == "my-id"
    assert document(corpus, "my-id").date == "2023-05-01"


def test_dry_run_decides_and_changes_nothing(corpus, tmp_path):
    page = tmp_path / "statement.html"
    page.write_text(HTML, encoding="utf-8")
    before = snapshot(corpus, tmp_path / "index")
    data = run_json("add", str(page), "--dry-run")
    assert data["dry_run"] is True
    assert data["added"][0]["id"] == "2022-10-03-rights-groups-urge-action"
    assert snapshot(corpus, tmp_path / "index") == before


def test_provenance_is_kept_and_docs_shows_the_format(corpus, tmp_path):
    pdf = make_pdf(tmp_path / "brief.pdf")
    run_json("add", str(pdf))
    sources = json.loads((corpus / "sources.json").read_text())["documents"]
    entry = sources["2022-10-12-states-must-act-on-the-xinjiang"]
    assert entry["file"] == "brief.pdf" and entry["format"] == "pdf"
    assert entry["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert entry["added"].endswith("+00:00")
    formats = {r["id"]: r["format"] for r in run_json("docs")["documents"]}
    assert formats == {**dict.fromkeys(SEED_IDS, "txt"), **dict.fromkeys(sources, "pdf")}


def test_human_summary_goes_to_stderr(corpus, tmp_path):
    page = tmp_path / "statement.html"
    page.write_text(HTML, encoding="utf-8")
    result = run("add", str(page))
    assert result.exit_code == 0
    assert result.stdout == (
        "2022-10-03-rights-groups-urge-action\tjoint-statement"
        "\tRights groups urge action on the Xinjiang report\tstatement.html\n"
    )
    assert result.stderr.splitlines()[:3] == [
        "added 2022-10-03-rights-groups-urge-action",
        "  title: Rights groups urge action on the Xinjiang report",
        "  date: 2022-10-03",
    ]


# Remove.


def test_remove_takes_out_file_provenance_overrides_and_index_entries(corpus, tmp_path):
    page = tmp_path / "s.html"
    page.write_text(HTML, encoding="utf-8")
    run_json("add", str(page), "--title", "Our own title")
    doc_id = "2022-10-03-our-own-title"
    assert cites('"gather dust"') == [f"{doc_id} ¶5"]
    removed = run_json("remove", doc_id)
    assert removed == {
        "removed": [
            {"id": doc_id, "title": "Our own title", "format": "html", "source": page.name}
        ],
        "dry_run": False,
        "indexed": True,
    }
    assert not (corpus / f"{doc_id}.txt").exists()
    assert json.loads((corpus / "sources.json").read_text())["documents"] == {}
    assert doc_id not in tomllib.loads((corpus / "overrides.toml").read_text())
    assert cites('"gather dust"') == []
    assert [r["id"] for r in run_json("docs")["documents"]] == SEED_IDS
    assert run_json("add", str(page))["added"][0]["id"] == "2022-10-03-rights-groups-urge-action"


def test_remove_keeps_other_overrides_as_written(corpus, tmp_path):
    declared = '# keep me\n["2022-09-hrc51-joint-letter"]\ndate = "2022-09-12"\n'
    (corpus / "overrides.toml").write_text(declared)
    path = tmp_path / "s.txt"
    path.write_text("Joint statement\n\n1 May 2023\n\nText.\n")
    run_json("add", str(path), "--kind", "other")
    run_json("remove", "2023-05-01-joint-statement")
    assert (corpus / "overrides.toml").read_text() == declared


def test_remove_unknown_id_suggests(corpus, tmp_path):
    before = snapshot(corpus)
    result = run("remove", "hrc51")
    assert result.exit_code == 1
    assert "did you mean 2022-09-hrc51-joint-letter?" in result.stderr
    assert snapshot(corpus) == before


def test_remove_several_ids_or_none_when_one_is_unknown(corpus):
    before = snapshot(corpus)
    two = ["2022-09-hrc51-joint-letter", "2020-03-12-ishr-hrw-news-release"]
    refused = run("remove", *two, "hrc51")
    assert refused.exit_code == 1
    assert snapshot(corpus) == before
    dry = run("remove", *two, "--dry-run")
    assert dry.exit_code == 0
    assert dry.stderr.splitlines() == [
        "would remove 2022-09-hrc51-joint-letter: OHCHR assessment of human rights concerns in"
        " the Uyghur region must spur action at the Council's 51st Session",
        "would remove 2020-03-12-ishr-hrw-news-release: UN | Rights body needs to step up on"
        " Xinjiang abuses",
    ]
    assert snapshot(corpus) == before
    assert [r["id"] for r in run_json("remove", *two)["removed"]] == two
    assert [r["id"] for r in run_json("docs")["documents"]] == [i for i in SEED_IDS if i not in two]


# Refusals: exit 1, one line naming the file, corpus and index unchanged.


def _scanned(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 160, style="F")  # a page image stand-in: marks, no text
    pdf.output(str(path))
    return path


def _encrypted(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 6, "A confidential statement on the assessment.")
    pdf.output(str(path))
    return path


def _write(name: str, data: bytes):
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return name, make


BAD = {
    "unsupported": (*_write("letter.rtf", b"{\\rtf1 hello}"), ".rtf files are not supported"),
    "binary": (*_write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "is binary"),
    "empty": (*_write("empty.txt", b""), "is empty"),
    "blank": (*_write("blank.md", b"  \n\n \t\n"), "is empty"),
    "no-article": (
        *_write("app.html", b"<html><body><div id=app></div><script>load()</script></body></html>"),
        "no article text found",
    ),
    "scanned": ("scan.pdf", _scanned, "needs OCR"),
    "encrypted": ("locked.pdf", _encrypted, "is an encrypted PDF"),
    "damaged-pdf": (*_write("broken.pdf", b"%PDF-1.4 this is not really a pdf"), "not a readable"),
    "damaged-docx": (*_write("broken.docx", b"PK not a zip"), "not a readable Word"),
    "undecidable": (
        *_write("noise.txt", bytes(range(0x80, 0x100)) * 3),
        "cannot tell which text encoding",
    ),
    "duplicate-seed": (
        *_write(
            "copy.txt",
            (Path(__file__).parent.parent / "corpus" / f"{SEED_IDS[3]}.txt").read_bytes(),
        ),
        f"already in the corpus as {SEED_IDS[3]}",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_refused_and_changes_nothing(case, corpus, tmp_path):
    name, make, message = BAD[case]
    path = make(tmp_path / name)
    run("index")
    before = snapshot(corpus, tmp_path / "index")
    result = run("add", str(path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(path) in result.stderr and message in result.stderr
    assert snapshot(corpus, tmp_path / "index") == before


def test_same_file_twice_names_the_existing_id(corpus, tmp_path):
    page = tmp_path / "statement.html"
    page.write_text(HTML, encoding="utf-8")
    run_json("add", str(page))
    before = snapshot(corpus, tmp_path / "index")
    again = tmp_path / "renamed.htm"
    again.write_text(HTML.replace("<html", "<html data-x='1'"), encoding="utf-8")
    for path in (page, again):  # the same bytes, and the same extracted text
        result = run("add", str(path))
        assert result.exit_code == 1
        assert "already in the corpus as 2022-10-03-rights-groups-urge-action" in result.stderr
    assert snapshot(corpus, tmp_path / "index") == before


def test_id_clash_is_refused(corpus, tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Joint statement\n\n1 May 2023\n\nText.\n")
    run("index")
    before = snapshot(corpus, tmp_path / "index")
    result = run("add", str(path), "--id", SEED_IDS[0])
    assert result.exit_code == 1
    assert f"the id {SEED_IDS[0]} is taken" in result.stderr and str(path) in result.stderr
    assert snapshot(corpus, tmp_path / "index") == before


def test_missing_path_is_refused(corpus, tmp_path):
    result = run("add", str(tmp_path / "nowhere.pdf"))
    assert result.exit_code == 1
    assert "nowhere.pdf does not exist" in result.stderr


def test_a_batch_adds_the_good_files_and_reports_the_bad(corpus, tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "statement.html").write_text(HTML, encoding="utf-8")
    make_docx(folder / "sub" / "letter.docx")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not a supported format: left alone
    (folder / ".hidden.txt").write_text("Hidden\n")
    result = run("add", str(folder), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [a["source"] for a in data["added"]] == ["statement.html", "letter.docx"]
    assert data["refused"] == [
        {
            "path": str(folder / "empty.txt"),
            "error": f"{folder / 'empty.txt'} is empty; there is nothing to add",
            "version_of": None,
        }
    ]
    assert "refused 1" in result.stderr
    letter = "2023-03-08-open-letter-on-the-xinjiang-assessment"
    assert cites('"Uyghur Human Rights Project"', "--doc", letter) == [f"{letter} ¶7"]


def test_id_and_title_need_a_single_file(corpus, tmp_path):
    for n in (1, 2):
        (tmp_path / f"s{n}.txt").write_text(f"Statement {n}\n")
    result = run("add", str(tmp_path / "s1.txt"), str(tmp_path / "s2.txt"), "--title", "T")
    assert result.exit_code == 1 and "one file at a time" in result.stderr


def test_bad_date_flag_is_a_usage_error(corpus, tmp_path):
    (tmp_path / "s.txt").write_text("Statement\n")
    assert run("add", str(tmp_path / "s.txt"), "--date", "soon").exit_code == 2


@pytest.mark.parametrize("args", [["--help"], ["add", "--help"], ["remove", "--help"]])
def test_help_imports_no_format_library(args):
    loaded = {m.split(".")[0] for m in _modules_after(*args)}
    heavy = {"whoosh", "rich", "trafilatura", "pypdf", "docx", "charset_normalizer", "lxml"}
    assert not loaded & heavy


def test_add_reports_the_signatories_it_found(corpus, tmp_path):
    letter = tmp_path / "letter.md"
    letter.write_text(
        "# Joint letter on the assessment\n\n4 November 2022\n\nDear Ambassadors,\n\n"
        "We urge you to act on the OHCHR assessment.\n\nSigned by:\n\n"
        "- Amnesty International\n- Human Rights Watch\n- World Uyghur Congress\n",
        encoding="utf-8",
    )
    (added,) = run_json("add", str(letter))["added"]
    assert (added["signatories"], added["kind"], added["date"]) == (3, "joint-letter", "2022-11-04")
    letters = run_json("signers", "--org", "World Uyghur Congress")["letters"]
    assert added["id"] in [le["id"] for le in letters]


def test_remove_and_add_while_another_run_holds_the_index_succeed(corpus, tmp_path, monkeypatch):
    from uyghur_docs import engine
    from uyghur_docs.engine import writer

    assert run("index").exit_code == 0
    monkeypatch.setattr(writer, "LOCK_WAIT", 0.2)
    holder = engine.Run(tmp_path / "index", create=False)
    try:
        removed = run("remove", "2020-03-12-ishr-hrw-news-release")
        page = tmp_path / "s.txt"
        page.write_text("Joint statement\n\n1 May 2023\n\nKarakax again.\n")
        added = run("add", str(page), "--json")
    finally:
        holder.cancel()
    note = (
        "another indexing run holds the index; it takes this change when it is done, or the"
        " next search does"
    )
    assert (removed.exit_code, removed.stderr.splitlines()[-1]) == (0, note)
    assert added.exit_code == 0 and note in added.stderr
    assert json.loads(added.stdout)["indexed"] is False
    assert cites("Karakax") == ["2023-05-01-joint-statement ¶3"]


def test_a_folder_ends_with_a_summary_counting_unsupported_files(corpus, tmp_path):
    folder = tmp_path / "incoming"
    (folder / "data").mkdir(parents=True)
    (folder / "2023-01-05-first.txt").write_text("First statement\n\nKarakax.\n")
    (folder / "2023-01-06-second.txt").write_text("Second statement\n\nKarakax again.\n")
    (folder / "empty.txt").write_text("")
    for name in ("a.json", "b.json", "data/c.json", "tool.py", "README"):
        (folder / name).write_text("{}")
    (folder / ".hidden.json").write_text("{}")
    result = run("add", str(folder))
    assert result.exit_code == 1
    assert result.stdout == (
        "2023-01-05-first-statement\tother\tFirst statement\t2023-01-05-first.txt\n"
        "2023-01-06-second-statement\tother\tSecond statement\t2023-01-06-second.txt\n"
    )
    # A folder's files are not told field by field; no progress bar off a terminal.
    assert result.stderr.splitlines() == [
        f"Error: {folder / 'empty.txt'} is empty; there is nothing to add",
        "added 2, refused 1, skipped 5 unsupported: 3 .json, 1 no extension, 1 .py",
    ]


def test_quiet_add_tells_only_errors(corpus, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "2023-01-05-first.txt").write_text("First statement\n\nKarakax.\n")
    (folder / "empty.txt").write_text("")
    for quiet in ("-q", "--quiet"):
        result = run("add", quiet, str(folder))
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == f"Error: {folder / 'empty.txt'} is empty; there is nothing to add\n"
    assert cites("Karakax", "--doc", "2023-01-05-first-statement") == [
        "2023-01-05-first-statement ¶2"
    ]
    removed = run("remove", "-q", "2023-01-05-first-statement")
    assert (removed.exit_code, removed.stdout, removed.stderr) == (0, "", "")
    indexed = run("index", "--quiet")
    assert (indexed.exit_code, indexed.stdout, indexed.stderr) == (0, "", "")


def test_add_tells_its_progress_file_by_file(corpus, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"2023-02-0{n}-note.txt").write_text(f"Note {n}\n\nKarakax {n}.\n")
    seen = []
    report = ingest.add(corpus, [folder], progress=lambda done, total: seen.append((done, total)))
    assert [a.id for a in report.added] == ["2023-02-01-note-1", "2023-02-02-note-2"]
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_a_folder_added_again_adds_only_what_is_missing(corpus, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "2023-01-05-first.txt").write_text("First statement\n\nKarakax.\n")
    assert run("add", str(folder)).exit_code == 0
    (folder / "2023-01-06-second.txt").write_text("Second statement\n\nKarakax again.\n")
    result = run("add", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [a["id"] for a in report["added"]] == ["2023-01-06-second-statement"]
    assert report["refused"] == []
    assert report["present"] == [f"{folder / '2023-01-05-first.txt'} as 2023-01-05-first-statement"]
    assert result.stderr.splitlines()[-1] == "added 1, refused 0, 1 already in the corpus"


def test_ctrl_c_during_a_folder_says_what_was_added_and_a_re_run_adds_the_rest(
    corpus, tmp_path, monkeypatch
):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in (1, 2, 3):
        (folder / f"2023-04-0{n}-note.txt").write_text(f"Note {n}\n\nKarakax {n}.\n")
    plan, planned = ingest._plan, []

    def interrupted_at_the_third(path, *args):
        planned.append(path)
        if len(planned) == 3:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, as the terminal sends it
        return plan(path, *args)

    monkeypatch.setattr(ingest, "_plan", interrupted_at_the_third)
    result = run("add", str(folder))
    assert result.exit_code == 130
    # Each document was printed as it landed, before the interrupt.
    assert result.stdout == (
        "2023-04-01-note-1\tother\tNote 1\t2023-04-01-note.txt\n"
        "2023-04-02-note-2\tother\tNote 2\t2023-04-02-note.txt\n"
    )
    assert result.stderr.splitlines() == [
        "udocs: interrupted; 2 added before it",
        "added 2023-04-01-note-1",
        "added 2023-04-02-note-2",
        f"run `udocs add {folder}` again to add the rest (what is in the corpus is skipped);"
        " the next search or `udocs index` indexes what was added",
    ]
    monkeypatch.setattr(ingest, "_plan", plan)
    again = run("add", str(folder), "--json")
    assert again.exit_code == 0, again.stderr
    assert [a["id"] for a in json.loads(again.stdout)["added"]] == ["2023-04-03-note-3"]
    assert again.stderr.splitlines()[-1] == "added 1, refused 0, 2 already in the corpus"
