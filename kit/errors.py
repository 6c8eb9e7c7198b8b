"""One exception family for everything the kit can refuse.

Messages say what was wrong and what to do next, in one line, so the command
line can print them as they are.
"""

from __future__ import annotations

__all__ = ["KitError", "ArticleError", "CaseError", "SaveError"]


class KitError(Exception):
    """Base of every error the kit raises on bad input."""


class ArticleError(KitError):
    """An article file or text that cannot be read or parsed."""


class SaveError(KitError):
    """A learner's save file that cannot be read or written."""


class CaseError(KitError):
    """A case file with problems; ``problems`` lists every one (file, line, field, hint)."""

    def __init__(self, message: str, problems: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems)

    def __str__(self) -> str:
        base = super().__str__()
        if not self.problems or self.problems == (base,):  # one located problem: one line
            return base
        return base + "\n" + "\n".join(f"  - {p}" for p in self.problems)
