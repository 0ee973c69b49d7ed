"""The ids `udocs add` makes: from the title, or from the file name when the title is in
another script than Latin."""

import pytest

from uyghur_docs.corpus.ids import make_id

from .conftest import run_json


@pytest.mark.parametrize(
    ("title", "stem", "made"),
    [
        ("关于新疆人权报告的声明", "ngo-statement-zh", "2022-09-01-ngo-statement-zh"),
        ("신장 인권 보고서에 관한 성명", "2022-09-01_Korean Groups", "2022-09-01-korean-groups"),
        ("بيان حول تقرير شينجيانغ", "bayan.ar", "2022-09-01-bayan-ar"),
        ("Заявление о докладе", "zayavlenie", "2022-09-01-zayavlenie"),
        # A file name in the same script gives nothing: the date alone, as before.
        ("关于新疆人权报告的声明", "声明", "2022-09-01"),
        # A Latin title keeps its own words, whatever the file is called.
        ("Act on the Xinjiang report", "scan-0042", "2022-09-01-act-on-the-xinjiang-report"),
    ],
)
def test_a_title_in_another_script_takes_the_file_names_words(title, stem, made):
    assert make_id(title, "2022-09-01", set(), stem) == made


def test_added_chinese_and_korean_statements_are_named_after_their_files(corpus, tmp_path):
    chinese = tmp_path / "xinjiang-joint-statement-zh.txt"
    chinese.write_text("关于新疆人权报告的联合声明\n\n2022年9月1日\n\n我们呼吁行动。\n", "utf-8")
    korean = tmp_path / "korean_statement.txt"
    korean.write_text("신장 인권 보고서에 관한 성명\n\n2022-09-02\n\n행동을 촉구한다.\n", "utf-8")
    added = run_json("add", str(chinese), str(korean))["added"]
    assert [(a["id"], a["title"]) for a in added] == [
        ("2022-09-01-xinjiang-joint-statement-zh", "关于新疆人权报告的联合声明"),
        ("2022-09-02-korean-statement", "신장 인권 보고서에 관한 성명"),
    ]
