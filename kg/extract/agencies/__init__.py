"""Agencies and protection centres, with their canonical names (see :mod:`kg.extract.agencies.finder`).

- :mod:`~kg.extract.agencies.finder`: the finder, its rules loaded once, and its passes over a document;
- :mod:`~kg.extract.agencies.naming`: a written name resolved to its canonical one;
- :mod:`~kg.extract.agencies.generic`: generic actors, sets of regions and divisions, shared heads;
- :mod:`~kg.extract.agencies.common`: what they share.
"""

from kg.extract.agencies.finder import AgencyFinder

__all__ = ["AgencyFinder"]
