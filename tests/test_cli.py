import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from uyghur_docs.cli.main import cli

from .conftest import SEED_IDS, run, run_json

README = Path(__file__).resolve().parent.parent / "README.md"


def test_docs_json_lists_the_five_seeds(corpus):
    rows = run_json("docs")["documents"]
    assert [r["id"] for r in rows] == SEED_IDS
    assert {r["id"]: r["date"] for r in rows}["2022-09-hrc51-joint-letter"] == "2022-09"
    assert {r["id"]: r["paragraphs"] for r in rows}["2022-09-hrc51-joint-letter"] == 23


def test_docs_says_whether_each_document_is_indexed_and_current(corpus):
    def status():
        return {r["id"]: r["index"] for r in run_json("docs")["documents"]}

    assert set(status().values()) == {"missing"}
    assert run("index").exit_code == 0
    assert set(status().values()) == {"current"}
    letter = corpus / "2022-09-hrc51-joint-letter.txt"
    letter.write_text(letter.read_text() + "\n\nPostscript.\n")
    (corpus / "overrides.toml").write_text('["2020-03-12-ishr-hrw-news-release"]\nkind = "other"\n')
    assert status() == {
        "2020-03-12-ishr-hrw-news-release": "stale",
        "2022-03-08-open-letter-high-commissioner": "current",
        "2022-08-31-campaign-for-uyghurs-press-release": "current",
        "2022-09-hrc51-joint-letter": "stale",
        "2024-08-28-omct-second-anniversary-statement": "current",
    }
    rows = {r["id"]: r for r in run_json("docs")["documents"]}
    assert rows["2020-03-12-ishr-hrw-news-release"]["kind"] == "other"
    assert rows["2022-09-hrc51-joint-letter"]["paragraphs"] == 24


def test_docs_lists_the_good_files_and_names_the_bad(corpus):
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00b\x00a\x00d")
    result = run("docs")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 5
    assert result.stderr == "skipped: broken.txt is binary, not text; remove it from the corpus\n"


def test_docs_piped_is_one_line_per_document_never_cut(corpus):
    result = run("docs")
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert lines[1].split("\t")[3].endswith("in Xinjiang can wait no longer")


def test_docs_csv_has_a_header_and_five_rows(corpus):
    lines = run("docs", "--csv").stdout.splitlines()
    assert lines[0] == (
        "id,date,kind,title,paragraphs,signatories,report_quotes,format,index,copy_of,url"
    )
    assert lines[4].startswith("2022-09-hrc51-joint-letter,2022-09,joint-letter,")


def test_json_and_csv_together_is_a_usage_error(corpus):
    assert run("docs", "--json", "--csv").exit_code == 2


def test_show_one_paragraph(corpus):
    data = run_json("show", "2022-09-hrc51-joint-letter", "--para", "7")
    assert data["paragraphs"] == [
        {
            "paragraph": 7,
            "text": "The report concludes that the extent of these abuses “may constitute"
            " international crimes, in particular crimes against humanity”. As conditions in"
            " the region remain conducive for such violations “to continue and recur”, the"
            " situation requires “urgent attention by the United Nations intergovernmental"
            " bodies and human rights system.”",
        }
    ]
    assert data["kind"] == "joint-letter"


@pytest.mark.parametrize(
    "citation",
    [
        ["2022-09-hrc51-joint-letter ¶7-9"],
        ["2022-09-hrc51-joint-letter", "¶7-9"],
        ["2022-09-hrc51-joint-letter", "7–9"],
        ["2022-09-hrc51-joint-letter", "--para", "7-9"],
    ],
)
def test_show_takes_the_citations_udocs_prints(corpus, citation):
    data = run_json("show", *citation)
    assert [p["paragraph"] for p in data["paragraphs"]] == [7, 8, 9]
    assert [
        p["paragraph"] for p in run_json("show", "2022-09-hrc51-joint-letter ¶7")["paragraphs"]
    ] == [7]


def test_a_range_past_the_end_stops_at_the_last_paragraph(corpus):
    data = run_json("show", "2022-09-hrc51-joint-letter", "¶22-99")
    assert [p["paragraph"] for p in data["paragraphs"]] == [22, 23]


