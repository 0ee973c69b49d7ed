"""Where a document was published (`add --url`, a page's canonical link, front matter), kept
as provenance and shown with every citation; `add --replace` for a newer version."""

import csv
import io
import json

import pytest

from .conftest import run, run_json
from .test_ingest import HTML, cites

PAGE_ID = "2022-10-03-rights-groups-urge-action"
URL = "https://example.org/news/urge-action"
CANONICAL = f'<link rel="canonical" href="{URL}">'


def page(tmp_path, head: str = CANONICAL, name: str = "statement.html", html: str = HTML):
    path = tmp_path / name
    path.write_text(html.replace("</head>", f"{head}</head>"), encoding="utf-8")
    return path


def test_a_pages_canonical_link_is_kept_and_shown_with_every_citation(corpus, tmp_path):
    added = run_json("add", str(page(tmp_path)))["added"][0]
    assert (added["id"], added["url"], added["replaced"]) == (PAGE_ID, URL, None)
    sources = json.loads((corpus / "sources.json").read_text())["documents"]
    assert sources[PAGE_ID]["url"] == URL
    assert run_json("show", PAGE_ID)["url"] == URL
    assert run("show", PAGE_ID, "¶1").stdout.splitlines()[:2] == [
        f"{PAGE_ID} (2022-10-03, joint-statement): Rights groups urge action on the Xinjiang"
        " report",
        URL,
    ]
    assert [h["url"] for h in run_json("search", '"gather dust"')["hits"]] == [URL]
    rows = list(csv.reader(io.StringIO(run("search", '"gather dust"', "--csv").stdout)))
    assert rows[0] == ["id", "paragraph", "date", "kind", "score", "role", "title", "url", "text"]
    assert [(r[0], r[1], r[2], r[7]) for r in rows[1:]] == [(PAGE_ID, "5", "2022-10-03", URL)]
    docs = {d["id"]: d["url"] for d in run_json("docs")["documents"]}
    assert docs == {**dict.fromkeys(set(docs) - {PAGE_ID}), PAGE_ID: URL}
    assert "url" not in run("docs").stdout  # the table leaves it to --json and --csv


def test_quotes_carry_the_url_in_json_and_csv(corpus, tmp_path):
    run_json("add", str(page(tmp_path)))
    cited = [
        (c["id"], c["paragraph"], c["url"])
        for g in run_json("quotes", "international crimes")["quotes"]
        for c in g["citations"]
        if c["url"]
    ]
    assert cited == [(PAGE_ID, 4, URL)]
    rows = csv.DictReader(io.StringIO(run("quotes", "international crimes", "--csv").stdout))
    assert [(r["id"], r["paragraph"], r["url"]) for r in rows if r["url"]] == [(PAGE_ID, "4", URL)]


@pytest.mark.parametrize(
    "head, url",
    [
        ('<meta property="og:url" content="https://example.org/og">', "https://example.org/og"),
        ('<link rel="canonical" href="/relative">', None),
        ('<link rel="canonical" href="javascript:alert(1)">', None),
    ],
)
def test_og_url_serves_and_what_is_not_a_web_address_is_not_kept(corpus, tmp_path, head, url):
    assert run_json("add", str(page(tmp_path, head)))["added"][0]["url"] == url


@pytest.mark.parametrize("key", ["url", "canonical_url", "link", "Permalink"])
def test_markdown_front_matter_gives_the_url(corpus, tmp_path, key):
    path = tmp_path / "note.md"
    path.write_text(
        f"---\ntitle: A note on Karakax\ndate: 2023-05-01\n{key}: https://example.org/n\n---\n\n"
        "The detention of people in Karakax county is documented in the report.\n"
    )
    added = run_json("add", str(path))["added"][0]
    assert (added["id"], added["url"]) == ("2023-05-01-a-note-on-karakax", "https://example.org/n")


def test_the_url_flag_wins_and_must_be_a_web_address(corpus, tmp_path):
    path = page(tmp_path)
    result = run("add", str(path), "--url", "ftp://example.org/x")
    assert result.exit_code == 2
    assert "Invalid value for '--url': 'ftp://example.org/x' is not a web address" in result.stderr
    mine = "https://example.org/mine"
    assert run_json("add", str(path), "--url", mine)["added"][0]["url"] == mine


def test_a_newer_version_at_the_same_url_is_refused_then_replaced_keeping_its_id(corpus, tmp_path):
    run_json("add", str(page(tmp_path)))
    newer = HTML.replace("gather dust", "gather mould")
    path = page(tmp_path, name="statement-v2.html", html=newer)
    refused = run("add", str(path))
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"Error: {path} is already in the corpus as {PAGE_ID} (the same source URL, {URL});"
        f" add it with --replace to replace {PAGE_ID}, keeping its id\n"
    )
    result = run("add", str(path), "--replace", "--json")
    assert result.exit_code == 0, result.stderr
    added = json.loads(result.stdout)["added"]
    assert [(a["id"], a["replaced"], a["source"]) for a in added] == [
        (PAGE_ID, "url", "statement-v2.html")
    ]
    assert result.stderr.splitlines()[0] == f"replaced {PAGE_ID}"
    assert sorted(p.name for p in corpus.glob(f"{PAGE_ID}*")) == [f"{PAGE_ID}.txt"]
    assert cites('"gather mould"') == [f"{PAGE_ID} ¶5"]
    assert cites('"gather dust"') == []
    sources = json.loads((corpus / "sources.json").read_text())["documents"]
    assert (sources[PAGE_ID]["file"], sources[PAGE_ID]["url"]) == ("statement-v2.html", URL)


def test_replace_by_id_decides_the_overrides_anew(corpus, tmp_path):
    first = tmp_path / "s.txt"
    first.write_text("Joint statement\n\n1 May 2023\n\nText about Karakax.\n")
    run_json("add", str(first), "--id", "mine", "--title", "An old title")
    second = tmp_path / "s2.txt"
    second.write_text("Joint statement\n\n2 May 2023\n\nNew text about Aksu.\n")
    refused = run("add", str(second), "--id", "mine")
    assert refused.stderr == (
        f"Error: {second}: the id mine is taken; add it with --replace to replace mine,"
        " keeping its id\n"
    )
    added = run_json("add", str(second), "--id", "mine", "--replace", "--kind", "joint-letter")
    assert [(a["id"], a["replaced"], a["date"]) for a in added["added"]] == [
        ("mine", "id", "2023-05-02")
    ]
    assert (corpus / "overrides.toml").read_text().endswith('["mine"]\nkind = "joint-letter"\n')
    assert "An old title" not in (corpus / "overrides.toml").read_text()
    assert cites("Aksu", "--doc", "mine") == ["mine ¶3"]


def test_replace_takes_the_document_its_title_and_date_name(corpus, tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Joint statement\n\n1 May 2023\n\nText about Karakax.\n")
    second = tmp_path / "b.txt"
    second.write_text("Joint statement\n\n1 May 2023\n\nText about Karakax and Aksu.\n")
    run_json("add", str(first))
    added = run_json("add", str(second), "--replace")["added"]
    assert [(a["id"], a["replaced"]) for a in added] == [("2023-05-01-joint-statement", "id")]
    assert sorted(p.stem for p in corpus.glob("2023-*")) == ["2023-05-01-joint-statement"]
