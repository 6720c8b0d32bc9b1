"""Licence detection: French and English wordings, URLs, badges and SPDX tags -> SPDX.

Public API:

* :func:`detect_licence` ``(view) -> Licence``: the event document's verdict
  (``pad_lint.event.models.Licence``), called by the event extractor;
* :func:`analyse_licence` ``(view) -> LicenceAnalysis``: the verdict plus every
  signal found, used by the licence rules (LIC001–LIC005) for their messages;
* :func:`classify_url`, :func:`find_names`: the matchers; :mod:`.table` holds
  the surface forms as data; :mod:`.spdx` wraps ``license-expression``.

Sources: the REUSE Specification 3.3, the SPDX License List and SPDX license
expressions, the Creative Commons licence deeds and the wordings of their French
and English versions, Etalab's Licence Ouverte 2.0.
"""

from .detect import LicenceAnalysis, Signal, analyse_licence, detect_licence
from .language import pad_language
from .match import Finding, classify_url, find_names
from .spdx import ALL_RIGHTS_RESERVED, check_expression, satisfies

__all__ = [
    "ALL_RIGHTS_RESERVED", "Finding", "LicenceAnalysis", "Signal", "analyse_licence", "check_expression",
    "classify_url", "detect_licence", "find_names", "pad_language", "satisfies",
]
