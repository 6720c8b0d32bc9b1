"""Event-document models of the inclusive-writing family (imported by ``pad_lint.event.models``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..spans import Span


class InclusiveForm(BaseModel):
    """One abbreviated inclusive form found in the pad's French prose.

    Source of the analysis: ``shared/reference/inclusive-writing.md`` §1.2 (separators),
    §1.4 (plural styles), §2 (morphology).
    """

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The form exactly as written, e.g. 'participant.e.s'")
    span: Span
    separator: str = Field(description="Separator code points in order of appearance joined with '+' "
                                       "('U+00B7', 'U+00B7+U+002E'), or 'PARENTHESES' / 'CAPITAL'")
    plural_style: Literal["one", "two", "n/a"] = Field(
        description="one: '·es' (one separator before the plural ending); two: '·e·s'; n/a: singular forms "
                    "and pronoun pairs")
    lemma: str = Field(description="Masculine singular in lower case (the dictionary form), e.g. 'utilisateur'")
    masculine: str = Field(description="Masculine the form abbreviates: singular for nouns and adjectives "
                                       "('utilisateur'), as used for pronouns and determiners ('tous')")
    feminine: str = Field(description="Feminine the form abbreviates ('utilisatrice', 'toutes')")
    kind: Literal["word", "closed-class"] = Field(description="closed-class: pronoun or determiner (tous·tes, il/elle)")
    well_formed: bool = Field(True, description="False for malformed forms such as 'utilisateurs·rices' or 'tout·es'")
    suggestion: str | None = Field(None, description="The corrected form (same separator and plural style) "
                                                     "when the form is malformed")


class InclusiveStyle(BaseModel):
    """The pad's dominant inclusive-writing style. Ties: the median dot wins a separator tie it is part of,
    otherwise the first form seen wins (as Vale's `consistency`); irregular plurals (nouveaux·elles) do not
    vote for the plural style."""

    model_config = ConfigDict(extra="forbid")

    forms: int = Field(0, ge=0, description="Number of abbreviated forms found")
    separator: str | None = Field(None, description="Dominant separator key (look-alikes of U+00B7 count as U+00B7)")
    plural_style: Literal["one", "two"] | None = Field(None, description="Dominant plural style")
    separators: dict[str, int] = Field(default_factory=dict, description="Forms per separator key, as written")
    plural_styles: dict[str, int] = Field(default_factory=dict, description="Forms per plural style (one, two, n/a)")
