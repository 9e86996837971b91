#!/usr/bin/python3
"""Writes small PyTorch goldens for @prefixkit/tensor's reference tests (test/golden.test.ts).

Run by hand with Debian's PyTorch:  /usr/bin/python3 test/make-fixtures.py
Outputs test/fixtures/*.json (committed; CI compares against them without PyTorch).
Every tensor is float32, stored as {"shape": [...], "data": [...]} (row-major).
The attention golden follows HF GPT2Attention._attn (docs/reference/REFERENCE-SPEC.md): divide by a tensor
holding sqrt(D), torch.where(causal, s, finfo.min), then + (1 - mask) * finfo.min, softmax.
"""
import json
import math
import os
import tempfile

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def t(x):
    x = x.detach().to(torch.float32).contiguous()
    return {"shape": list(x.shape), "data": [float(v) for v in x.reshape(-1).tolist()]}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    payload = {"generator": "test/make-fixtures.py", "torch": torch.__version__, **payload}
    fd, tmp = tempfile.mkstemp(dir=OUT, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
    os.chmod(tmp, 0o644)
    os.replace(tmp, os.path.join(OUT, name))


def leaf(*shape, scale=1.0):
    return (torch.randn(*shape) * scale).requires_grad_(True)


def gelu_case():
    x = leaf(37, scale=3.0)
    y = F.gelu(x, approximate="tanh")
    dy = torch.randn(37)
    y.backward(dy)
    write("gelu.json", {"x": t(x), "dy": t(dy), "y": t(y), "dx": t(x.grad)})


def layer_norm_case():
    x, w, b = leaf(5, 33, scale=2.0), leaf(33), leaf(33)
    y = F.layer_norm(x, (33,), w, b, eps=1e-5)
    dy = torch.randn(5, 33)
    y.backward(dy)
    write("layer-norm.json", {"x": t(x), "w": t(w), "b": t(b), "dy": t(dy), "y": t(y),
                              "dx": t(x.grad), "dw": t(w.grad), "db": t(b.grad)})


def attention_case():
    B, H, T, P, D = 2, 3, 4, 2, 8
    q, k, v = leaf(B, H, T, D), leaf(B, H, T, D), leaf(B, H, T, D)
    pk, pv = leaf(1, H, P, D), leaf(1, H, P, D)
    mask = torch.ones(B, P + T)
    mask[1, 3] = 0.0  # row 1 cannot see its first real token
    key = torch.cat([pk.expand(B, -1, -1, -1), k], dim=2)
    value = torch.cat([pv.expand(B, -1, -1, -1), v], dim=2)
    w = torch.matmul(q, key.transpose(-1, -2))
    w = w / torch.full([], value.size(-1) ** 0.5, dtype=w.dtype)
    S = P + T
    causal = torch.tril(torch.ones(S, S, dtype=torch.bool))[S - T:S, :S]
    fmin = torch.finfo(w.dtype).min
    w = torch.where(causal, w, torch.full([], fmin, dtype=w.dtype))
    w = w + (1.0 - mask[:, None, None, :]) * fmin
    w = torch.softmax(w, dim=-1)
    out = torch.matmul(w, value)
    dout = torch.randn(B, H, T, D)
    out.backward(dout)
    write("attention.json", {"q": t(q), "k": t(k), "v": t(v), "pastKey": t(pk), "pastValue": t(pv),
                             "mask": t(mask), "dOut": t(dout), "out": t(out), "dq": t(q.grad),
                             "dk": t(k.grad), "dv": t(v.grad), "dPastKey": t(pk.grad),
                             "dPastValue": t(pv.grad)})


def cross_entropy_case():
    logits = leaf(2, 5, 11, scale=2.0)
    labels = torch.randint(0, 11, (2, 5))
    labels[0, 1] = -100
    labels[1, 4] = -100
    loss = F.cross_entropy(logits.reshape(-1, 11), labels.reshape(-1), ignore_index=-100)
    loss.backward()
    write("cross-entropy.json", {"logits": t(logits), "labels": labels.reshape(-1).tolist(),
                                 "loss": float(loss), "dLogits": t(logits.grad)})


def adamw_case():
    p0 = torch.randn(3, 7)
    b0 = torch.randn(7)
    grads = [(torch.randn(3, 7), torch.randn(7)) for _ in range(4)]
    p, b = p0.clone().requires_grad_(True), b0.clone().requires_grad_(True)
    opt = torch.optim.AdamW([p, b], lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1,
                            foreach=False)
    steps = []
    for gp, gb in grads:
        p.grad, b.grad = gp.clone(), gb.clone()
        opt.step()
        steps.append({"p": t(p), "b": t(b)})
    write("adamw.json", {"p0": t(p0), "b0": t(b0), "lr": 1e-2, "weightDecay": 0.1,
                         "grads": [{"p": t(gp), "b": t(gb)} for gp, gb in grads], "steps": steps})


def clip_case():
    a, b = torch.randn(4, 5).requires_grad_(True), torch.randn(9).requires_grad_(True)
    a.grad, b.grad = torch.randn(4, 5) * 3, torch.randn(9) * 3
    before = {"a": t(a.grad), "b": t(b.grad)}
    norm = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.5)
    write("clip-grad-norm.json", {"grads": before, "maxNorm": 1.5, "norm": float(norm),
                                  "clipped": {"a": t(a.grad), "b": t(b.grad)}})


def matmul_softmax_case():
    a, bt = leaf(3, 5, 4), leaf(6, 4)
    c = torch.matmul(a, bt.t())
    s = torch.softmax(c, dim=-1)
    ds = torch.randn(3, 5, 6)
    s.backward(ds)
    write("matmul-softmax.json", {"a": t(a), "bT": t(bt), "dS": t(ds), "c": t(c), "s": t(s),
                                  "da": t(a.grad), "dbT": t(bt.grad)})


def gelu_exact_case():
    x = leaf(41, scale=3.0)
    y = F.gelu(x)  # approximate="none": the erf form (HF activation_function "gelu")
    dy = torch.randn(41)
    y.backward(dy)
    write("gelu-exact.json", {"x": t(x), "dy": t(dy), "y": t(y), "dx": t(x.grad)})


def index_select_case():
    x = leaf(3, 5, 4)
    index = torch.tensor([4, 0, 4, 2, 4, 1], dtype=torch.long)
    y = torch.index_select(x, 1, index)
    dy = torch.randn(*y.shape)
    y.backward(dy)
    write("index-select.json", {"x": t(x), "index": index.tolist(), "axis": 1, "dy": t(dy),
                                "y": t(y), "dx": t(x.grad)})


if __name__ == "__main__":
    torch.manual_seed(20240326)
    gelu_case()
    layer_norm_case()
    attention_case()
    cross_entropy_case()
    adamw_case()
    clip_case()
    matmul_softmax_case()
    # Added later: appended so the earlier fixtures regenerate unchanged.
    gelu_exact_case()
    index_select_case()
    print("wrote", sorted(os.listdir(OUT)))
