"""The demo extract: a fictional municipality (Jobcenter Fjordby) whose numbers behave like
real ones. Large synthetic extracts are `evaluator synth`'s (`synthetic.py`), not this.

The demo extract in `fixtures/demo` is built from here with a fixed seed. Offers differ in
quality and popularity so that the report shows cheap and expensive effect prices, suppressed
small offers, and contracts that are met, missed once, and missed quarter after quarter.
"""

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from evaluator.io.schema import (
    BENEFIT_GROUPS,
    CONTRACTS,
    EXITS,
    OFFERS,
    PARTICIPATIONS,
    PROGRESSION,
    SATISFACTION,
    Table,
)
from evaluator.resources import DEFAULT_EXIT_CODES, shipped_file

FIRST_START = dt.date(2024, 1, 2)
LAST_START = dt.date(2026, 8, 31)
AS_OF = dt.date(2026, 10, 16)
JOB_CODES = ("job_ordinaer", "job_ordinaer", "job_ordinaer", "job_deltid", "job_selvstaendig")
EDUCATION_CODES = ("udd_ordinaer", "udd_erhverv", "udd_videregaaende")
OTHER_CODES = ("sygdom", "anden_ydelse", "pension", "fraflytning", "barsel", "ukendt")

PROVIDERS = (
    ("P01", "Jobværkstedet Åbyhøj ApS"),
    ("P02", "Læringshuset Fjordby"),
    ("P03", "Mentorgården"),
    ("P04", "Kompetencecenter Sønderå"),
    ("P05", "Virksomhedsnetværket Øst"),
    ("P06", "Karrierehuset Ærø"),
    ("P07", "Job & Fremtid A/S"),
    ("P08", "Uddannelsesbroen"),
    ("P09", "Bølgen Beskæftigelse"),
    ("P10", "Fremdrift Sjælland I/S"),
    ("P11", "Håndværkerskolen Nørre Ålund"),
    ("P12", "Socialøkonomisk Værksted Fyn"),
)

# offer type: (price model, unit price range DKK, duration range in days, name stems)
OFFER_TYPES = {
    "vejledning_opkvalificering": (
        "per_participant",
        (9000, 28000),
        (14, 84),
        (
            "Truckcertifikat",
            "Dansk på arbejdspladsen",
            "IT-kørekort",
            "Lager og logistik",
            "Rengøring og service",
            "Pædagogmedhjælper-forløb",
            "Kørekort kat. C",
        ),
    ),
    "virksomhedspraktik": (
        "per_week",
        (900, 2200),
        (28, 91),
        (
            "Praktik i detailhandlen",
            "Praktik i byggeriet",
            "Praktik i ældreplejen",
            "Praktik i industrien",
        ),
    ),
    "loentilskud": (
        "per_day",
        (250, 520),
        (56, 182),
        ("Løntilskud privat", "Løntilskud offentlig", "Løntilskud grøn omstilling"),
    ),
    "mentor": (
        "per_week",
        (700, 1900),
        (28, 182),
        ("Mentorstøtte", "Mentor til unge", "Mentor i job", "Bostøtte og mentor"),
    ),
    "jobsoegning": (
        "per_participant",
        (3500, 9500),
        (7, 42),
        ("Jobsøgningskursus", "Jobklub", "CV-værksted", "Job-speeddating"),
    ),
}


@dataclass
class Offer:
    offer_id: str
    offer_name: str
    offer_type: str
    provider_id: str
    provider_name: str
    price_model: str
    prices: list[tuple[dt.date, dt.date | None, int]]
    duration_days: tuple[int, int]
    quality: float
    popularity: float


