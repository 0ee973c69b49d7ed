"""The structured readers keep the text contract: one paragraph per block, list items with
their markers, table rows with their cells, front matter as metadata only."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus import formats
from uyghur_docs.corpus.blocks import paragraphs
from uyghur_docs.corpus.folder import parse_document
from uyghur_docs.corpus.markdown import read_markdown
from uyghur_docs.corpus.webpage import read_page
from uyghur_docs.errors import IngestError

from .conftest import run, run_json

MARKDOWN = """---
layout: post
title: "Two years on: act on the Xinjiang assessment"
date: 2024-08-29T09:00:00+02:00
tags: [news]
---

# Two years on

_Geneva_, **29 August 2024**. We, the undersigned, [call](https://example.org/call) on the
Council to act. ![logo](logo.png)

> The report found &ldquo;serious human rights violations&rdquo;.

---

Signed by:

- [Uyghur Human Rights Project](https://uhrp.org)
* World Uyghur Congress
+ Campaign for Uyghurs
  - Its Geneva office

1. First
1. Second
1. Third

| Organisation | Country | Link |
|---|---|---|
| Amnesty International |  | [site](https://amnesty.org) |
| ![](x.png) | Germany | |

Contact: Jane Doe<TWO SPACES>
+41 22 000 00 00\\
press@example.org

```
Line one
Line two

Line four
```
""".replace("<TWO SPACES>", "  ")

MARKDOWN_TEXT = [
    "Two years on",
    "Geneva, 29 August 2024. We, the undersigned, call on the\nCouncil to act.",
    "The report found “serious human rights violations”.",
    "Signed by:",
    "• Uyghur Human Rights Project",
    "• World Uyghur Congress",
    "• Campaign for Uyghurs",
    "• Its Geneva office",
    "1. First",
    "2. Second",
    "3. Third",
    "Organisation | Country | Link",
    "Amnesty International | | site",
    "| Germany |",
    "Contact: Jane Doe\n+41 22 000 00 00\npress@example.org",
    "Line one\nLine two",
    "Line four",
]

FRAGMENT = """<h2>Joint letter on the assessment</h2>
<p>Geneva, 11 September 2023 &ndash; The undersigned <em>organisations</em> write<br>
to the Council.</p>
<ol start="5"><li>Fifth point</li><li><a href="/x">Sixth point</a></li></ol>
<ul><li>Outer<ul><li>Inner</li></ul></li><li><p>Loose item</p></li></ul>
<table><tr><th>Name</th><th>Logo</th></tr>
<tr><td><img alt="ORN logo" src="f.png"> Open Rights Network </td><td></td></tr>
<tr><td><img alt="ERC" src="c.png"></td><td>Example Radio Club</td></tr></table>
<pre>Libre Lyon
  12, rue des Lilas

Lyon</pre>
<p><a href="https://example.org"></a></p>
"""

FRAGMENT_TEXT = [
    "Joint letter on the assessment",
    "Geneva, 11 September 2023 – The undersigned organisations write\nto the Council.",
    "5. Fifth point",
    "6. Sixth point",
    "• Outer",
    "• Inner",
    "• Loose item",
    "Name | Logo",
    "Open Rights Network |",
    "ERC | Example Radio Club",
    "Libre Lyon\n12, rue des Lilas",
    "Lyon",
]

NAVIGATION_ONLY = """<html><head><title>Home | Example NGO</title></head><body>
<div class="menu"><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/news">News</a></li><li><a href="/donate">Donate</a></li></ul></div>
<div class="bottom">© 2022 Example NGO. All rights reserved.</div></body></html>"""


def test_markdown_blocks_follow_the_text_contract():
    md = read_markdown(MARKDOWN)
    assert paragraphs(md.blocks) == MARKDOWN_TEXT
    assert (md.title, md.date) == ("Two years on: act on the Xinjiang assessment", "2024-08-29")


def test_markdown_added_and_dropped_into_the_corpus_read_the_same(corpus, tmp_path):
    path = tmp_path / "two-years.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    extracted = formats.read(path, path.read_bytes())
    assert list(extracted.paragraphs) == MARKDOWN_TEXT
    assert extracted.headline == "Two years on: act on the Xinjiang assessment"
    doc = parse_document(corpus / "two-years.md", MARKDOWN.encode("utf-8"))
    assert list(doc.paragraphs) == MARKDOWN_TEXT
    assert (doc.title, doc.date) == ("Two years on: act on the Xinjiang assessment", "2024-08-29")


def test_an_html_fragment_is_read_as_blocks(tmp_path):
    path = tmp_path / "letter.html"
    path.write_text(FRAGMENT, encoding="utf-8")
    extracted = formats.read(path, path.read_bytes())
    assert list(extracted.paragraphs) == FRAGMENT_TEXT
    assert (extracted.headline, extracted.encoding) == ("Joint letter on the assessment", "utf-8")


def test_page_title_loses_the_site_name_and_never_becomes_a_paragraph(tmp_path):
    page = (
        "<html><head><title>Act now on Xinjiang | Example NGO</title></head><body>"
        "<p>The undersigned organisations urge every member of the Human Rights Council to"
        " act on the findings of the assessment without any further delay.</p></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    extracted = formats.read(path, path.read_bytes())
    assert (extracted.title, extracted.headline) == ("Act now on Xinjiang", None)
    assert len(extracted.paragraphs) == 1


def test_a_navigation_and_footer_page_is_refused(tmp_path):
    path = tmp_path / "home.html"
    path.write_text(NAVIGATION_ONLY, encoding="utf-8")
    with pytest.raises(IngestError, match=r"home\.html: no article text found"):
        formats.read(path, path.read_bytes())


def test_a_footer_dateline_dates_the_page_but_a_copyright_year_does_not(tmp_path):
    body = "<p>" + "We ask the Council to act on the assessment. " * 5 + "</p>"
    signed = f"<body><h1>Letter</h1>{body}<footer><p>Written on 14 March 2023.</p>"
    copyright_only = f"<body><h1>Letter</h1>{body}<footer><p>© 2022 Example NGO</p>"
    dates = []
    for n, page in enumerate([signed, copyright_only]):
        path = tmp_path / f"{n}.html"
        path.write_text(page + "</footer></body>", encoding="utf-8")
        dates.append(formats.read(path, path.read_bytes()).date)
    assert dates == ["2023-03-14", None]


def test_cp1252_latin_text_is_read_as_cp1252(tmp_path):
    path = tmp_path / "note.txt"
    text = "Les Ouïghours\n\nLe rapport « accablant » du Haut-Commissariat.\n"
    path.write_bytes(text.encode("cp1252"))
    extracted = formats.read(path, path.read_bytes())
    assert (extracted.paragraphs, extracted.encoding) == (
        ("Les Ouïghours", "Le rapport « accablant » du Haut-Commissariat."),
        "cp1252",
    )


def test_an_encoding_can_be_named(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("Zażółć gęślą jaźń".encode("iso8859_2"))
    extracted = formats.read(path, path.read_bytes(), encoding="iso8859-2")
    assert (extracted.paragraphs, extracted.encoding) == (("Zażółć gęślą jaźń",), "iso8859-2")
    with pytest.raises(IngestError, match="no such encoding"):
        formats.read(path, path.read_bytes(), encoding="klingon")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_markdown_reader_takes_any_text(text):
    found = paragraphs(read_markdown(text).blocks)
    assert all(p and "\n\n" not in p and p == p.strip() for p in found)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<li>", "<ul>", "</ul>", "<br>", "<td>", "<tr>", "x y"])
        | st.text(max_size=20),
        max_size=30,
    )
)
def test_page_reader_takes_any_markup(parts):
    page = read_page("".join(parts))
    assert all(p and "\n\n" not in p for p in paragraphs(page.blocks))


def test_seed_text_files_read_as_before(corpus):
    path = Path(corpus) / "2022-09-hrc51-joint-letter.txt"
    assert formats.read(path, path.read_bytes()).paragraphs[0] == (
        "To Members and Observers of the UN Human Rights Council:"
    )


def test_add_says_which_encoding_it_read_and_takes_one(corpus, tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(
        "Déclaration sur les Ouïghours\n\n1er septembre 2022\n\nTexte.\n".encode("cp1252")
    )
    (added,) = run_json("add", str(path), "--dry-run")["added"]
    assert (added["encoding"], added["title"]) == ("cp1252", "Déclaration sur les Ouïghours")
    result = run("add", str(path), "--encoding", "cp1250", "--dry-run")
    assert result.exit_code == 0 and "  encoding: cp1250" in result.stderr.splitlines()
    assert "Ouďghours" in result.stderr
    bad = run("add", str(path), "--encoding", "klingon")
    assert bad.exit_code == 1
    assert (
        bad.stderr.strip().splitlines()[-1]
        == "Error: --encoding klingon: no such encoding; try utf-8 or cp1252"
    )


def test_a_page_header_with_the_headline_stays_and_other_chrome_goes(tmp_path):
    page = (
        "<html><body><header><h1>Release them now</h1></header>"
        "<header><a href='/'>Home</a> <a href='/about'>About</a></header>"
        "<div><p>The undersigned organisations call for the release of all those held in the"
        " camps, as the assessment of the High Commissioner urges.</p></div>"
        "<footer><p>© 2022 Example NGO</p></footer></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    extracted = formats.read(path, path.read_bytes())
    assert extracted.paragraphs == (
        "Release them now",
        "The undersigned organisations call for the release of all those held in the camps, as"
        " the assessment of the High Commissioner urges.",
    )
    assert (extracted.headline, extracted.date) == ("Release them now", None)


def test_the_heading_the_page_title_names_beats_a_site_name_h1(tmp_path):
    page = (
        "<html><head><title>Free them now – Example NGO</title></head><body>"
        "<h1><a href='/'>Example NGO</a></h1><article><h2>Free them now</h2><p>"
        + "The undersigned organisations call for the release of the detained. " * 3
        + "</p></article></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert formats.read(path, path.read_bytes()).headline == "Free them now"


def test_a_page_in_its_declared_charset(tmp_path):
    page = (
        '<html><head><meta charset="big5"></head><body><h1>關於拘留的聯合聲明</h1>'
        "<p>我們這些民間團體要求當局立即釋放所有被任意拘留的人，並讓家屬得知他們的下落。</p>"
        "</body></html>"
    )
    path = tmp_path / "zh.html"
    path.write_bytes(page.encode("big5"))
    extracted = formats.read(path, path.read_bytes())
    assert (extracted.headline, extracted.encoding) == ("關於拘留的聯合聲明", "big5")
