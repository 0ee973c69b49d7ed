"""Synthetic statements for the benchmarks: seeded, reproducible, streamed to disk.

`generate(folder, n, seed=0)` writes n UTF-8 `.txt` files named `YYYY-MM-DD-slug-N.txt` that
look like the bundled statements: a heading with a kind cue, a dateline in one of several
formats (`12.03.2020`, `8 March, 2022`, `August 31, 2022`, ...), an address line, body
paragraphs quoting the OHCHR assessment in curly quotes, numbered lists, signature blocks
("Signatories:" and organisation names, one per line or one per paragraph) and press contact
lines. The words are a Zipf-weighted mix of real English and a few thousand pseudo-words, so
the index vocabulary is not trivially small.

Documents are generated and written one at a time: memory stays flat at 100,000 documents.

With `short`, each statement is about 2 KB (2-4 body paragraphs, 5-24 signatories, quotes
as often): the shape of most real joint statements, where per-document costs dominate.

    python bench/synth.py DIR N [--seed S] [--short]
"""

import argparse
import datetime as dt
import itertools
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

ENGLISH = """
the of and to in a that is for on as with by are be this it from at or have has not which
their its an was were they we our all these been more other also will must should would can
may such any those than into over under between against after before during without within
about through including because while where when there who whose what each both many most
some only even still further new under own same so very well just now then here however
human rights government chinese china uyghur uyghurs region xinjiang report office high
commissioner council united nations member states state international community people
detention camps torture ill treatment forced labour labor surveillance religious cultural
freedom expression assembly association family families members children women men
survivors victims witnesses evidence accountability justice investigation independent
access unfettered visit mission mandate special procedures rapporteur experts treaty bodies
committee session resolution debate vote voted statement letter joint open call calls
urge urges urged welcome welcomes concern concerns serious grave systematic widespread
arbitrary discriminatory mass policies policy practices laws law legal framework
counterterrorism terrorism extremism security measures authorities officials beijing
party leadership program programmes centres facilities prisons sentences sentenced
imprisonment disappearance disappeared enforced missing whereabouts relatives abroad
diaspora transnational repression harassment intimidation threats reprisals journalists
defenders lawyers academics scholars students writers artists religious leaders imams
mosques shrines cemeteries destroyed demolished language education schools boarding
separation birth rates sterilisation contraception coercive population control health
medical treatment involuntary sexual violence gender based rape abuse abuses crimes
humanity genocide atrocity atrocities finding findings conclusion conclusions assessment
recommendations recommendation implement implementation follow up response responses
businesses companies supply chains products cotton solar tomatoes due diligence sanctions
trade import ban goods investors brands audit auditors transparency information data
documents leaked files police records photographs satellite imagery testimony testimonies
interviews research researchers organisations organizations groups coalition network
civil society partners support supporting supported action actions steps step urgent
immediately without delay year years month months anniversary since until today week
world global regional national local public private official unofficial credible
reliable consistent documented document documenting shows show shown demonstrates clear
clearly continue continues continued ongoing remain remains remained recent recently
first second third last next final full fully part parts number numbers hundreds
thousands million millions percent rate increase decrease significant particular
particularly specific specifically general generally broad broader narrow wide large
small long short high low free release released detained held hold holding camp
"""

PLACES = [
    "Ürümqi",
    "Kashgar",
    "Hotan",
    "Aksu",
    "Ghulja",
    "Turpan",
    "Korla",
    "Karamay",
    "Yarkand",
    "Atush",
    "Kucha",
    "Khotan",
    "Qumul",
    "Altay",
    "Tacheng",
    "Bortala",
    "Ili",
    "Kizilsu",
    "Shache",
    "Yining",
    "Hami",
    "Changji",
    "Shihezi",
    "Artux",
    "Kargilik",
]
PEOPLE = [
    "Bachelet",
    "Türk",
    "Guterres",
    "Pedersén",
    "Müller",
    "Šimić",
    "Núñez",
    "Dvořák",
    "Ólafsdóttir",
    "Gülnar",
    "Abdurehim",
    "Tohti",
    "Ilham",
    "Rahile",
    "Dawut",
    "Zumret",
    "Sayragul",
    "Mihrigul",
    "Ömer",
    "Kanat",
    "Dolkun",
    "Isa",
    "Rushan",
    "Abbas",
    "Jewher",
    "Sauytbay",
    "Tursun",
    "Gülbahar",
    "Haitiwaji",
    "Kalbinur",
    "Sidik",
    "Qelbinur",
    "Abduweli",
    "Ayup",
    "Ekpar",
    "Asat",
    "Ferkat",
    "Jawdat",
    "Tahir",
    "Hamut",
    "Perhat",
    "Tursun",
    "Zohra",
    "Élodie",
    "Grégoire",
    "Søren",
    "Bjørn",
    "Åsa",
]
DOMAIN = """
Kazakhs Kyrgyz Hui Uzbeks Tajiks Turkic Muslims Islam Islamic Muslim Genève Zürich Malmö
München Montréal Kraków Bogotá São Paulo Reykjavík İstanbul Düsseldorf Göteborg Århus
"""