def make_offers(rng: random.Random) -> list[Offer]:
    """40 offers across all five types and twelve providers, some with a price change.

    Per-day offers (wage subsidy) also come per week for one provider so that every price model
    appears more than once; quality and popularity vary so that the ranking means something.
    """
    offers = []
    for number in range(1, 41):
        offer_type = list(OFFER_TYPES)[(number - 1) % len(OFFER_TYPES)]
        price_model, (low, high), duration, stems = OFFER_TYPES[offer_type]
        if offer_type == "mentor" and number % 3 == 0:
            price_model, low, high = "per_day", 150, 380
        provider_id, provider_name = PROVIDERS[(number * 7) % len(PROVIDERS)]
        price = rng.randrange(low, high, 50)
        if number % 4 == 0:
            change = dt.date(2025, 7, 1)
            prices = [
                (dt.date(2023, 1, 1), change - dt.timedelta(days=1), price),
                (change, None, round(price * rng.uniform(1.03, 1.15) / 50) * 50),
            ]
        else:
            prices = [(dt.date(2023, 1, 1), None, price)]
        stem = stems[(number - 1) // len(OFFER_TYPES) % len(stems)]
        offers.append(
            Offer(
                offer_id=f"T{number:03d}",
                offer_name=f"{stem} ({provider_name.split()[0]})",
                offer_type=offer_type,
                provider_id=provider_id,
                provider_name=provider_name,
                price_model=price_model,
                prices=prices,
                duration_days=duration,
                quality=rng.choice((0.55, 0.8, 1.0, 1.0, 1.2, 1.45)),
                popularity=rng.choice((0.15, 0.5, 1.0, 1.0, 1.5, 2.5)),
            )
        )
    return offers


@dataclass
class Citizen:
    citizen_id: str
    department: str
    benefit_group: str
    match_group: int
    birth_year: int


def make_citizen(rng: random.Random, number: int) -> Citizen:
    benefit_group = rng.choices(BENEFIT_GROUPS, weights=(30, 25, 12, 12, 5, 4, 4, 6, 2))[0]
    department = {
        "dagpenge": "Forsikrede ledige",
        "uddannelseshjaelp": "Unge",
        "sygedagpenge": "Sygedagpenge",
        "integrationsydelse": "Integration",
    }.get(benefit_group, "Kontanthjælp")
    match_group = 1 if benefit_group == "dagpenge" else rng.choices((1, 2, 3), (45, 40, 15))[0]
    birth_year = rng.randint(1958, 2007) if department != "Unge" else rng.randint(1996, 2007)
    return Citizen(f"C{number:06d}", department, benefit_group, match_group, birth_year)


def effect_chance(citizen: Citizen, offer: Offer, age: int) -> float:
    """A plausible chance of a job or education exit: job-ready and young citizens do better."""
    base = {1: 0.42, 2: 0.24, 3: 0.10}[citizen.match_group]
    if citizen.benefit_group in ("sygedagpenge", "ressourceforloeb", "jobafklaring"):
        base *= 0.6
    if age >= 50:
        base *= 0.75
    return min(0.95, base * offer.quality)


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(["" if value is None else value for value in row] for row in rows)


@dataclass
class DemoTables:
    """The rows of each table as they are generated."""

    participations: list[list[object]] = field(default_factory=list)
    exits: list[list[object]] = field(default_factory=list)
    satisfaction: list[list[object]] = field(default_factory=list)
    progression: list[list[object]] = field(default_factory=list)


def build_demo_extract(out_dir: Path, seed: int = 2026, participations: int = 4200) -> None:
    """Write every table of SPEC §1.2 for the fictional Jobcenter Fjordby into `out_dir`."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    offers = make_offers(rng)
    citizens = [make_citizen(rng, number) for number in range(1, int(participations * 0.7))]
    tables = DemoTables()
    popularity = [offer.popularity for offer in offers]
    for number in range(1, participations + 1):
        citizen = rng.choice(citizens)
        offer = rng.choices(offers, weights=popularity)[0]
        add_participation(rng, tables, f"F{number:05d}", citizen, offer)
    add_exits_of_non_participants(rng, tables, participations // 3)
    tables.exits.append(list(tables.exits[0]))
    tables.exits.sort(key=lambda row: (row[1], row[0]))
    write_tables(out_dir, offers, tables)


def add_participation(
    rng: random.Random, tables: DemoTables, participation_id: str, citizen: Citizen, offer: Offer
) -> None:
    """One participation with, once it has ended, its exit, survey answers and assessments."""
    start = FIRST_START + dt.timedelta(days=rng.randint(0, (LAST_START - FIRST_START).days))
    if start.weekday() >= 5:
        start -= dt.timedelta(days=start.weekday() - 4)
    end = start + dt.timedelta(days=rng.randint(*offer.duration_days) - 1)
    ongoing = end > AS_OF
    age = start.year - citizen.birth_year
    completion = None
    if not ongoing:
        completion = rng.choices(("completed", "dropped_out", None), (74, 21, 5))[0]
    tables.participations.append(
        [
            participation_id,
            citizen.citizen_id,
            "Jobcenter Fjordby",
            citizen.department,
            citizen.benefit_group,
            citizen.match_group,
            age,
            rng.randint(0, 160),
            offer.offer_id,
            start.isoformat(),
            None if ongoing else end.isoformat(),
            completion,
        ]
    )
    if ongoing:
        return
    add_exit(rng, tables, citizen, start, end, effect_chance(citizen, offer, age))
    add_satisfaction(rng, tables, participation_id, end)
    if citizen.match_group in (2, 3) and rng.random() < 0.7:
        add_progression(rng, tables, citizen, start, end)


def add_exit(
    rng: random.Random,
    tables: DemoTables,
    citizen: Citizen,
    start: dt.date,
    end: dt.date,
    chance: float,
) -> None:
    """A job or education exit inside the effect window, or sometimes another exit after it."""
    if rng.random() < chance:
        exit_day = start + dt.timedelta(days=rng.randint(0, (end - start).days + 91))
        young = citizen.department == "Unge"
        codes = EDUCATION_CODES if rng.random() < (0.6 if young else 0.12) else JOB_CODES
    elif rng.random() < 0.3:
        exit_day = end + dt.timedelta(days=rng.randint(30, 200))
        codes = OTHER_CODES
    else:
        return
    if exit_day <= AS_OF:
        tables.exits.append([citizen.citizen_id, exit_day.isoformat(), rng.choice(codes)])


def add_satisfaction(
    rng: random.Random, tables: DemoTables, participation_id: str, end: dt.date
) -> None:
    if rng.random() >= 0.62:
        return
    for _ in range(rng.choices((1, 2), (85, 15))[0]):
        score = rng.choices((1, 2, 3, 4, 5), (3, 5, 12, 40, 40))[0]
        answered = min(AS_OF, end + dt.timedelta(days=rng.randint(0, 14)))
        tables.satisfaction.append([participation_id, answered.isoformat(), score])


def add_progression(
    rng: random.Random, tables: DemoTables, citizen: Citizen, start: dt.date, end: dt.date
) -> None:
    before = rng.randint(1, 7)
    before_day = start - dt.timedelta(days=rng.randint(0, 40))
    tables.progression.append([citizen.citizen_id, before_day.isoformat(), before])
    after_day = min(AS_OF, end + dt.timedelta(days=rng.randint(-10, 60)))
    if after_day > start:
        step = rng.choices((-1, 0, 1, 2, 3), (10, 30, 30, 20, 10))[0]
        after = max(0, min(10, before + step))
        tables.progression.append([citizen.citizen_id, after_day.isoformat(), after])


def add_exits_of_non_participants(rng: random.Random, tables: DemoTables, count: int) -> None:
    """Exits of citizens who took part in no offer: the exits table covers everyone."""
    for number in range(1, count + 1):
        exit_day = FIRST_START + dt.timedelta(days=rng.randint(0, (AS_OF - FIRST_START).days))
        codes = rng.choice((JOB_CODES, EDUCATION_CODES, OTHER_CODES))
        tables.exits.append([f"N{number:06d}", exit_day.isoformat(), rng.choice(codes)])


def write_table(out_dir: Path, table: Table, rows: list[list[object]]) -> None:
    """Write `rows` (in the column order of the schema) as `<table>.csv`."""
    header = [column.name for column in table.columns if column.present]
    write_csv(out_dir / f"{table.name}.csv", header, rows)


def write_tables(out_dir: Path, offers: list[Offer], tables: DemoTables) -> None:
    write_table(out_dir, PARTICIPATIONS, tables.participations)
    write_table(out_dir, EXITS, tables.exits)
    price_rows = [
        [
            o.offer_id,
            o.offer_name,
            o.offer_type,
            o.provider_id,
            o.provider_name,
            o.price_model,
            f"{price:.2f}",
            start.isoformat(),
            end.isoformat() if end else None,
        ]
        for o in offers
        for start, end, price in o.prices
    ]
    write_table(out_dir, OFFERS, price_rows)
    write_table(out_dir, CONTRACTS, demo_contracts(offers))
    write_table(out_dir, SATISFACTION, tables.satisfaction)
    write_table(out_dir, PROGRESSION, tables.progression)
    copy_default_exit_codes(out_dir)
    targets = [list(target) for target in DEMO_WEEKLY_TARGETS]
    write_csv(
        out_dir / "mandagstal_targets.csv", ["department", "category", "weekly_target"], targets
    )


# Weekly targets for the Monday numbers: exits per week, as a 4-week average.
DEMO_WEEKLY_TARGETS = (
    ("Forsikrede ledige", "job", 2.5),
    ("Forsikrede ledige", "education", 0.25),
    ("Kontanthjælp", "job", 1.5),
    ("Kontanthjælp", "education", 0.25),
    ("Unge", "job", 0.5),
    ("Unge", "education", 1.0),
    ("Sygedagpenge", "job", 0.5),
    ("Integration", "job", 0.25),
    ("total", "job", 6.0),
    ("total", "education", 2.0),
)


def demo_contracts(offers: list[Offer]) -> list[list[object]]:
    """Contracts of every kind SPEC §2.2 distinguishes: per offer and provider-wide; with a rate
    target, a price ceiling, both, or none; a high minimum; one that ended; one that is new."""
    by_popularity = sorted(offers, key=lambda offer: (-offer.popularity, offer.offer_id))
    weak = [o for o in by_popularity if o.quality < 0.9][:3]
    strong = [o for o in by_popularity if o.quality > 1.1][:3]
    rows: list[list[object]] = []
    for number, offer in enumerate(weak + strong, start=1):
        rows.append(
            [
                f"K{number:03d}",
                offer.provider_id,
                offer.offer_id,
                "2024-01-01",
                None,
                "0.30",
                None,
                None,
            ]
        )
    rows += [
        ["K101", "P01", None, "2024-01-01", None, "0.25", None, None],
        ["K102", "P05", None, "2024-07-01", None, None, "60000", None],
        ["K103", "P07", None, "2025-01-01", None, "0.28", "45000", 15],
        ["K104", "P09", None, "2024-01-01", None, None, None, None],
        ["K105", "P03", None, "2024-01-01", "2026-12-31", "0.22", None, 200],
        [
            "K106",
            by_popularity[6].provider_id,
            by_popularity[6].offer_id,
            "2026-04-01",
            None,
            "0.32",
            None,
            8,
        ],
        ["K107", "P11", None, "2024-01-01", "2025-06-30", "0.30", None, None],
        [
            "K108",
            by_popularity[7].provider_id,
            by_popularity[7].offer_id,
            "2024-01-01",
            None,
            None,
            "35000",
            None,
        ],
    ]
    return rows


def copy_default_exit_codes(out_dir: Path) -> None:
    default = shipped_file(DEFAULT_EXIT_CODES).read_text(encoding="utf-8")
    (out_dir / "exit_codes.csv").write_text(default, encoding="utf-8")