@pytest.mark.parametrize(
    ("citation", "error"),
    [
        (["2022-09-hrc51-joint-letter", "seven"], "'seven' is not a paragraph; use N, ¶N or N-M"),
        (["2022-09-hrc51-joint-letter", "¶7", "-p", "8"], "give the paragraphs once"),
        ([" "], "give a document id (`udocs docs` lists them)"),
    ],
)
def test_a_citation_that_names_no_paragraph_is_a_usage_error(corpus, citation, error):
    result = run("show", *citation)
    assert (result.exit_code, result.stdout) == (2, "")
    assert error in result.stderr


def test_show_numbers_every_paragraph(corpus):
    lines = run("show", "2024-08-28-omct-second-anniversary-statement").stdout.splitlines()
    assert lines[2] == "2024-08-28-omct-second-anniversary-statement ¶1\t" + (
        "China: Joint statement on the 2nd Anniversary of the Publication of UN OHCHR"
        " Assessment on Atrocity Crimes in the Uyghur Region"
    )
    assert lines[-1] == "2024-08-28-omct-second-anniversary-statement ¶27\tWorld Uyghur Congress"


def test_unknown_id_suggests_the_closest(corpus):
    result = run("show", "2022-09-hrc51")
    assert result.exit_code == 1
    assert "did you mean 2022-09-hrc51-joint-letter?" in result.stderr
    assert result.stdout == ""


def test_paragraph_out_of_range(corpus):
    result = run("show", "2022-09-hrc51-joint-letter", "--para", "24")
    assert result.exit_code == 1
    assert "2022-09-hrc51-joint-letter has 23 paragraphs" in result.stderr


def test_missing_corpus_is_one_line(tmp_path):
    result = run("--corpus", str(tmp_path / "nowhere"), "docs")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "--corpus DIR" in result.stderr


def test_every_command_has_help_and_is_in_the_readme():
    readme = README.read_text()
    for name, command in cli.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0
        assert re.search(rf"udocs {name}\b", readme), f"{name} missing from README"


def test_readme_quick_start_is_two_lines():
    block = re.search(r"## Quick start\n+```sh\n(.*?)```", README.read_text(), re.DOTALL)
    assert block and len(block.group(1).strip().splitlines()) == 2


def _modules_after(*args: str) -> set[str]:
    code = (
        "import sys; from uyghur_docs.cli.main import cli\n"
        f"try: cli({list(args)!r})\n"
        "except SystemExit: pass\n"
        "print(' '.join(sys.modules), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return set(result.stderr.split())


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["docs"]])
def test_help_version_and_docs_import_no_whoosh(args):
    loaded = _modules_after(*args)
    assert "click" in loaded
    heavy = {"whoosh"} if args == ["docs"] else {"whoosh", "rich"}
    # MinHash signatures are made only when documents are indexed.
    heavy |= {"datasketch", "numpy"}
    # The co-signing graph and the pictures load their libraries when asked for.
    heavy |= {"networkx", "matplotlib"}
    assert not {m for m in loaded if m.split(".")[0] in heavy}


