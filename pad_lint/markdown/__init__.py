"""Markdown layer: the HedgeDoc-configured markdown-it instance and the PadView built from it."""
