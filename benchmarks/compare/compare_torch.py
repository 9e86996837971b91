#!/usr/bin/python3
"""PyTorch side of the prefixkit-vs-PyTorch comparison (benchmarks/compare/compare.ts).

Reads one case as JSON on stdin, runs it with the plain-torch GPT-2 of tooling/python/plain_gpt2.py
(what Hugging Face's GPT2LMHeadModel computes) on the checkpoint directory the case names
(config.json + model.safetensors, the same files prefixkit loads), and prints JSON: the repetition
times in milliseconds and, for decoding, the generated tokens. Medians and ratios are computed by
the caller, the same way for both sides.

Kinds of case (fields beside `kind`, `model`, `warmup`, `reps`):
  decode  prompts [[ids]], newTokens, numBeams: greedy or beam search with a KV cache, eos banned
          for all newTokens (min = max new tokens, as HF min_new_tokens), beam search by
          docs/reference/REFERENCE-SPEC.md "Beam search" (length_penalty 1, early_stopping=False,
          full-length normalisation). Each repetition times a 1-token run (the prompt pass) and a
          newTokens run, as the prefixkit side does.
  train   ids, labels [[...]], prefixLength, midDim, learningRate: one prefix-tuning optimiser
          step (MLP reparameterisation, frozen GPT-2, mean token loss, clip_grad_norm_ 1.0, AdamW).
  mixed   ids [[...]], prefixLength: forward of a batch whose rows each have their own prefix
          keys/values, against the same batch with one shared prefix (torch.no_grad).

  /usr/bin/python3 benchmarks/compare/compare_torch.py --device cpu < case.json
Flags: --device cpu|cuda; --threads N (default: every core, as lavapipe uses); --precisions f32,bf16-autocast runs the case once per precision in this
one process (bf16-autocast: under torch.autocast(bfloat16)); TF32 stays off, so f32 runs are full
f32 like prefixkit's WGSL kernels. Prints {torch, device, deviceName, threads, runs: [{precision,
...times}]}.
"""
import argparse
import contextlib
import functools
import json
import math
import os
import struct
import sys
import time

import torch
import torch.nn.functional as F

# No __pycache__ beside plain_gpt2.py: the tree stays clean (it travels to a lent GPU as it is).
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tooling", "python"))
from plain_gpt2 import forward, lm_loss, prefix_mlp, prefix_past  # noqa: E402

SAFETENSORS_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


def load_checkpoint(directory, device):
    """config.json and model.safetensors (HF layout) -> (config dict, {name: f32 tensor})."""
    with open(os.path.join(directory, "config.json")) as f:
        config = json.load(f)
    with open(os.path.join(directory, "model.safetensors"), "rb") as f:
        data = bytearray(f.read())
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_length])
    base = 8 + header_length
    parameters = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = SAFETENSORS_DTYPES.get(info["dtype"])
        if dtype is None:
            raise SystemExit("%s: tensor %s: unsupported dtype %s" % (directory, name, info["dtype"]))
        start, end = info["data_offsets"]
        count = (end - start) // torch.tensor([], dtype=dtype).element_size()
        values = torch.frombuffer(data, dtype=dtype, count=count, offset=base + start)
        parameters[name] = values.view(info["shape"]).to(device=device, dtype=torch.float32, copy=True)
    return config, parameters


class Clock:
    """Wall time in ms, waiting for queued CUDA work first so each time covers the whole run."""

    def __init__(self, device):
        self.cuda = device == "cuda"

    def now(self):
        if self.cuda:
            torch.cuda.synchronize()
        return time.perf_counter() * 1000.0


# ---------------------------------------------------------------- decoding
def greedy(p, prompts, new_tokens, config, device):
    H, eos = config["n_head"], config.get("eos_token_id")
    logits, past = forward(p, torch.tensor(prompts, device=device), H)
    chosen = []
    for step in range(new_tokens):
        scores = logits[:, -1, :].float()
        if eos is not None:  # min_new_tokens = new_tokens: eos stays banned
            scores[:, eos] = -math.inf
        token = scores.argmax(dim=-1)
        chosen.append(token)
        if step + 1 == new_tokens:
            break
        logits, past = forward(p, token[:, None], H, past=past)
    return torch.stack(chosen, dim=1).tolist()