def test_every_library_module_imports_without_click_or_rich():
    code = (
        "import importlib, pkgutil, sys\n"
        "class Block:\n"
        "    def find_spec(self, name, *a):\n"
        "        if name.split('.')[0] in {'click', 'rich'}: raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import uyghur_docs\n"
        "names = [m.name for m in pkgutil.walk_packages(uyghur_docs.__path__, 'uyghur_docs.')]\n"
        "library = [n for n in names if n.split('.')[1] not in {'cli', 'render', '__main__'}]\n"
        "for name in library: importlib.import_module(name)\n"
        "print(len(library))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr == ""
    assert int(result.stdout) >= 35


def test_version():
    result = run("--version")
    assert result.stdout == "udocs 0.1.0\n"


def test_closed_pipe_prints_no_traceback(corpus):
    shell = (
        f"{sys.executable} -m uyghur_docs show 2022-08-31-campaign-for-uyghurs-press-release | true"
    )
    result = subprocess.run(shell, shell=True, capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    assert result.stderr == ""


def test_readme_library_example_runs(tmp_path):
    block = re.search(r"## Using it as a library\n+```python\n(.*?)```", README.read_text(), re.S)
    code = block.group(1).replace('"corpus"', repr(str(README.parent / "corpus")))
    code = code.replace('"/tmp/udocs-index"', repr(str(tmp_path / "index")))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "[('2022-09-hrc51-joint-letter', [7, 11]),"
        " ('2022-08-31-campaign-for-uyghurs-press-release', [16, 7, 29]),"
        " ('2024-08-28-omct-second-anniversary-statement', [3]),"
        " ('2022-03-08-open-letter-high-commissioner', [5])]",
        "may constitute international crimes, in particular crimes against humanity.",
        "('2022-03-08-open-letter-high-commissioner',"
        " '2024-08-28-omct-second-anniversary-statement')",
        "2020-03-12-ishr-hrw-news-release 2020-03-12 news-release 0",
        "2022-03-08-open-letter-high-commissioner 2022-03-08 joint-letter 192",
        "2022-08-31-campaign-for-uyghurs-press-release 2022-08-31 press-release 60",
        "2022-09-hrc51-joint-letter 2022-09 joint-letter 6",
        "2024-08-28-omct-second-anniversary-statement 2024-08-28 joint-statement 15",
    ]


def test_new_kinds_are_read_chosen_and_filtered(corpus, tmp_path):
    spoken = tmp_path / "spoken.txt"
    spoken.write_text(
        "Item 4: General Debate\n\n1 October 2022\n\nThank you, Mr President.\n\n"
        "We ask the Council to act on the assessment of the detention in Xinjiang.\n",
        encoding="utf-8",
    )
    story = tmp_path / "story.txt"
    story.write_text("Officials spoke\n\n2 October 2022\n\nThe story.\n", encoding="utf-8")
    assert run_json("add", str(spoken))["added"][0]["kind"] == "oral-statement"
    chosen = run_json("add", str(story), "--kind", "news-article")["added"][0]
    assert (chosen["id"], chosen["kind"]) == ("2022-10-02-officials-spoke", "news-article")
    listed = run_json("docs", "--kind", "oral-statement", "--kind", "news-article")["documents"]
    assert [(r["id"], r["kind"]) for r in listed] == [
        ("2022-10-01-item-4-general-debate", "oral-statement"),
        ("2022-10-02-officials-spoke", "news-article"),
    ]
    found = run_json("search", "detention", "--kind", "oral-statement")["hits"]
    assert [h["id"] for h in found] == ["2022-10-01-item-4-general-debate"]
    assert run("docs", "--kind", "open-letter").exit_code == 0


def test_docs_filters_sorts_and_limits(corpus):
    def ids(*options):
        return [r["id"] for r in run_json("docs", *options)["documents"]]

    assert ids("--kind", "joint-letter") == [
        "2022-03-08-open-letter-high-commissioner",
        "2022-09-hrc51-joint-letter",
    ]
    assert ids("--since", "2022-08", "--until", "2022") == [
        "2022-08-31-campaign-for-uyghurs-press-release",
        "2022-09-hrc51-joint-letter",
    ]
    assert ids("--sort", "title", "-n", "2") == [
        "2024-08-28-omct-second-anniversary-statement",
        "2022-09-hrc51-joint-letter",
    ]
    assert ids("--sort", "date", "--limit", "1") == ["2020-03-12-ishr-hrw-news-release"]
    empty = run("docs", "--since", "2024", "--until", "2023")
    assert empty.exit_code == 1
    assert "the range is empty" in empty.stderr


def _complete(words: str, corpus) -> list[str]:
    env = {
        **os.environ,
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "_UDOCS_COMPLETE": "bash_complete",
        "UDOCS_CORPUS": str(corpus),
    }
    done = subprocess.run(
        [sys.executable, "-m", "uyghur_docs"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_shell_completes_commands_and_document_ids(corpus):
    assert _complete("udocs sea", corpus) == ["plain,search"]
    assert _complete("udocs show 2022-0", corpus) == [
        "plain,2022-03-08-open-letter-high-commissioner",
        "plain,2022-08-31-campaign-for-uyghurs-press-release",
        "plain,2022-09-hrc51-joint-letter",
    ]
    assert _complete("udocs search x --doc 2024", corpus) == [
        "plain,2024-08-28-omct-second-anniversary-statement"
    ]
    assert _complete("udocs remove 2020", corpus / "missing") == [""]
