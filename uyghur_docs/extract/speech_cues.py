"""The words that say who is quoted, in English, French, German and Spanish.

A small declared vocabulary: who may speak (the report, the Office speaking elsewhere,
governments, other bodies), the verbs and prepositions that attach a quotation to a
speaker, and the words that make a quotation a term. Everything is a regular-expression
fragment, matched case-insensitively on a paragraph whose quotations are masked.
"""

# After an inverted reporting verb: "…”, heißt es in dem Bericht", "…», dit l'ONU".
AFTER_PREFIX = r"(?:(?:in|im|dans|en)\s+)?"
DET_WORD = r"the|this|that|its|le|la|l['’]|ce|cette|der|die|das|dem|el|este|su"
_DET = (
    r"(?:the|this|that|its|their|a|an|le|la|l['’]|ce|cette|son|du|au|der|die|das|dem|den|des"
    r"|el|este|su|del)"
)
# Words that may stand before "report" in a name for it ("the landmark UN report").
_REPORT_MODIFIERS = (
    r"un|u\.n\.|un['’]s|ohchr|ohchr['’]s|united\s+nations['’]?|assessment|landmark|long-awaited"
    r"|long-delayed|major|damning|historic|new|final|\d+-page|46-page|48-page|august|31|latest"
    r"|high\s+commissioner['’]s|office['’]s|bachelet['’]s|xinjiang|human\s+rights|onu|uno"
    r"|très\s+attendu|de\s+l['’]onu|der\s+un|de\s+la\s+onu|des\s+hcdh"
)
_UN = (
    r"(?:u\.n\.|un|uno|united\s+nations|onu|naciones\s+unidas|nations\s+unies|vereinten\s+nationen)"
)
REPORT = (
    rf"(?:{_DET}\s+)?(?:(?:{_REPORT_MODIFIERS})\s+)*(?:report|assessment|rapport|bericht|informe"
    rf"|un-bericht|evaluación|évaluation|document|documento|dokument)(?:\s+(?:de\s+l['’]onu|der\s+un|de\s+la\s+onu))?"
    rf"|(?:{_DET}\s+)?{_UN}['’]?s?(?:\s+human\s+rights|-menschenrechts)?\s*(?:office|agency|büro)"
    r"|(?:das\s+)?(?:un-)?menschenrechtsbüro"
    rf"|(?:the\s+|your\s+|her\s+|his\s+)?office|ohchr|hcdh|acnudh|investigators|enquêteurs"
    r"|(?:le\s+|du\s+)?haut-commissariat|(?:das\s+)?hochkommissariat|(?:la\s+)?oficina"
    rf"|(?:the\s+|l['’]|la\s+|die\s+)?{_UN}"
)
OFFICE = (
    r"(?:the\s+)?(?:ohchr\s+|un\s+|u\.n\.\s+)?(?:spokes(?:person|man|woman)|porte-parole|sprecher(?:in)?"
    r"|portavoz)|(?:the\s+)?(?:un\s+|u\.n\.\s+|united\s+nations\s+)?high\s+commissioner"
    r"(?!['’]s\s+report)|(?:un\s+)?(?:human\s+)?rights\s+chief|bachelet|t[üu]rk"
    r"|(?:la\s+|le\s+)?haut(?:e)?[-\s]commissaire|alt[ao]\s+comisionad[ao]"
    r"|(?:die\s+|der\s+)?(?:un-)?(?:menschenrechts)?(?:hoch)?kommissar(?:in)?"
)
GOVERNMENT = (
    r"(?:china['’]s\s+|chinese\s+)?(?:foreign\s+ministry|embassy|ministry\s+of\s+foreign\s+affairs)"
    r"(?:\s+spokes(?:person|man|woman))?"
    r"|(?:the\s+)?chinese\s+(?:government|officials|authorities|state|side|mission)"
    r"|beijing|china|(?:the\s+)?government|officials|pékin|la\s+chine|peking|pekín"
    r"|(?:le\s+)?gouvernement\s+chinois|(?:les\s+)?autorités\s+chinoises"
    r"|(?:die\s+)?chinesische\s+regierung|(?:el\s+)?gobierno\s+chino"
    r"|(?:das\s+)?(?:chinesische\s+)?außenministerium|(?:la\s+)?cancillería\s+china"
    r"|(?:le\s+)?ministère\s+(?:chinois\s+)?des\s+affaires\s+étrangères|la\s+diplomatie\s+chinoise"
)
OTHER = (
    r"(?:\d+\s+)?(?:un\s+|u\.n\.\s+)?(?:experts?|special\s+procedures|special\s+rapporteurs?"
    r"|secretary-general|treaty\s+bodies|human\s+rights\s+council|general\s+assembly"
    r"|security\s+council)|(?:un|u\.n\.)\s+(?:officials|agencies|bodies|member\s+states)|members|(?:the\s+)?committee|ilo|cerd|governments|activists"
    r"|experts|expertos|experten|ong|ngos?"
)
PRONOUN = r"it|they|il|elle|ils|sie|er"
# Every speaker's name starts with a word of two letters or more; testing that first spares
# the long alternation at most word boundaries.
WHO = (
    rf"(?=\w\w)(?i:(?P<office>{OFFICE})|(?P<government>{GOVERNMENT})|(?P<other>{OTHER})"
    rf"|(?P<report>{REPORT})|(?P<pronoun>{PRONOUN}))"
)
# Verbs that report speech, usable before a quotation and, inverted, after it.
# Verbs that report speech, usable before a quotation and, inverted, after it. `*` is any
# one word ("told journalists").
_SAY_WORDS = (
    "said says stated added wrote writes declared notes noted concluded concludes indique"
    " indiquait écrit affirme ajoute déclare dit précise souligne note conclut estime relève"
    " constate schreibt sagte sagt erklärte erklärt betont señala afirma indica dice concluye"
    " sostiene añade agrega escribe dijo afirmó señaló"
)
SAY_PHRASES = (
    *_SAY_WORDS.split(),
    "told *",
    "heißt es",
    "hieß es",
    "a déclaré",
    "a dit",
    "a affirmé",
    "a écrit",
    "a estimé",
    "hat erklärt",
    "ha dicho",
    "peut-on lire",
    "lit-on",
    "ist zu lesen",
)
SAY = "|".join(p.replace(" ", r"\s+").replace("*", r"\w+") for p in SAY_PHRASES)
# The last word of every reporting phrase, for a quick test before any pattern runs.
SAY_LAST_WORDS = frozenset(p.split()[-1] for p in SAY_PHRASES if not p.endswith("*"))
SAY_BEFORE_ANY = frozenset(p.split()[0] for p in SAY_PHRASES if p.endswith("*"))
VERBS = (
    rf"(?:is|are|was|were)\s+calling|{SAY}|states|stating|note|found|finds|find|finding"
    r"|conclude|concluding|recommends|recommended|recommend|affirms|affirmed|confirmed"
    r"|confirms|called|calls|call|calling|described|describes|describing|dismissed|dismisses"
    r"|registered|recalled|recalls|reiterated|reiterates|summari[sz]es|summari[sz]ed|warned"
    r"|warns|warning|adds|determined|determines|urged|urges|declares|observed|observes"
    r"|highlighted|highlights|acknowledged|acknowledges|announced|announces|expressed"
    r"|expresses|branded|labell?ed|accused|accuses|accusing|details|detailed|detailing"
    r"|lists|listed|identifies|identified|mentions|mentioned"
    r"|rejected|rejects|saying|noting|cites|cited|asserted|asserts|documented"
    r"|alleged|alleges|points\s+to|refers\s+to|speaks\s+of|spoke\s+of|evokes|sets\s+out"
    r"|set\s+out|lays\s+out|laid\s+out|spells\s+out|reads"
    r"|évoque|évoquait|fait\s+état|dénonce|accuse|a\s+conclu|a\s+constaté|a\s+estimé"
    r"|a\s+dénoncé|qualifie|recommande|stellt\s+fest|spricht\s+von|wirft|kommt\s+zu"
    r"|bezeichnet|empfiehlt|denuncia|recomienda|habla\s+de|acusa|califica|describe|werfen"
    r"|zufolge|nannte|nennt|bezeichnete|kritisierte|calificó|denunció|describió|tildó"
    r"|a\s+qualifié|a\s+jugé|juge|dénoncé"
)
# Words one of which any ACCORDING phrase contains.
ACCORDING_KEYS = (
    "according",
    "words of",
    "as stated",
    "as set out",
    "selon",
    "après",
    "termes",
    "laut",
    "angaben",
    "según",
    "acuerdo",
    "palabras",
)
# Nouns for what a speaker said or wrote ("the report's conclusion that …").
WORDS_NOUN_STEMS = (
    "conclusion",
    "finding",
    "words",
    "language",
    "recommendation",
    "description",
    "wording",
    "verdict",
    "assessment",
    "warning",
    "statement",
)
WORDS_NOUNS = "|".join(rf"{stem}s?" for stem in WORDS_NOUN_STEMS)
# Verbs of a written finding: the High Commissioner "concluded" in the report itself.
FINDING = r"found|finds|concluded|concludes|determined|determines|conclut|a\s+conclu|concluye"
# Prepositions naming the speaker after them, next to the quotation or earlier in its
# sentence ("Selon le rapport, les détenus ont subi des « tortures »").
ACCORDING = (
    r"according\s+to|in\s+the\s+words\s+of|as\s+stated\s+in|as\s+set\s+out\s+in|selon|d['’]après"
    r"|aux\s+termes\s+d[eu]|laut|nach\s+angaben|según|de\s+acuerdo\s+con|en\s+palabras\s+de"
)
SCARE = (
    r"so-called|dubbed|termed|known\s+as|the\s+(?:word|term|phrase|label)|what\s+it\s+calls"
    r"|soi-disant|prétendu(?:e|s|es)?|dites?|dits|sogenannte[nmrs]?|so\s+genannte[nmrs]?"
    r"|llamad[oa]s?|supuest[oa]s?|denominad[oa]s?"
)
# Prepositions: a speaker named right after one is not the subject ("the Republic of China").
_PREPOSITION_WORDS = (
    "of in on for against to from with about at into over toward towards by between de des du"
    " à sur pour contre avec von vom gegen mit über für zu en con sobre contra para"
)
PREPOSITIONS = frozenset(_PREPOSITION_WORDS.split())
_DETERMINER_WORDS = (
    "the a an this that its their le la les l un une ce cette der die das dem den des el los"
    " las este esta su"
)
DETERMINERS = frozenset(_DETERMINER_WORDS.split())
