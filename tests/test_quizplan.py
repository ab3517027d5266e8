"""The quiz plan's option rules: what shuffled versions may move, read from the main file so that
every language shares the versions."""
from __future__ import annotations

from generator.quizplan import option_rule, orders

KEPT = ["all of the above", "none of the above"]


def test_two_options_keep_their_order():
    assert option_rule(["Yes", "No"], KEPT) == "fixed"
    assert option_rule(["True", "False"], KEPT) == "fixed"


def test_years_and_amounts_in_order_keep_their_order():
    assert option_rule(["1914", "1923", "1946", "1956"], KEPT) == "fixed"
    assert option_rule(["5 countries", "50 countries", "195 countries"], KEPT) == "fixed"
    assert option_rule(["1946", "1914", "1956"], KEPT) == "free"     # written out of order: free


def test_all_of_the_above_written_last_stays_last():
    options = ["Information sharing", "Joint operations", "Training", "All of the above."]
    assert option_rule(options, KEPT) == "last"
    layout = orders(1, [(4, "last")], 8, 2027, True, False)
    assert all(o_orders[0][-1] == 3 for _, o_orders in layout)
    assert len({tuple(o_orders[0]) for _, o_orders in layout}) > 1     # the others still move


def test_ordinary_options_are_shuffled_per_version():
    assert option_rule(["Europol", "INTERPOL", "UNODC", "AFRIPOL"], KEPT) == "free"
    layout = orders(1, [(4, "free")], 6, 2027, True, True)
    assert layout[0][1][0] == [0, 1, 2, 3]                             # version A as authored
    assert len({tuple(o[0]) for _, o in layout}) > 2


def test_every_language_shares_the_versions_even_where_the_wording_differs(tmp_path):
    """An "All of the above" the French file writes as "Toutes ces réponses" moves (or not) exactly as
    the main file's option does, so the keys of both languages agree."""
    from helpers import load
    from generator.quizplan import plan

    q = ("quiz:\n  questions:\n    - question: {q}\n      options: [{o}]\n      answer: d\n"
         "build:\n  quiz: {{versions: 4, seed: 5}}\n")
    (tmp_path / "content.yaml").write_text(
        "language: en\ntitle: T\nsummary: S.\nsections:\n  - {id: a, title: A, text: T.}\n"
        + q.format(q="Which?", o="Alpha, Beta, Gamma, All of the above"), encoding="utf-8")
    (tmp_path / "content.fr.yaml").write_text(
        "language: fr\ntitle: T\nsummary: S.\nsections:\n  - {id: a, title: A, text: T.}\n"
        + q.format(q="Laquelle ?", o="Alpha, Bêta, Gamma, Toutes ces réponses").replace("build:\n  quiz: {versions: 4, seed: 5}\n", ""),
        encoding="utf-8")
    en, fr = load(tmp_path / "content.yaml")
    for a, b in zip(plan(en).versions, plan(fr, en).versions):
        assert [o.source for o in a.questions[0].options] == [o.source for o in b.questions[0].options]
        assert a.questions[0].options[-1].source == 3
