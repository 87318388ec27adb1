"""Policy instruments: each sentence of a measure coded by the cue that appears first in it, with the
shipped Rothwell & Zegveld scheme or one a researcher gives. Expected kinds are what the sentences say."""

import pytest

from kg.errors import RuleError
from kg.extract.instruments import SCHEME_VARIABLE, InstrumentCoder, load_scheme

PLAN = """某市人工智能产业发展行动方案
一、重点任务
（一）强化创新支撑
1．建设算力设施。建设城市智能算力中心。对首次落户的企业给予补贴。
2．加强人才培养。开展人工智能技能培训。
二、保障措施
（一）加强组织领导。成立市人工智能产业发展领导小组，统筹推进各项工作。
"""


def codes(extract_text, text):
    return [(c.subject.kind, c.concept, c.cue) for c in extract_text(text).instruments]


def test_each_sentence_takes_the_kind_of_its_first_cue_and_a_heading_alone_is_no_measure(extract_text):
    assert codes(extract_text, PLAN) == [
        ("measure", "infrastructure", "算力"),  # 建设 is broad: 算力 decides
        ("measure", "funding", "补贴"),
        ("measure", "talent", "技能"),
        ("guarantee", "strategic", "领导小组"),
    ]


def test_a_broad_cue_decides_only_where_no_cue_stands(extract_text):
    coder = InstrumentCoder()
    assert coder.code("鼓励企业开展技术攻关。") == ("technology", "技术攻关")
    assert coder.code("鼓励各地结合实际抓好落实。") == ("strategic", "鼓励")
    assert coder.code("其他事项另行通知。") is None


SCHEME = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix pol:  <https://w3id.org/policy-kg/ontology#> .
<https://example.org/s> a skos:ConceptScheme .
<https://example.org/s/mandatory> a skos:Concept ; skos:notation "mandatory" ; skos:prefLabel "强制型"@zh ;
  pol:cue "不得" , "禁止" .
<https://example.org/s/voluntary> a skos:Concept ; skos:notation "voluntary" ; skos:prefLabel "自愿型"@zh ;
  pol:cue "鼓励" .
"""


def test_a_researcher_swaps_in_a_scheme_of_their_own(tmp_path, monkeypatch):
    path = tmp_path / "scheme.ttl"
    path.write_text(SCHEME, encoding="utf-8")
    monkeypatch.setenv(SCHEME_VARIABLE, str(path))
    coder = InstrumentCoder()
    assert coder.scheme.iri == "https://example.org/s"
    assert coder.code("鼓励企业参与，但不得强制摊派。") == ("voluntary", "鼓励")
    assert coder.code("严禁虚报，禁止挪用资金。") == ("mandatory", "禁止")


@pytest.mark.parametrize("text, problem", [
    ("this is not turtle", "cannot read the instrument scheme"),
    (SCHEME.replace('skos:notation "mandatory" ;', ""), "has no skos:notation"),
    (SCHEME.replace("pol:cue", "pol:note"), "no concept lists a cue"),
])
def test_a_scheme_that_cannot_serve_is_refused_with_its_reason(tmp_path, text, problem):
    path = tmp_path / "bad.ttl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=problem):
        load_scheme(str(path))