class Hypotheses:
    """Finished hypotheses of one row (REFERENCE-SPEC "Beam search", rules 4-6)."""

    def __init__(self, beams, length_penalty):
        self.beams, self.length_penalty, self.entries, self.worst = beams, length_penalty, [], 1e9

    def add(self, tokens, sum_logprobs):
        score = sum_logprobs / len(tokens) ** self.length_penalty
        if len(self.entries) < self.beams or score > self.worst:
            self.entries.append((tokens, score))
            if len(self.entries) > self.beams:
                # Drop the lowest (the earliest added among equals); worst becomes the next lowest.
                ranked = sorted(range(len(self.entries)), key=lambda k: (self.entries[k][1], k))
                self.worst = self.entries[ranked[1]][1]
                del self.entries[ranked[0]]
            else:
                self.worst = min(score, self.worst)

    def is_done(self, best_sum_logprobs, current_length):
        return len(self.entries) >= self.beams and self.worst >= best_sum_logprobs / current_length ** self.length_penalty

    def best(self):
        best = self.entries[0]
        for entry in self.entries:
            if entry[1] >= best[1]:
                best = entry
        return best


def beam_search(p, prompts, new_tokens, beams, config, device):
    H, V = config["n_head"], config["vocab_size"]
    eos = config.get("eos_token_id")
    eos_ids = [] if eos is None else [eos]
    K, B, prompt_length = beams, len(prompts), len(prompts[0])
    logits, past = forward(p, torch.tensor(prompts, device=device), H)
    # The prompt runs once per row; its cache is copied to the row's K beams.
    copies = torch.arange(B, device=device).repeat_interleave(K)
    past = [(k[copies], v[copies]) for k, v in past]
    last = logits[:, -1, :][copies]
    rows = [[list(prompt) for _ in range(K)] for prompt in prompts]
    scores = torch.tensor([[0.0] + [-1e9] * (K - 1)] * B, device=device)
    hypotheses = [Hypotheses(K, 1.0) for _ in range(B)]
    done = [False] * B
    for generated in range(new_tokens):
        logprobs = F.log_softmax(last.float(), dim=-1)
        if eos_ids:  # min_new_tokens = new_tokens: eos stays banned
            logprobs[:, eos_ids] = -math.inf
        candidates = (logprobs + scores.view(-1, 1)).view(B, K * V)
        top_scores, top_indices = candidates.topk(2 * K, dim=1)
        top_scores, top_indices = top_scores.tolist(), top_indices.tolist()
        order, next_tokens, next_scores = [], [], []
        for row in range(B):
            if done[row]:
                order += [row * K + j for j in range(K)]
                next_tokens += [eos_ids[0] if eos_ids else 0] * K
                next_scores += [0.0] * K
                continue
            live = []
            for rank, (score, flat) in enumerate(zip(top_scores[row], top_indices[row])):
                if len(live) == K:
                    break
                beam, token = divmod(flat, V)
                if token in eos_ids:
                    if rank < K:
                        hypotheses[row].add(rows[row][beam], score)
                    continue
                live.append(rows[row][beam] + [token])
                order.append(row * K + beam)
                next_tokens.append(token)
                next_scores.append(score)
            done[row] = hypotheses[row].is_done(top_scores[row][0], prompt_length + generated)
            rows[row] = live
        scores = torch.tensor(next_scores, device=device).view(B, K)
        if all(done) or generated + 1 >= new_tokens:
            break
        index = torch.tensor(order, device=device)
        past = [(k[index], v[index]) for k, v in past]
        logits, past = forward(p, torch.tensor(next_tokens, device=device)[:, None], H, past=past)
        last = logits[:, -1, :]
    results = []
    final_scores = scores.tolist()
    for row in range(B):
        if not done[row]:
            for j, tokens in enumerate(rows[row]):
                hypotheses[row].add(tokens, final_scores[row][j])
        results.append(hypotheses[row].best()[0][prompt_length:])
    return results


def run_decode(case, p, config, device, clock, autocast):
    prompts, new_tokens, beams = case["prompts"], case["newTokens"], case["numBeams"]

    def decode(count):
        with torch.no_grad(), autocast():
            if beams > 1:
                return beam_search(p, prompts, count, beams, config, device)
            return greedy(p, prompts, count, config, device)

    for _ in range(case["warmup"]):
        decode(new_tokens)
    prompt_ms, total_ms, tokens = [], [], None
    for _ in range(case["reps"]):
        start = clock.now()
        decode(1)
        middle = clock.now()
        tokens = decode(new_tokens)
        end = clock.now()
        prompt_ms.append(middle - start)
        total_ms.append(end - middle)
    return {"promptMs": prompt_ms, "totalMs": total_ms, "tokens": tokens}


