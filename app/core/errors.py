"""Domain errors carry a code and parameters; the text is chosen by language.

The product is Chinese first, so ``str(error)`` is the Simplified Chinese message;
``error.text("en")`` gives English for the English interface.
"""

from __future__ import annotations

from app.core.messages import MESSAGES


class Words:
    """A parameter that reads differently by language (a role, an action)."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return self.zh


class DomainError(Exception):
    """A rule was broken. Raised before anything is written."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def text(self, language: str = "zh") -> str:
        zh, en = MESSAGES[self.code]
        english = language.startswith("en")
        params = {
            key: (value.en if english else value.zh) if isinstance(value, Words) else value
            for key, value in self.params.items()
        }
        return (en if english else zh).format(**params)

    def __str__(self) -> str:
        return self.text("zh")


class ValidationErrors(DomainError):
    """Several problems found at once, so the clerk can fix them in one go."""

    def __init__(self, errors: list[DomainError]) -> None:
        super().__init__(errors[0].code, **errors[0].params)
        self.errors = errors

    def text(self, language: str = "zh") -> str:
        return "\n".join(error.text(language) for error in self.errors)
