"""Word segmentation with a jieba ``Tokenizer`` owned by policy-kg.

jieba's module-level functions (``jieba.cut``, ``jieba.add_word``) share one
process-wide dictionary. policy-kg never touches it: a :class:`Segmenter`
builds its own ``jieba.Tokenizer``, adds the project lexicon
(``resources/lexicon/*.txt``, jieba's user-dictionary format ``word [freq] [tag]``)
and any words the rule lexicons need, and caches jieba's prefix dictionary in a
user cache folder so later start-ups are fast.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import marshal
import os
import re
import tempfile
import time
from array import array
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Iterable

from kg.errors import OutputError, RuleError
from kg.io import atomic_write
from kg.resources import RESOURCE_DIR


def cache_dir() -> Path:
    """Return the folder where jieba's dictionary cache is kept."""
    base = os.environ.get("POLICYKG_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    path = root / "policy-kg" if not os.environ.get("POLICYKG_CACHE") else root
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.touch()
        probe.unlink()
    except OSError:
        path = Path(tempfile.gettempdir())
    return path


def read_lexicon(path: Path) -> list[tuple[str, int | None, str | None]]:
    """Return the ``(word, freq, tag)`` entries of a jieba user dictionary file."""
    entries, errors = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word, freq, tag = parts[0], None, None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            tag = rest.pop(0)
        if rest:
            errors.append(f"{path.name}:{lineno}: expected 'word [freq] [tag]', got {line!r}")
            continue
        entries.append((word, freq, tag))
    if errors:
        raise RuleError("; ".join(errors))
    return entries


@dataclass
class Tokens:
    """The words of a text with their offsets into it."""

    words: list[str]
    starts: array
    ends: array
    _bounds: set[int] = field(default_factory=set, repr=False)

    @classmethod
    def of(cls, words: list[str]) -> "Tokens":
        """The tokens of the text that is ``words`` joined."""
        ends = array("q", accumulate(map(len, words)))
        starts = array("q", accumulate(map(len, words[:-1]), initial=0)) if words else array("q")
        return cls(words, starts, ends)

    def __len__(self) -> int:
        return len(self.words)

    def is_boundary(self, pos: int) -> bool:
        """True if a word starts or ends at ``pos``."""
        if not self._bounds:
            self._bounds = set(self.starts) | set(self.ends)
        return pos in self._bounds

    def index_at(self, pos: int) -> int:
        """Return the index of the word covering ``pos`` (the last word from the end of the text on)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def word_at(self, pos: int) -> tuple[int, int, str] | None:
        """Return ``(start, end, word)`` of the word covering ``pos`` (the last word from
        the end of the text on), or None before the text."""
        k = self.index_at(pos)
        return (self.starts[k], self.ends[k], self.words[k]) if 0 <= k < len(self.words) else None

    def indices(self, start: int, end: int) -> range:
        """Return the indices of the words lying inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_right(self.ends, end)
        return range(first, max(first, last))


# The runs of text that jieba cuts with its dictionary (jieba's re_han_default); every
# other character is a word of its own, but for "\r\n" (jieba's re_skip_default).
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")


class LazyTokens:
    """The words of a text, segmented where a rule asks: the same words as
    :class:`Tokens`, at a fraction of the cost.

    jieba cuts each run of Chinese characters and letters (a *block*) on its
    own, and makes every other character a word; so the words around a position
    are known once the block holding it is cut. The rules look at the words
    around candidates (a lexicon entry, an agency's head, a number), which lie
    in about a sixth of a policy document's blocks (benchmarks/). :attr:`seconds` is the time
    spent cutting. Asking for :attr:`words` cuts the whole text.
    """

    def __init__(self, text: str, cut) -> None:
        self.text = text
        self._cut = cut  # block -> its words
        self.seconds = 0.0
        self._piece_starts = array("q")
        self._starts, self._ends = array("q"), array("q")  # of the blocks
        for start, end in _piece_bounds(text):
            self._piece_starts.append(start)
            for m in _BLOCK.finditer(text, start, end):
                self._starts.append(m.start())
                self._ends.append(m.end())
        self._cuts: dict[int, list[int]] = {}  # block -> the ends of its words
        self._eager: Tokens | None = None

    def _block(self, pos: int) -> int:
        """The index of the block holding ``pos``, or -1."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self._ends[i] else -1

    def _word_ends(self, i: int) -> list[int]:
        ends = self._cuts.get(i)
        if ends is None:
            t = time.perf_counter()
            start = self._starts[i]
            ends = list(accumulate(map(len, self._cut(self.text[start:self._ends[i]])), initial=start))[1:]
            self.seconds += time.perf_counter() - t
            self._cuts[i] = ends
        return ends

    def _crlf(self, pos: int) -> bool:
        """True if ``pos`` lies between the two characters of a "\\r\\n" word."""
        return (0 < pos < len(self.text) and self.text[pos - 1] == "\r" and self.text[pos] == "\n"
                and self._piece_starts[bisect.bisect_right(self._piece_starts, pos) - 1] != pos)

    def is_boundary(self, pos: int) -> bool:
        """True if a word starts or ends at ``pos``."""
        if not 0 <= pos <= len(self.text) or not self.text:
            return False
        i = self._block(pos)
        if i < 0 or pos == self._starts[i]:
            return not self._crlf(pos)
        ends = self._word_ends(i)
        return ends[bisect.bisect_left(ends, pos)] == pos

    def word_at(self, pos: int) -> tuple[int, int, str] | None:
        """Return ``(start, end, word)`` of the word covering ``pos`` (the last word from
        the end of the text on), or None before the text."""
        text = self.text
        if pos < 0 or not text:
            return None
        pos = min(pos, len(text) - 1)
        i = self._block(pos)
        if i >= 0:
            ends = self._word_ends(i)
            j = bisect.bisect_right(ends, pos)
            start, end = (ends[j - 1] if j else self._starts[i]), ends[j]
        elif self._crlf(pos):
            start, end = pos - 1, pos + 1
        elif self._crlf(pos + 1):
            start, end = pos, pos + 2
        else:
            start, end = pos, pos + 1
        return start, end, text[start:end]

    def _all(self) -> Tokens:
        if self._eager is None:
            text, words, pos = self.text, [], 0
            while pos < len(text):
                i = self._block(pos)
                if i >= 0:  # at the block's start: its words at once
                    ends = self._word_ends(i)
                    words.extend(text[s:e] for s, e in zip([pos, *ends[:-1]], ends))
                    pos = ends[-1]
                else:
                    _, pos, word = self.word_at(pos)
                    words.append(word)
            self._eager = Tokens.of(words)
        return self._eager

    @property
    def words(self) -> list[str]:
        return self._all().words

    @property
    def starts(self) -> array:
        return self._all().starts

    @property
    def ends(self) -> array:
        return self._all().ends

    def __len__(self) -> int:
        return len(self._all())

    def index_at(self, pos: int) -> int:
        return self._all().index_at(pos)

    def indices(self, start: int, end: int) -> range:
        return self._all().indices(start, end)


# Bump when what the segmenter cache holds changes.
CACHE_FORMAT = 1


class Segmenter:
    """Segments text with a project-owned jieba tokenizer; build once, call often."""

    def __init__(self, extra_words: Iterable[str] = (), lexicon_dir: Path | None = None) -> None:
        self._extra = sorted(set(extra_words))
        self._lexicon_dir = lexicon_dir or RESOURCE_DIR / "lexicon"
        self._tokenizer = None
        self._tags: dict[str, str] | None = None

    @property
    def tokenizer(self):
        """The initialised ``jieba.Tokenizer`` of this segmenter.

        The first start builds jieba's prefix dictionary with the project's words
        added and its table of part-of-speech tags, and caches both (keyed by a
        digest of jieba's dictionary and of the words added); later starts load
        them in a fraction of a second.
        """
        if self._tokenizer is None:
            import jieba

            logging.getLogger("jieba").setLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(cache_dir())
            entries = [(w, f, t) for path in sorted(self._lexicon_dir.glob("*.txt")) for w, f, t in read_lexicon(path)]
            cache = cache_dir() / f"policykg-segmenter-{self._digest(jieba, entries)}.marshal"
            try:
                # marshal.loads of the whole file: marshal.load on a file reads it object by object,
                # and takes two and a half times as long.
                tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab, self._tags = marshal.loads(cache.read_bytes())
                _touch(cache)
                tokenizer.initialized = True
            except (OSError, EOFError, ValueError, TypeError):
                tokenizer.initialize()
                for word, freq, tag in entries:
                    tokenizer.add_word(word, freq, tag)
                for word in self._extra:
                    if word not in tokenizer.FREQ or not tokenizer.FREQ[word]:
                        tokenizer.add_word(word)
                # The tag table keyed by the dictionary's own strings: marshal then
                # writes each word once, and the cache loads in half the time.
                keys = {word: word for word in tokenizer.FREQ}
                self._tags = {keys.get(word, word): tag for word, tag in self._tag_table(tokenizer).items()}
                try:
                    atomic_write(cache, marshal.dumps((tokenizer.FREQ, tokenizer.total,
                                                       tokenizer.user_word_tag_tab, self._tags)), sync=False)
                except OutputError:
                    pass  # no cache: the next start builds it again
                else:
                    _prune(cache)
            self._tokenizer = tokenizer
        return self._tokenizer

    def _digest(self, jieba, entries) -> str:
        digest = hashlib.sha256(f"{jieba.__version__}\0{CACHE_FORMAT}".encode())
        dictionary = Path(jieba.__file__).parent / "dict.txt"
        stat = dictionary.stat() if dictionary.exists() else None
        digest.update(f"{dictionary}\0{stat and stat.st_size}\0{stat and stat.st_mtime_ns}".encode())
        for word, freq, tag in entries:
            digest.update(f"{word}\0{freq}\0{tag}\n".encode())
        for word in self._extra:
            digest.update(f"{word}\n".encode())
        return digest.hexdigest()[:16]

    @staticmethod
    def _tag_table(tokenizer) -> dict[str, str]:
        import jieba.posseg

        table = dict(jieba.posseg.POSTokenizer(tokenizer).word_tag_tab)
        table.update(tokenizer.user_word_tag_tab)
        return table

    def tag(self, word: str) -> str | None:
        """Return the part of speech jieba's dictionary (or the project lexicon) gives ``word``.

        Looked up, not computed: jieba.posseg's HMM is six times slower than
        segmentation, and a dictionary tag is all the rules need.
        """
        if self._tags is None:
            _ = self.tokenizer  # loads or builds the table with the dictionary
        return self._tags.get(word)

    def frequency(self, word: str) -> int:
        """Return the dictionary frequency of ``word`` (0 if unknown)."""
        return self.tokenizer.FREQ.get(word, 0) or 0

    def __call__(self, text: str) -> Tokens:
        """Return the :class:`Tokens` of ``text`` (precise mode, HMM on).

        jieba's HMM copies its path at every character of a run of unknown
        characters, so a long run costs the square of its length (300,000
        characters without a known word: minutes). Text is therefore cut into
        pieces of at most :data:`PIECE` characters, at a line break or
        punctuation where there is one.
        """
        words: list[str] = []
        cut = self.tokenizer.cut
        for start, end in _piece_bounds(text):
            words.extend(cut(text[start:end], HMM=True))
        return Tokens.of(words)

    def lazy(self, text: str) -> LazyTokens:
        """The words of ``text`` as :meth:`__call__` gives them, each block of text cut
        when a rule first asks about it (:class:`LazyTokens`)."""
        cut = self.tokenizer.cut
        return LazyTokens(text, lambda block: list(cut(block, HMM=True)))


# The longest piece of text handed to jieba at once.
PIECE = 2000


def _piece_bounds(text: str):
    """The ``(start, end)`` of the pieces ``text`` is handed to jieba in."""
    start = 0
    while len(text) - start > PIECE:
        window = text[start:start + PIECE]
        cut = max(window.rfind(mark) for mark in "\n。；！？")
        end = start + (cut + 1 if cut > PIECE // 2 else PIECE)
        yield start, end
        start = end
    if start < len(text):
        yield start, len(text)


KEPT_CACHES = 4  # segmenter caches kept: the project's, and a few made for other word lists at once


def _prune(kept: Path) -> None:
    """Remove all but the most recently used segmenter caches (each some 13 MB): a changed lexicon
    would otherwise leave one behind each time. A few are kept, so that processes with different
    word lists running side by side (a build and a test run) do not rebuild each other's."""
    caches = sorted(kept.parent.glob("policykg-segmenter-*.marshal"), key=_last_used, reverse=True)
    for stale in [c for c in caches if c != kept][KEPT_CACHES - 1:]:
        try:
            stale.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _touch(path: Path) -> None:
    """Mark a cache as used now, so that pruning keeps it."""
    try:
        os.utime(path)
    except OSError:
        pass  # a cache on a read-only disk is still read
