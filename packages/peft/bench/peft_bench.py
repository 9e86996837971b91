#!/usr/bin/python3
"""PyTorch baseline of bench/peft.bench.ts: one training step of every method, GPT-2 small shapes.

The plain-torch GPT-2 of tooling/python/plain_gpt2.py (as Hugging Face's GPT2LMHeadModel computes
it; the same code makes test/make-fixtures.py's goldens), random weights, with the methods as the
paper's code / PEFT run them:
  prefix        MLP-reparameterised prefix (embedding [P, C] -> 512 -> tanh -> 2LC) as past keys/values
  prefix-flat   the activations [P, 2LC] trained directly
  embedding-only a soft prompt [P, C] on the input embeddings
  infix         [x; INFIX; y]: x alone, then y with past = [x's keys/values; infix keys/values]
  adapter       Houlsby adapters after attention and after the MLP (bottleneck --bottleneck)
  lora          PEFT's LoRA on attn.c_attn (r 8, alpha 16): W x + B A x * alpha / r
  ft-full, ft-top2  every parameter / the top two blocks
A step is what the Trainer does: forward, backward, clip_grad_norm_(1.0), AdamW.
Prints JSON: per method seconds per step and tokens/s (best of --repeats after --warmup).
Run: /usr/bin/python3 bench/peft_bench.py --batch 2 --tokens 32 --vocab 8192 --layers 12 \
     --prefix 10 --bottleneck 100 --methods prefix,adapter
"""
import argparse
import json
import math
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tooling", "python"))
from plain_gpt2 import forward, lm_loss, prefix_mlp, prefix_past  # noqa: E402

H, C, NP = 12, 768, 1024


def random_base(V, L, generator):
    def w(*shape):
        return (torch.rand(*shape, generator=generator) - 0.5) * 2 * 0.02 * math.sqrt(3)

    p = {"transformer.wte.weight": w(V, C), "transformer.wpe.weight": w(NP, C),
         "transformer.ln_f.weight": torch.ones(C), "transformer.ln_f.bias": torch.zeros(C)}
    for i in range(L):
        h = "transformer.h.%d." % i
        p.update({h + "ln_1.weight": torch.ones(C), h + "ln_1.bias": torch.zeros(C),
                  h + "attn.c_attn.weight": w(C, 3 * C), h + "attn.c_attn.bias": w(3 * C),
                  h + "attn.c_proj.weight": w(C, C), h + "attn.c_proj.bias": w(C),
                  h + "ln_2.weight": torch.ones(C), h + "ln_2.bias": torch.zeros(C),
                  h + "mlp.c_fc.weight": w(C, 4 * C), h + "mlp.c_fc.bias": w(4 * C),
                  h + "mlp.c_proj.weight": w(4 * C, C), h + "mlp.c_proj.bias": w(C)})
    return p


