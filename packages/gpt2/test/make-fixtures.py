#!/usr/bin/python3
"""Golden fixtures for @prefixkit/gpt2: a tiny random GPT-2 and what PyTorch computes with it.

Run from packages/gpt2 with Debian's PyTorch (no transformers needed):
    /usr/bin/python3 test/make-fixtures.py

GPT-2 is tooling/python/plain_gpt2.py: plain torch, exactly as Hugging Face's GPT2LMHeadModel
computes it (docs/reference/REFERENCE-SPEC.md "GPT-2 — exact computation"). `gelu_exact_cases` repeat two cases with HF's
activation_function "gelu" (torch's exact erf F.gelu) in place of gelu_new. Beam search follows the spec's "Beam search —
precise definition" (transformers <= 4.35 BeamSearchScorer / BeamHypotheses).

Writes test/fixtures/tiny/:
  config.json, model.safetensors   the model, as HF's save_pretrained lays it out
  goldens.json                     inputs (ids, masks, positions) and integer / scalar outputs
  goldens.safetensors              float outputs (logits, prefix key/values, gradients)
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tooling", "python"))
import plain_gpt2  # noqa: E402
from plain_gpt2 import gelu_new, lm_loss, save_safetensors  # noqa: E402

torch.manual_seed(1234)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "tiny")

CONFIG = {
    "activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
    "bos_token_id": 95, "embd_pdrop": 0.1, "eos_token_id": 95, "initializer_range": 0.02,
    "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_embd": 32, "n_head": 2, "n_inner": None,
    "n_layer": 2, "n_positions": 32, "reorder_and_upcast_attn": False, "resid_pdrop": 0.1,
    "scale_attn_by_inverse_layer_idx": False, "scale_attn_weights": True,
    "summary_activation": None, "summary_first_dropout": 0.1, "summary_proj_to_labels": True,
    "summary_type": "cls_index", "summary_use_proj": True, "torch_dtype": "float32",
    "use_cache": True, "vocab_size": 96,
}
V, C, L, H = CONFIG["vocab_size"], CONFIG["n_embd"], CONFIG["n_layer"], CONFIG["n_head"]
NP, D, FF, EOS = CONFIG["n_positions"], C // H, 4 * C, CONFIG["eos_token_id"]


# ---------------------------------------------------------------- the model
def init_params():
    """Random weights, larger than GPT-2's init so that logits are peaked and decoding is decisive."""
    p = {"transformer.wte.weight": torch.randn(V, C) * 0.5, "transformer.wpe.weight": torch.randn(NP, C) * 0.3}
    for i in range(L):
        h = "transformer.h.%d." % i
        p[h + "ln_1.weight"] = 1 + 0.1 * torch.randn(C)
        p[h + "ln_1.bias"] = 0.1 * torch.randn(C)
        p[h + "attn.c_attn.weight"] = torch.randn(C, 3 * C) * 0.3
        p[h + "attn.c_attn.bias"] = torch.randn(3 * C) * 0.1
        p[h + "attn.c_proj.weight"] = torch.randn(C, C) * 0.2
        p[h + "attn.c_proj.bias"] = torch.randn(C) * 0.1
        p[h + "ln_2.weight"] = 1 + 0.1 * torch.randn(C)
        p[h + "ln_2.bias"] = 0.1 * torch.randn(C)
        p[h + "mlp.c_fc.weight"] = torch.randn(C, FF) * 0.2
        p[h + "mlp.c_fc.bias"] = torch.randn(FF) * 0.1
        p[h + "mlp.c_proj.weight"] = torch.randn(FF, C) * 0.1
        p[h + "mlp.c_proj.bias"] = torch.randn(C) * 0.1
    p["transformer.ln_f.weight"] = 1 + 0.1 * torch.randn(C)
    p["transformer.ln_f.bias"] = 0.1 * torch.randn(C)
    # A longer eos row makes eos win sometimes: greedy rows stop at different steps, and beam
    # search finishes hypotheses (some winners end in eos, others are live beams).
    p["transformer.wte.weight"][EOS] *= 3
    return p


def forward(p, ids, past=None, attention_mask=None, position_ids=None, act=gelu_new):
    """ids [B,T]; past: L pairs [B or 1,H,P,D]; attention_mask [B,T] or [B,P+T]; -> logits, present."""
    return plain_gpt2.forward(p, ids, H, past=past, attention_mask=attention_mask, position_ids=position_ids, act=act)


