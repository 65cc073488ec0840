#!/usr/bin/env python3
"""Builds the near-duplicate test set from a folder of real wire-text stories.

Every story of the source folder is copied as it is (so the set holds all of them:
unrelated stories, and different stories on the same event, which the news corpus has
plenty of: fifteen on Betsy DeVos's confirmation alone). For a random sample of them
(`--originals`, stories of 120 words or more), 1 to 4 variants are written that real
republication makes, each one or two of:

  headline   a different headline (an outlet's own)
  dateline   a dateline added ("WASHINGTON (AP) --") or, when there is one, removed
  drop       a paragraph dropped (the last, or one in the middle; a story printed as one
             paragraph is cut at sentence ends first)
  append     a paragraph appended (an editor's note, a correction, a credit)
  update     an update: figures in the text changed, "UPDATED" before the headline,
             a sentence added at the top
  html       the story saved as a web page: navigation, a share bar, related stories,
             a newsletter box and a footer around it
  truncate   the story cut to its first 60-80 per cent (a brief, a teaser)

truth.tsv names each file's family (the original's file name): two files are copies
when they are in the same family. Deterministic for a given --seed.

    python3 Scripts/make_dup_set.py SOURCE_DIR OUT_DIR [--originals 400] [--seed 8]
"""
import argparse
import os
import random
import re
import shutil

DATELINES = ["WASHINGTON (AP) --", "NEW YORK (Reuters) -", "LONDON, Feb. 7 (AFP) --",
             "WASHINGTON, Feb. 8 (Xinhua) --", "(CNN) --", "PARIS (AFP) -"]
APPENDS = [
    "This story has been updated to include comment from officials who were not available earlier.",
    "Correction: An earlier version of this article misstated the day of the vote. It was on Tuesday.",
    "Editor's note: Reporters from several bureaus contributed to this report, which was first published "
    "in the morning edition and has been expanded with reactions from across the country.",
    "The Associated Press contributed to this report. Follow our live coverage for more developments "
    "as the story unfolds over the coming days.",
]
HEADLINE_WORDS = ["Report:", "Breaking:", "Analysis:", "Update:", "Watch:", "What to know:"]


def split_story(text):
    """(header lines, headline, paragraphs) of a wire-text story."""
    lines = text.split("\n")
    header = []
    while lines and lines[0].startswith("date "):
        header.append(lines.pop(0))
    headline = lines.pop(0).strip() if lines else ""
    body = "\n".join(lines).strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    if len(paragraphs) < 3:
        # Most stories of the corpus are one long paragraph: cut at sentence ends into
        # paragraphs of about three sentences.
        sentences = re.split(r"(?<=[.!?\"'])\s+(?=[A-Z\"'])", " ".join(paragraphs))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return header, headline, paragraphs


def join_story(header, headline, paragraphs):
    return "\n".join(header + [headline, "", ""]) + "\n\n".join(paragraphs) + "\n"


def html_page(headline, paragraphs, date, rng):
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
                  ["world", "politics", "business", "tech", "sport", "opinion", "video"])
    related = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">Related story number {i} you may have missed</a></li>'
                      for i in range(5))
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{headline} | The Daily Courier</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="The Daily Courier">
<meta property="article:published_time" content="{date}T09:00:00Z">
</head><body>
<header><div class="logo">The Daily Courier</div><nav><ul>{nav}</ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Learn more</a></div></header>
<main><article>
<h1>{headline}</h1>
<div class="byline">By Staff Writer</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
<div class="article-body">
{body}</div>
<aside class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the top stories delivered to your inbox every morning.</p>
<form><input type="email"><button>Subscribe</button></form></aside>
</article>
<section class="related"><h2>More stories</h2><ul>{related}</ul></section></main>
<footer><p>Copyright 2017 The Daily Courier. All rights reserved.</p><ul><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>
"""


def change_figures(paragraphs, rng):
    def bump(m):
        n = int(m.group(0))
        return str(n + rng.randint(1, max(2, n // 5 + 1)))
    out = [re.sub(r"\b\d{1,6}\b", bump, p) for p in paragraphs]
    if out == paragraphs:  # no figure: change a word instead, as an update rewording would
        out = list(paragraphs)
        out[0] = out[0].replace(" said ", " told reporters ", 1)
    return out


def variant(header, headline, paragraphs, kinds, rng):
    """A variant's (text, is_html)."""
    date = header[0][5:].strip() if header else "2017-02-07"
    paragraphs = list(paragraphs)
    is_html = False
    for kind in kinds:
        if kind == "headline":
            words = headline.split()
            rng.shuffle(words)
            headline = rng.choice(HEADLINE_WORDS) + " " + " ".join(words[: max(3, len(words) - 2)])
        elif kind == "dateline":
            m = re.match(r"^[A-Z][A-Za-z .,]*(\([A-Za-z]+\))?\s*[-—]+\s*", paragraphs[0])
            if m and m.end() < 60:
                paragraphs[0] = paragraphs[0][m.end():]
            else:
                paragraphs[0] = rng.choice(DATELINES) + " " + paragraphs[0]
        elif kind == "drop" and len(paragraphs) > 2:
            del paragraphs[rng.choice([len(paragraphs) - 1, len(paragraphs) // 2])]
        elif kind == "append":
            paragraphs.append(rng.choice(APPENDS))
        elif kind == "update":
            paragraphs = change_figures(paragraphs, rng)
            headline = "UPDATED: " + headline
            paragraphs.insert(0, "Officials released new figures on Wednesday, revising the numbers given earlier.")
        elif kind == "truncate":
            words = " ".join(paragraphs).split()
            keep = int(len(words) * rng.uniform(0.6, 0.8))
            paragraphs = [" ".join(words[:keep])]
        elif kind == "html":
            is_html = True
    if is_html:
        return html_page(headline, paragraphs, date, rng), True
    return join_story(header, headline, paragraphs), False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--originals", type=int, default=400)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names = sorted(n for n in os.listdir(args.source) if n.endswith(".txt"))
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "stories"))
    os.makedirs(os.path.join(args.out, "copies"))
    stories = {}
    for name in names:
        with open(os.path.join(args.source, name), encoding="utf-8", errors="replace") as f:
            stories[name] = f.read()
        shutil.copy(os.path.join(args.source, name), os.path.join(args.out, "stories", name))
    truth = [(f"stories/{n}", n) for n in names]
    eligible = [n for n in names if len(stories[n].split()) >= 120]
    chosen = rng.sample(eligible, min(args.originals, len(eligible)))
    kinds = ["headline", "dateline", "drop", "append", "update", "html", "truncate"]
    counts = {k: 0 for k in kinds}
    for n in sorted(chosen):
        header, headline, paragraphs = split_story(stories[n])
        for v in range(rng.randint(1, 4)):
            pick = rng.sample(kinds, rng.choice([1, 1, 2]))
            for k in pick:
                counts[k] += 1
            text, is_html = variant(header, headline, paragraphs, pick, rng)
            stem = n[:-4]
            out = f"copies/{stem}-v{v}-{'+'.join(pick)}.{'html' if is_html else 'txt'}"
            with open(os.path.join(args.out, out), "w", encoding="utf-8") as f:
                f.write(text)
            truth.append((out, n))
    with open(os.path.join(args.out, "truth.tsv"), "w") as f:
        for path, family in truth:
            f.write(f"{path}\t{family}\n")
    copies = len(truth) - len(names)
    print(f"{len(names)} stories, {len(chosen)} of them with {copies} copies in {args.out} "
          f"(variant kinds: {', '.join(f'{k} {c}' for k, c in counts.items())})")


if __name__ == "__main__":
    main()
