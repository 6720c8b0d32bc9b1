"""The event document: what a pad says about its event (who, what, when, under which licence)."""

from .models import EventDocument

__all__ = ["EventDocument"]
