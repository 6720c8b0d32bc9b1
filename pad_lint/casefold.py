"""Case folding as ``re.IGNORECASE`` does it, where ``str.lower()`` differs.

``re`` matches ``ı`` (dotless i), ``İ`` and ``ſ`` (long s) to ``i`` and ``s``;
``str.lower()`` keeps them apart. Text lower-cased for a fast literal test, or
looked up in a table of folded words after a case-insensitive match, must be
translated with :data:`RE_ONLY_FOLDS` first to agree with the regex.
"""

from __future__ import annotations

RE_ONLY_FOLDS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})