# Phrases from the OHCHR assessment (31 August 2022), quoted in curly quotes.
REPORT_PHRASES = (
    "may constitute international crimes, in particular crimes against humanity",
    "serious human rights violations have been committed",
    "arbitrary and discriminatory detention",
    "credible",
    "patterns of torture or ill-treatment",
    "vocational education and training centres",
    "broad interpretations of ‘extremism’",
    "to continue and recur",
    "urgent attention by the United Nations intergovernmental bodies and human rights system",
    "deprivation of liberty",
    "forced labour",
    "sexual and gender-based violence",
    "enforced disappearances",
    "family separation",
    "coercive enforcement of family planning policies",
    "an inherent risk of unnecessary, disproportionate and discriminatory application",
    "religious or cultural practice or expression is conflated with ‘extremism’",
    "finalising its assessment of the available information",
    "fully investigated",
    "completely illegal and void",
    "severe restrictions on a wide range of human rights",
    "the extent of arbitrary and discriminatory detention",
)

HEADINGS = (
    ("Joint statement", "Joint statement on {topic}"),
    ("Joint letter", "Joint letter to {addressee}: {topic}"),
    ("Open letter", "Open letter to {addressee}: {topic}"),
    ("Press release", "PRESS RELEASE\n{topic}"),
    ("News release", "{org} news release: {topic}"),
    ("Other", "{place}: {topic}"),
)
TOPICS = (
    "the OHCHR assessment must spur action",
    "the anniversary of the OHCHR assessment of human rights concerns in Xinjiang",
    "atrocity crimes in the Uyghur region",
    "the report on grave human rights violations can wait no longer",
    "forced labour and supply chains in the Uyghur region",
    "the High Commissioner must brief the Human Rights Council",
    "transnational repression of Uyghurs abroad",
    "the disappeared relatives of Uyghurs in the diaspora",
    "accountability for crimes against humanity in {place}",
    "the detention of scholars and writers in {place}",
)
ADDRESSEES = (
    "the UN High Commissioner for Human Rights",
    "Members and Observers of the UN Human Rights Council",
    "the UN Secretary-General",
    "the Permanent Representatives of UN Member States",
)
ADDRESS_LINES = (
    "To Members and Observers of the UN Human Rights Council:",
    "Madam High Commissioner,",
    "Dear High Commissioner Türk,",
    "Your Excellencies,",
    "Dear Secretary-General,",
)
SIGNATURE_HEADS = (
    "Signatories:",
    "Signatory NGOs (in alphabetic order):",
    "Signed by:",
    "List of signatories:",
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

ORG_TYPES = [
    "Association",
    "Foundation",
    "Committee",
    "Center",
    "Centre",
    "Institute",
    "Network",
    "Coalition",
    "Union",
    "Alliance",
    "Council",
    "Society",
    "Project",
    "Initiative",
    "Forum",
    "League",
    "Watch",
    "Campaign",
    "Federation",
    "Trust",
]
ORG_FIELDS = [
    "Human Rights",
    "Uyghur",
    "Tibetan",
    "Democracy",
    "Religious Freedom",
    "Labour Rights",
    "Press Freedom",
    "Civil Liberties",
    "Refugee",
    "Women's Rights",
    "Justice",
    "Solidarity",
    "Culture and Education",
    "Science and Civilization",
    "Youth",
    "Students",
    "Lawyers",
    "Muslim",
    "Interfaith",
    "Transitional Justice",
]
ORG_PLACES = [
    "Australia",
    "Belgium",
    "Canada",
    "Germany",
    "France",
    "Japan",
    "Norway",
    "Sweden",
    "Switzerland",
    "Türkiye",
    "Kazakhstan",
    "Kyrgyzstan",
    "Netherlands",
    "Finland",
    "Denmark",
    "Austria",
    "Italy",
    "Spain",
    "Taiwan",
    "Hong Kong",
    "Genève",
    "Zürich",
    "Malmö",
    "München",
    "Montréal",
    "Kraków",
    "Bogotá",
    "São Paulo",
    "Reykjavík",
    "İstanbul",
    "Düsseldorf",
    "Göteborg",
    "Århus",
    "Victoria",
    "Alberta",
    "Bavaria",
    "Europe",
    "Asia",
    "the Americas",
    "Africa",
]

_CONSONANTS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "q",
    "r",
    "s",
    "t",
    "v",
    "w",
    "x",
    "y",
    "z",
    "ch",
    "sh",
    "zh",
    "kh",
    "gh",
    "ts",
]
_VOWELS = [
    "a",
    "e",
    "i",
    "o",
    "u",
    "a",
    "e",
    "i",
    "o",
    "u",
    "a",
    "e",
    "i",
    "o",
    "u",
    "ü",
    "ö",
    "ə",
    "ai",
    "ei",
]
_CODAS = ["", "", "", "", "n", "r", "l", "m", "t", "k", "s", "q"]


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3, 3))
        word = "".join(
            rng.choice(_CONSONANTS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
            for _ in range(syllables)
        )
        words[word] = None
    return list(words)


def _org_pool(rng: random.Random, count: int, pseudo: list[str]) -> list[str]:
    pool: dict[str, None] = {}
    while len(pool) < count:
        form = rng.randrange(6)
        place, field, kind = rng.choice(ORG_PLACES), rng.choice(ORG_FIELDS), rng.choice(ORG_TYPES)
        name = rng.choice(pseudo).capitalize()
        if form == 0:
            org = f"{place} {field} {kind}"
        elif form == 1:
            org = f"{field} {kind} of {place}"
        elif form == 2:
            org = f"{name} {field} {kind}"
        elif form == 3:
            org = f"{kind} for {field} in {place}"
        elif form == 4:
            size = rng.randint(3, 5)
            letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(size))
            org = f"{letters}-{place}" if rng.random() < 0.3 else letters
        else:
            org = f"{name} {kind} ({place})"
        pool[org] = None
    return list(pool)


