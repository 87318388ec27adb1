"""policy-kg: Chinese government policy documents as an RDF knowledge graph.

The public API lives in :mod:`kg.api` (``build``, ``extract``, ``load``,
``query``); it is imported on first use, so ``import kg`` does no work.
"""

__version__ = "0.1.0"
__all__ = ["build", "extract", "extract_text", "load", "query", "write"]


def __getattr__(name):
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
