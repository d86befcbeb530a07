"""Instrument codes, credits lists and firms' "& Co" (``wiretag.nlp.wire_names``): through
the news tokenizer, the entity typer on given model entities, and the bundled pipeline."""

from __future__ import annotations

import pytest
import spacy
from test_nlp_entity_types import run  # the typer on given model entities

from wiretag.nlp.wire_names import code_tokens


def words(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


def test_codes_with_a_market_suffix_stay_one_token(blank):
    assert words(blank, "Deutsche Bank (DBKGn.DE) and VW (VOWG_p.DE)") == [
        "Deutsche", "Bank", "(", "DBKGn.DE", ")", "and", "VW", "(", "VOWG_p.DE", ")",
    ]  # fmt: skip
    # not a code (split as spaCy's own English rules split them): a title run on, a
    # sentence run on without its space, a decimal, an initialism
    stock = spacy.blank("en")
    for text in ("Mr.X said.Then 2.5", "U.S.A. e.g. Ph.D", "UK.It Dr.No"):
        assert words(blank, text) == words(stock, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia (NVDA.O) rose",
        "Toyota (7203.T) fell",
        "the S&P 500 (.SPX) fell",
        "Microsoft Corp <MSFT.O> said",
        "Brent crude futures (LCOc1) rose",
        "the euro <EUR=> fell",
        "Apple (NASDAQ: AAPL) said",
        "Nissan (7201.T, 7203.T) said",
    ],
)
def test_bracketed_codes_are_found(blank, text):
    doc = blank.make_doc(text)
    found = [doc[i].text for i in sorted(code_tokens(doc))]
    assert found[0] in ("(", "<") and found[-1] in (")", ">")
    assert len(found) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "the International Criminal Court (ICC) said",
        "MOSCOW (Reuters) - Russia said",
        "a rise (2.5%) in prices",
        "the United States (U.S.) said",
        "the F-35 (Lightning) jet",
    ],
)
def test_acronyms_and_asides_in_brackets_are_no_codes(blank, text):
    assert code_tokens(blank.make_doc(text)) == set()


def test_model_names_over_codes_are_dropped(blank):
    text = "HSBC Holdings (HSBA.L) and Standard Chartered (STAN.L) rose; Gazprom (GAZP.MM) fell."
    given = [
        ("HSBC Holdings", "ORG"),
        ("HSBA.L", "ORG"),
        ("Standard Chartered", "ORG"),
        ("STAN.L", "GPE"),
        ("Gazprom", "ORG"),
        ("GAZP.MM", "PERSON"),
    ]
    assert run(blank, text, given) == [
        ("HSBC Holdings", "ORG"),
        ("Standard Chartered", "ORG"),
        ("Gazprom", "ORG"),
    ]


def test_a_name_running_into_a_code_ends_before_its_bracket(blank):
    text = "Shares of Kroger (KR.N) fell."
    assert run(blank, text, [("Kroger (KR.N", "ORG")]) == [("Kroger", "ORG")]


def test_and_co_the_model_left_out_is_put_back(blank):
    text = "JPMorgan Chase & Co (JPM.N) and Procter & Gamble rose."
    given = [("JPMorgan Chase", "ORG"), ("Procter & Gamble", "ORG")]
    assert run(blank, text, given) == [("JPMorgan Chase & Co", "ORG"), ("Procter & Gamble", "ORG")]


def test_names_in_a_credits_list_are_people_and_places_after_in_stay(blank):
    text = (
        "(Reporting by Olena Harmash in Kyiv; Editing by Daniel Wallis, Timothy Heritage "
        "and Sandra Maler)"
    )
    given = [
        ("Olena Harmash", "PERSON"),
        ("Kyiv", "GPE"),
        ("Daniel Wallis", "PERSON"),
        ("Timothy Heritage", "GPE"),
    ]  # the model missed "Sandra Maler"
    assert run(blank, text, given) == [
        ("Olena Harmash", "PERSON"),
        ("Kyiv", "GPE"),
        ("Daniel Wallis", "PERSON"),
        ("Timothy Heritage", "PERSON"),
        ("Sandra Maler", "PERSON"),
    ]


def test_desks_and_words_outside_a_credits_list_are_not_people(blank):
    text = "Reporting by Bengaluru Newsroom; Editing by Sriraj Kalluvila"
    given = [("Bengaluru", "GPE")]
    assert run(blank, text, given) == [("Bengaluru", "GPE"), ("Sriraj Kalluvila", "PERSON")]
    # "by" after another word opens no list
    text = "The plant was bought by Siemens Energy and Hitachi Rail."
    given = [("Siemens Energy", "ORG"), ("Hitachi Rail", "ORG")]
    assert run(blank, text, given) == given
    # a one-word name is a person only where the model said so
    text = "Reporting by Reuters staff; Editing by Mark Potter"
    assert run(blank, text, [("Reuters", "ORG")]) == [("Reuters", "ORG"), ("Mark Potter", "PERSON")]


