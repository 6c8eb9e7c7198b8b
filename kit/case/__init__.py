"""Case files: an article plus a teacher's coding, read from YAML and checked against the text.

* :mod:`.load` – :func:`load_case`, :func:`case_from_article` (the public API);
* :mod:`.yamlfile` – YAML with line numbers (safe loader only), problem reports, evidence search;
* :mod:`.fields` – typed fields of the case file;
* :mod:`.merge` – the case file's actors merged into the parsed ones;
* :mod:`.draft` – a starter case file written from the parse.
"""

from __future__ import annotations

from .draft import draft_case
from .load import GROUP_BASES, REFERENCE_CASE, case_from_article, load_case, load_reference_case

__all__ = ["load_case", "load_reference_case", "case_from_article", "draft_case", "REFERENCE_CASE", "GROUP_BASES"]
