"""GPT-2 in plain torch, for the committed scripts that make golden fixtures and PyTorch baselines.

It computes what Hugging Face's GPT2LMHeadModel computes (docs/reference/REFERENCE-SPEC.md "GPT-2 — exact
computation"): Conv1D as addmm, division by a tensor holding sqrt(D), the causal mask by
replacement with finfo.min, an attention mask added as (1 - mask) * finfo.min, gelu_new and a
tied head. The methods follow the paper's code and the spec: prefix keys/values as `past`,
Houlsby adapters, PEFT's LoRA on c_attn, a soft prompt on the input embeddings.

Only Debian's torch is needed (no transformers). Scripts import it with
    sys.path.insert(0, os.path.join(<repo root>, "tooling", "python"))
The fixture scripts that use it regenerate their committed files byte for byte, so any change
here must keep every operation and its order.
"""
import json
import math
import os
import struct

import torch
import torch.nn.functional as F

MIN = torch.finfo(torch.float32).min


def conv1d(x, w, b):
    return torch.addmm(b, x.reshape(-1, x.size(-1)), w).view(*x.shape[:-1], w.size(1))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def split_heads(x, n_head):  # [B,T,C] -> [B,H,T,D]
    return x.view(x.size(0), x.size(1), n_head, x.size(2) // n_head).permute(0, 2, 1, 3)


def layer_count(p):
    return sum(1 for name in p if name.endswith(".ln_1.weight"))


def adapt(h, adapters, at):
    """Houlsby adapter with its residual: h + up(gelu_new(down(h)))."""
    down = F.linear(h, adapters[at + "down.weight"], adapters[at + "down.bias"])
    return h + F.linear(gelu_new(down), adapters[at + "up.weight"], adapters[at + "up.bias"])


def forward(p, ids, n_head, past=None, attention_mask=None, position_ids=None, first_position=None,
            soft_prompt=None, adapters=None, lora=None, lora_scaling=2.0, act=gelu_new, last_only=False):
    """Logits [B, S, V] and the per-layer (key, value) including `past` (HF's presents).

    ids [B,T]; past: L pairs [B or 1,H,P,D]; attention_mask [B,T] or [B,P+T]; position_ids [B,T]
    (default: first_position, or P, counting up, the same for every row); soft_prompt [P',C] goes before the embeddings
    (S = P' + T); adapters: "layers.<i>.attn|mlp.<down|up>.<weight|bias>"; lora:
    "transformer.h.<i>.attn.c_attn.lora_<A|B>.weight". last_only: logits [B, 1, V] of the last position.
    """
    wte, wpe = p["transformer.wte.weight"], p["transformer.wpe.weight"]
    B, T = ids.shape
    C, L = wte.size(1), layer_count(p)
    D = C // n_head
    P = 0 if past is None else past[0][0].size(-2)
    x = wte[ids]
    if soft_prompt is not None:
        x = torch.cat([soft_prompt.unsqueeze(0).expand(B, -1, -1), x], dim=1)
    S = x.size(1)
    if position_ids is None:
        start = P if first_position is None else first_position
        # One row, broadcast over the batch: the gradient into wpe then sums over the batch
        # before the scatter, as in HF (the order of that sum shows in the fixtures' bits).
        position_ids = torch.arange(start, start + S)
    assert int(position_ids.max()) < wpe.size(0)
    x = x + wpe[position_ids]
    ext = None
    if attention_mask is not None:
        mask = attention_mask.float()
        if mask.size(1) == S:
            mask = torch.cat([torch.ones(B, P), mask], dim=1)
        ext = (1.0 - mask[:, None, None, :]) * MIN
    causal = torch.tril(torch.ones(P + S, P + S, dtype=torch.bool))[P:P + S, :].view(1, 1, S, P + S)
    present = []
    for i in range(L):
        h = "transformer.h.%d." % i
        a = F.layer_norm(x, (C,), p[h + "ln_1.weight"], p[h + "ln_1.bias"], 1e-5)
        qkv = conv1d(a, p[h + "attn.c_attn.weight"], p[h + "attn.c_attn.bias"])
        if lora is not None:
            at = h + "attn.c_attn."
            qkv = qkv + F.linear(F.linear(a, lora[at + "lora_A.weight"]), lora[at + "lora_B.weight"]) * lora_scaling
        q, k, v = (split_heads(t, n_head) for t in qkv.split(C, dim=2))
        if past is not None:
            k = torch.cat([past[i][0].expand(B, -1, -1, -1), k], dim=-2)
            v = torch.cat([past[i][1].expand(B, -1, -1, -1), v], dim=-2)
        present.append((k, v))
        w = torch.matmul(q, k.transpose(-1, -2)) / torch.full([], D ** 0.5, dtype=torch.float32)
        w = torch.where(causal, w, torch.full([], MIN, dtype=torch.float32))
        if ext is not None:
            w = w + ext
        w = torch.softmax(w, dim=-1)
        o = conv1d(torch.matmul(w, v).permute(0, 2, 1, 3).reshape(B, S, C), p[h + "attn.c_proj.weight"], p[h + "attn.c_proj.bias"])
        if adapters is not None:
            o = adapt(o, adapters, "layers.%d.attn." % i)
        x = x + o
        m = F.layer_norm(x, (C,), p[h + "ln_2.weight"], p[h + "ln_2.bias"], 1e-5)
        m = conv1d(act(conv1d(m, p[h + "mlp.c_fc.weight"], p[h + "mlp.c_fc.bias"])), p[h + "mlp.c_proj.weight"], p[h + "mlp.c_proj.bias"])
        if adapters is not None:
            m = adapt(m, adapters, "layers.%d.mlp." % i)
        x = x + m
    if last_only:
        x = x[:, -1:]
    x = F.layer_norm(x, (C,), p["transformer.ln_f.weight"], p["transformer.ln_f.bias"], 1e-5)
    return F.linear(x, wte), present


def lm_loss(logits, labels):
    """HF: shift by one, one mean over every counted (!= -100) token of the batch."""
    V = logits.size(-1)
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1), ignore_index=-100)


