"""Properties that hold for any input (hypothesis)."""

from decimal import Decimal

import cn2an
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kg.nlp.numbers import number_reader
from kg.text.normalize import _fold, normalize

# Text shaped like what documents hold: Chinese, ASCII and full-width digits,
# punctuation, spaces of every width, line breaks, page numbers, zero-width
# and control characters.
PIECES = st.sampled_from([
    "知识产权", "保护", "中心", "到2021年", "１５万件", "。", "，", "；", "（一）", "一、", "1.", "\n", "\n\n",
    " ", "\u3000", "\t", "\u200b", "\x07", "- 3 -", "《行动方案》", "A", "%", "，其中", "\r\n",
])
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_every_clean_character_points_back_at_itself_in_the_original(text):
    clean = normalize(text)
    origins = [clean.offsets[i] for i in range(len(clean.text))]
    assert origins == sorted(origins)  # the map runs forward
    for i, ch in enumerate(clean.text):
        if ch in "\n ":
            continue  # a paragraph break or a kept space stands for the layout around it
        assert _fold(text[origins[i]]) == ch, (i, ch, text[origins[i]])


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_normalising_twice_changes_nothing(text):
    once = normalize(text).text
    assert normalize(once).text == once


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    written = cn2an.an2cn(n, "low")  # 一千二百三十四
    # cn2an writes 100,001,000 as 一亿一千, without the 零 a reader needs (一亿零一千; 一亿一千
    # reads as 1.1亿), and cannot read that back itself: such numbers are left out.
    assume("亿" not in written or n // 10**4 % 10**4 or n % 10**4 < 1000)
    assert number_reader().parse(written) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=9_999), st.booleans())
def test_multiplier_groups_are_read(yi, wan, spaced):
    text = f"{yi}亿{wan}万" if yi else f"{wan}万"  # 3亿5000万
    assert number_reader().parse(text) == Decimal(yi) * 10**8 + Decimal(wan) * 10**4
    decimal = f"{wan / 10:.1f}万"  # 1.2万
    assert number_reader().parse(decimal) == Decimal(f"{wan / 10:.1f}") * 10**4


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_percent_in_words_is_a_percentage(k):
    found = number_reader().quantities(f"提高百分之{cn2an.an2cn(k, 'low')}")
    assert [(q.value, q.unit) for q in found] == [(Decimal(k), "%")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENTS, st.text(min_size=1, max_size=400)))
def test_the_extractor_never_raises_on_any_text(text):
    from kg import api
    from kg.errors import InputError

    try:
        api.extract_text(text)
    except InputError:
        assert not text.strip()  # only an empty text is refused


def _scan(lexicon, text, boundaries):
    """Lexicon.finditer as first written: every position tried in turn."""
    pos, found = 0, []
    while pos < len(text):
        hit = None
        if pos in boundaries:
            for length in sorted({len(n) for n in lexicon.entries if n[0] == text[pos]}, reverse=True):
                stop = pos + length
                if stop <= len(text) and text[pos:stop] in lexicon.entries and stop in boundaries:
                    hit = (pos, stop, lexicon.entries[text[pos:stop]])
                    break
        if hit:
            found.append(hit)
            pos = hit[1]
        else:
            pos += 1
    return found


NAMES = st.lists(st.text(alphabet="科技局中心市区[]^-\\", min_size=1, max_size=4), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(NAMES, st.text(alphabet="科技局中心市区[]^-\\，", max_size=40), st.data())
def test_lexicon_matches_are_those_of_a_scan_of_every_position(names, text, data):
    from kg.extract.base import Lexicon
    from kg.nlp.segment import Tokens

    lexicon = Lexicon({name: k for k, name in enumerate(names)})
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)))) | {0, len(text)}) if text else [0]
    words = [text[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
    tokens = Tokens.of(words)
    starts, ends = tokens.starts, tokens.ends
    assert list(lexicon.finditer(text, None)) == _scan(lexicon, text, set(range(len(text) + 1)))
    assert list(lexicon.finditer(text, tokens)) == _scan(lexicon, text, set(starts) | set(ends))


_SEGMENTER = None


def _segmenter():
    global _SEGMENTER
    if _SEGMENTER is None:
        from kg.nlp.segment import Segmenter

        _SEGMENTER = Segmenter(extra_words=["中关村管委会"])
    return _SEGMENTER


# Long runs too: a text longer than a piece handed to jieba is cut at a mark or,
# without one, in the middle of a run, and the lazy words must follow the same cuts.
LONG = st.tuples(DOCUMENTS, st.sampled_from(["", "中" * 2100, "a中" * 1100, "，\r" * 1500]),
                 DOCUMENTS).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENTS, LONG, st.text(max_size=60)), st.data())
def test_words_cut_on_demand_are_the_words_of_the_whole_text(text, data):
    segmenter = _segmenter()
    whole = segmenter(text)
    positions = range(-1, len(text) + 2)
    asked = data.draw(st.lists(st.sampled_from(positions), max_size=30)) if text else []
    lazy = segmenter.lazy(text)
    for pos in asked:  # in any order, each answer from the blocks cut so far
        assert lazy.is_boundary(pos) == whole.is_boundary(pos), pos
        assert lazy.word_at(pos) == whole.word_at(pos), pos
    assert lazy.words == whole.words
    assert all(lazy.is_boundary(p) == whole.is_boundary(p) and lazy.word_at(p) == whole.word_at(p) for p in positions)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=9999))
def test_literals_written_without_rdflib_are_the_literals_rdflib_writes(text, n, year):
    import pyoxigraph as ox
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from kg.rdf.graph import _int, _year
    from kg.rdf.serialize import Text, nt

    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    for ours, theirs in ((Text(text), Literal(text)), (_int(n), Literal(n, datatype=XSD.integer)),
                         (_year(year), Literal(f"{year:04d}", datatype=XSD.gYear))):
        line = f"{nt(s)} {nt(p)} {nt(ours)} .\n"
        assert line == f"{s.n3()} {p.n3()} {nt(theirs)} .\n"
        [triple] = ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)  # and it is N-Triples
        assert triple.object.value == str(theirs)


SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(-2, 45), st.integers(-2, 50))
def test_located_records_are_those_a_scan_of_all_finds(spans, start, end):
    from kg.extract.base import Analysis
    from kg.extract.records import Extraction
    from kg.text.structure import parse

    a = Analysis(parse(normalize("字" * 50)), None, None, Extraction(doc_id="x", source_name="x"))
    for k, (s, e) in enumerate(spans):
        a.locate("agency", s, e, k)
    every = sorted(((s, e, k) for k, (s, e) in enumerate(spans)), key=lambda t: (t[0], t[1]))
    assert sorted(a.located("agency", start, end)) == sorted(t for t in every if t[0] >= start and t[1] <= end)
    assert a.located("agency", start, end) == [t for t in a._located.get("agency", []) if t[0] >= start and t[1] <= end]
