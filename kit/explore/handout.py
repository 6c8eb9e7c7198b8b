"""A printable handout: the article with ¶ numbers, a worksheet, and (for the teacher) the reference key.

``python -m kit handout [CASE] --out handout.html`` writes one HTML file that
a browser prints well (A4 or Letter): the article on its own pages, each
paragraph numbered as in the explorers (¶ 1, ¶ 2 …), then a worksheet whose
tables follow the lessons (who is in the story, who speaks and how, who
stands where, declared groups) with room to write. ``key=True`` adds the
reference coding for the teacher. Every piece of article or case text is
escaped: an article holding ``<script>`` prints those characters.

>>> import kit
>>> page = render_handout(kit.load_case())
>>> page.startswith("<!DOCTYPE html>") and "@media print" in page and "¶&nbsp;1" in page
True
"""

from __future__ import annotations

from ..analysis.inference import inferred_stances
from ..data import data_text
from ..fileio import show
from ..records import STANCE_VALUES, Case, Stance
from ..util import esc
from .render import KIND_LABELS, statements

__all__ = ["render_handout", "SYMBOLS"]

#: What a learner writes in a stance cell (the symbols of the stance figure).
SYMBOLS = {"support": "+", "oppose": "\u2212", "conditional": "~", "undecided": "?"}
_BLANK_ROWS = 3

_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #000; background: #fff;
       max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
