"""An invented local-news article for the case-builder tests (issue 19's shapes).

An organisation before a title ("Harbour Trust chair Maria Kent"), a surname
alias ("Kent said"), a council the parser misses, a quote with a pronoun
speaker and an anonymous spokeswoman. Not from any corpus.
"""

from __future__ import annotations

ARTICLE = (
    "Harbour Trust chair Maria Kent said on Monday the new ferry pier would open in May.\n\n"
    "“We have waited long enough,” Kent said. The council said it backed the plan.\n\n"
    "Fishermen's leader Tom Wade warned that the pier would block the old slipway. "
    "“It is a disgrace,” he said.\n\n"
    "A council spokeswoman said the slipway would be moved.\n"
)
