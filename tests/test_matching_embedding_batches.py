"""The embedding worker's batching: each distinct text goes through the model once, and a posting
whose text another posting already has takes that stored vector."""

import logging

import numpy as np
import pytest

from harambee.matching.embedding import _load, embed_batched
from harambee.matching.models import PostingFeatures
from harambee.matching.services import embed_pending, features_refresh
from harambee.matching.testing import HashingEmbedder
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting


class CountingEmbedder(HashingEmbedder):
    """The test embedder, remembering every text it was given (class-wide: the product loads it)."""

    seen: list[str] = []

    def embed(self, texts):
        CountingEmbedder.seen.extend(texts)
        return super().embed(texts)


def test_embed_batched_gives_each_distinct_text_to_the_model_once():
    # given five texts of which two are repeated
    texts = ["Formation à l'IA", "AI for customs", "Formation à l'IA", "Climate models", "AI for customs"]
    CountingEmbedder.seen = []
    # when they are embedded in batches of two
    vectors = embed_batched(CountingEmbedder(), texts, batch=2)
    # then the model saw three texts, and every row is that text's own vector, in the given order
    assert sorted(CountingEmbedder.seen) == ["AI for customs", "Climate models", "Formation à l'IA"]
    assert np.array_equal(vectors, HashingEmbedder().embed(texts))


@pytest.fixture
def counting(settings):
    settings.HARAMBEE_EMBEDDER = "class:tests.test_matching_embedding_batches.CountingEmbedder"
    CountingEmbedder.seen = []
    yield CountingEmbedder
    _load.cache_clear()


def _post(cast, member, id, title):
    raw = {"kind": "need", "language": "en", "description": "Train customs officers in AI.", "title": title}
    raw.update(id=id, member=member.code, delivery_languages=["en"])
    return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")


@pytest.mark.django_db
def test_embed_pending_reuses_the_vector_of_a_posting_with_the_same_text(cast, counting, caplog):
    # given a posting embedded already, and two new postings: one with its very text, one different
    first = _post(cast, cast.member, "N-1", "AI for customs")
    features_refresh(ids=[first.pk])
    twin = _post(cast, cast.other_member, "N-2", "AI for customs")
    other = _post(cast, cast.other_member, "N-3", "AI for ports")
    features_refresh(ids=[twin.pk, other.pk], embed=False)
    counting.seen = []
    # when the worker computes the pending vectors
    with caplog.at_level(logging.INFO, logger="harambee.matching.services"):
        assert embed_pending() == 2
    # then only the different text went through the model; the twin has the first posting's vector
    assert counting.seen == ["AI for ports. Train customs officers in AI."]
    stored = {f.posting_id: f for f in PostingFeatures.objects.all()}
    assert bytes(stored[twin.pk].vector) == bytes(stored[first.pk].vector)
    assert stored[twin.pk].vector_hash == stored[first.pk].vector_hash
    assert stored[other.pk].vector_array().shape == (64,)
    # and the worker reports its rate
    assert "embedded 2 postings (1 texts through the model)" in caplog.text
    assert "postings/s" in caplog.text
