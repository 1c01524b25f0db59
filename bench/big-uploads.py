#!/usr/bin/env python3
"""Makes the big uploads of bench/big-uploads.sh: each about SIZE_MB of one shape that has hurt
parsers before. Usage: big-uploads.py DIR SIZE_MB"""
import random
import sys
from pathlib import Path

out, size = Path(sys.argv[1]), int(float(sys.argv[2]) * 1024 * 1024) - 4096
random.seed(1)
WORDS = ("the system keeps every part of the talk short and clear so people can read it later with ease"
         " while the speaker explains why reliable software needs careful thought about failure and retries").split()


def sentence(low, high):
    return " ".join(random.choice(WORDS) for _ in range(random.randint(low, high))).capitalize() + "."


def fill(path, pieces):
    total, parts = 0, []
    for piece in pieces:
        parts.append(piece)
        total += len(piece)
        if total >= size:
            break
    path.write_text("".join(parts))


def timestamp(ms, separator):
    return f"{ms // 3600000:02}:{ms // 60000 % 60:02}:{ms // 1000 % 60:02}{separator}{ms % 1000:03}"


def forever(make):
    i = 0
    while True:
        yield make(i)
        i += 1


fill(out / "one-line.txt", forever(lambda i: sentence(8, 20) + " "))
fill(out / "short-lines.txt", forever(lambda i: sentence(4, 6) + "\n"))
fill(out / "tiny-cues.srt", forever(lambda i: f"{i + 1}\n{timestamp(i * 1000, ',')} --> {timestamp(i * 1000 + 900, ',')}\n"
                                              f"word {i % 97}.\n\n"))
with (out / "tiny-cues.vtt").open("w") as f:
    f.write("WEBVTT\n\n")
    written, i = 9, 0
    while written < size:
        cue = f"{timestamp(i * 1000, '.')} --> {timestamp(i * 1000 + 900, '.')}\nword {i % 97}.\n\n"
        f.write(cue)
        written += len(cue)
        i += 1
fill(out / "nested.md", forever(lambda i: "  " * (i % 200) + "- " + ">" * (i % 50) + " [" + sentence(4, 8) + "](#x)\n"))
