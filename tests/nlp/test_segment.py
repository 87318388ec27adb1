import pytest

from kg.nlp.segment import Segmenter

from conftest import SEED


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter(extra_words=["中关村管委会"])


def test_project_lexicon_keeps_policy_terms_whole(segmenter):
    import jieba

    text = "年度PCT专利申请量达到8000件，拥有有效发明专利9.9万件，建立高价值专利库"
    words = segmenter(text).words
    for term in ("PCT", "专利申请量", "有效发明专利", "高价值专利"):
        assert term in words, term
    # jieba's own dictionary splits them: the lexicon is what keeps them whole.
    plain = jieba.Tokenizer().lcut(text)
    assert "专利申请量" not in plain and "有效发明专利" not in plain


def test_extra_words_come_out_whole(segmenter):
    assert "中关村管委会" in segmenter("中关村管委会会同市知识产权局").words


def test_tokens_carry_offsets_into_the_text(segmenter):
    text = "到2021年，中关村示范区有效发明专利拥有量超过15万件。"
    tokens = segmenter(text)
    assert "".join(tokens.words) == text
    for word, start, end in zip(tokens.words, tokens.starts, tokens.ends):
        assert text[start:end] == word


def test_jieba_global_dictionary_is_untouched(segmenter):
    import jieba

    segmenter("中关村管委会")  # make sure ours is built
    assert "中关村管委会" not in jieba.dt.FREQ
    assert "高价值专利" not in jieba.dt.FREQ


def test_boundaries(segmenter):
    tokens = segmenter("市知识产权局")
    assert tokens.is_boundary(0) and tokens.is_boundary(6)
    assert tokens.index_at(3) == tokens.index_at(2)


@pytest.mark.slow
def test_the_cached_segmenter_is_the_segmenter_built_afresh(tmp_path, monkeypatch):
    # The first start caches jieba's dictionary with the project's words and the tag
    # table; a start from the cache must cut and tag exactly as one that built them,
    # and a damaged cache is built again rather than trusted.
    from kg.nlp.segment import Segmenter

    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path))
    text = SEED.read_text(encoding="utf-8")[:3000]
    fresh = Segmenter(extra_words=["中关村管委会"])
    words = fresh(text).words
    tags = [fresh.tag(w) for w in words]
    caches = list(tmp_path.glob("policykg-segmenter-*.marshal"))
    assert len(caches) == 1
    import jieba

    def no_dictionary_build(self, *args):
        raise AssertionError("the cached segmenter built jieba's dictionary")

    with monkeypatch.context() as patch:
        patch.setattr(jieba.Tokenizer, "initialize", no_dictionary_build)
        cached = Segmenter(extra_words=["中关村管委会"])
        assert cached(text).words == words and [cached.tag(w) for w in words] == tags
    assert "中关村管委会" in words  # a word the rules asked for is one token
    caches[0].write_bytes(b"not marshal data")
    rebuilt = Segmenter(extra_words=["中关村管委会"])
    assert rebuilt(text).words == words
    other = Segmenter(extra_words=["另一个词"])  # other words, another cache
    other.tokenizer
    assert len(list(tmp_path.glob("policykg-segmenter-*.marshal"))) == 2


def test_words_are_cut_only_where_they_are_asked_for(segmenter):
    from kg.nlp.segment import LazyTokens

    text = "市知识产权局负责。中关村管委会会同有关部门，2021年底前完成"
    asked = []

    def cut(block):
        asked.append(block)
        return list(segmenter.tokenizer.cut(block))

    tokens = LazyTokens(text, cut)
    assert asked == []
    assert tokens.is_boundary(text.index("管委会") + 3)  # 中关村管委会 is one word
    assert not tokens.is_boundary(text.index("管委会"))
    assert tokens.word_at(text.index("会同")) == (15, 17, "会同")
    assert asked == ["中关村管委会会同有关部门"]  # that block only, once
    assert tokens.is_boundary(8) and tokens.word_at(8) == (8, 9, "。")  # punctuation is a word: nothing cut
    assert asked == ["中关村管委会会同有关部门"]
    assert tokens.words == segmenter(text).words
    assert sorted(asked) == sorted(["市知识产权局负责", "中关村管委会会同有关部门", "2021年底前完成"])


def test_the_blocks_cut_on_demand_are_the_blocks_jieba_cuts():
    import jieba

    from kg.nlp.segment import _BLOCK

    every = "".join(map(chr, range(1, 0x10000)))
    every = "".join(ch for ch in every if not 0xD800 <= ord(ch) <= 0xDFFF)  # every character of the BMP but surrogates
    assert [m.span() for m in _BLOCK.finditer(every)] == [m.span() for m in jieba.re_han_default.finditer(every)]


def test_only_the_most_recently_used_segmenter_caches_are_kept(tmp_path):
    # A changed lexicon leaves a 13 MB cache behind each time; a few are kept for processes with
    # other word lists running side by side, the rest removed, least recently used first.
    import os

    from kg.nlp.segment import KEPT_CACHES, _prune

    caches = [tmp_path / f"policykg-segmenter-{k:016x}.marshal" for k in range(KEPT_CACHES + 2)]
    for k, cache in enumerate(caches):
        cache.write_bytes(b"x")
        os.utime(cache, (1_000_000 + k, 1_000_000 + k))
    os.utime(caches[0], (2_000_000, 2_000_000))  # the oldest, but just read again
    (tmp_path / "jieba.cache").write_bytes(b"x")  # not ours
    _prune(caches[-1])
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted(["jieba.cache", caches[0].name, caches[-1].name, caches[-2].name, caches[-3].name])