# ---------------------------------------------------------------- training and mixed prefixes
def run_train(case, base, config, device, clock, autocast):
    L, H, C = config["n_layer"], config["n_head"], config["n_embd"]
    P, M, W = case["prefixLength"], case["midDim"], 2 * L * C
    ids = torch.tensor(case["ids"], device=device)
    labels = torch.tensor(case["labels"], device=device)
    generator = torch.Generator().manual_seed(1)

    def uniform(fan_in, *shape):
        return ((torch.rand(*shape, generator=generator) * 2 - 1) / math.sqrt(fan_in)).to(device)

    trainable = {"wte.weight": torch.randn(P, C, generator=generator).to(device),
                 "control_trans.0.weight": uniform(C, M, C), "control_trans.0.bias": uniform(C, M),
                 "control_trans.2.weight": uniform(M, W, M), "control_trans.2.bias": uniform(M, W)}
    parameters = [t.requires_grad_(True) for t in trainable.values()]
    optimizer = torch.optim.AdamW(parameters, lr=case["learningRate"], weight_decay=0.0)

    def step():
        optimizer.zero_grad(set_to_none=True)
        with autocast():
            past = prefix_past(prefix_mlp(trainable), L, H)
            loss = lm_loss(forward(base, ids, H, past=past)[0].float(), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()

    for _ in range(case["warmup"]):
        step()
    step_ms = []
    for _ in range(case["reps"]):
        start = clock.now()
        step()
        step_ms.append(clock.now() - start)
    return {"stepMs": step_ms}


def run_mixed(case, base, config, device, clock, autocast):
    L, H, C = config["n_layer"], config["n_head"], config["n_embd"]
    P = case["prefixLength"]
    ids = torch.tensor(case["ids"], device=device)
    B, T = ids.shape
    generator = torch.Generator().manual_seed(2)
    prefixes = [torch.randn(P, 2 * L * C, generator=generator).to(device) for _ in range(B)]
    # Row b's keys/values [1, H, P, D] per layer, stacked over the batch -> [B, H, P, D].
    own = [prefix_past(r, L, H) for r in prefixes]
    mixed_past = [(torch.cat([kv[i][0] for kv in own]), torch.cat([kv[i][1] for kv in own])) for i in range(L)]
    shared_past = own[0]
    # As prefixkit's mixed forward: a mask over prefix slots + tokens, positions from P on.
    mask = torch.ones(B, P + T, device=device)
    positions = torch.arange(P, P + T, device=device).expand(B, T)

    # A serving prefill: next-token logits of the last position only, as prefixkit's side.
    def single():
        forward(base, ids, H, past=shared_past, last_only=True)

    def mixed():
        forward(base, ids, H, past=mixed_past, attention_mask=mask, position_ids=positions, last_only=True)

    times = {"singleMs": [], "mixedMs": []}
    with torch.no_grad(), autocast():
        for _ in range(case["warmup"]):
            single()
            mixed()
        # Interleaved, so drift in the machine's load affects both alike.
        for _ in range(case["reps"]):
            for key, run in (("singleMs", single), ("mixedMs", mixed)):
                start = clock.now()
                run()
                times[key].append(clock.now() - start)
    return times


RUNNERS = {"decode": run_decode, "train": run_train, "mixed": run_mixed}
# f32 is full f32 (TF32 off, like prefixkit's WGSL kernels); bf16 autocast is for the record.
AUTOCAST = {
    "f32": lambda device: contextlib.nullcontext(),
    "bf16-autocast": lambda device: torch.autocast(device_type=device, dtype=torch.bfloat16),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--precisions", default="f32", help="comma-separated: f32, bf16-autocast")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="CPU threads (default: every core)")
    args = parser.parse_args()
    precisions = args.precisions.split(",")
    for precision in precisions:
        if precision not in AUTOCAST:
            raise SystemExit("--precisions: expected f32 or bf16-autocast, got %r" % precision)
    case = json.load(sys.stdin)
    torch.set_num_threads(args.threads)
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    device = args.device
    if device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("--device cuda: torch.cuda.is_available() is False")
    config, parameters = load_checkpoint(case["model"], device)
    runs = []
    # One process for every precision: torch's import and the checkpoint's load happen once.
    for precision in precisions:
        torch.manual_seed(1)
        autocast = functools.partial(AUTOCAST[precision], device)
        result = RUNNERS[case["kind"]](case, parameters, config, device, Clock(device), autocast)
        runs.append({"precision": precision, **result})
    print(json.dumps({
        "torch": torch.__version__,
        "device": device,
        "deviceName": torch.cuda.get_device_name() if device == "cuda" else "cpu",
        "threads": torch.get_num_threads(),
        "runs": runs,
    }))


if __name__ == "__main__":
    main()
