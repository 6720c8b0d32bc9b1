"""The event document: seed acceptance, metadata with HedgeDoc's rules, dates, people, JSON round trip."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import pad_lint
from pad_lint.config import Config
from pad_lint.event.dates import find_dates
from pad_lint.event.models import EventDocument
from pad_lint.event.people import fold, merge_people, Mention, name_like, osa_distance
from pad_lint.event.sessions import session_kind

from conftest import validate_against


@pytest.fixture(scope="module")
def seed_text(shared_dir) -> str:
    return (shared_dir / "corpus" / "forse-2022-06-21.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text) -> EventDocument:
    return pad_lint.parse(seed_text, path="forse-2022-06-21.md")


def person(doc: EventDocument, name: str):
    found = [p for p in doc.people if p.name == name]
    assert len(found) == 1, (name, [p.name for p in doc.people])
    return found[0]


def roles(doc: EventDocument, name: str) -> set[tuple[str, str | None]]:
    by_id = {s.id: s.title for s in doc.sessions}
    return {(r.role, by_id.get(r.session) if r.session else None) for r in person(doc, name).roles}


# ----------------------------------------------------------------------------- seed

ATELIERS = {
    1: "Atelier 1 - Quels impacts des outils numériques sur l’environnement ?",
    2: "Atelier 2 - Quelles actions pour un numérique responsable en entreprise ?",
    3: "Atelier 3 - Quelles actions individuelles pour tendre vers une sobriété numérique ?",
    4: "Atelier 4 - Quelles actions engagées par les acteurs du territoire ?",
}


def test_seed_title_date_tags(seed):
    assert seed.title.value == "[FORSE] - Numérique responsable - table ronde/ateliers du Mardi 21 juin 2022"
    assert seed.title.origin == "heading"
    assert seed.date.date == dt.date(2022, 6, 21)
    assert (seed.date.text, seed.date.stated_weekday, seed.date.weekday, seed.date.weekday_matches) == (
        "Mardi 21 juin 2022", "Mardi", "tuesday", True)
    assert (seed.date.span.start_line, seed.date.span.start_column) == (7, 59)
    assert [t.name for t in seed.tags] == ["FORSE", "La Myne", "numérique", "numérique responsable", "ethique"]
    assert all(t.origin == "tags-line" and t.span.start_line == 1 for t in seed.tags)


def test_seed_sessions(seed):
    got = [(s.title, s.kind, s.level) for s in seed.sessions]
    assert got == [("Introduction", "introduction", 2), ("Table Ronde", "round_table", 2), ("Ateliers", "workshop", 2),
                   *[(ATELIERS[i], "workshop", 3) for i in (1, 2, 3, 4)],
                   ("Clôture", "closing", 2), ("Questions/réponses", "qa", 3)]
    by_title = {s.title: s for s in seed.sessions}
    assert by_title["Ateliers"].subsessions == [by_title[ATELIERS[i]].id for i in (1, 2, 3, 4)]
    assert by_title["Clôture"].subsessions == [by_title["Questions/réponses"].id]
    # ids in the default dialect, HedgeDoc 1 keep-case
    assert by_title["Table Ronde"].id == "Table-Ronde"
    assert by_title["Questions/réponses"].id == "Questionsréponses"
    assert by_title[ATELIERS[1]].linked_pads == ["https://pad.lamyne.org/FORSEconfNumeriqueResponsable21juin22atelier1"]


def test_seed_every_stated_role(seed):
    assert ("speaker", "Introduction") in roles(seed, "Armand Leclerc")
    assert ("introducer", "Table Ronde") in roles(seed, "Armand Leclerc")
    assert ("host", "Clôture") in roles(seed, "Armand Leclerc")
    assert ("moderator", "Table Ronde") in roles(seed, "Claire Fabre")
    participants = next(s for s in seed.sessions if s.title == "Table Ronde").people["participant"]
    assert participants == ["Nadia Bertin", "Hugo Marchal", "Léa Rousset", "Elodie Carrel"]
    assert next(s for s in seed.sessions if s.title == "Table Ronde").people["note_taker"] == ["Antoine Leroy",
                                                                                               "Julien Masson"]
    facilitators = {1: ["Nadia Bertin", "Léa Rousset"], 2: ["Inès Vidal", "Chloé Royer", "Manon Gauthier", "Lucas Renaud"],
                    3: ["Camille Brun", "Julien Masson"], 4: ["Elodie Carrel", "Hugo Marchal"]}
    note_takers = {1: ["Claire Fabre"], 2: ["Louis Picard"], 3: ["Antoine Leroy"], 4: ["Sophie Giraud"]}
    for i, title in ATELIERS.items():
        session = next(s for s in seed.sessions if s.title == title)
        assert sorted(session.people["facilitator"]) == sorted(facilitators[i]), title
        assert session.people["note_taker"] == note_takers[i], title
    assert next(s for s in seed.sessions if s.title == "Clôture").people == {"host": ["Armand Leclerc"]}
    credits = {c.role: c.names for c in seed.credits}
    assert credits == {"note_taker": ["Antoine Leroy", "Julien Masson", "Sophie Giraud", "Louis Picard", "Claire Fabre"],
                       "pad_setup": ["Agnès Le Gall"], "illustrator": ["Mathis Garnier"]}
    for name in credits["note_taker"]:
        assert ("note_taker", None) in roles(seed, name)
    assert roles(seed, "Agnès Le Gall") == {("pad_setup", None)}
    assert roles(seed, "Mathis Garnier") == {("illustrator", None)}


def test_seed_people_organisations_and_variants(seed, seed_text):
    nadia = person(seed, "Nadia Bertin")
    assert nadia.variants == ["Nadia BERTIN"]
    assert (nadia.affiliation, nadia.job_title) == ("Euclyde Datacenters", "Responsable Commerciale")
    elodie = person(seed, "Elodie Carrel")
    assert elodie.variants == ["Élodie"]
    assert elodie.affiliation == "AFNOR Certification"
    assert (person(seed, "Armand Leclerc").affiliation, person(seed, "Armand Leclerc").job_title) == (
        "Association FORSE", "Président")
    assert person(seed, "Claire Fabre").affiliation == "Association FORSE"
    assert person(seed, "Hugo Marchal").affiliation == "Mairie de Villeurbanne"
    assert person(seed, "Léa Rousset").affiliation == "Pôle Eco-conception"
    orgs = {o.name: o for o in seed.organisations}
    assert orgs["Euclyde Datacenters"].url == "https://www.euclyde.com/"
    assert orgs["Euclyde Datacenters"].people == ["Nadia Bertin"]
    assert orgs["Pôle Eco-conception"].variants == ["Pôle Éco-Conception"]
    assert orgs["Association FORSE"].people == ["Armand Leclerc", "Claire Fabre"]
    assert orgs["Improved Impact"].people == ["Manon Gauthier", "Lucas Renaud"]
    assert orgs["Le Credit Mutuel"].roles == ["partner"] and orgs["Decomatic"].roles == ["partner"]
    # every mention span points at the name as written
    for p in seed.people:
        for span in p.mentions:
            written = seed_text[span.start_offset:span.end_offset]
            assert fold(written) in {fold(p.name), *map(fold, p.variants)} or fold(p.name).startswith(fold(written)), (
                p.name, written)


def test_seed_event_rules(seed_text):
    diags = pad_lint.lint(seed_text, config=Config(select=["EVT"]))
    assert [(d.code, d.span.start_line) for d in diags] == [("EVT004", 69)]
    assert "“Élodie” and “Elodie Carrel”" in diags[0].message
    assert seed_text[diags[0].span.start_offset:diags[0].span.end_offset] == "Élodie"


def test_seed_weekday_check_fails_with_lundi(seed_text):
    changed = seed_text.replace("ateliers du Mardi 21 juin 2022", "ateliers du Lundi 21 juin 2022")
    assert changed != seed_text
    diags = [d for d in pad_lint.lint(changed, config=Config(select=["EVT003"]))]
    assert len(diags) == 1
    d = diags[0]
    assert changed[d.span.start_offset:d.span.end_offset] == "Lundi 21 juin 2022"
    assert "Tuesday" in d.message and "“Lundi”" in d.message and d.help == "Write “Mardi”, or correct the date."
    assert pad_lint.parse(changed).date.weekday_matches is False


def test_seed_validates_and_round_trips(seed):
    data = json.loads(seed.model_dump_json())
    validate_against("event-document", data)
    again = EventDocument.model_validate_json(seed.model_dump_json())
    assert again == seed
    assert again.model_dump_json() == seed.model_dump_json()


# ----------------------------------------------------------------------------- metadata

def test_title_from_yaml_then_first_h1():
    assert pad_lint.parse("---\ntitle: Depuis YAML\n---\n# Titre H1\n").title.value == "Depuis YAML"
    doc = pad_lint.parse("## Avant\n\n# Premier H1\n\n# Second H1\n")
    assert (doc.title.value, doc.title.origin) == ("Premier H1", "heading")
    assert [s.title for s in doc.sessions] == ["Avant", "Second H1"]
    assert pad_lint.parse("Titre souligné\n===\n\ntexte\n").title.value == "Titre souligné"
    # a setext h1 of two lines is not a title in HedgeDoc (the text must be one line)
    assert pad_lint.parse("Ligne un\nligne deux\n===\n").title is None
    assert pad_lint.parse("## Seulement h2\n").title is None


def test_yaml_title_span_and_number_title():
    doc = pad_lint.parse("---\ntitle: 'Atelier 3 mars 2023'\n---\n")
    assert doc.title.value == "Atelier 3 mars 2023"
    assert (doc.title.span.start_line, doc.title.span.start_column) == (2, 9)
    assert doc.date.date == dt.date(2023, 3, 3) and doc.date.origin == "title"
    assert pad_lint.parse("---\ntitle: 2023\n---\n").title.value == "2023"


@pytest.mark.parametrize("src", [
    "---\ntitle: [x\n---\n# T\n",                 # YAML syntax error
    "---\n- a\n- b\n---\n",                       # not a mapping
    "---\ntags: [a, b]\ntitle: {x: 1}\n---\n",     # wrong types
    "---\ntitle: x\n",                             # never closed
    "---\n\n---\n",                                # empty
    "---\na: &a [*a]\n---\n",                      # recursive alias
])
def test_bad_front_matter_never_crashes(src):
    doc = pad_lint.parse(src)
    validate_against("event-document", json.loads(doc.model_dump_json()))
    diags = pad_lint.lint(src, config=Config(select=["PAD003"]))
    assert all(d.code == "PAD003" for d in diags)


def test_yaml_error_is_pad003_and_title_falls_back_to_heading():
    src = "---\ntitle: [x\n---\n# Titre du corps\n"
    assert pad_lint.parse(src).title.value == "Titre du corps"
    assert [(d.code, d.span.start_line) for d in pad_lint.lint(src, config=Config(select=["PAD003"]))] == [("PAD003", 2)]


def test_tags_from_yaml_string_list_ignored_tags_line():
    doc = pad_lint.parse("---\ntags: atelier, vélo , 2023\n---\n")
    assert [(t.name, t.origin) for t in doc.tags] == [("atelier", "yaml"), ("vélo", "yaml"), ("2023", "yaml")]
    assert doc.tags[1].span.start_column == 16
    # a YAML list is ignored by HedgeDoc: the tags line is used instead
    doc = pad_lint.parse("---\ntags: [a, b]\n---\n###### tags: `x` `y` plain\n")
    assert [(t.name, t.origin) for t in doc.tags] == [("x", "tags-line"), ("y", "tags-line")]
    assert [t.name for t in pad_lint.parse("###### tags: `a` `b` `a`\n###### Tags : `c`\n").tags] == ["a", "b", "c"]


def test_langs_typo_is_not_lang(shared_dir):
    text = (shared_dir / "corpus" / "real" / "infosansordi-rencontre-2022-11.md").read_text(encoding="utf-8")
    doc = pad_lint.parse(text)
    assert doc.metadata.lang is None and doc.metadata.raw["langs"] == "fr-fr"
    assert [t.name for t in doc.tags] == ["iso", "crr"]


# ----------------------------------------------------------------------------- dates

@pytest.mark.parametrize("text, iso, written, weekday, times", [
    ("Mardi 21 juin 2022", "2022-06-21", "Mardi 21 juin 2022", "Mardi", (None, None)),
    ("Rendez-vous le 3 mars 2023 à la Myne", "2023-03-03", "le 3 mars 2023", None, (None, None)),
    ("le 21/06/2022", "2022-06-21", "21/06/2022", None, (None, None)),
    ("2022-06-21", "2022-06-21", "2022-06-21", None, (None, None)),
    ("June 21, 2022", "2022-06-21", "June 21, 2022", None, (None, None)),
    ("Tuesday, June 21, 2022", "2022-06-21", "Tuesday, June 21, 2022", "Tuesday", (None, None)),
    ("le 3 mars 2023, 14h30–17h", "2023-03-03", "le 3 mars 2023, 14h30–17h", None, ("14:30", "17:00")),
    ("Date: 2020-03-19 at 5pm UTC", "2020-03-19", "2020-03-19 at 5pm", None, ("17:00", None)),
    ("1er mai 2024", "2024-05-01", "1er mai 2024", None, (None, None)),
    ("InfoSansOrdi 30 nov 2022", "2022-11-30", "30 nov 2022", None, (None, None)),
    ("lundi 25 nov. 2019", "2019-11-25", "lundi 25 nov. 2019", "lundi", (None, None)),
    ("Hackathon, 12-16 janvier 2026", "2026-01-12", "12-16 janvier 2026", None, (None, None)),
    ("le 29/11/22", "2022-11-29", "29/11/22", None, (None, None)),
    ("時間：20220511 19:30", "2022-05-11", "20220511 19:30", None, ("19:30", None)),
    ("Samedi 21 Janvier 2017 (début 15h30)", "2017-01-21", "Samedi 21 Janvier 2017", "Samedi", (None, None)),
])
def test_date_forms(text, iso, written, weekday, times):
    found = find_dates(text)
    assert len(found) == 1, found
    d = found[0]
    assert (d.date.isoformat(), d.text, d.stated_weekday, (d.start_time, d.end_time)) == (iso, written, weekday, times)
    assert text[d.start:d.end] == written


@pytest.mark.parametrize("text", ["version 1.2.3", "10.7910/DVN/EOYZKH", "31 juin 2022", "le 32/01/2022",
                                  "ISO 27001", "Phase 2 : 3 jours", "9 mars"])
def test_not_dates(text):
    assert find_dates(text) == []


def test_yearless_date_takes_the_context_year_and_is_not_weekday_checked():
    src = "# Admincamp 2024\n\n* Samedi 9 mars\n* Dimanche 11 mars\n"
    doc = pad_lint.parse(src)
    assert [(d.date.isoformat(), d.year_inferred, d.weekday_matches) for d in doc.dates] == [
        ("2024-03-09", True, True), ("2024-03-11", True, False)]
    assert doc.date.date == dt.date(2024, 3, 9)
    assert pad_lint.lint(src, config=Config(select=["EVT003"])) == []


def test_date_priority_yaml_title_label_body():
    assert pad_lint.parse("---\ndate: 2023-01-05\n---\n# Atelier 3 mars 2023\n").date.origin == "yaml"
    doc = pad_lint.parse("# Atelier\n\nlu le 02/02/2022\n\n**Date :** 14 mars 2026\n")
    assert doc.date.date == dt.date(2026, 3, 14) and [d.date.year for d in doc.dates] == [2022, 2026]


def test_missing_title_and_date():
    diags = pad_lint.lint("Quelques notes.\n", config=Config(select=["EVT"]))
    assert [(d.code, d.span.start_line) for d in diags] == [("EVT001", 1), ("EVT002", 1)]


# ----------------------------------------------------------------------------- sessions and people

@pytest.mark.parametrize("title, kind", [
    ("Introduction", "introduction"), ("Mot d'accueil", "introduction"), ("Table ronde", "round_table"),
    ("Panel discussion", "round_table"), ("Atelier 2 - x", "workshop"), ("Workshop A", "workshop"),
    ("Conférence de clôture", "talk"), ("Keynote", "talk"), ("Questions/réponses", "qa"), ("Q&A", "qa"),
    ("Clôture", "closing"), ("Wrap-up", "closing"), ("Quick updates", "other"),
])
def test_session_kinds(title, kind):
    assert session_kind(title) == kind


def test_english_cues_and_moderated_by():
    src = ("# Panel on open data, June 3, 2024\n\n## Round table\n* Moderated by **Ada Lovelace**, Analyst at [Acme](https://acme.example)\n"
           "* Panelists: Grace Hopper, Alan Turing and Katherine Johnson\n* Notes by: Tim Berners\n\n"
           "## Workshop\n* Facilitated by Linus Torvalds\n")
    doc = pad_lint.parse(src)
    assert roles(doc, "Ada Lovelace") == {("moderator", "Round table")}
    assert person(doc, "Ada Lovelace").affiliation == "Acme" and person(doc, "Ada Lovelace").job_title == "Analyst"
    for name in ("Grace Hopper", "Alan Turing", "Katherine Johnson"):
        assert roles(doc, name) == {("speaker", "Round table")}
    assert roles(doc, "Tim Berners") == {("note_taker", "Round table")}
    assert roles(doc, "Linus Torvalds") == {("facilitator", "Workshop")}
    assert {o.name: o.url for o in doc.organisations} == {"Acme": "https://acme.example"}


def test_name_tags_only_where_hedgedoc_renders_them():
    src = "## Notes\n[name=Paragraphe] texte\n\n* [name=Item] item\n\n> [name=Quote : prise de notes]\n"
    doc = pad_lint.parse(src)
    assert {p.name for p in doc.people} == {"Item", "Quote"}
    assert roles(doc, "Quote") == {("note_taker", "Notes")}
    assert roles(doc, "Item") == {("speaker", "Notes")}


def test_initials_and_first_names_resolve_to_one_person():
    src = ("## Présent·e·s\n- Tiphaine Poulain, MCF, IReMus\n- Tristan Bernier, IE, IReMus\n\n## Débat\n"
           "TP : une remarque\n\nTB : une autre\n\nXY : inconnu\n\n**Tiphaine** : encore\n")
    doc = pad_lint.parse(src)
    assert [p.name for p in doc.people] == ["Tiphaine Poulain", "Tristan Bernier"]
    assert roles(doc, "Tiphaine Poulain") == {("participant", "Présent·e·s"), ("speaker", "Débat")}
    assert person(doc, "Tiphaine Poulain").job_title == "MCF"
    assert person(doc, "Tiphaine Poulain").affiliation == "IReMus"


def test_spelling_merge_rules():
    def group(*names: str) -> list[list[str]]:
        ms = [Mention(n, i * 10, i * 10 + len(n), role="participant") for i, n in enumerate(names)]
        return [sorted({mn.name for mn in g.mentions}) for g in merge_people(ms)]

    assert group("Nadia BERTIN", "Nadia Bertin") == [["Nadia BERTIN", "Nadia Bertin"]]
    assert group("Pattrick Mallet", "Patrick Mallet") == [["Patrick Mallet", "Pattrick Mallet"]]
    assert group("Patrice Lafrague", "Patrice Lafargue") == [["Patrice Lafargue", "Patrice Lafrague"]]
    assert group("Jean-Luc-Vernet", "Jean Luc Vernet") == [["Jean Luc Vernet", "Jean-Luc-Vernet"]]
    assert group("Laura Pellini", "Laura Perotti") == [["Laura Pellini"], ["Laura Perotti"]]
    assert group("Kilian Mallet", "Pattrick Mallet") == [["Kilian Mallet"], ["Pattrick Mallet"]]
    # a first name alone joins the only full name it matches, not one of two
    assert group("Claire Fabre", "Claire") == [["Claire", "Claire Fabre"]]
    assert group("Claire Fabre", "Claire Dupont", "Claire") == [["Claire Fabre"], ["Claire Dupont"], ["Claire"]]


def test_name_helpers():
    assert name_like("Léa Rousset") and name_like("Jean-Luc de la Fontaine") and name_like("Nadia BERTIN")
    assert not name_like("IR IReMus") and not name_like("Remarques") and not name_like("pour lui")
    assert osa_distance("lafargue", "lafrague") == 1 and osa_distance("patrick", "pattrick") == 1


# ----------------------------------------------------------------------------- dates that do not exist (EVT005)

@pytest.mark.parametrize("src, written, days", [
    ("# Réunion du lundi 31 février 2026\n", "lundi 31 février 2026", 28),
    ("# Réunion du 30/02/2026\n", "30/02/2026", 28),
    ("30/02/2026\n", "30/02/2026", 28),
    ("# Atelier 2026-04-31\n", "2026-04-31", 30),
    ("# Meetup, February 30, 2026\n", "February 30, 2026", 28),
    ("# AG du 29 février 2023\n", "29 février 2023", 28),
    ("# Atelier du lundi 31 avril\n", "lundi 31 avril", 30),     # no year has 31 April
])
def test_impossible_date_is_evt005_not_evt002(src, written, days):
    doc = pad_lint.parse(src)
    assert doc.date is None
    assert [(d.text, d.days_in_month) for d in doc.invalid_dates] == [(written, days)]
    diags = pad_lint.lint(src, config=Config(select=["EVT002", "EVT005"]))
    assert [d.code for d in diags] == ["EVT005"]
    d = diags[0]
    assert src[d.span.start_offset:d.span.end_offset] == written
    assert d.message.startswith(f"“{written}” is not a real date: ") and f"has {days} days" in d.message
    assert d.help == "Correct the day or the month."


def test_impossible_date_beside_a_real_one():
    doc = pad_lint.parse("# Atelier du 31 juin 2022\n\nCompte rendu du 2 juillet 2022.\n")
    assert doc.date.date == dt.date(2022, 7, 2)
    assert [d.text for d in doc.invalid_dates] == ["31 juin 2022"]
    assert [d.code for d in pad_lint.lint("# Atelier du 31 juin 2022\n", config=Config(select=["EVT"]))] == ["EVT005"]


@pytest.mark.parametrize("text", ["29 février 2024", "le 29/02/2024", "2024-02-29"])
def test_leap_day_is_a_real_date(text):
    assert [d.date for d in find_dates(text)] == [dt.date(2024, 2, 29)]
    assert pad_lint.lint(f"# Atelier {text}\n", config=Config(select=["EVT005"])) == []


@pytest.mark.parametrize("text", ["le 32/01/2022", "00/01/2022", "31 avril", "version 31.13.2022"])
def test_not_reported_as_impossible_dates(text):
    # day 0 or 32 and month 13 are not dates at all; a day and month alone are too weak
    bad: list = []
    assert find_dates(text, None, bad) == [] and bad == []


def test_impossible_yaml_date_keeps_the_front_matter():
    src = "---\ntitle: Atelier\ndate: 2026-02-30\n---\n"
    # js-yaml reads the block (it rolls the day over): only the key HedgeDoc does not use is reported
    assert [d.message for d in pad_lint.lint(src, config=Config(select=["PAD003"]))] == [
        "Unknown metadata key `date`: HedgeDoc ignores it, so it has no effect on the pad."]
    doc = pad_lint.parse(src)
    assert [(d.text, d.origin, d.span.start_line) for d in doc.invalid_dates] == [("2026-02-30", "yaml", 3)]


# ----------------------------------------------------------------------------- messages

def test_event_messages_say_what_why_and_how():
    src = "Quelques notes, **Elodie Carrel** puis **Élodie** :\n\n* **Élodie** : oui\n* **Elodie Carrel** : non\n"
    diags = pad_lint.lint(src, config=Config(select=["EVT"]))
    assert [d.code for d in diags][:2] == ["EVT001", "EVT002"]
    for d in diags + pad_lint.lint("# Atelier du Mon 21 June 2025\n", config=Config(select=["EVT003"])):
        assert d.message[0].isupper() and d.message.endswith("."), d.message
        assert ": " in d.message and d.help and d.help[0].isupper() and d.help.endswith("."), (d.message, d.help)
    from pad_lint.rules.registry import all_rules
    for r in all_rules():
        if r.code.startswith("EVT"):
            assert "shared/" not in r.source and "shared/" not in r.explanation, r.code


@pytest.mark.parametrize("title, said, right", [
    ("Mon 21 June 2025", "“Mon” (Monday)", "Sat"),                # the weekday as written, not cut to 3 letters
    ("Monday, 21 June 2025", "“Monday”", "Saturday"),
    ("mer. 21 juin 2025", "“mer.” (Wednesday)", "sam."),
    ("Lundi 21 juin 2025", "“Lundi” (Monday)", "Samedi"),
])
def test_weekday_mismatch_quotes_the_weekday_as_written(title, said, right):
    diags = pad_lint.lint(f"# Atelier du {title}\n", config=Config(select=["EVT003"]))
    assert [d.message for d in diags] == [
        f"The date “{title}” says {said}, but 21 June 2025 is a Saturday: readers may go to the event on the wrong day."]
    assert diags[0].help == f"Write “{right}”, or correct the date."


# ----------------------------------------------------------------------------- mode and location

def test_seed_mode_is_not_read_from_a_speaker_quote(seed, seed_text):
    # line 60 quotes a speaker: "… faire des appels en visio pour l'enseignement"
    assert "faire des appels en visio" in seed_text.split("\n")[59]
    assert seed.mode is None and seed.mode_evidence == [] and seed.location is None


def test_visio_pad_mode_and_evidence(shared_dir):
    text = (shared_dir / "corpus" / "real" / "fdn-admincamp-2024-03-visio.md").read_text(encoding="utf-8")
    doc = pad_lint.parse(text)
    assert doc.mode == "online"
    assert [(e.value, e.span.start_line, e.origin) for e in doc.mode_evidence] == [("en visio", 4, "body")]
    e = doc.mode_evidence[0]
    assert text[e.span.start_offset:e.span.end_offset] == "en visio"
    # "Penser à faire un mode hybride" (line 333) is a note, not a statement about this event
    assert "hybride" in text.split("\n")[332]


def test_hybrid_pad_with_labels(shared_dir):
    text = (shared_dir / "corpus" / "real" / "g0v-disfactory-meetup-126.md").read_text(encoding="utf-8")
    doc = pad_lint.parse(text)
    assert doc.mode == "hybrid"
    assert [e.span.start_line for e in doc.mode_evidence] == [6, 7, 8]
    assert doc.location.value == "地球公民基金會台北辦公室（北平東路28號9樓之2）" and doc.location.span.start_line == 8


@pytest.mark.parametrize("src, mode, evidence, location", [
    # statements about the event
    ("# Réunion en visio du 3 mars 2026\n", "online", [("Réunion en visio", 1, "heading")], None),
    ("# Visio équipe, 3 mars 2026\n", "online", [("Visio", 1, "heading")], None),
    ("# Webinaire RGAA, 3 mars 2026\n", "online", [("Webinaire", 1, "heading")], None),
    ("# Atelier\n\n**Lieu :** La Myne, Villeurbanne\n", "in-person", [("Lieu : La Myne, Villeurbanne", 3, "body")],
     "La Myne, Villeurbanne"),
    ("# Atelier\n\nOù : salle 3\n", "in-person", [("Où : salle 3", 3, "body")], "salle 3"),
    ("# Atelier\n\nEn visio : https://meet.jit.si/atelier\n", "online",
     [("En visio : https://meet.jit.si/atelier", 3, "body")], None),
    ("# Atelier\n\n## Notes\n\nLien de la visio : https://bbb.example.org/x\n", "online",
     [("Lien de la visio : https://bbb.example.org/x", 5, "body")], None),
    ("# Meeting\n\n* **Location:** Online\n", "online", [("Location: Online", 3, "body")], None),
    ("# Atelier\n\nLieu : en ligne (Jitsi)\n", "online", [("Lieu : en ligne (Jitsi)", 3, "body")], None),
    ("---\nlocation: Salle 3\n---\n# Atelier\n", "in-person", [("Salle 3", 2, "yaml")], "Salle 3"),
    ("# A\n\n## Notes\n\n:::info\nLa réunion a lieu en ligne.\n:::\n", "online",
     [("réunion a lieu en ligne", 6, "body")], None),
    ("# A\n\nLieu : Salle 3\nLien de la visio : https://zoom.us/j/1\n", "hybrid",
     [("Lieu : Salle 3", 3, "body"), ("Lien de la visio : https://zoom.us/j/1", 4, "body")], "Salle 3"),
    # not statements about the event
    ("# A\n\n> Nous étions en visio\n", None, [], None),
    ("# A\n\n## Table ronde\n\nIl fait des réunions en visio avec ses élèves.\n", None, [], None),
    ("# A\n\n* *On fait des appels en visio pour l'enseignement.*\n", None, [], None),
    ("# A\n\nElle a dit « on se voit en visio ».\n", None, [], None),
    ("# A\n\nLa prochaine réunion se tiendra en visio.\n", None, [], None),
    ("# A\n\n[Version en ligne, pas à jour](https://pad.example.org/x)\n", None, [], None),
    ("# Atelier : bien utiliser la visioconférence\n", None, [], None),   # the topic, not the format
])
def test_mode_comes_from_statements_about_the_event(src, mode, evidence, location):
    doc = pad_lint.parse(src)
    assert doc.mode == mode
    assert [(e.value, e.span.start_line, e.origin) for e in doc.mode_evidence] == evidence
    assert (doc.location.value if doc.location else None) == location


# ----------------------------------------------------------------------------- people: honorifics, roles before [name=]

def test_honorifics_are_stripped_and_the_person_kept():
    src = "# Réunion 3 mars 2026\n\n## Participants\n\n* M. Martin\n* Mme Dubois\n* Dr. Durand\n* Léa Rousset\n"
    doc = pad_lint.parse(src)
    assert [(p.name, [r.role for r in p.roles]) for p in doc.people] == [
        ("Martin", ["participant"]), ("Dubois", ["participant"]), ("Durand", ["participant"]),
        ("Léa Rousset", ["participant"])]
    for p in doc.people:
        assert [src[s.start_offset:s.end_offset] for s in p.mentions] == [p.name]


@pytest.mark.parametrize("written, name", [
    ("M. Martin", "Martin"), ("MM. Martin", "Martin"), ("Mme Dubois", "Dubois"), ("Mme. Dubois", "Dubois"),
    ("Mlle Petit", "Petit"), ("Dr Durand", "Durand"), ("Dr. Durand", "Durand"), ("Pr Leroy", "Leroy"),
    ("Pr. Leroy", "Leroy"), ("Mr Smith", "Smith"), ("Mr. Smith", "Smith"), ("Mrs Jones", "Jones"),
    ("Ms. Brown", "Brown"), ("Mme Claire Dubois", "Claire Dubois"), ("Dr Ada Lovelace", "Ada Lovelace"),
])
def test_every_honorific(written, name):
    src = f"# Réunion 3 mars 2026\n\nParticipants : {written}, Léa Rousset\n"
    doc = pad_lint.parse(src)
    assert [p.name for p in doc.people] == [name, "Léa Rousset"]
    assert src[doc.people[0].mentions[0].start_offset:doc.people[0].mentions[0].end_offset] == name


def test_honorific_in_speaker_turns_and_merging():
    src = ("# R\n\n## Participants\n* M. Martin\n* Martin Dupont\n\n## Débat\n**M. Martin** : oui\n\n"
           "Mme Dubois prend la parole.\n\nMme Claire Dubois : ok\n")
    doc = pad_lint.parse(src)
    # "M. Martin" is a family name: it does not join "Martin Dupont" (a first name)
    assert [(p.name, len(p.mentions)) for p in doc.people] == [("Martin", 2), ("Martin Dupont", 1), ("Claire Dubois", 2)]
    assert roles(doc, "Martin") == {("participant", "Participants"), ("speaker", "Débat")}


def test_role_cue_before_a_name_tag():
    doc = pad_lint.parse("# Réunion 3 mars 2026\n\n## Notes\n\n* Prise de notes : [name=Léa]\n")
    assert roles(doc, "Léa") == {("note_taker", "Notes")}
    doc = pad_lint.parse("# Réunion 3 mars 2026\n\n* Prise de notes : [name=Léa]\n")     # whole pad: a credit
    assert roles(doc, "Léa") == {("note_taker", None)}
    assert [(c.role, c.names) for c in doc.credits] == [("note_taker", ["Léa"])]
    doc = pad_lint.parse("# R\n\n## Table ronde\n* Animée par [name=Claire Fabre]\n* [name=Hugo] Bonjour\n")
    assert roles(doc, "Claire Fabre") == {("moderator", "Table ronde")}
    assert roles(doc, "Hugo") == {("speaker", "Table ronde")}


# ----------------------------------------------------------------------------- source

@pytest.mark.parametrize("text, lines", [("", 0), ("\n", 1), ("a", 1), ("a\n", 1), ("a\nb", 2), ("a\nb\n", 2),
                                         ("a\n\n", 2)])
def test_source_lines_count_as_editors_do(text, lines):
    assert pad_lint.parse(text).source.lines == lines


def test_seed_line_count(seed, seed_text):
    assert seed_text.endswith("\n") and seed_text.count("\n") == 198
    assert seed.source.lines == 198
