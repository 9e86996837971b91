#!/usr/bin/python3
"""Golden fixtures for @prefixkit/peft: every method's loss, gradients and AdamW steps in PyTorch.

Run from packages/peft with Debian's PyTorch (torch 1.13; no transformers needed):
    /usr/bin/python3 test/make-fixtures.py

GPT-2 and the methods are tooling/python/plain_gpt2.py: plain torch as Hugging Face's
GPT2LMHeadModel computes it (docs/reference/REFERENCE-SPEC.md "GPT-2 — exact computation"), the methods
as the paper's code and the spec define them ("Prefix-tuning", "Adapters (Houlsby) and fine-tune top-2", "AdamW").

Writes test/fixtures/tiny-peft/:
  config.json, model.safetensors   a tiny random GPT-2 (3 layers so that FT-TOP2 is a strict subset)
  goldens.json                     the batch, losses and tensor names per case
  goldens.safetensors              "<case>/init/<name>", "<case>/grad/<name>",
                                   "<case>/wd=<wd>/step<k>/<name>" (after k AdamW steps, lr 1e-3)
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tooling", "python"))
from plain_gpt2 import prefix_mlp, save_safetensors, write_json  # noqa: E402
import plain_gpt2  # noqa: E402

torch.manual_seed(20210101)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "tiny-peft")
V, C, L, H, NP = 48, 16, 3, 2, 32
D, FF, EOS = C // H, 4 * C, V - 1
CONFIG = {
    "activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
    "bos_token_id": EOS, "embd_pdrop": 0.1, "eos_token_id": EOS, "initializer_range": 0.02,
    "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_embd": C, "n_head": H, "n_inner": None,
    "n_layer": L, "n_positions": NP, "reorder_and_upcast_attn": False, "resid_pdrop": 0.1,
    "scale_attn_by_inverse_layer_idx": False, "scale_attn_weights": True,
    "summary_activation": None, "summary_first_dropout": 0.1, "summary_proj_to_labels": True,
    "summary_type": "cls_index", "summary_use_proj": True, "torch_dtype": "float32",
    "use_cache": True, "vocab_size": V,
}


def base_params():
    p = {"transformer.wte.weight": torch.randn(V, C) * 0.5, "transformer.wpe.weight": torch.randn(NP, C) * 0.3}
    for i in range(L):
        h = "transformer.h.%d." % i
        p[h + "ln_1.weight"], p[h + "ln_1.bias"] = 1 + 0.1 * torch.randn(C), 0.1 * torch.randn(C)
        p[h + "attn.c_attn.weight"], p[h + "attn.c_attn.bias"] = torch.randn(C, 3 * C) * 0.3, torch.randn(3 * C) * 0.1
        p[h + "attn.c_proj.weight"], p[h + "attn.c_proj.bias"] = torch.randn(C, C) * 0.2, torch.randn(C) * 0.1
        p[h + "ln_2.weight"], p[h + "ln_2.bias"] = 1 + 0.1 * torch.randn(C), 0.1 * torch.randn(C)
        p[h + "mlp.c_fc.weight"], p[h + "mlp.c_fc.bias"] = torch.randn(C, FF) * 0.2, torch.randn(FF) * 0.1
        p[h + "mlp.c_proj.weight"], p[h + "mlp.c_proj.bias"] = torch.randn(FF, C) * 0.1, torch.randn(C) * 0.1
    p["transformer.ln_f.weight"], p["transformer.ln_f.bias"] = 1 + 0.1 * torch.randn(C), 0.1 * torch.randn(C)
    return p


def lm_loss(p, ids, labels, past=None, adapters=None):
    """HF GPT2LMHeadModel loss; past: L (key, value) [1,H,P,D]; adapters: name -> tensor."""
    return plain_gpt2.lm_loss(plain_gpt2.forward(p, ids, H, past=past, adapters=adapters)[0], labels)


def prefix_past(r):
    return plain_gpt2.prefix_past(r, L, H)


def main():
    os.makedirs(OUT, exist_ok=True)
    base = base_params()
    ids = torch.tensor([[5, 12, 9, EOS, 30, 7, 2], [14, 3, EOS, 21, 8, EOS, EOS]])
    labels = torch.tensor([[-100, -100, -100, -100, 30, 7, 2], [-100, -100, -100, 21, 8, EOS, -100]])
    P, MID, M = 3, 8, 4
    cases = {}
    lin = lambda fan_in, *shape: (torch.rand(*shape) * 2 - 1) / math.sqrt(fan_in)
    cases["prefix"] = ({"wte.weight": torch.randn(P, C), "control_trans.0.weight": lin(C, MID, C), "control_trans.0.bias": lin(C, MID),
                        "control_trans.2.weight": lin(MID, 2 * L * C, MID), "control_trans.2.bias": lin(MID, 2 * L * C)},
                       lambda t: lm_loss(base, ids, labels, past=prefix_past(prefix_mlp(t))))
    cases["prefix-flat"] = ({"control_trans": torch.randn(P, 2 * L * C)}, lambda t: lm_loss(base, ids, labels, past=prefix_past(t["control_trans"])))
    adapters = {}
    for i in range(L):
        for site in ("attn", "mlp"):
            at = "layers.%d.%s." % (i, site)
            adapters.update({at + "down.weight": torch.randn(M, C) * 0.02, at + "down.bias": torch.randn(M) * 0.02,
                             at + "up.weight": torch.randn(C, M) * 0.02, at + "up.bias": torch.randn(C) * 0.02})
    cases["adapter"] = (adapters, lambda t: lm_loss(base, ids, labels, adapters=t))
    top2 = {k: v.clone() for k, v in base.items() if k.startswith("transformer.h.%d." % (L - 2)) or k.startswith("transformer.h.%d." % (L - 1))}
    cases["ft-top2"] = (top2, lambda t: lm_loss({**base, **t}, ids, labels))
    cases["ft-full"] = ({k: v.clone() for k, v in base.items()}, lambda t: lm_loss(t, ids, labels))

    tensors = {}
    summary = {"ids": ids.tolist(), "labels": labels.tolist(), "lr": 1e-3, "prefixLength": P, "midDim": MID, "bottleneck": M, "cases": {}}
    for name, (init, loss_fn) in cases.items():
        t = {k: v.clone().requires_grad_(True) for k, v in init.items()}
        loss = loss_fn(t)
        loss.backward()
        entry = {"loss": loss.item(), "names": sorted(t), "steps": {}}
        for k in t:
            tensors["%s/init/%s" % (name, k)] = init[k]
            tensors["%s/grad/%s" % (name, k)] = t[k].grad
        for wd in (0.0, 0.01):
            t = {k: v.clone().requires_grad_(True) for k, v in init.items()}
            opt = torch.optim.AdamW(list(t.values()), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd, foreach=False)
            losses = []
            for step in (1, 2):
                opt.zero_grad()
                loss = loss_fn(t)
                loss.backward()
                opt.step()
                losses.append(loss.item())
                for k in t:
                    tensors["%s/wd=%g/step%d/%s" % (name, wd, step, k)] = t[k].detach().clone()
            entry["steps"]["%g" % wd] = losses
        summary["cases"][name] = entry
    save_safetensors(os.path.join(OUT, "model.safetensors"), base, {"format": "pt"})
    write_json(os.path.join(OUT, "config.json"), CONFIG)
    save_safetensors(os.path.join(OUT, "goldens.safetensors"), tensors, {"format": "pt"})
    write_json(os.path.join(OUT, "goldens.json"), summary)


if __name__ == "__main__":
    main()
