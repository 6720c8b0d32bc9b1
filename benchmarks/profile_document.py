"""Profile build_document on 60 corpus pads (cProfile, after a warm-up).

Usage: python benchmarks/profile_document.py [tottime|cumtime] [N]
Prints the floor (bare parse), the event-document CPU time and its ratio, then the profile.
"""
import cProfile, pstats, sys, time
from pathlib import Path
from pad_lint.config import Config
from pad_lint.source import Pad
from pad_lint.markdown.view import build_view
from pad_lint.markdown.engine import hedgedoc_markdown
from pad_lint.event.extract import build_document
files = sorted(Path("benchmarks/corpus/pads-1000").glob("*.md"))[::16][:60]
cfg = Config.model_validate({"select": ["ALL"]})
raw = [(f.name, f.read_bytes()) for f in files]
def views():
    return [build_view(Pad.from_bytes(b, path=n)) for n, b in raw]
def run(vs):
    for v in vs:
        build_document(v, cfg)
run(views())
md = hedgedoc_markdown()
t=time.process_time()
for n,b in raw: md.parse(b.decode("utf-8-sig"), {})
floor=time.process_time()-t
vs=views(); t=time.process_time(); run(vs); d=time.process_time()-t
print(f"floor {floor:.3f} doc {d:.3f} ratio {d/floor:.2f}")
vs=views()
pr = cProfile.Profile(); pr.enable(); run(vs); pr.disable()
st = pstats.Stats(pr); st.sort_stats(sys.argv[1] if len(sys.argv)>1 else "tottime").print_stats(int(sys.argv[2]) if len(sys.argv)>2 else 45)
