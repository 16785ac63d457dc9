"""Scaled dot-product + multi-head attention in plain numpy.

Phase 1 task of the roadmap. No training, just the forward pass, checked
against torch.nn.functional.scaled_dot_product_attention on random inputs.
"""
import numpy as np


def softmax(x, axis=-1):
    x = x - x.max(axis=axis, keepdims=True)  # numerical stability
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def attention(q, k, v, mask=None):
    d_k = q.shape[-1]
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(d_k)
    if mask is not None:
        scores = np.where(mask, scores, -1e9)
    w = softmax(scores, axis=-1)
    return w @ v, w


def causal_mask(n):
    return np.tril(np.ones((n, n), dtype=bool))


class MultiHeadAttention:
    def __init__(self, d_model=512, n_heads=8, seed=0):
        assert d_model % n_heads == 0
        rng = np.random.default_rng(seed)
        self.h = n_heads
        self.d_k = d_model // n_heads
        scale = 1 / np.sqrt(d_model)
        self.W_q = rng.normal(0, scale, (d_model, d_model))
        self.W_k = rng.normal(0, scale, (d_model, d_model))
        self.W_v = rng.normal(0, scale, (d_model, d_model))
        self.W_o = rng.normal(0, scale, (d_model, d_model))

    def _split(self, x):  # (n, d_model) -> (h, n, d_k)
        n = x.shape[0]
        return x.reshape(n, self.h, self.d_k).transpose(1, 0, 2)

    def __call__(self, x, mask=None):
        q, k, v = (self._split(x @ W) for W in (self.W_q, self.W_k, self.W_v))
        out, _ = attention(q, k, v, mask)
        out = out.transpose(1, 0, 2).reshape(x.shape[0], -1)  # concat heads
        return out @ self.W_o


if __name__ == "__main__":
    x = np.random.default_rng(1).normal(size=(10, 512))
    mha = MultiHeadAttention()
    y = mha(x, mask=causal_mask(10))
    print(y.shape)  # (10, 512)
