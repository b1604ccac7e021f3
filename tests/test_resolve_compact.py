"""The name resolver's compact per-document state: the order mentions arrive in (one
document at a time, or documents interleaved) never changes what they resolve to."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hunyuan_kg.gazetteer import Entry, Gazetteer
from hunyuan_kg.pipeline.refs import EntityRef
from hunyuan_kg.resolve import NameResolver

GAZ = Gazetteer(
    [
        Entry("tencent", "腾讯", "ORG", ("腾讯公司", "Tencent")),
        Entry("hunyuan", "混元", "PRODUCT", ("腾讯混元大模型", "混元大模型"), parent="tencent"),
    ]
)

Mention = tuple[str, str, str]  # document, text, label


def _resolve(
    order: list[Mention], aliases: list[tuple[str, str, str]] = ()
) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, str, list[str], int, list[str]]]]:
    """Each (document, text)'s entity id, and each entity's label, type, aliases, mentions
    and documents, after adding ``order`` and ``aliases`` (document, name, alias)."""
    r = NameResolver(GAZ)
    for doc, text, label in order:
        r.add(doc, EntityRef(text, label, "", 0, len(text)))
    for doc, name, alias in aliases:
        r.add_alias(doc, name, alias)
    r.finish()
    ids = {(d, t): r.entity(d, EntityRef(t, lab, "", 0, len(t))).id for d, t, lab in order}
    ents = {
        e.id: (e.label, e.type, sorted(e.aliases), e.mentions, sorted(e.docs))
        for e in r.entities.values()
    }
    return ids, ents


def test_a_document_added_in_two_runs_resolves_as_one_added_at_once():
    at_once = [
        ("a", "刘煜宏", "PERSON"),
        ("a", "煜宏", "PERSON"),
        ("a", "星河", "ORG"),
        ("a", "星河", "PRODUCT"),
        ("b", "煜宏", "PERSON"),
        ("b", "混元大模型", "PRODUCT"),
    ]
    split = [at_once[0], at_once[4], at_once[2], at_once[5], at_once[1], at_once[3]]
    assert _resolve(split) == _resolve(at_once)
    ids, ents = _resolve(split)
    assert ids[("a", "煜宏")] == "PERSON:刘煜宏"  # the full name of its own document
    assert ids[("b", "煜宏")] == "PERSON:煜宏"
    assert ids[("b", "混元大模型")] == "PRODUCT:混元"
    assert ents["PERSON:刘煜宏"][2:] == (["刘煜宏", "煜宏"], 2, ["a"])


def test_a_name_with_two_labels_takes_the_first_seen_on_a_tie():
    ids, _ = _resolve([("a", "星河", "PRODUCT"), ("b", "云帆", "ORG"), ("a", "星河", "ORG")])
    assert ids[("a", "星河")] == "PRODUCT:星河"
    ids, _ = _resolve([("a", "星河", "ORG"), ("a", "星河", "PRODUCT"), ("a", "星河", "PRODUCT")])
    assert ids[("a", "星河")] == "PRODUCT:星河"  # the majority otherwise


def test_an_alias_declared_after_the_mentions_still_joins_its_name():
    ids, ents = _resolve(
        [("a", "星河科技", "ORG"), ("b", "Galaxy", "ORG"), ("a", "Galaxy", "ORG")],
        aliases=[("a", "星河科技", "Galaxy")],
    )
    assert ids[("a", "Galaxy")] == ids[("a", "星河科技")] == "ORG:星河科技"
    assert ids[("b", "Galaxy")] == "ORG:Galaxy"  # not declared in b
    assert ents["ORG:星河科技"][4] == ["a"]


def test_mentions_after_finish_are_refused_and_unseen_ones_resolve_on_the_spot():
    r = NameResolver(GAZ)
    r.add("a", EntityRef("腾讯公司", "ORG", "", 0, 4))
    r.finish()
    with pytest.raises(RuntimeError):
        r.add("a", EntityRef("混元", "PRODUCT", "", 0, 2))
    with pytest.raises(RuntimeError):
        r.add_alias("a", "腾讯公司", "Tencent")
    assert r.entity("a", EntityRef("腾讯公司", "ORG", "", 0, 4)).docs == {"a"}
    unseen = r.entity("z", EntityRef("混元大模型", "PRODUCT", "", 0, 5))
    assert (unseen.id, unseen.docs) == ("PRODUCT:混元", set())


_NAMES = ["刘煜宏", "煜宏", "星河", "星河科技", "Nova-R1", "R1", "混元", "混元大模型", "腾讯"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcd"),
            st.sampled_from(_NAMES),
            st.sampled_from(["PERSON", "ORG", "PRODUCT"]),
        ),
        max_size=25,
    ),
    st.randoms(use_true_random=False),
)
def test_interleaving_documents_changes_nothing(mentions, rnd):
    # each document's mentions keep their order; documents are interleaved at random
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m[0], []).append(m)
    at_once = [m for doc in sorted(by_doc) for m in by_doc[doc]]
    queues = [list(ms) for ms in by_doc.values()]
    interleaved: list[Mention] = []
    while queues:
        q = rnd.choice(queues)
        interleaved.append(q.pop(0))
        if not q:
            queues.remove(q)
    assert _resolve(interleaved) == _resolve(at_once)
