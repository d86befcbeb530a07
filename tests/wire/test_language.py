"""Language identification: English proceeds, other languages are named, short text is None."""

from __future__ import annotations

import pytest

from wiretag.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The central bank raised its main interest rate on Tuesday, its fifth straight "
         "increase, as policymakers try to tame inflation running above 60%.", "en"),
        ("La banque centrale a relevé mardi son principal taux directeur, sa cinquième "
         "hausse consécutive, pour tenter de freiner une inflation supérieure à 60 %.", "fr"),
        ("Die Zentralbank hat am Dienstag ihren Leitzins erneut angehoben, um die "
         "Inflation von mehr als 60 Prozent einzudämmen.", "de"),
        ("El banco central elevó el martes su principal tasa de interés por quinta vez "
         "consecutiva para contener una inflación superior al 60%.", "es"),
    ],
)
def test_language_detected(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "Hello", "12 34 56 78 90", "MOSCOW (Reuters)"])
def test_language_too_short_is_none(text: str) -> None:
    assert detect_language(text) is None
