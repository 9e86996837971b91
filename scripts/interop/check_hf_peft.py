"""Checks prefixkit against Hugging Face transformers and PEFT themselves.

Input: a folder written by make-interop-case.ts (expected.json, prefix/, lora/) and the tiny
GPT-2 of the gpt2 goldens (config.json + model.safetensors). It loads the model with
transformers' GPT2LMHeadModel, the prefix and the LoRA with peft's PeftModel, runs the same ids
and prints the largest logit difference of each against prefixkit's, as JSON.
Needs torch, transformers and peft (the lent GPU machine has them; CI does not run this).
Usage: python3 check_hf_peft.py <model-dir> <case-dir>
"""
import json
import sys

import torch
from peft import PeftModel
from transformers import GPT2LMHeadModel

model_dir, case_dir = sys.argv[1], sys.argv[2]
expected = json.load(open(f"{case_dir}/expected.json"))
ids = torch.tensor(expected["ids"])
vocab = expected["vocabSize"]


def max_diff(logits, key):
    ours = torch.tensor(expected[key]).reshape(logits.shape)
    return float((logits - ours).abs().max())


report = {}
with torch.no_grad():
    base = GPT2LMHeadModel.from_pretrained(model_dir, attn_implementation="eager").eval()
    report["base_vs_transformers"] = max_diff(base(ids).logits, "base")
    for key in ("prefix", "lora"):
        fresh = GPT2LMHeadModel.from_pretrained(model_dir, attn_implementation="eager").eval()
        peft_model = PeftModel.from_pretrained(fresh, f"{case_dir}/{key}").eval()
        report[f"{key}_vs_peft"] = max_diff(peft_model(input_ids=ids).logits, key)
report["versions"] = {
    "torch": torch.__version__,
    "transformers": __import__("transformers").__version__,
    "peft": __import__("peft").__version__,
}
print(json.dumps(report, indent=2))
