"""Entities never carry the spaces left where inline boilerplate was blanked."""

from __future__ import annotations

import datetime as dt

from flashpoint.models import Article

# written for the test, in the shape of a scraped page with a hover card after each name
TEXT = (
    "The plan drew fire from Sen. Mary Vance Mary Ellen VanceFarm bill stalls again Senators "
    "trade barbs over tariffs in a late session MORE (D-Ore.) and from Sen. Tom Reed Thomas "
    "(Tom) Reed Budget talks collapse at midnight as leaders trade blame MORE (R-Kan.) on Monday.\n\n"
    "“We will not move money from the troops,” said Sen. Ana Ortiz Ana Lucia OrtizVeterans "
    "groups court candidates MORE (D-N.M.)."
)


def test_names_of_people_after_a_masked_hover_card_have_no_spaces(engine):
    analysis = engine.analyze(Article(id="t", text=TEXT, published=dt.date(2019, 3, 1)))
    assert [s.reason for s in analysis.skipped] == ["hover-card"] * 3
    names = [a.name for a in analysis.actors]
    assert names and all(n == " ".join(n.split()) for n in names), names
    for ent in engine.nlp(engine._analysable_text(analysis.article, analysis.skipped)).ents:
        assert not ent[0].is_space and not ent[-1].is_space, ent.text