def test_bundled_pipeline_on_wire_furniture(bundled_nlp):
    doc = bundled_nlp(
        "HSBC Holdings (HSBA.L) and Standard Chartered (STAN.L) led gains on London's "
        "FTSE 100 (.FTSE), while Gazprom (GAZP.MM) fell.\n"
        "(Additional reporting by Ahmed Aboulenein in Cairo; Editing by Daniel Wallis, "
        "Timothy Heritage and Sandra Maler)"
    )
    got = {(e.text, e.label_) for e in doc.ents}
    assert not any(text.endswith((".L", ".MM", "FTSE)")) for text, _ in got)
    assert {
        ("HSBC Holdings", "ORG"),
        ("Standard Chartered", "ORG"),
        ("Gazprom", "ORG"),
        ("Timothy Heritage", "PERSON"),
        ("Sandra Maler", "PERSON"),
        ("Cairo", "GPE"),
    } <= got


def test_a_name_before_a_share_code_is_a_company_and_so_are_its_other_mentions(blank):
    text = (
        "Leapmotor (9863.HK) delivered a record, Xpeng (9868.HK) doubled its sales and the "
        "Topix (.TOPX) fell. Xpeng said it expects more."
    )
    given = [("Leapmotor", "PERSON"), ("Xpeng", "PERSON"), ("Topix", "GPE")]
    assert run(blank, text, given) == [
        ("Leapmotor", "ORG"),
        ("Xpeng", "ORG"),
        ("Topix", "MISC"),
        ("Xpeng", "ORG"),
    ]


def test_a_company_the_model_missed_before_its_code_is_added(blank):
    text = "Shares of Kesar Foods (KSR.NS) and of BHP (BHP.AX) rose."
    assert run(blank, text, []) == [("Kesar Foods", "ORG"), ("BHP", "ORG")]
    # a line in capitals gives no run of words to take
    assert run(blank, "SHARES OF KESAR FOODS (KSR.NS) RISE", []) == []


@pytest.mark.parametrize(
    ("text", "given", "want"),
    [
        ("UPDATE 2-Nvidia shares slide", [("Nvidia", "ORG")], [("Nvidia", "ORG")]),
        (
            "BREAKINGVIEWS-Unilever's split has logic",
            [("BREAKINGVIEWS-Unilever", "ORG")],
            [("Unilever", "ORG")],
        ),
        (
            "Factbox-Who are the candidates in Japan",
            [("Factbox-Who", "PERSON"), ("Japan", "GPE")],
            [("Japan", "GPE")],
        ),
        ("RPT-INSIGHT-China's banks struggle", [("China", "GPE")], [("China", "GPE")]),
        # not a slug: no dash right after the word, or a word no slug
        ("Update on Nvidia", [("Nvidia", "ORG")], [("Nvidia", "ORG")]),
    ],
)
def test_story_slugs_opening_a_headline_name_nothing(blank, text, given, want):
    assert run(blank, text, given) == want


@pytest.mark.parametrize(
    ("headline", "names"),
    [
        ("Storm Forces Evacuation of Coastal Towns", []),
        ("Nvidia Shares Slide as China Curbs Chip Exports", [("Nvidia", "ORG"), ("China", "GPE")]),
        (
            "Heat Wave Grips Europe as Wildfires Spread in Greece",
            [("Europe", "LOC"), ("Greece", "GPE")],
        ),
        ("Police Arrest Suspect in Paris Museum Heist", [("Paris", "GPE")]),
        (
            "Trump Threatens New Tariffs on Mexican Imports",
            [("Trump", "PERSON"), ("Mexican", "NORP")],
        ),
    ],
)
def test_headlines_in_title_case_are_read_like_headlines_in_capitals(bundled_nlp, headline, names):
    """A web page's headline capitalises every word: its common words are no names
    ("China Curbs Chip Exports" was a firm, "Paris Museum Heist" a place)."""
    doc = bundled_nlp(headline + "\nThe story's first paragraph follows here, in running text.")
    assert [(e.text, e.label_) for e in doc.ents] == names


def test_title_case_lines_that_are_no_headlines_are_left_alone(blank):
    from wiretag.nlp.truecase import title_lines

    def common(low):
        return low in {"reporting", "editing", "writing", "cement", "companies", "results"}

    for line in (
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Associated Cement Companies 1,145.00 (1,160.00)",
        "Results of the Grand Prix at the Yas Marina Circuit on Sunday:",
    ):
        assert title_lines(blank.make_doc(line), common) == []
    doc = blank.make_doc("Reporting Results Editing Cement Rise")
    assert title_lines(doc, common) == [(0, 5)]


def test_by_in_running_text_opens_no_credits_list(blank):
    text = "The deal, first reported by Bloomberg News, followed reporting by The New York Times."
    given = [("Bloomberg News", "ORG"), ("New York Times", "ORG")]
    assert run(blank, text, given) == given
    # a credits line after the story's last line, and "Reporting and writing by"
    text = "Shares rose.\nReporting and writing by Jane Doe; editing by Timothy Heritage"
    assert run(blank, text, [("Timothy Heritage", "GPE")]) == [
        ("Jane Doe", "PERSON"),
        ("Timothy Heritage", "PERSON"),
    ]
