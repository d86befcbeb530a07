#!/bin/sh
# Score a candidate ner (training/output/<run>/model-best) inside the shipped syntax
# pipeline, without touching the shipped model:  sh training/try_ner.sh ner-B
set -e
RUN=$1
SYN=${2:-src/wiretag/models/en_wiretag_news}
OUT=/tmp/cand-$RUN
PYTHONPATH=src:. python - "$RUN" "$SYN" "$OUT" <<'PY'
import sys, shutil
from pathlib import Path
import spacy, wiretag.nlp
run, syn, out = sys.argv[1:]
nlp = spacy.load(syn)
ner = spacy.load(f"training/output/{run}/model-best")
nlp.remove_pipe("ner")
nlp.add_pipe("ner", source=ner, before="wiretag_entity_types_v1")
if Path(out).exists(): shutil.rmtree(out)
nlp.to_disk(out)
PY
PYTHONPATH=src:. python -m training.evaluate --model $OUT --no-syntax
