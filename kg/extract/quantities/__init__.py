"""Quantities: every number with its unit in a document, and the role it plays there.

Read in three stages a reader can follow, each a module of its own:

1. :mod:`~kg.extract.quantities.mentions` finds each number with its unit and
   the words right around it (comparator, change, per);
2. :mod:`~kg.extract.quantities.binding` binds its context from its clause
   outwards: indicator, period, scope, lists (分别, 均), and time;
3. :mod:`~kg.extract.quantities.roles` decides its role (target, baseline,
   parameter, threshold, context) from cues kept as data, each with an id
   that travels into the graph as the rule that read the figure.

:mod:`~kg.extract.quantities.tables` reads the indicator tables of plans, and
:mod:`~kg.extract.quantities.reader` is the rule component that runs it all.
"""

from kg.extract.quantities.reader import QuantityReader

__all__ = ["QuantityReader"]
