"""NT-Xent loss from SimCLR (Chen et al., 2020). My reimplementation, see index.md."""
import torch
import torch.nn.functional as F


def nt_xent(z1: torch.Tensor, z2: torch.Tensor, tau: float = 0.5) -> torch.Tensor:
    """z1, z2: (N, d) projections of the two views. Returns mean loss over 2N anchors."""
    n = z1.shape[0]
    z = F.normalize(torch.cat([z1, z2], dim=0), dim=1)  # (2N, d)
    sim = z @ z.t() / tau                                # (2N, 2N)
    sim.fill_diagonal_(float("-inf"))                    # drop k == i
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(z.device)
    return F.cross_entropy(sim, targets)


if __name__ == "__main__":
    torch.manual_seed(0)
    a, b = torch.randn(8, 128), torch.randn(8, 128)
    print(nt_xent(a, b).item())
