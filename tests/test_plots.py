"""Figures: each returns an Axes, describes itself, works on a given Axes and leaks no figures."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import kit  # noqa: E402
from kit import plots as P  # noqa: E402
from tests.handmade import small_case  # noqa: E402

PLOTS = [P.plot_mentions, P.plot_voices, P.plot_stances, P.plot_network, P.plot_membership]
# something from the data each description must mention
EXPECTED = {
    "plot_mentions": "John Kerry is mentioned most (3 times)",
    "plot_voices": "John Kerry has 50%",
    "plot_stances": "8 actors by 3 positions (6 support, 4 oppose, 2 conditional, 1 undecided)",
    "plot_network": "a British official, France, John Kerry, United States",
    "plot_membership": "The core group has 4 members",
}


@pytest.fixture(scope="module")
def case():
    return small_case()


@pytest.fixture(autouse=True)
def _no_leaks():
    plt.close("all")
    yield
    plt.close("all")


@pytest.mark.parametrize("plot", PLOTS, ids=lambda f: f.__name__)
def test_returns_axes_with_alt_text_and_closes_cleanly(case, plot):
    ax = plot(case)
    assert isinstance(ax, matplotlib.axes.Axes)
    text = P.alt_text(ax)
    assert EXPECTED[plot.__name__] in text
    assert text.endswith(".") and "\n" not in text
    plt.close(ax.figure)
    assert plt.get_fignums() == []


@pytest.mark.parametrize("plot", PLOTS, ids=lambda f: f.__name__)
def test_draws_on_a_given_axes(case, plot):
    fig, (left, right) = plt.subplots(1, 2)
    ax = plot(case, ax=right)
    assert ax is right and P.alt_text(ax)
    assert not hasattr(left, "_kit_alt_text")
    assert plt.get_fignums() == [fig.number]  # no extra figure opened
    fig.canvas.draw()  # renders without error


@pytest.mark.parametrize("plot", PLOTS, ids=lambda f: f.__name__)
def test_empty_case_draws_a_message(case, plot):
    empty = replace(case, stances=(), groups=(), article=replace(case.article, quotes=(), reported=(), mentions=()))
    ax = plot(empty)
    assert P.alt_text(ax).startswith("Who ")
    assert ax.texts  # the message is on the figure


def test_global_rcparams_untouched(case):
    before = dict(matplotlib.rcParams)
    for plot in PLOTS:
        plot(case)
    assert dict(matplotlib.rcParams) == before


def test_stance_cells_carry_symbols_and_legend(case):
    ax = P.plot_stances(case, positions=["air_strikes"])
    symbols = sorted(t.get_text() for t in ax.texts)
    assert symbols == sorted(["+", "+", "+", "?", "~", "\u2212"])
    assert len(ax.get_legend().get_texts()) == 4


def test_network_shapes_follow_coalitions_and_layout_is_stable(case):
    a = P.plot_network(case)
    b = P.plot_network(small_case())
    offsets = [c.get_offsets().tolist() for c in a.collections]
    assert offsets == [c.get_offsets().tolist() for c in b.collections]
    labels = [t.get_text() for t in a.get_legend().get_texts()]
    assert labels[:3] == ["coalition 1 (4)", "coalition 2 (2)", "agrees with no one"]
    assert "ring: The core group" in labels and "ring: NATO" not in labels  # first group by default
    both = P.plot_network(case, groups=["core_group", "nato"])
    assert {"ring: The core group", "ring: NATO"} <= {t.get_text() for t in both.get_legend().get_texts()}
    with pytest.raises(kit.KitError, match="unknown group 'g7'"):
        P.plot_network(case, groups=["g7"])


def test_voices_hatch_anonymous_bars(case):
    ax = P.plot_voices(case)
    hatches = [bar.get_hatch() for bar in ax.patches]
    assert hatches.count("//") == 1  # a British official only


def test_dollar_signs_do_not_become_math(case):
    c = replace(case, actors=tuple(replace(a, name="$5bn Fund") if a.id == "canada" else a for a in case.actors))
    ax = P.plot_membership(c)
    ax.figure.canvas.draw()
    assert "$5bn Fund" in P.alt_text(ax) or "Canada" not in P.alt_text(ax)
    assert any(t.get_text() == r"\$5bn Fund" for t in ax.get_yticklabels())


def test_alt_text_of_a_foreign_axes_is_refused():
    _, ax = plt.subplots()
    with pytest.raises(kit.KitError, match="not drawn by a kit plot"):
        P.alt_text(ax)


def test_bad_input_is_refused(case):
    with pytest.raises(kit.KitError):
        P.plot_mentions(case, top=0)
    with pytest.raises(kit.KitError):
        P.plot_stances(case, level="planet")
    with pytest.raises(kit.KitError):
        P.plot_membership("case.yaml")


def test_import_kit_does_not_import_matplotlib():
    code = "import sys, kit, kit.analysis, kit.plots, kit.export; print('matplotlib' in sys.modules, 'pandas' in sys.modules, 'networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_reference_case_figures():
    ref = kit.load_case()  # a broken bundled reference case must fail here, not skip
    for plot in PLOTS:
        ax = plot(ref)
        assert P.alt_text(ax)
        plt.close(ax.figure)
    assert "Kerry" in P.alt_text(P.plot_voices(ref))


def test_no_rc_context_so_later_figures_still_show(case, monkeypatch):
    """Leaving ``plt.rc_context`` restores ``interactive``: the inline backend then shows no later figure."""

    def refuse(*_a, **_k):
        raise AssertionError("plt.rc_context used: it switches interactive mode back off in a notebook")

    monkeypatch.setattr(plt, "rc_context", refuse)
    monkeypatch.setattr(matplotlib, "rc_context", refuse)
    for plot in PLOTS:
        ax = plot(case)
        assert ax.title.get_fontsize() == P.TITLE_SIZE
        assert all(t.get_fontsize() >= P.FONT_SIZE for t in ax.get_yticklabels() + ax.texts)


@pytest.mark.parametrize("plot", PLOTS, ids=lambda f: f.__name__)
def test_figure_html_carries_escaped_alt_text_and_text_size(case, plot):
    c = replace(
        case, actors=tuple(replace(a, name="Kerry <b>'&'</b>") if a.id == "john_kerry" else a for a in case.actors)
    )
    ax = plot(c)
    page = ax.figure._repr_html_()  # what IPython shows beside the PNG
    assert page.split("'")[2:] == P.figure_html(ax.figure).split("'")[2:]  # all but the PNG itself
    assert page.startswith("<img src='data:image/png;base64,") and "<b>" not in page
    alt = P.alt_text(ax)
    assert f"alt='{__import__('html').escape(alt, quote=True)}'" in page
    assert P.smallest_text_px(ax.figure) >= 13.8  # 10 pt at 100 dpi
    assert "data-min-text-px='13.9'" in page


def test_notebook_figures_fit_the_notebook_unscaled(case):
    """Shown unscaled in a notebook about 850 px wide, so 10 pt text stays 13.9 px (at least 11 px)."""
    ref = kit.load_case()
    for plot in PLOTS:
        ax = plot(ref)
        ax.figure.canvas.draw()
        box = ax.figure.get_tightbbox()
        assert box.width * P.DPI <= 850, f"{plot.__name__}: {box.width * P.DPI:.0f} px wide"
