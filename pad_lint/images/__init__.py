"""Alt-text judgement helpers for the image rules (IMG001–IMG006).

* :func:`judge_alt` ``(image) -> AltJudgement``: one image on its own
  (unlabelled, decorative, poorly labelled, ok);
* :func:`credited_names` ``(view, document) -> list[CreditedName]``,
  :class:`CreditFinder` and :func:`credit_in_alt`: credits used as alt (IMG004);
* :func:`normalise_alt`: the comparison key for repeated alts (IMG003).

Sources: WCAG 2.2 SC 1.1.1 (F30, F39, F65, H37, H67), RGAA 4.1 topic 1 and its
glossary (*image de décoration*, *légende d'image*, 80-character advice),
the W3C alt decision tree.
"""

from .alt import AltJudgement, is_decorative, judge_alt, looks_like_personal_name, normalise_alt, poor_alt_reason
from .credits import (CreditedName, CreditFinder, CreditIndex, credit_in_alt, credited_names, credits_in_document,
                      credits_in_text, is_name, people_in_document)

__all__ = [
    "AltJudgement", "CreditFinder", "CreditIndex", "CreditedName", "credit_in_alt", "credited_names",
    "credits_in_document", "credits_in_text", "is_decorative", "is_name", "judge_alt", "looks_like_personal_name",
    "normalise_alt", "people_in_document", "poor_alt_reason",
]
