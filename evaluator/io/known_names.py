"""The headers and labels that Danish case systems use for the columns and codes of SPEC §1.2.

`evaluator map` matches an export's headers and code values against these lists (SPEC §1.3).
The spec lists the names that must be known; the rest (contracts, exit codes, surveys and
progression, and the exit categories) are our own, chosen from the words jobcenters use in their
contract lists and Workbase exports, and written up in docs/mapping.md.

Names are compared in their `name_key` form: case-insensitive, with æ/ø/å also written ae/oe/aa,
and with spaces, `-`, `.` and `_` ignored, so `CPR-nr.`, `cpr nr` and `CPRNR` are one name.
"""

import re

SEPARATORS = re.compile(r"[\s\-._]+")
# A cell with a run of six digits may be a CPR number or a pseudonym: a data row taken for a
# header must not put one on the terminal (SPEC §6).
ID_LIKE = re.compile(r"\d{6}")
LETTER = re.compile(r"[^\W\d_]")
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})

# Spec column → the headers it is known by besides its own name, in any table that has it.
KNOWN_HEADERS: dict[str, tuple[str, ...]] = {
    "participation_id": ("forloebid", "forløbsid", "forloebsnummer"),
    "citizen_id": ("cpr", "cprnr", "cprnummer", "borgerid", "personid"),
    "jobcenter": ("kommune",),
    "department": ("afdeling",),
    "benefit_group": ("ydelsesgruppe", "ydelsesgrupper", "ydelse", "maalgruppe"),
    "match_group": ("matchgruppe", "visitationskategori"),
    "age": ("alder",),
    "benefit_weeks_before": ("ugerpaaydelse", "ydelsesuger"),
    "offer_id": ("tilbudid", "tilbudsnummer"),
    "start_date": ("startdato", "indsatsstartdato"),
    "end_date": ("slutdato", "indsatsslutdato"),
    "completion": ("afslutning", "afslutningsaarsag", "aarsagtilophoer"),
    "exit_date": ("afgangsdato",),
    "exit_code": ("afgangskode",),
    "offer_name": ("tilbudsnavn",),
    "offer_type": ("tilbudstype", "aktiveringstype"),
    "provider_id": ("leverandoerid",),
    "provider_name": ("leverandoernavn", "leverandoer"),
    "price_model": ("prismodel",),
    "unit_price": ("enhedspris",),
    "valid_from": ("gyldigfra",),
    "valid_to": ("gyldigtil",),
    # Beyond the spec's list: contracts, exit codes, surveys and progression.
    "contract_id": ("kontraktid", "kontraktnummer", "kontrakt"),
    "target_effect_rate": ("maaleffektrate", "effektmaal", "maalteffektrate"),
    "max_effect_price": ("maksimaleffektpris", "maxeffektpris", "effektprisloft"),
    "min_participants": ("mindsteantaldeltagere", "minimumdeltagere", "mindstedeltagere"),
    "category": ("kategori", "afgangskategori"),
    "label": ("tekst", "betegnelse", "afgangstekst"),
    "response_date": ("besvarelsesdato", "svardato"),
    "assessment_date": ("vurderingsdato",),
    "score": ("point", "karakter"),
}

BENEFIT_GROUP_LABELS: dict[str, tuple[str, ...]] = {
    "dagpenge": ("A-dagpenge", "Dagpenge"),
    "kontanthjaelp": ("Kontanthjælp",),
    "uddannelseshjaelp": ("Uddannelseshjælp",),
    "sygedagpenge": ("Sygedagpenge",),
    "jobafklaring": ("Jobafklaringsforløb",),
    "ressourceforloeb": ("Ressourceforløb",),
    "ledighedsydelse": ("Ledighedsydelse",),
    "integrationsydelse": ("Integrationsydelse", "Selvforsørgelses- og hjemrejseydelse"),
    "revalidering": ("Revalidering", "Forrevalidering og revalidering"),
}

# Spec column → spec value → the labels it is known by in an export.
KNOWN_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "benefit_group": {
        code: labels + tuple(f"{label} mv." for label in labels)
        for code, labels in BENEFIT_GROUP_LABELS.items()
    },
    "match_group": {
        "1": (
            "Jobparat",
            "Uddannelsesparat",
            "Åbenlyst uddannelsesparat",
            "Åbenlys uddannelsesparat",
        ),
        "2": ("Aktivitetsparat",),
        "3": ("Midlertidigt passiv",),
    },
    "completion": {"completed": ("Gennemført",), "dropped_out": ("Afbrudt",)},
    "price_model": {
        "per_participant": ("Pr. deltager", "Deltagerpris"),
        "per_week": ("Pr. uge", "Ugepris"),
        "per_day": ("Pr. dag", "Dagspris"),
    },
    # Beyond the spec's list: the exit categories of `exit_codes`.
    "category": {
        "job": ("Job", "Beskæftigelse", "Ordinær beskæftigelse"),
        "education": ("Uddannelse",),
        "other": ("Andet", "Øvrige", "Anden afgang"),
    },
}


def name_key(name: str) -> str:
    """The form in which headers and labels are compared: `CPR-nr.` → `cprnr`."""
    return SEPARATORS.sub("", name.strip().lower().translate(DANISH_LETTERS))


def header_keys(column: str) -> set[str]:
    """Every `name_key` under which a spec column's header is known, its own name included."""
    return {name_key(column), *(name_key(name) for name in KNOWN_HEADERS.get(column, ()))}


def label_codes(column: str) -> dict[str, str]:
    """`name_key` of each known label of a code column → its spec value (empty if none known)."""
    return {
        name_key(label): code
        for code, labels in KNOWN_LABELS.get(column, {}).items()
        for label in labels
    }


def can_show_as_header(cell: str) -> bool:
    """Whether a cell may be listed as a header in a message: it has a letter and does not look
    like an id, in case the row listed is a data row (a wrong `header_row`, a file with no
    header)."""
    return bool(LETTER.search(cell)) and not ID_LIKE.search(cell)
