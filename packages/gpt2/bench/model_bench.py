#!/usr/bin/python3
"""PyTorch baseline of bench/model.bench.ts: the same work at GPT-2 small shapes, random weights.

A plain-torch GPT-2 (as HF computes it: Conv1D = addmm, causal softmax attention, gelu_new,
tied head) written for this benchmark. Measures
  - one prefix-tuning step: forward + backward to per-layer prefix keys/values [1, H, P, D]
    (requires_grad), model frozen, HF mean loss, batch x tokens;
  - greedy generation of batch 1 with a KV cache: prompt once, then one token per step.
Prints JSON with seconds and tokens/s (best of --repeats after one warm-up).
Run: /usr/bin/python3 bench/model_bench.py --batch 2 --tokens 32 --prefix 10 --prompt 16 --newTokens 16 [--device cuda]
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn.functional as F

L, H, C, V, NP = 12, 12, 768, 50257, 1024
D = C // H


def random_params(generator):
    def w(*shape):
        return (torch.rand(*shape, generator=generator) - 0.5) * 2 * 0.02 * math.sqrt(3)

    p = {"wte": w(V, C), "wpe": w(NP, C), "ln_f": (torch.ones(C), torch.zeros(C)), "h": []}
    for _ in range(L):
        p["h"].append({
            "ln_1": (torch.ones(C), torch.zeros(C)), "c_attn": (w(C, 3 * C), w(3 * C)),
            "c_proj": (w(C, C), w(C)), "ln_2": (torch.ones(C), torch.zeros(C)),
            "c_fc": (w(C, 4 * C), w(4 * C)), "mlp_proj": (w(4 * C, C), w(C)),
        })
    return p


def to_device(p, device):
    move = lambda t: t.to(device)
    out = {"wte": move(p["wte"]), "wpe": move(p["wpe"]), "ln_f": tuple(map(move, p["ln_f"])), "h": []}
    for layer in p["h"]:
        out["h"].append({name: tuple(map(move, pair)) for name, pair in layer.items()})
    return out


def linear(x, wb):
    weight, bias = wb
    return torch.addmm(bias, x.reshape(-1, x.size(-1)), weight).view(*x.shape[:-1], weight.size(1))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def forward(p, ids, past=None):
    B, T = ids.shape
    P = 0 if past is None else past[0][0].size(-2)
    x = p["wte"][ids] + p["wpe"][torch.arange(P, P + T, device=ids.device)]
    causal = torch.tril(torch.ones(P + T, P + T, dtype=torch.bool, device=ids.device))[P:, :]
    minimum = torch.finfo(torch.float32).min
    present = []
    for i, layer in enumerate(p["h"]):
        a = F.layer_norm(x, (C,), *layer["ln_1"], 1e-5)
        q, k, v = linear(a, layer["c_attn"]).split(C, dim=2)
        q, k, v = (t.view(B, T, H, D).transpose(1, 2) for t in (q, k, v))
        if past is not None:
            k = torch.cat([past[i][0].expand(B, -1, -1, -1), k], dim=2)
            v = torch.cat([past[i][1].expand(B, -1, -1, -1), v], dim=2)
        present.append((k, v))
        s = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(D)
        s = torch.where(causal, s, torch.full([], minimum, device=s.device))
        o = torch.matmul(torch.softmax(s, dim=-1), v).transpose(1, 2).reshape(B, T, C)
        x = x + linear(o, layer["c_proj"])
        m = F.layer_norm(x, (C,), *layer["ln_2"], 1e-5)
        x = x + linear(gelu_new(linear(m, layer["c_fc"])), layer["mlp_proj"])
    x = F.layer_norm(x, (C,), *p["ln_f"], 1e-5)
    return x, present


def best_of(run, repeats):
    run()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    for name, default in (("batch", 2), ("tokens", 32), ("prefix", 10), ("prompt", 16), ("newTokens", 16), ("repeats", 2)):
        parser.add_argument("--" + name, type=int, default=default)
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    args = parser.parse_args()
    torch.set_num_threads(os.cpu_count())
    device = torch.device(args.device)
    generator = torch.Generator().manual_seed(1)
    p = to_device(random_params(generator), device)
    prefix = [(torch.randn(1, H, args.prefix, D, generator=generator).to(device).requires_grad_(),
               torch.randn(1, H, args.prefix, D, generator=generator).to(device).requires_grad_()) for _ in range(L)]
    batch = torch.randint(0, V, (args.batch, args.tokens), generator=generator).to(device)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)

    def step():
        hidden, _ = forward(p, batch, prefix)
        logits = F.linear(hidden, p["wte"])
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, V), batch[:, 1:].reshape(-1))
        loss.backward()
        sync()
        for k, v in prefix:
            k.grad = None
            v.grad = None

    prompt = torch.randint(0, V, (1, args.prompt), generator=generator).to(device)

    def greedy():
        with torch.no_grad():
            hidden, past = forward(p, prompt)
            out = []
            for index in range(args.newTokens):
                token = F.linear(hidden[:, -1], p["wte"]).argmax(-1)
                out.append(int(token))
                if index + 1 == args.newTokens:
                    break
                hidden, past = forward(p, token[:, None], past)
        return out

    step_seconds = best_of(step, args.repeats)
    generate_seconds = best_of(greedy, args.repeats)
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(), "device": args.device,
        **({"gpu": torch.cuda.get_device_name(0)} if device.type == "cuda" else {}),
        "prefixStepSeconds": step_seconds, "prefixStepTokensPerSecond": args.batch * args.tokens / step_seconds,
        "generateSeconds": generate_seconds, "generateTokensPerSecond": args.newTokens / generate_seconds,
    }))


if __name__ == "__main__":
    main()
