"""Learner-facing tables: blanks instead of None/NaN, escaped text, ids that can wrap."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import kit
from kit.explore.table import BLANK, table


def test_missing_values_show_as_a_dash_never_none_or_nan():
    frame = pd.DataFrame({"a": [None, 1.5, math.nan], "b": pd.Series(["x", None, pd.NA], dtype=object)})
    t = table(frame)
    page = t._repr_html_()
    assert t.cells() == [[BLANK, "x"], ["1.5", BLANK], [BLANK, BLANK]]
    for word in ("None", "NaN", "nan", "&lt;NA&gt;"):
        assert word not in page
    assert "None" not in repr(t) and "nan" not in repr(t)


def test_the_stance_matrix_keeps_its_row_labels_and_wraps_long_ids():
    m = kit.analysis.stance_matrix(kit.load_case())
    t = kit.table(m)
    assert t.index and t.header[0] == "actor" and t.header[1:] == tuple(m.columns)
    assert len(t) == len(m)
    page = t._repr_html_()
    assert "<th scope='row'" in page and "john_<wbr>kerry" in page
    assert page.count(BLANK) == int(m.isna().sum().sum())


def test_records_and_rows():
    case = kit.load_case()
    actors = kit.table(case.actors, columns=["id", "name", "country"])
    assert actors.header == ("id", "name", "country") and len(actors) == len(case.actors)
    rows = kit.table([(1, None, True)], columns=["¶", "speaker", "partial"])
    assert rows.cells() == [["1", BLANK, "True"]]
    with pytest.raises(ValueError, match="has no field 'nickname'"):
        kit.table(case.actors, columns=["nickname"])
    with pytest.raises(ValueError, match="every row needs 2 values"):
        kit.table([(1, 2), (3,)], columns=["a", "b"])
    with pytest.raises(ValueError, match="no column 'z'"):
        kit.table(pd.DataFrame({"a": [1]}), columns=["z"])


def test_text_is_escaped():
    page = kit.table([("<script>alert(1)</script>", "a'b")], columns=["<b>x</b>", "y"])._repr_html_()
    assert "<script>" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;" in page and "a&#x27;b" in page