def method(name, base, L, V, args, ids, labels, separator):
    """(trainable tensors, loss function of them) for one method."""
    P, W = args.prefix, 2 * L * C
    lin = lambda fan_in, *shape: (torch.rand(*shape) * 2 - 1) / math.sqrt(fan_in)
    mlp = lambda: {"wte.weight": torch.randn(P, C), "control_trans.0.weight": lin(C, 512, C),
                   "control_trans.0.bias": lin(C, 512), "control_trans.2.weight": lin(512, W, 512),
                   "control_trans.2.bias": lin(512, W)}
    if name == "prefix":
        return mlp(), lambda t: lm_loss(forward(base, ids, H, past=prefix_past(prefix_mlp(t), L, H))[0], labels)
    if name == "prefix-flat":
        return {"control_trans": torch.randn(P, W)}, lambda t: lm_loss(forward(base, ids, H, past=prefix_past(t["control_trans"], L, H))[0], labels)
    if name == "embedding-only":
        return {"embedding": torch.randn(P, C) * 0.02}, lambda t: lm_loss(forward(base, ids, H, soft_prompt=t["embedding"])[0][:, P:], labels)
    if name == "infix":
        def infix_loss(t):
            infix = prefix_past(prefix_mlp(t), L, H)
            rows = []
            for b in range(ids.size(0)):
                row = ids[b:b + 1]
                split = int((row[0] == separator).nonzero()[0]) + 1
                x_logits, x_kv = forward(base, row[:, :split], H)
                past = [(torch.cat([k, ik], dim=-2), torch.cat([v, iv], dim=-2)) for (k, v), (ik, iv) in zip(x_kv, infix)]
                y_logits, _ = forward(base, row[:, split:], H, past=past, first_position=split + P)
                rows.append(torch.cat([x_logits, y_logits], dim=1))
            return lm_loss(torch.cat(rows, dim=0), labels)
        return mlp(), infix_loss
    if name == "adapter":
        m, a = args.bottleneck, {}
        for i in range(L):
            for site in ("attn", "mlp"):
                at = "layers.%d.%s." % (i, site)
                a.update({at + "down.weight": torch.randn(m, C) * 0.02, at + "down.bias": torch.randn(m) * 0.02,
                          at + "up.weight": torch.randn(C, m) * 0.02, at + "up.bias": torch.randn(C) * 0.02})
        return a, lambda t: lm_loss(forward(base, ids, H, adapters=t)[0], labels)
    if name == "lora":
        r, lo = 8, {}
        for i in range(L):
            at = "transformer.h.%d.attn.c_attn." % i
            lo.update({at + "lora_A.weight": lin(C, r, C), at + "lora_B.weight": torch.zeros(3 * C, r)})
        return lo, lambda t: lm_loss(forward(base, ids, H, lora=t, lora_scaling=16 / r)[0], labels)
    if name == "ft-full":
        return {k: v.clone() for k, v in base.items()}, lambda t: lm_loss(forward(t, ids, H)[0], labels)
    if name == "ft-top2":
        top = ("transformer.h.%d." % (L - 2), "transformer.h.%d." % (L - 1))
        tuned = {k: v.clone() for k, v in base.items() if k.startswith(top)}
        return tuned, lambda t: lm_loss(forward({**base, **t}, ids, H)[0], labels)
    raise SystemExit("unknown method %s" % name)


def main():
    parser = argparse.ArgumentParser()
    for key, default in (("batch", 2), ("tokens", 32), ("vocab", 8192), ("layers", 12), ("prefix", 10),
                         ("bottleneck", 100), ("warmup", 1), ("repeats", 2)):
        parser.add_argument("--" + key, type=int, default=default)
    parser.add_argument("--methods", default="prefix,prefix-flat,embedding-only,infix,adapter,lora,ft-full,ft-top2")
    args = parser.parse_args()
    torch.manual_seed(1)
    V, L, B, T = args.vocab, args.layers, args.batch, args.tokens
    base = random_base(V, L, torch.Generator().manual_seed(1))
    separator, source = V - 1, T // 2
    ids = torch.randint(0, V - 1, (B, T))
    ids[:, source - 1] = separator
    labels = ids.clone()
    labels[:, :source] = -100
    results = {}
    for name in args.methods.split(","):
        init, loss_fn = method(name, base, L, V, args, ids, labels, separator)
        t = {k: v.requires_grad_(True) for k, v in init.items()}
        params = list(t.values())
        opt = torch.optim.AdamW(params, lr=1e-4, weight_decay=0.0)

        def step():
            opt.zero_grad(set_to_none=True)
            loss_fn(t).backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()

        for _ in range(args.warmup):
            step()
        best = math.inf
        for _ in range(args.repeats):
            start = time.perf_counter()
            step()
            best = min(best, time.perf_counter() - start)
        results[name] = {"trainable": sum(p.numel() for p in params), "stepSeconds": best, "tokensPerSecond": B * T / best}
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "device": "cpu", "methods": results}))


if __name__ == "__main__":
    main()
