"""Build the OHCHR report's text that ships with udocs, from the official PDF.

    python scripts/build_report.py /path/to/ohchr-assessment-2022-08-31.pdf

writes `uyghur_docs/extract/ohchr-assessment-2022-08-31.json`: the PDF's sha256 and source,
the numbered paragraphs ¶1–¶153, and the appendix (the annex note). Only the body text is
kept: footnotes, footnote numbers and page numbers are set in smaller type in the PDF and
are left out by size; headings are left out by `extract.report.number_blocks`. A line that
ends with a hyphen joins the next line without a space (`counter-` / `terrorism`).
"""

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import pdfplumber

from uyghur_docs.extract.report import SHIPPED, number_blocks

SOURCE = (
    "https://www.ohchr.org/en/documents/country-reports/"
    "ohchr-assessment-human-rights-concerns-xinjiang-uyghur-autonomous-region"
)
RETRIEVED_FROM = (
    "kelnetic/uyghur-chatbot@926f614617688330a8f90893035f0995104b415e"
    ":data/22-08-31-final-assesment.pdf"
)
# The body is set in 10 pt, footnotes in 9 pt, footnote numbers in 6–6.5 pt, titles in 12 pt.
BODY_SIZES = (9.5, 11.0)
APPENDIX = re.compile(r"^Appendix\s*$", re.MULTILINE)
PAGE_NUMBER = re.compile(r"\n\d+\s*$")


def body_text(page) -> str:
    """A page's body lines (not bold: headings), lines broken after a hyphen joined again."""
    low, high = BODY_SIZES
    body = page.filter(
        lambda o: (
            o.get("object_type") != "char"
            or (low <= o["size"] < high and "Bold" not in o["fontname"])
        )
    )
    return joined(body.extract_text() or "")


def joined(text: str) -> str:
    return re.sub(r"(?<=\w-)\n(?=[a-z0-9])", "", text)


def build(pdf_path: Path) -> dict:
    data = pdf_path.read_bytes()
    with pdfplumber.open(pdf_path) as pdf:
        pages = [body_text(page) for page in pdf.pages]
        last = joined(pdf.pages[-1].extract_text() or "")
    # The first page is the title, the second the contents; the appendix is the last page.
    body = pages[2:-1]
    annex = PAGE_NUMBER.sub("", APPENDIX.split(last, maxsplit=1)[-1])
    report = number_blocks(body, str(pdf_path))
    return {
        "title": "OHCHR Assessment of human rights concerns in the Xinjiang Uyghur Autonomous"
        " Region, People’s Republic of China",
        "date": "2022-08-31",
        "source": SOURCE,
        "retrieved_from": RETRIEVED_FROM,
        "pdf": pdf_path.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "built_by": "scripts/build_report.py",
        "paragraphs": [[p.number, p.text] for p in report.paragraphs],
        "annex": " ".join(annex.split()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    args = parser.parse_args()
    built = build(args.pdf)
    numbers = [n for n, _ in built["paragraphs"]]
    if numbers != list(range(1, len(numbers) + 1)):
        print(f"error: paragraphs are not numbered 1..N in order: {numbers}", file=sys.stderr)
        return 1
    text = json.dumps(built, ensure_ascii=False, indent=0)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(numbers)} paragraphs, sha256 {built['sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