def prefix_past(r, n_layer, n_head):
    """R [P, 2LC] -> L pairs [1,H,P,D]: view(1,P,2L,H,D).permute(2,0,3,1,4).split(2) (the paper)."""
    D = r.size(1) // (2 * n_layer * n_head)
    kv = r.view(1, r.size(0), 2 * n_layer, n_head, D).permute(2, 0, 3, 1, 4).split(2)
    return [(pair[0], pair[1]) for pair in kv]


def prefix_mlp(t):
    """The paper's reparameterisation: control_trans(wte) = Linear(tanh(Linear(embedding)))."""
    hidden = torch.tanh(F.linear(t["wte.weight"], t["control_trans.0.weight"], t["control_trans.0.bias"]))
    return F.linear(hidden, t["control_trans.2.weight"], t["control_trans.2.bias"])


# ---------------------------------------------------------------- files (REFERENCE-SPEC)
DTYPES = {torch.float32: ("F32", 4, "<f"), torch.int32: ("I32", 4, "<i"), torch.int64: ("I64", 8, "<q")}


def save_safetensors(path, tensors, metadata):
    """Header padded with spaces to 8 bytes; data ordered by (element size desc, name); atomic."""
    names = sorted(tensors, key=lambda n: (-DTYPES[tensors[n].dtype][1], n))
    header, offset, chunks = {"__metadata__": metadata}, 0, []
    for name in names:
        tensor = tensors[name].detach().contiguous()
        dtype, size, code = DTYPES[tensor.dtype]
        data = struct.pack("<%d%s" % (tensor.numel(), code[1]), *tensor.flatten().tolist())
        header[name] = {"dtype": dtype, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        chunks.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
    os.replace(path + ".tmp", path)


def write_json(path, value, indent=1, sort_keys=False):
    """JSON with a final newline, written to a temporary name and renamed."""
    with open(path + ".tmp", "w") as f:
        json.dump(value, f, indent=indent, sort_keys=sort_keys)
        f.write("\n")
    os.replace(path + ".tmp", path)
