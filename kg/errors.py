"""One exception hierarchy; each error carries a message a user can act on.

The command line catches :class:`PolicyKGError` only, prints its message on one
line and exits 1. Anything else is a bug and keeps its traceback.
"""


class PolicyKGError(Exception):
    """Base of every error policy-kg raises on purpose."""


class InputError(PolicyKGError):
    """A document or graph given to policy-kg cannot be read."""


class RuleError(PolicyKGError):
    """A resource file (lexicon, pattern list) is malformed."""


class QueryError(PolicyKGError):
    """A SPARQL query is malformed, unknown, or its parameters are wrong."""


class OutputError(PolicyKGError):
    """An output cannot be written."""


class StoreError(PolicyKGError):
    """An on-disk store cannot be opened, or does not hold what it should."""


class RemoteError(PolicyKGError):
    """A SPARQL server cannot be reached, refuses us, or answers what we cannot read."""