h1, h2, h3, th, .meta, .hint, .sheet { font-family: "Helvetica Neue", Arial, sans-serif; }
.meta { font-size: 9pt; color: #333; margin: 0 0 1em; }
.para { position: relative; padding-left: 3.2em; margin: 0 0 .55em; break-inside: avoid; }
.pnum { position: absolute; left: 0; top: .1em; font: bold 9pt Arial, sans-serif; color: #333; }
.heading { font-weight: bold; }
.credits { font-size: 9pt; color: #333; border-top: 1px solid #999; padding-top: .4em; }
.sheet { font-size: 10pt; }
.sheet h2 { border-bottom: 1.5px solid #000; padding-bottom: .1em; }
.hint { font-size: 9pt; color: #333; margin: .2em 0 .5em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .3em 0 .8em; }
th, td { border: 1px solid #000; padding: .2em .35em; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { font-size: 8.5pt; background: #eee; }
td { height: 2.1em; }
tr { break-inside: avoid; }
.grid th.pos { font-size: 7.5pt; line-height: 1.2; }
.grid td { text-align: center; }
.grid td.who, .grid th.who { text-align: left; width: 9.5em; }
.lines div { border-bottom: 1px solid #777; height: 2em; }
.name { display: flex; gap: 2em; margin: 0 0 .8em; }
.name span { flex: 1; border-bottom: 1px solid #000; padding-bottom: .1em; }
.page { break-before: page; }
.key td { height: auto; font-size: 9pt; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _pnum(n: int) -> str:
    return f"<span class='pnum' aria-label='paragraph {n}'>¶&nbsp;{n}</span>"


def _article(case: Case) -> str:
    art = case.article
    parts = []
    for para in art.paragraphs:
        text = esc(art.text[para.start : para.end])
        n = para.index + 1
        if para.kind == "rule":
            parts.append("<hr>")
        elif para.kind == "credits" or para.index == art.credits.paragraph:
            parts.append(
                f"<p class='para credits'>{_pnum(n)}<em>Credits: the journalists who reported, wrote and "
                f"edited the story (not actors in it):</em> {text}</p>"
            )
        elif para.kind == "heading":
            parts.append(f"<p class='para heading'>{_pnum(n)}{text}</p>")
        else:
            parts.append(f"<p class='para'>{_pnum(n)}{text}</p>")
    source = f" Source file: {esc(show(art.source))}." if art.source else ""
    title = esc(case.title) if case.title else "The article"
    # The bundled text is an excerpt (its headline and first paragraphs are cut): say so where it starts.
    excerpt = art.text == data_text("article.txt")
    heading = "The article: an excerpt" if excerpt else "The article"
    if excerpt:
        source += " An excerpt of a Reuters report (September 2014): its headline and first paragraphs are cut."
    return (
        f"<section class='article'><h1>{heading}</h1><p class='meta'>{title}.{source} "
        f"Paragraphs are numbered (¶) as in the lessons' explorers: cite them in your answers.</p>"
        f"{''.join(parts)}</section>"
    )


def _rows(n: int, cells: int) -> str:
    return ("<tr>" + "<td></td>" * cells + "</tr>") * n


def _lines(n: int) -> str:
    return "<div class='lines'>" + "<div></div>" * n + "</div>"


def _speakers(case: Case) -> list[str]:
    seen = dict.fromkeys(s.speaker for s in statements(case) if s.speaker)
    order = [a.id for a in case.actors if a.id in seen]
    return order + sorted(set(seen) - set(order))


def _worksheet(case: Case) -> str:
    kinds = ", ".join(k for k in KIND_LABELS if k)
    parts = [
        "<section class='sheet page'><h1>Worksheet</h1>",
        "<p class='name'><span>Name:</span><span>Date:</span></p>",
        "<h2>1. Who is in the story?</h2>",
        f"<p class='hint'>Actors act or speak in the story; a place is not an actor. Kinds: {esc(kinds)}.</p>",
        "<table><thead><tr><th>Actor</th><th style='width:9em'>Kind</th><th style='width:6em'>First ¶</th>"
        "<th>Named how? (e.g. “London”, “British”)</th></tr></thead><tbody>",
        _rows(8, 4),
        "</tbody></table>",
        "<h2>2. Who speaks, and how?</h2>",
        "<p class='hint'>Direct quote: the words inside quotation marks. Reported speech: the journalist's words "
        "(“he said that…”). Anonymous: no name is given.</p>",
        "<table><thead><tr><th style='width:4em'>¶</th><th>Speaker</th><th style='width:9em'>Quote or reported?</th>"
        "<th style='width:9em'>Named or anonymous?</th><th style='width:7em'>Cue verb</th></tr></thead><tbody>",
        _rows(10, 5),
        "</tbody></table>",
    ]
    parts.append(_stance_grid(case))
    parts.append(_groups(case))
    parts += [
        "<h2>5. Think about it</h2>",
        "<p>Whose voices are missing from this story? What would change if they were heard?</p>",
        _lines(3),
        "<p>Which stance was hardest to decide, and which words made it hard?</p>",
        _lines(3),
        "</section>",
    ]
    return "".join(parts)


def _stance_grid(case: Case) -> str:
    if not case.positions:
        return (
            "<h2>3. Who stands where?</h2><p class='hint'>This case has no positions yet: list the policy options "
            "the article discusses, then who supports or opposes each.</p>" + _lines(6)
        )
    legend = ", ".join(f"{SYMBOLS[v]} {v}" for v in STANCE_VALUES)
    head = "".join(f"<th class='pos'>{esc(p.label)}</th>" for p in case.positions)
    rows = "".join(
        f"<tr><td class='who'>{esc(case.name_of(a))}</td>" + "<td></td>" * len(case.positions) + "</tr>"
        for a in _speakers(case)
    )
    return (
        "<h2 class='page'>3. Who stands where?</h2>"
        f"<p class='hint'>For each speaker and position, write a symbol ({esc(legend)}) and the ¶ of your evidence, "
        "e.g. “+ 4”. Leave the cell empty when the article says nothing.</p>"
        f"<table class='grid'><thead><tr><th class='who'>Speaker</th>{head}</tr></thead>"
        f"<tbody>{rows}{_rows(_BLANK_ROWS, len(case.positions) + 1)}</tbody></table>"
    )


def _groups(case: Case) -> str:
    if not case.groups:
        return ""
    rows = "".join(
        f"<tr><td>{esc(g.name)}<br><span class='hint'>({esc(g.basis)})</span></td>"
        f"<td>{esc(', '.join(case.name_of(m) for m in g.members))}</td><td></td></tr>"
        for g in case.groups
    )
    return (
        "<h2>4. Declared groups: do their members agree?</h2>"
        "<p class='hint'>A declared group is one the article (or background knowledge) names. Who in it says "
        "something about a position, and who stays silent?</p>"
        "<table><thead><tr><th style='width:11em'>Group</th><th>Members</th><th>Who speaks? Do they agree?</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _key(case: Case) -> str:
    if not case.stances:
        return ""
    labels = {p.id: p.label for p in case.positions}

    def where(start: int | None) -> str:
        found = [p.index + 1 for p in case.article.paragraphs if start is not None and p.start <= start < p.end]
        return str(found[0]) if found else ""

    inferred = {id(s) for s in inferred_stances(case)}

    def flag(s: Stance) -> str:
        return "<br><span class='hint'>inferred*</span>" if id(s) in inferred else ""

    rows = "".join(
        f"<tr><td>{esc(labels.get(s.position, s.position))}</td><td>{esc(case.name_of(s.actor))}</td>"
        f"<td>{SYMBOLS.get(s.value, '')} {esc(s.value)}{flag(s)}</td><td>{where(s.start)}</td>"
        f"<td>“{esc(s.evidence)}” <em>({esc(s.evidence_type)})</em></td></tr>"
        for s in case.stances
    )
    note = (
        "<p class='hint'>* inferred: the evidence does not use the words of the position's label, so coding it "
        "there is the coder's reading (e.g. “attack them” read as air strikes). Accept a learner who codes it "
        "otherwise, with a reason.</p>"
        if inferred
        else ""
    )
    return (
        "<section class='sheet page key'><h1>Teacher's key: the reference coding</h1>"
        "<p class='hint'>Accept any defensible stance whose evidence is in the article; this is one reading.</p>"
        "<table><thead><tr><th style='width:10em'>Position</th><th style='width:9em'>Actor</th>"
        "<th style='width:7em'>Stance</th><th style='width:3em'>¶</th><th>Evidence (type)</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{note}</section>"
    )


def render_handout(case: Case, *, key: bool = False) -> str:
    """The handout as one HTML document: the article with ¶ numbers, the worksheet, and the key if asked.

    Args:
        case: the case (``kit.load_case()``, or a case or article of your own).
        key: add the reference coding (positions, stances, evidence) for the teacher.
    """
    title = esc(case.title or "Article and worksheet")
    body = _article(case) + _worksheet(case) + (_key(case) if key else "")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>{_CSS}</style></head><body>{body}</body></html>\n"
    )
