#!/usr/bin/env bash
# Regenerate assets/fonts/NotoSansCJKsc-Regular.otf — the one face the printed forms embed —
# and check it against assets/fonts/SHA256SUMS.
#
# Source: Debian's fonts-noto-cjk (1:20220127+repack1-1, bookworm), NotoSansCJK-Regular.ttc,
# face index 2 = "Noto Sans CJK SC" (Simplified Chinese, Hangul, Latin). The face is copied out
# of the collection unchanged with fontTools (tables not touched are copied byte for byte;
# recalcTimestamp=False keeps head.modified, so the file is reproducible).
#
#   scripts/fetch-font.sh          extract (installing the Debian/PyPI packages if missing) and verify
#   scripts/fetch-font.sh --check  only verify the committed file
set -euo pipefail
cd "$(dirname "$0")/.."

TTC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
OUT=assets/fonts/NotoSansCJKsc-Regular.otf
FACE=2

if [[ "${1:-}" != "--check" ]]; then
  if [[ ! -f "$TTC" ]]; then
    echo "installing fonts-noto-cjk (Debian) ..." >&2
    apt-get install -y fonts-noto-cjk >&2 || { apt-get update >&2 && apt-get install -y fonts-noto-cjk >&2; }
  fi
  if ! python3 -c 'import fontTools' 2>/dev/null; then
    echo "installing fonttools (PyPI) ..." >&2
    pip install fonttools >&2
  fi
  python3 - "$TTC" "$FACE" "$OUT" <<'PY'
import sys
from fontTools.ttLib import TTFont
src, face, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
font = TTFont(src, fontNumber=face, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
name = font["name"].getDebugName(4)
if name != "Noto Sans CJK SC":
    sys.exit(f"face {face} of {src} is {name!r}, not 'Noto Sans CJK SC'")
font.save(out, reorderTables=False)
PY
fi

(cd assets/fonts && sha256sum --check --strict SHA256SUMS)