def _long_body(rng: random.Random) -> int:
    return 5 + int(55 * rng.random() ** 3)  # 5..60 paragraphs, mean about 19


def _long_signers(rng: random.Random) -> int:
    return int(10 * 20 ** rng.random())  # log-uniform, 10..200


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = [w for w in "".join(c if c.isalnum() else " " for c in ascii_text).split() if w]
    return "-".join(words[:5]) or "statement"


class Generator:
    """The shared, seeded material (vocabulary, organisations) and the document writer."""

    def __init__(
        self,
        seed: int = 0,
        pseudo_words: int = 4000,
        organisations: int = 3000,
        short: bool = False,
    ):
        rng = random.Random(f"udocs-bench-material-{seed}")
        english = list(dict.fromkeys(ENGLISH.split()))
        domain = list(dict.fromkeys(PLACES + PEOPLE + DOMAIN.split()))
        self.pseudo = _pseudo_words(rng, pseudo_words)
        self.organisations = _org_pool(rng, organisations, self.pseudo)
        self.people = list(dict.fromkeys(PEOPLE))
        self.places = PLACES
        # Zipf weights: common English first, then domain words, then the pseudo-word tail.
        self.vocabulary = english + domain + self.pseudo
        weights = [1.0 / (rank + 3) ** 1.1 for rank in range(len(self.vocabulary))]
        self.cum_weights = list(itertools.accumulate(weights))
        self.seed = seed
        # Short statements (about 2 KB): a few body paragraphs and a short signature block.
        self.body = (lambda rng: rng.randint(2, 4)) if short else _long_body
        self.signers = (lambda rng: int(5 * 5 ** rng.random())) if short else _long_signers
        self.signed = 0.8 if short else 0.5

    # -- pieces ----------------------------------------------------------------------------

    def _words(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=n)

    def _sentence(self, rng: random.Random) -> str:
        words = self._words(rng, rng.randint(8, 28))
        roll = rng.random()
        if roll < 0.18:
            cut = rng.randrange(len(words))
            words.insert(cut, f"“{rng.choice(REPORT_PHRASES)}”")
        elif roll < 0.24:
            words.insert(rng.randrange(len(words)), f"[{' '.join(self._words(rng, 3))}](#)")
        elif roll < 0.30:
            words.insert(rng.randrange(len(words)), f"in {rng.choice(self.places)}")
        elif roll < 0.34:
            words.append(f"said {rng.choice(self.people)} {rng.choice(self.people)}")
        sentence = " ".join(words)
        if rng.random() < 0.1:
            sentence = sentence.replace(" s ", "’s ", 1)
        return sentence[0].upper() + sentence[1:] + rng.choice(".....?")

    def _paragraph(self, rng: random.Random) -> str:
        return " ".join(self._sentence(rng) for _ in range(rng.choice((1, 2, 3, 3, 4, 5, 6))))

    def _date(self, rng: random.Random) -> tuple[dt.date, str]:
        day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(9 * 365))
        month = MONTHS[day.month - 1]
        fmt = rng.randrange(7)
        text = (
            f"{day.day:02d}.{day.month:02d}.{day.year}",
            f"{day.day} {month}, {day.year}",
            f"{month} {day.day}, {day.year}",
            day.isoformat(),
            f"{day.day} {month} {day.year}",
            f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}, {rng.choice(self.organisations)}",
            f"{month[:3]}. {day.day}, {day.year}",
        )[fmt]
        return day, text

    # -- documents -------------------------------------------------------------------------

    def document(self, number: int) -> tuple[str, str]:
        """The file name and text of document `number` (independent of the others)."""
        rng = random.Random(f"udocs-bench-{self.seed}-{number}")
        _, heading = rng.choice(HEADINGS)
        topic = rng.choice(TOPICS).format(place=rng.choice(self.places))
        title = heading.format(
            topic=topic,
            addressee=rng.choice(ADDRESSEES),
            org=rng.choice(self.organisations),
            place=rng.choice(self.places),
        )
        day, dateline = self._date(rng)
        paras = [title, dateline]
        if rng.random() < 0.5:
            paras.append(rng.choice(ADDRESS_LINES))
        body = self.body(rng)
        list_at = rng.randrange(body) if rng.random() < 0.3 else -1
        for i in range(body):
            paras.append(self._paragraph(rng))
            if i == list_at:
                items = [f"{k}. {self._sentence(rng)}" for k in range(1, rng.randint(3, 9))]
                if rng.random() < 0.5:
                    paras.extend(items)
                else:
                    paras.append("\n".join(items))
        if rng.random() < 0.3:
            paras.append(rng.choice(("Sincerely,", "Respectfully,", "Yours sincerely,")))
        if rng.random() < self.signed:
            count = self.signers(rng)
            orgs = rng.sample(self.organisations, count)
            if rng.random() < 0.3:
                orgs.sort()
            paras.append(rng.choice(SIGNATURE_HEADS))
            if rng.random() < 0.4:
                paras.extend(orgs)  # one organisation per paragraph
            else:
                numbered = rng.random() < 0.3
                paras.append(
                    "\n".join(f"{k}. {o}" if numbered else o for k, o in enumerate(orgs, 1))
                )
        if rng.random() < 0.35:
            paras.append("For more information, please contact:")
            for _ in range(rng.randint(1, 3)):
                person = f"{rng.choice(self.people)} {rng.choice(self.people)}"
                org = rng.choice(self.organisations)
                user = _slug(person).replace("-", ".")
                paras.append(
                    f"For {org}, in {rng.choice(self.places)}, {person} (English, French): "
                    f"+41-{rng.randint(10, 99)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
                    f"; or {user}@example.org."
                )
        name = f"{day.isoformat()}-{_slug(topic)}-{number}.txt"
        return name, "\n\n".join(paras) + "\n"

    def documents(self, n: int, start: int = 0) -> Iterator[tuple[str, str]]:
        for number in range(start, start + n):
            yield self.document(number)


def generate(folder, n: int, seed: int = 0, short: bool = False) -> int:
    """Write n synthetic statements into folder (created if needed); the bytes written.
    `short`: statements of about 2 KB each (2-4 body paragraphs, 5-24 signatories)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in Generator(seed, short=short).documents(n):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Write n synthetic statements into a folder.")
    parser.add_argument("folder")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--short", action="store_true", help="statements of about 2 KB")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    size = generate(args.folder, args.n, seed=args.seed, short=args.short)
    elapsed = time.perf_counter() - start
    print(f"{args.n} documents, {size / 1e6:.1f} MB in {elapsed:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
