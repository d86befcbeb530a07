"""Teams in sports copy, and lines in capitals, through the entity typer."""

from __future__ import annotations

import pytest
from test_nlp_entity_types import run  # the typer on given model entities

from wiretag.nlp import load_backbone
from wiretag.nlp.sports import line_slugs, result_names, scorecard_names, sports_story


def test_sports_story_by_slug_or_two_cues(blank):
    assert sports_story(blank.make_doc("SOCCER - LEEDS HOLD NEWCASTLE.\nText."))
    assert sports_story(blank.make_doc("The striker scored twice."))
    assert not sports_story(blank.make_doc("Leeds council scored a budget win."))
    assert not sports_story(blank.make_doc("Markets - shares fell in Leeds."))


def test_result_names_of_results_and_standings_lines(blank):
    doc = blank.make_doc(
        "Results on Saturday:\nArsenal 2 Chelsea 0\n"
        "Real Madrid 3 (Vinicius 12, Mbappe 88) Getafe 1 (Mayoral 55)\n"
        "1. Liverpool 10 8 1 1 25 8 25\n66 Colin Montgomerie\nPakistan beat England by 9 wickets"
    )
    assert [doc[a:b].text for a, b in result_names(doc)] == [
        "Arsenal", "Chelsea", "Real Madrid", "Getafe", "Liverpool"
    ]


def test_towns_in_results_lines_are_clubs_and_every_mention_follows(blank):
    text = "The striker scored twice.\nLeeds 1 Newcastle 1\nEngland 2 Wales 0\nIn Leeds, fans sang."
    out = run(blank, text, [("Leeds", "GPE"), ("Newcastle", "GPE"), ("Leeds,", "GPE")][:2])
    assert ("Leeds", "ORG") in out and ("Newcastle", "ORG") in out
    assert ("England", "GPE") in out and ("Wales", "GPE") in out  # national sides
    # the same story outside sports copy keeps its places
    assert run(blank, "Leeds 1 Newcastle 1", [("Leeds", "GPE")]) == [("Leeds", "GPE")]


def test_club_names_are_organisations_but_a_known_city_is_not(blank):
    text = "The striker scored as Leeds United beat Kansas City in the league."
    out = run(blank, text, [("Leeds United", "GPE"), ("Kansas City", "GPE")])
    assert out == [("Leeds United", "ORG"), ("Kansas City", "GPE")]


@pytest.fixture(scope="module")
def bundled():
    return load_backbone()


def _entities(nlp, text: str) -> set[tuple[str, str]]:
    """(text, label) of the entities ``nlp`` finds in ``text``, each offset checked."""
    doc = nlp(text)
    for e in doc.ents:
        assert text[e.start_char : e.end_char] == e.text
    return {(e.text, e.label_) for e in doc.ents}


STORY = (
    "SOCCER - LEEDS HOLD NEWCASTLE AS ARSENAL GO TOP.\n"
    "LONDON, Aug 30 (Reuters) - Arsenal went top of the Premier League on Saturday after a "
    "2-0 win over Chelsea, while Leeds United held Newcastle to a 1-1 draw at Elland Road.\n"
    "Dennis Bergkamp scored twice and coach Arsene Wenger praised his side.\n"
    "TENNIS - SAMPRAS ADVANCES AT U.S. OPEN.\n"
    "NEW YORK (Reuters) - Top seed Pete Sampras beat Germany's Boris Becker on Thursday."
)


def test_bundled_pipeline_reads_headlines_and_teams(bundled):
    ents = _entities(bundled, STORY)
    teams = ("LEEDS", "NEWCASTLE", "ARSENAL", "Arsenal", "Chelsea", "Leeds United", "Newcastle")
    for name in teams:
        assert (name, "ORG") in ents, name
    assert ("SAMPRAS", "PERSON") in ents
    assert ("Pete Sampras", "PERSON") in ents and ("Germany", "GPE") in ents
    assert not any(name in ("SOCCER", "TENNIS") for name, _ in ents)


def test_bundled_pipeline_keeps_places_outside_sports(bundled):
    ents = _entities(
        bundled, "UKRAINE SAYS RUSSIAN DRONES HIT KHARKIV\nKYIV (Reuters) - Leeds officials said."
    )
    want = {("UKRAINE", "GPE"), ("RUSSIAN", "NORP"), ("KHARKIV", "GPE"), ("Leeds", "GPE")}
    assert want <= ents


