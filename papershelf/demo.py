"""``papershelf demo``: a small sample shelf written by us, so the UI can be seen at once.

Papers carry their real metadata; the summaries are our own short notes. Running it
again changes nothing: papers are found by arXiv id, the rest by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import get_or_create_topic


@dataclass
class DemoResult:
    papers: int
    summaries: int
    topics: int
    lists: int


PAPERS = [
    PaperData(
        title="Gradient-Based Learning Applied to Document Recognition",
        authors=["Yann LeCun", "Léon Bottou", "Yoshua Bengio", "Patrick Haffner"],
        venue="Proceedings of the IEEE",
        year=1998,
        doi="10.1109/5.726791",
    ),
    PaperData(
        title="Deep Residual Learning for Image Recognition",
        authors=["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"],
        venue="CVPR",
        year=2016,
        arxiv_id="1512.03385",
        arxiv_version=1,
        organisations=["Microsoft Research"],
    ),
    PaperData(
        title="Batch Normalization: Accelerating Deep Network Training by Reducing "
        "Internal Covariate Shift",
        authors=["Sergey Ioffe", "Christian Szegedy"],
        venue="ICML",
        year=2015,
        arxiv_id="1502.03167",
        organisations=["Google"],
    ),
    PaperData(
        title="Auto-Encoding Variational Bayes",
        authors=["Diederik P. Kingma", "Max Welling"],
        venue="ICLR",
        year=2014,
        arxiv_id="1312.6114",
    ),
    PaperData(
        title="Attention Is All You Need",
        authors=[
            "Ashish Vaswani",
            "Noam Shazeer",
            "Niki Parmar",
            "Jakob Uszkoreit",
            "Llion Jones",
            "Aidan N. Gomez",
            "Łukasz Kaiser",
            "Illia Polosukhin",
        ],
        venue="NeurIPS",
        year=2017,
        arxiv_id="1706.03762",
        arxiv_version=7,
        organisations=["Google Brain", "Google Research"],
    ),
    PaperData(
        title="Denoising Diffusion Probabilistic Models",
        authors=["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"],
        venue="NeurIPS",
        year=2020,
        arxiv_id="2006.11239",
        code_url="https://github.com/hojonathanho/diffusion",
    ),
]

SUMMARIES = {
    "1512.03385": """Very deep plain networks get *worse* training error as they grow: an
optimisation problem, not overfitting. ResNet lets each block learn a residual
$\\mathcal{F}(x) = H(x) - x$ and adds the input back:

$$y = \\mathcal{F}(x, \\{W_i\\}) + x$$

If the identity is optimal, pushing $\\mathcal{F}$ to zero is easy. With this, 152 layers
train fine and win ImageNet 2015.

| depth | top-5 error |
|------:|------------:|
| 34    | 7.4 %       |
| 152   | 4.5 %       |
""",
    "1502.03167": """Normalise each activation over the mini-batch, then let the network undo it
if it wants:

\\[ \\hat{x}_i = \\frac{x_i - \\mu_\\mathcal{B}}{\\sqrt{\\sigma_\\mathcal{B}^2 + \\epsilon}},
\\qquad y_i = \\gamma \\hat{x}_i + \\beta \\]

Higher learning rates, less care with initialisation, some regularisation for free.

```python
def batch_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    return gamma * (x - mu) / (var + eps) ** 0.5 + beta
```
""",
    "1312.6114": """Train a latent-variable model by maximising the evidence lower bound:

\\[ \\log p(x) \\ge \\mathbb{E}_{q_\\phi(z|x)}[\\log p_\\theta(x|z)]
   - D_{KL}(q_\\phi(z|x) \\,\\|\\, p(z)) \\]

The *reparameterisation trick* $z = \\mu + \\sigma \\odot \\epsilon$ with
$\\epsilon \\sim \\mathcal{N}(0, I)$ makes the expectation differentiable in $\\phi$.

> "We introduce a stochastic variational inference and learning algorithm that scales
> to large datasets."
""",
    "1706.03762": """Drop recurrence entirely: stacks of self-attention and feed-forward layers.

$$\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V$$

Each layer costs $O(n^2 \\cdot d)$ but has $O(1)$ sequential operations, so it trains in
parallel. Multi-head attention lets the model attend to several subspaces at once.

- [x] encoder–decoder with residuals and layer norm
- [x] sinusoidal positional encodings
- [ ] anything recurrent
""",
    "2006.11239": """A fixed forward process adds Gaussian noise over $T$ steps; a network learns to
reverse it. The simple loss predicts the noise:

\\[
\\begin{aligned}
q(x_t \\mid x_0) &= \\mathcal{N}\\big(\\sqrt{\\bar\\alpha_t}\\,x_0,\\,(1-\\bar\\alpha_t)I\\big) \\\\
L_\\text{simple} &= \\mathbb{E}_{t, x_0, \\epsilon}
  \\big[\\lVert \\epsilon - \\epsilon_\\theta(x_t, t)\\rVert^2\\big]
\\end{aligned}
\\]
""",
}

TOPICS = {
    "Computer vision": (
        "Learning to see: convolutional networks, residual connections and what came after.",
        ["1512.03385", "10.1109/5.726791", "1502.03167"],
    ),
    "Generative models": (
        "Models that learn $p(x)$ and can sample from it: VAEs, GANs, diffusion.",
        ["1312.6114", "2006.11239"],
    ),
    "Sequence models": ("From RNNs to attention.", ["1706.03762"]),
}

PATH = [
    ("Foundations", ["10.1109/5.726791", "1502.03167"]),
    ("Going deeper", ["1512.03385"]),
    ("Attention and generation", ["1706.03762", "1312.6114", "2006.11239"]),
]


def _demo_user(username: str | None) -> User:
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            # ValidationError: the CLI shows it as one line, not a traceback.
            raise ValidationError(f"no user named {username!r}; see papershelf createuser")
        return user
    user, created = User.objects.get_or_create(username="demo")
    if created:
        user.set_unusable_password()  # nobody logs in as the sample's author
        user.save()
    return user


def _find(key: str) -> Paper:
    return Paper.objects.get(doi=key) if key.startswith("10.") else Paper.objects.get(arxiv_id=key)


@transaction.atomic
def load_demo(username: str | None = None) -> DemoResult:
    user = _demo_user(username)
    for data in PAPERS:
        key = data.arxiv_id or data.doi
        exists = (
            Paper.objects.filter(arxiv_id=key).exists() or Paper.objects.filter(doi=key).exists()
        )
        if not exists:
            create_paper(data, added_by=user)
    for key, body in SUMMARIES.items():
        paper = _find(key)
        if not Summary.objects.filter(paper=paper, author=user).exists():
            create_summary(paper, user, SummaryData(body=body), "Demo")
    for name, (description, keys) in TOPICS.items():
        topic = get_or_create_topic(name, description, created_by=user)
        topic.papers.add(*[_find(k) for k in keys])
    if not ReadingList.objects.filter(owner=user, title="From LeNet to diffusion").exists():
        path = create_list(user, "From LeNet to diffusion", "A short reading path.")
        for heading, keys in PATH:
            add_heading(path, heading)
            for key in keys:
                add_paper(path, _find(key))
    return DemoResult(len(PAPERS), len(SUMMARIES), len(TOPICS), 1)