def per_row_sum_loss(logits, labels):
    """The paper's per-sequence sum of the shifted token losses, one value per row."""
    losses = F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1), ignore_index=-100, reduction="none")
    return losses.view(labels.size(0), -1).sum(dim=1)


def left_pad(rows):
    """Left padding with eos; positions as HF generate: cumsum(mask) - 1, pads get 1."""
    T = max(len(r) for r in rows)
    ids = torch.tensor([[EOS] * (T - len(r)) + r for r in rows])
    mask = torch.tensor([[0] * (T - len(r)) + [1] * len(r) for r in rows])
    return ids, mask


def padded_positions(mask, P):
    pos = P + mask.cumsum(-1) - 1
    return pos.masked_fill(mask == 0, 1)


# ---------------------------------------------------------------- decoding
def greedy(p, rows, max_new, prefix=None):
    """REFERENCE-SPEC "Greedy decoding", batched with left padding and a KV cache."""
    ids, mask = left_pad(rows)
    B, P = ids.size(0), 0 if prefix is None else prefix[0][0].size(-2)
    pos = padded_positions(mask, P)
    full_mask = torch.cat([torch.ones(B, P, dtype=torch.long), mask], dim=1)
    logits, past = forward(p, ids, prefix, full_mask, pos)
    done = torch.zeros(B, dtype=torch.bool)
    out = []
    for _ in range(max_new):
        nxt = logits[:, -1].argmax(-1)
        nxt = torch.where(done, torch.full_like(nxt, EOS), nxt)
        out.append(nxt)
        done = done | (nxt == EOS)
        if bool(done.all()):
            break
        pos = pos[:, -1:] + 1
        full_mask = torch.cat([full_mask, torch.ones(B, 1, dtype=torch.long)], dim=1)
        logits, past = forward(p, nxt[:, None], past, full_mask, pos)
    return torch.stack(out, dim=1).tolist()


class Hypotheses:
    """BeamHypotheses of transformers <= 4.35 (length_penalty 1.0, early_stopping False)."""

    def __init__(self, k):
        self.k, self.beams, self.worst = k, [], 1e9

    def add(self, tokens, sum_logprobs):
        score = sum_logprobs / (len(tokens) ** 1.0)
        if len(self.beams) < self.k or score > self.worst:
            self.beams.append((score, tokens))
            if len(self.beams) > self.k:
                ranked = sorted([(s, i) for i, (s, _) in enumerate(self.beams)])
                del self.beams[ranked[0][1]]
                self.worst = ranked[1][0]
            else:
                self.worst = min(score, self.worst)

    def is_done(self, best_sum_logprobs, cur_len):
        if len(self.beams) < self.k:
            return False
        return self.worst >= best_sum_logprobs / cur_len ** 1.0


def beam_search(p, prompt, k, max_new, prefix=None):
    Tp = len(prompt)
    ids = torch.tensor([prompt] * k)
    scores = torch.zeros(k, dtype=torch.float32)
    scores[1:] = -1e9
    past = None if prefix is None else [(pk.expand(k, -1, -1, -1), pv.expand(k, -1, -1, -1)) for pk, pv in prefix]
    hyps, done, step_input, finished_eos = Hypotheses(k), False, ids, 0
    while True:
        cur_len = ids.size(1)
        logits, past = forward(p, step_input, past)
        cand = torch.log_softmax(logits[:, -1].float(), dim=-1) + scores[:, None]
        top_scores, top_index = torch.topk(cand.view(-1), 2 * k, largest=True, sorted=True)
        beams, tokens, new_scores = [], [], []
        for rank in range(2 * k):
            beam, token, score = int(top_index[rank]) // V, int(top_index[rank]) % V, top_scores[rank]
            if token == EOS:
                if rank >= k:
                    continue
                hyps.add(ids[beam].tolist(), score.item())
                finished_eos += 1
            else:
                beams.append(beam), tokens.append(token), new_scores.append(score)
            if len(beams) == k:
                break
        done = done or hyps.is_done(top_scores.max().item(), cur_len)
        order = torch.tensor(beams)
        scores = torch.stack(new_scores)
        ids = torch.cat([ids[order], torch.tensor(tokens)[:, None]], dim=1)
        past = [(pk[order], pv[order]) for pk, pv in past]
        step_input = torch.tensor(tokens)[:, None]
        if done or ids.size(1) >= Tp + max_new:
            break
    if not done:
        for j in range(k):
            hyps.add(ids[j].tolist(), scores[j].item())
    best_score, best = sorted(hyps.beams, key=lambda b: b[0]).pop()
    if len(best) < Tp + max_new:
        best = best + [EOS]
    return {"tokens": best, "score": best_score, "finished_with_eos": finished_eos}