def test_scorers_scorecards_and_club_names(blank):
    text = (
        "The striker scored.\nReal Madrid 3 (Vinicius 12, Bellingham 40) Getafe 1 (Mayoral 55)\n"
        "Joe Root c Carey b Cummins 84\nSheffield Wednesday and West Ham drew."
    )
    ents = [("Madrid", "GPE"), ("Joe Root c Carey b Cummins", "PERSON"), ("Sheffield", "GPE"),
            ("West", "LOC")]
    out = run(blank, text, ents)
    assert ("Real Madrid", "ORG") in out and ("Getafe", "ORG") in out
    for name in ("Vinicius", "Bellingham", "Mayoral", "Joe Root", "Carey", "Cummins"):
        assert (name, "PERSON") in out, name
    assert ("Sheffield Wednesday", "ORG") in out and ("West Ham", "ORG") in out


def test_scorecard_lines_and_scorers_after_a_label_are_players(blank):
    doc = blank.make_doc(
        "CRICKET - ENGLAND V PAKISTAN.\nEngland first innings\n"
        "M. Atherton c Inzamam b Mushtaq 31\nA. Stewart lbw b Wasim 44\n"
        "G. Thorpe c and b Mushtaq 54\nN. Hussain not out 12\nWaqar Younis 20 - 3 - 80 - 1\n"
        "Apple not only beat forecasts 12\nThe captain said the pitch was slow 2"
    )
    assert [doc[a:b].text for a, b in scorecard_names(doc)] == [
        "M. Atherton", "Inzamam", "Mushtaq", "A. Stewart", "Wasim", "G. Thorpe", "Mushtaq",
        "N. Hussain", "Waqar Younis",
    ]
    text = "SOCCER - NEWCASTLE WIN.\nScorers: Shearer 12, Ferdinand 66. Attendance: 36,000."
    out = run(blank, text, [])
    assert ("Shearer", "PERSON") in out and ("Ferdinand", "PERSON") in out


def test_a_result_with_its_scorers_is_sports_copy_without_a_slug(blank):
    doc = blank.make_doc("Leeds 0 (Wallace 45, Yeboah 67) Chelsea 2 (Zola 12 pen, Vialli 80)")
    assert sports_story(doc)
    assert not sports_story(blank.make_doc("Profit rose 12 (Reuters 5) to $3 billion in Leeds."))
    out = run(blank, doc.text, [("Leeds", "GPE"), ("Yeboah", "GPE"), ("Chelsea", "PERSON"),
                                ("Vialli", "ORG")])
    assert ("Leeds", "ORG") in out and ("Chelsea", "ORG") in out
    assert ("Yeboah", "PERSON") in out and ("Vialli", "PERSON") in out


def test_known_clubs_in_sports_copy(blank):
    text = (
        "MOTOR RACING - LECLERC WINS.\nPSG beat Marseille 2-0 and his move to Barcelona was "
        "confirmed in Barcelona, while Ferrari led and Antonio Valencia scored. Valencia "
        "celebrated at the Kentucky Derby."
    )
    given = [("Marseille", "GPE"), ("Barcelona", "GPE"), ("Barcelona", "GPE", 1),
             ("Antonio Valencia", "PERSON"), ("Valencia", "PERSON", 1)]
    out = run(blank, text, given)
    for club in ("PSG", "Marseille", "Ferrari"):
        assert (club, "ORG") in out, club
    assert out.count(("Barcelona", "ORG")) == 1  # "his move to Barcelona" (the club)
    assert ("Barcelona", "GPE") in out  # "in Barcelona" (the city)
    assert ("Valencia", "ORG") not in out  # the surname of the story's player
    assert ("Derby", "ORG") not in out  # inside a longer name


def test_known_clubs_only_in_sports_copy_unless_named_in_full(blank):
    text = "Manchester United shares rose after Chelsea Clinton visited Barcelona and Arsenal."
    out = run(blank, text, [("Chelsea Clinton", "PERSON"), ("Barcelona", "GPE")])
    assert ("Manchester United", "ORG") in out  # a club's full name is one anywhere
    assert ("Chelsea Clinton", "PERSON") in out and ("Barcelona", "GPE") in out
    assert ("Arsenal", "ORG") not in out  # one-word names count in sports copy only


