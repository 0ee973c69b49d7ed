import json

from .conftest import SEED_IDS, run, run_json

ISHR_RELEASE, MARCH, CAMPAIGN, HRC51, OMCT = SEED_IDS


def letters(org: str) -> list[tuple[str, str, str]]:
    data = run_json("signers", "--org", org)
    return [(le["id"], le["role"], le["as_written"]) for le in data["letters"]]


def test_org_answers_by_role():
    assert letters("hrw") == [
        (ISHR_RELEASE, "issuer", "Human Rights Watch"),
        (MARCH, "signatory", "Human Rights Watch"),
        (HRC51, "signatory", "Human Rights Watch"),
    ]
    assert letters("International Service for Human Rights") == [
        (ISHR_RELEASE, "issuer", "International Service for Human Rights (ISHR)"),
        (MARCH, "signatory", "International Service for Human Rights (ISHR)"),
        (HRC51, "signatory", "International Service for Human Rights"),
    ]
    assert letters("article 19") == [
        (MARCH, "signatory", "ARTICLE 19"),
        (OMCT, "signatory", "Article 19"),
    ]
    assert letters("OMCT") == [
        (MARCH, "signatory", "World Organisation Against Torture (OMCT)"),
        (OMCT, "signatory", "World Organisation Against Torture (OMCT)"),
        (OMCT, "issuer", "OMCT"),
    ]
    assert letters("HRIC") == [
        (MARCH, "signatory", "Human Rights in China (HRIC)"),
        (OMCT, "signatory", "Human Rights in China"),
    ]
    assert letters("WORLD UYGHUR CONGRESS") == [
        (MARCH, "signatory", "World Uyghur Congress"),
        (CAMPAIGN, "signatory", "World Uyghur Congress"),
        (HRC51, "signatory", "World Uyghur Congress"),
        (OMCT, "signatory", "World Uyghur Congress"),
    ]


def test_org_json_contract():
    data = run_json("signers", "--org", "ISHR")
    assert data["organisation"] == {
        "name": "International Service for Human Rights",
        "aliases": ["International Service for Human Rights (ISHR)", "ISHR"],
    }
    assert set(data["letters"][0]) == {"id", "title", "date", "role", "as_written"}


def test_never_merged():
    for a, b in [
        ("World Uyghur Congress", "World Uyghur Congress Foundation"),
        ("Human Rights Watch", "East Turkistan Human Rights Watch"),
        ("Uyghur Academy", "Uyghur Academy USA"),
        ("Austria Uyghur Association", "Australian Uyghur Association"),
    ]:
        assert run_json("signers", "--org", a)["organisation"]["name"] == a
        assert run_json("signers", "--org", b)["organisation"]["name"] == b


def test_repeated_org_lists_letters_signed_by_all():
    data = run_json("signers", "--org", "World Uyghur Congress", "--org", "ISHR")
    assert [le["id"] for le in data["letters"]] == [MARCH, HRC51]


def test_doc_lists_signatories_and_issuers_in_order():
    counts = {d: len(run_json("signers", "--doc", d)["signatories"]) for d in SEED_IDS}
    assert counts == {ISHR_RELEASE: 0, MARCH: 192, CAMPAIGN: 60, HRC51: 6, OMCT: 15}
    hrc = run_json("signers", "--doc", HRC51)
    assert [s["name"] for s in hrc["signatories"]] == [
        "Amnesty International",
        "Human Rights Watch",
        "International Commission of Jurists",
        "International Service for Human Rights",
        "Uyghur Human Rights Project",
        "World Uyghur Congress",
    ]
    assert hrc["issuers"] == []
    release = run_json("signers", "--doc", ISHR_RELEASE)
    assert [i["name"] for i in release["issuers"]] == [
        "Human Rights Watch",
        "International Service for Human Rights",
    ]
    assert [i["name"] for i in run_json("signers", "--doc", CAMPAIGN)["issuers"]] == [
        "Campaign for Uyghurs"
    ]


def test_listing_counts_letters_most_first():
    orgs = run_json("signers")["organisations"]
    top = [(o["name"], len({le["id"] for le in o["letters"]})) for o in orgs[:2]]
    assert top == [("Uyghur Human Rights Project", 4), ("World Uyghur Congress", 4)]
    assert set(orgs[0]) == {"name", "aliases", "letters"}


def test_pairs_who_signed_together():
    pairs = run_json("signers", "--pairs", "--limit", "1")["pairs"]
    assert pairs == [
        {
            "first": "Uyghur Human Rights Project",
            "second": "World Uyghur Congress",
            "count": 4,
            "letters": [MARCH, CAMPAIGN, HRC51, OMCT],
        }
    ]


def test_ambiguous_and_unknown_names_exit_1():
    ambiguous = run("signers", "--org", "Uyghur Association")
    assert ambiguous.exit_code == 1
    assert "matches 8 organisations" in ambiguous.stderr
    assert "Austria Uyghur Association" in ambiguous.stderr
    unknown = run("signers", "--org", "Human Rights Wach")
    assert unknown.exit_code == 1 and "did you mean Human Rights Watch" in unknown.stderr


def test_docs_counts_signatories():
    rows = run_json("docs")["documents"]
    assert [r["signatories"] for r in rows] == [0, 192, 60, 6, 15]


def test_search_signed_by():
    data = run_json("search", "torture", "--signed-by", "HRW")
    assert {h["id"] for h in data["hits"]} == {MARCH, HRC51}
    none = run_json("search", "Karakax", "--signed-by", "Reporters Without Borders")
    assert none["hits"] == []


def test_csv_and_usage_errors():
    lines = run("signers", "--org", "OMCT", "--csv").stdout.splitlines()
    assert lines[0] == "id,date,role,as_written,title"
    assert len(lines) == 4
    assert run("signers", "--org", "OMCT", "--doc", OMCT).exit_code == 2


def test_a_signature_heading_without_names_warns_on_add_and_doc(tmp_path):
    letter = tmp_path / "letter.md"
    letter.write_text(
        "# Joint letter\n\nWe urge the Council to act.\n\nSignatories:\n\n"
        "For more information, write to us.\n",
        encoding="utf-8",
    )
    added = run("add", str(letter), "--id", "unsigned-letter")
    assert added.exit_code == 0
    warning = "a signature block starts at ¶3 (“Signatories:”) but no names were read"
    assert warning in added.stderr
    shown = run("signers", "--doc", "unsigned-letter", "--json")
    assert json.loads(shown.stdout)["unread"] == [3]
    assert warning in shown.stderr
    plain = tmp_path / "plain.md"
    plain.write_text("# A note\n\nWe urge the Council to act.\n", encoding="utf-8")
    assert "warning" not in run("add", str(plain), "--id", "plain-note").stderr
    assert "warning" not in run("signers", "--doc", "plain-note").stderr


def test_repeated_signed_by_keeps_the_letters_signed_by_all():
    assert {h["id"] for h in run_json("search", "torture", "--signed-by", "OMCT")["hits"]} == {
        MARCH,
        OMCT,
    }
    both = run_json("search", "torture", "--signed-by", "OMCT", "--signed-by", "HRW")
    assert [h["id"] for h in both["hits"]] == [MARCH]
