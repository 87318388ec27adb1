import os
import subprocess
import sys

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from kg.rdf.iris import Minter, slug
from kg.rdf.namespaces import POL

from conftest import ROOT, SEED

FACT_CLASSES = (POL.Task, POL.Measure, POL.GuaranteeMeasure, POL.Target, POL.Baseline, POL.Problem, POL.Feature,
                POL.Responsibility, POL.Mention)


def test_every_fact_links_to_a_sentence_with_text_and_offsets(seed_build):
    g = seed_build.graph
    facts = [s for cls in FACT_CLASSES for s in g.subjects(RDF.type, cls)]
    assert len(facts) > 100
    for fact in facts:
        sentence = g.value(fact, PROV.wasDerivedFrom)
        assert sentence is not None, fact
        assert g.value(sentence, RDF.type) == POL.Sentence
        assert g.value(sentence, POL.text) is not None
        assert int(g.value(sentence, POL.startOffset)) <= int(g.value(fact, POL.startOffset))
        assert int(g.value(fact, POL.endOffset)) <= int(g.value(sentence, POL.endOffset))
        assert g.value(fact, POL.rule) is not None


def test_offsets_point_at_the_text_in_the_original_file(seed_build):
    g = seed_build.graph
    original = SEED.read_text(encoding="utf-8")
    squeeze = lambda s: "".join(s.split()).translate({0xFF10 + k: 0x30 + k for k in range(10)})
    for mention in g.subjects(RDF.type, POL.Mention):
        start, end = int(g.value(mention, POL.startOffset)), int(g.value(mention, POL.endOffset))
        assert squeeze(original[start:end]) == str(g.value(mention, POL.text))
    for sentence in g.subjects(RDF.type, POL.Sentence):
        start, end = int(g.value(sentence, POL.startOffset)), int(g.value(sentence, POL.endOffset))
        assert squeeze(original[start:end]) == str(g.value(sentence, POL.text))
    for target in g.subjects(RDF.type, POL.Target):
        start, end = int(g.value(target, POL.startOffset)), int(g.value(target, POL.endOffset))
        assert squeeze(original[start:end]).endswith(("件", "家", "项", "以上"))


def test_agencies_are_shared_nodes_named_by_canonical_name(seed_build):
    g = seed_build.graph
    agencies = set(g.subjects(RDF.type, POL.Agency))
    assert URIRef("https://w3id.org/policy-kg/id/agency/北京市知识产权局") in agencies
    assert URIRef("https://w3id.org/policy-kg/id/agency/中关村科技园区管理委员会") in agencies


def test_no_blank_nodes(seed_build):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in seed_build.graph for t in triple)


def test_base_iri_is_configurable():
    from kg import api

    from kg.extract.instruments import scheme_path
    from kg.resources.schemes import load_scheme

    result = api.build([SEED], base="http://example.org/kg/")
    scheme = load_scheme(scheme_path())  # a vocabulary with IRIs of its own, as the ontology's
    own = (scheme.iri, *(c.iri for c in scheme.concepts.values()))
    assert all(str(s).startswith(("http://example.org/kg/", "https://w3id.org/policy-kg/ontology#")) or str(s) in own
               for s in result.graph.subjects() if isinstance(s, URIRef))


def test_bad_base_iri_is_refused():
    from kg import api
    from kg.errors import PolicyKGError

    with pytest.raises(PolicyKGError, match="base IRI"):
        api.build([SEED], base="not an iri")


@pytest.mark.parametrize("label, expected", [
    ("北京市知识产权局", "北京市知识产权局"),
    ("中国（北京）知识产权保护中心", "中国（北京）知识产权保护中心"),
    ("a b/c?d#e", "ab%2Fc%3Fd%23e"),
])
def test_slugs(label, expected):
    assert slug(label) == expected


@pytest.mark.slow
def test_same_input_same_bytes_across_hash_seeds(tmp_path):
    # The seed, a plan with many figures, and a work report full of them: word lists kept in sets
    # once made indicators depend on the process's hash seed (so --workers changed the bytes).
    files = [SEED, ROOT / "tests" / "data" / "corpus" / "06_anhui-iiot-policies-and-action-plan-2021.txt",
             ROOT / "tests" / "data" / "quantities" / "dev" / "g2-02_ningxia-gov-work-report-2026.txt"]
    script = ("import sys; from kg import api; r = api.build(sys.argv[1:]); "
              "sys.stdout.buffer.write(api.export(r, \"ttl\"))")
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script, *map(str, files)], capture_output=True, env=env, check=True,
                             cwd=ROOT)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert len(outputs.pop()) > 10_000


def _slug_by_character(label):
    """The rule slug implements, character by character (its slow path)."""
    import unicodedata
    from urllib.parse import quote

    text = unicodedata.normalize("NFC", "".join(label.split()))
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch if ch.isalnum() or ch in "-._~" else quote(ch, safe=""))
        elif unicodedata.category(ch)[0] in "CZ":
            out.append(quote(ch, safe=""))
        else:
            out.append(ch)
    return "".join(out) or "_"


def test_the_fast_slug_agrees_with_the_rule_for_every_character():
    # The fast path takes a label as it is when a pattern says no character needs
    # encoding; every character of the Basic Multilingual Plane, alone and between
    # others, must come out as the character-by-character rule says.
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        for label in (ch, f"中{ch}a"):
            assert slug.__wrapped__(label) == _slug_by_character(label), hex(code)
    for label in ("e\u0301", "\U00020000x", "\U000e0001", "北京 市", ""):
        assert slug.__wrapped__(label) == _slug_by_character(label)