def test_a_clubs_last_word_alone_follows_its_full_name(blank):
    text = "The striker scored as Manchester City won. City now lead the league. City Hall waited."
    out = run(blank, text, [("Manchester City", "ORG")])
    assert out == [("Manchester City", "ORG"), ("City", "ORG")]


def test_nationality_nouns_before_a_name(bundled):
    ents = _entities(
        bundled,
        "Frenchman Jean-Louis Gasset praised American Taylor Fritz and Spaniard Carlos "
        "Alcaraz. Ukrainian Energy Minister German Galushchenko spoke.",
    )
    for name in ("Frenchman", "American", "Spaniard"):
        assert (name, "NORP") in ents, name
    for name in ("Jean-Louis Gasset", "Taylor Fritz", "Carlos Alcaraz", "German Galushchenko"):
        assert (name, "PERSON") in ents, name


def test_headline_club_names_and_datelines(bundled):
    text = (
        "SOCCER - REAL MADRID BEAT BARCELONA IN CLASICO.\nBONN 1996-08-24\n"
        "Real Madrid beat Barcelona 2-1 on Saturday, the striker scoring twice."
    )
    ents = _entities(bundled, text)
    assert ("REAL MADRID", "ORG") in ents and ("BARCELONA", "ORG") in ents
    assert ("BONN", "GPE") in ents
    assert ("Real Madrid", "ORG") in ents and ("Barcelona", "ORG") in ents


def test_slugs_of_several_words(blank):
    assert sports_story(blank.make_doc("AMERICAN FOOTBALL - NFL RESULTS.\nText."))
    assert sports_story(blank.make_doc("MOTOR RACING-HAMILTON WINS.\nText."))
    assert not sports_story(blank.make_doc("AMERICAN EXPRESS - RESULTS.\nText."))


def test_standings_without_ranks_and_golf_leaderboards(blank):
    text = (
        "BASKETBALL - NBA STANDINGS.\nChicago 70 9 .886 -\nIndiana 50 29 .633 20\n"
        "GOLF - LEADERS.\nTiger Woods 68 70 71 209\nErnie Els 70 70 70 210"
    )
    out = run(blank, text, [("Chicago", "GPE"), ("Tiger Woods", "LOC")])
    assert ("Chicago", "ORG") in out and ("Indiana", "ORG") in out
    assert ("Tiger Woods", "PERSON") in out and ("Ernie Els", "PERSON") in out


def test_headlines_with_a_clause_or_a_country_first(bundled):
    text = (
        "NVIDIA OVERTAKES APPLE AS MARKET VALUE TOPS $3 TRILLION.\n"
        "SAN FRANCISCO, June 5 (Reuters) - Nvidia became the third company to be worth "
        "$3 trillion, overtaking Apple.\n"
        "THAILAND FLOATS BAHT, CURRENCY PLUNGES.\nBANGKOK 1997-07-02\n"
        "The Bank of Thailand abandoned the baht's peg on Wednesday."
    )
    ents = {(e.text, e.label_) for e in bundled(text).ents}
    assert ("NVIDIA", "ORG") in ents and ("APPLE", "ORG") in ents
    assert ("THAILAND", "GPE") in ents
    assert not any(" " in e and e.isupper() and label == "PERSON" for e, label in ents)


def test_venues_are_facilities(blank):
    text = "They met at Epsom Downs, at the Amerant Bank Arena and at Yas Marina Circuit."
    ents = [("Epsom Downs", "ORG"), ("Amerant Bank Arena", "ORG"), ("Yas Marina Circuit", "ORG")]
    out = run(blank, text, ents)
    assert out == [(name, "FAC") for name, _ in ents]


def test_a_story_in_capitals_is_read_whole(bundled):
    text = (
        "RUSSIA SAYS TALKS WITH CHINA WILL GO ON.\n"
        "MOSCOW, NOV 21 (REUTERS) - PRESIDENT VLADIMIR PUTIN MET JOHN SMITH OF THE WORLD BANK "
        "ON FRIDAY. PUTIN SAID TURKEY AND CHINA WOULD JOIN."
    )
    ents = _entities(bundled, text)
    for name, label in (("RUSSIA", "GPE"), ("CHINA", "GPE"), ("MOSCOW", "GPE"),
                        ("VLADIMIR PUTIN", "PERSON"), ("JOHN SMITH", "PERSON"),
                        ("PUTIN", "PERSON"), ("TURKEY", "GPE"), ("WORLD BANK", "ORG")):
        assert (name, label) in ents, (name, sorted(ents))