# ---------------------------------------------------------------- goldens
def main():
    os.makedirs(OUT, exist_ok=True)
    p = init_params()
    plain_gpt2.write_json(os.path.join(OUT, "config.json"), CONFIG, indent=2, sort_keys=True)
    save_safetensors(os.path.join(OUT, "model.safetensors"), p, {"format": "pt"})

    P = 3
    prefix_kv = torch.randn(L, 2, 1, H, P, D)  # [layer, key|value, 1 (broadcast), H, P, D]
    prefix = [(prefix_kv[i, 0], prefix_kv[i, 1]) for i in range(L)]
    g, floats = {"config": "config.json", "prefix_length": P, "eos_token_id": EOS, "cases": {}}, {"prefix_kv": prefix_kv}

    def record(name, ids, labels, mask=None, positions=None, use_prefix=False, grad=False, into="cases", act=gelu_new):
        kv = prefix_kv.clone().requires_grad_(grad)
        past = [(kv[i, 0], kv[i, 1]) for i in range(L)] if use_prefix else None
        logits, _ = forward(p, ids, past, mask, positions, act)
        loss = lm_loss(logits, labels)
        case = {"input_ids": ids.tolist(), "labels": labels.tolist(), "use_prefix": use_prefix, "loss": loss.item(),
                "loss_sum_per_row": per_row_sum_loss(logits, labels).tolist()}
        if mask is not None:
            case["attention_mask"] = mask.tolist()
        if positions is not None:
            case["position_ids"] = positions.tolist()
        floats[name + ".logits"] = logits.detach()
        if grad:
            loss.backward()
            floats[name + ".grad_prefix_kv"] = kv.grad.detach()
        g[into][name] = case

    ids = torch.randint(0, V - 1, (2, 7))
    record("plain", ids, ids.clone())
    record("prefix", ids, ids.clone(), use_prefix=True, grad=True)
    record("prefix_positions_from_zero", ids, ids.clone(), positions=torch.arange(7).expand(2, 7), use_prefix=True)
    rows = [torch.randint(0, V - 1, (n,)).tolist() for n in (7, 4, 2)]
    pids, pmask = left_pad(rows)
    labels = pids.masked_fill(pmask == 0, -100)
    record("padded", pids, labels, pmask, padded_positions(pmask, 0))
    full = torch.cat([torch.ones(3, P, dtype=torch.long), pmask], dim=1)
    record("padded_prefix", pids, labels, full, padded_positions(pmask, P), use_prefix=True, grad=True)

    prompts = [torch.randint(0, V - 1, (n,)).tolist() for n in (5, 3, 1)]
    g["greedy"] = {"prompts": prompts, "max_new_tokens": 12, "padding": "left, eos as pad, positions cumsum(mask)-1 (+P), pads 1",
                   "tokens": greedy(p, prompts, 12), "tokens_with_prefix": greedy(p, prompts, 12, prefix)}
    g["beam"] = {"num_beams": 5, "max_new_tokens": 12, "length_penalty": 1.0, "early_stopping": False, "rows": []}
    for prompt in prompts:
        g["beam"]["rows"].append({"prompt": prompt, "plain": beam_search(p, prompt, 5, 12), "with_prefix": beam_search(p, prompt, 5, 12, prefix)})

    # Last, so that the random draws above (and so every earlier golden) stay as they were.
    g["gelu_exact_cases"] = {}
    record("plain_gelu_exact", ids, ids.clone(), into="gelu_exact_cases", act=F.gelu)
    record("prefix_gelu_exact", ids, ids.clone(), use_prefix=True, grad=True, into="gelu_exact_cases", act=F.gelu)

    plain_gpt2.write_json(os.path.join(OUT, "goldens.json"), g)
    save_safetensors(os.path.join(OUT, "goldens.safetensors"), floats, {"format": "pt", "generated_by": "test/make-fixtures.py"})
    for row in g["beam"]["rows"]:
        print("beam", row["prompt"], row["plain"], row["with_prefix"])
    print("greedy", g["greedy"]["tokens"], g["greedy"]["tokens_with_prefix"])


if __name__ == "__main__":
    main()