def test_known_venues(bundled):
    sport = bundled(
        "SOCCER - LIVERPOOL WIN.\nLiverpool beat Everton 2-0 at Anfield on Sunday, "
        "a week after the striker scored at Old Trafford."
    )
    ents = {(e.text, e.label_) for e in sport.ents}
    assert ("Anfield", "FAC") in ents and ("Old Trafford", "FAC") in ents
    other = bundled("Residents of Wembley complained about traffic near the station.")
    assert ("Wembley", "GPE") in {(e.text, e.label_) for e in other.ents}  # not sports copy


def test_a_common_noun_glued_to_a_name_at_a_sentence_opening(bundled):
    for text, name in (
        ("Financier George Soros said markets would fall.", "George Soros"),
        ("Singer Taylor Swift performed on Sunday.", "Taylor Swift"),
        ("Marine Le Pen said her party would win.", "Marine Le Pen"),
        ("Mark Joseph Carney said rates would fall.", "Mark Joseph Carney"),
    ):
        ents = [(e.text, e.label_) for e in bundled(text).ents]
        assert (name, "PERSON") in ents, (text, ents)


def test_a_given_name_and_a_surname_the_model_typed_as_a_body_are_a_person(bundled):
    text = ("Goalkeeper Mary Earps joined Jordan Thompson, Morgan Stanley, Merrill Lynch and "
            "Georgia Tech on Monday.")
    given = [("Mary Earps", "ORG"), ("Jordan Thompson", "LOC"), ("Morgan Stanley", "ORG"),
             ("Merrill Lynch", "PERSON"), ("Georgia Tech", "ORG")]
    out = run(bundled, text, given)
    assert ("Mary Earps", "PERSON") in out and ("Jordan Thompson", "PERSON") in out
    assert ("Morgan Stanley", "ORG") in out and ("Merrill Lynch", "ORG") in out
    assert ("Georgia Tech", "ORG") in out


def test_a_story_in_lower_case_is_read_in_running_text_case(bundled):
    # scraped copy that lost its case: the pipeline reads it re-cased, and the names
    # come back on the lower-case words
    text = ("kyiv, march 3 (reuters) - ukrainian president volodymyr zelenskiy said on "
            "monday that the u.s. and nato had promised more air defence systems, while "
            "kremlin spokesman dmitry peskov said russia would respond.")
    ents = _entities(bundled, text)
    for name, label in (("kyiv", "GPE"), ("ukrainian", "NORP"), ("u.s.", "GPE"),
                        ("volodymyr zelenskiy", "PERSON"), ("nato", "ORG"),
                        ("dmitry peskov", "PERSON"), ("russia", "GPE")):
        assert (name, label) in ents, (name, sorted(ents))
    assert not any(name in ("monday", "march") for name, _ in ents)


def test_a_story_in_lower_case_keeps_known_names(bundled):
    text = ("president vladimir putin met officials of the world bank in moscow on friday, "
            "and later watched a match at old trafford with friends.")
    ents = {(e.text, e.label_) for e in bundled(text).ents}
    for name, label in (("vladimir putin", "PERSON"), ("world bank", "ORG"),
                        ("old trafford", "FAC"), ("moscow", "GPE")):
        assert (name, label) in ents, (name, sorted(ents))


def test_line_slugs_open_lines_before_a_dash(blank):
    doc = blank.make_doc(
        "soccer - leicester hold newcastle.\nmotor racing - hamilton wins.\n"
        "leicester - the club said.\nSOCCER - LEEDS.\nMOTOR RACING - HILL WINS.\n"
        "LEEDS - THE CLUB SAID. SOCCER - NO."
    )
    # only slug words of the case asked for, before a dash at a line's opening
    assert sorted(doc[i].text for i in line_slugs(doc)) == ["motor", "racing", "soccer"]
    assert sorted(doc[i].text for i in line_slugs(doc, upper=True)) == [
        "MOTOR", "RACING", "SOCCER"
    ]


def test_bundled_pipeline_reads_slugs_and_venues_in_lower_case(bundled):
    text = (
        "soccer - leicester hold newcastle at lusail stadium.\n"
        "doha, feb 10 (reuters) - leicester drew 1-1 with newcastle at the lusail stadium "
        "on saturday, the striker scored a penalty and the goalkeeper saved one."
    )
    ents = _entities(bundled, text)
    # the slug is no part of a name; the venue keeps its last word
    assert not any(name.startswith("soccer") for name, _ in ents)
    assert ("leicester", "ORG") in ents and ("lusail stadium", "FAC") in ents


def test_competitors_in_individual_results_are_people(blank):
    text = (
        "ATHLETICS - ZURICH RESULTS.\nZURICH 1996-08-14\n"
        "2. Regina Jacobs (U.S.) 4:21.35\n"
        "6. Finn Christian Jagge (Norway) 1:39.47\n"
        "3. Wilson Kipketer (KEN) 1:42.10\n"
        "2. David Coulthard (Britain) Williams 1:32.500\n"
        "277 Ian Woosnam 71 69 68 69\n"
        "279 Colin Montgomerie 70 72 69 68, Miguel Angel Jimenez (Spain) 68 72 70 69\n"
        "1. Manchester United 10 8 1 1 25 8 25"
    )
    ents = [("Regina Jacobs", "ORG"), ("Christian Jagge", "PERSON"), ("KEN", "ORG"),
            ("Williams 1:32.500", "ORG"), ("Ian", "PERSON")]
    out = run(blank, text, ents)
    for name in ("Regina Jacobs", "Finn Christian Jagge", "David Coulthard", "Ian Woosnam",
                 "Colin Montgomerie", "Miguel Angel Jimenez"):
        assert (name, "PERSON") in out, (name, out)
    # a country's code is a place, the team between country and time a team
    assert ("KEN", "GPE") in out and ("Williams", "ORG") in out
    # a standings line of a club is no person
    assert not any(t == "Manchester United" and label == "PERSON" for t, label in out)


def test_a_titles_portfolio_is_no_part_of_the_name(bundled):
    # the portfolio's words are English words (the lemmatizer's dictionary)
    text = (
        "U.N. High Commissioner for Refugees Sadako Ogata said in Geneva that more "
        "had fled. Minister for Foreign Affairs Penny Wong met him."
    )
    ents = {(e.text, e.label_) for e in bundled(text).ents}
    assert ("Sadako Ogata", "PERSON") in ents and ("Penny Wong", "PERSON") in ents
    assert not any(t.startswith(("Refugees", "Affairs")) for t, _ in ents)


def test_results_ending_in_a_sentence_and_full_standings_rows(blank):
    text = (
        "SOCCER - DUTCH RESULTS.\nAMSTERDAM 1996-09-15\n"
        "PSV Eindhoven 3 (Nilis 12, Jonk 80) Volendam 0. Attendance 28,500.\n"
        "Vitesse Arnhem 1 (Machlas 55) Twente Enschede 1. Attendance 11,200.\n"
        "Standings:\nMotherwell 9 2 2 5 8 14 8\n"
    )
    ents = [("PSV Eindhoven", "ORG"), ("Volendam", "PERSON"), ("Machlas 55", "ORG"),
            ("Twente Enschede", "PERSON"), ("Motherwell", "PERSON")]
    out = run(blank, text, ents)
    for name in ("Volendam", "Twente Enschede", "Motherwell"):
        assert (name, "ORG") in out, (name, out)
    assert ("Machlas", "PERSON") in out


def test_competitions_in_sports_copy_stay_events(blank):
    # "Olympics" after a town reads like a club's plural nickname ("Los Angeles Lakers")
    text = "TENNIS - MURRAY TO RETIRE.\nLONDON, July 23 - Murray retires after the Paris Olympics."
    out = run(blank, text, [("Paris Olympics", "ORG")])
    assert ("Paris Olympics", "EVENT") in out
    text = "SOCCER - ENGLISH PREMIER LEAGUE RESULTS.\nResults of English Premier League matches:"
    out = run(blank, text, [("English Premier League", "ORG")])
    assert ("English", "NORP") in out and ("Premier League", "EVENT") in out
