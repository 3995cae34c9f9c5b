"""An edit of a parsed sentence, and the plan of word changes it is built from."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from lint.engine.rewrite.grammar import article_for, keeps_capital

_PARTS = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Edit:
    """A rewrite of the parse-text characters [start, end): each piece (start, end, text)
    inside it is replaced, and everything else in the region is kept as it is."""

    start: int
    end: int
    pieces: tuple[tuple[int, int, str], ...]
    safe: bool

    def changed_words(self, doc: Doc) -> set[int]:
        """The indices of the words of ``doc`` (the parsed sentence) that a piece rewrites."""
        return {t.i for t in doc if any(a <= t.idx < b for a, b, _ in self.pieces)}

    @classmethod
    def between(cls, before: str, after: str, safe: bool) -> Edit:
        """The edit that turns one text into the other, a piece for each changed run of
        words (so that markup between them stays out of every piece)."""
        old, new = _PARTS.findall(before), _PARTS.findall(after)
        offsets = [0]
        for part in old:
            offsets.append(offsets[-1] + len(part))
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        pieces = tuple(
            (offsets[i1], offsets[i2], "".join(new[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        )
        return cls(pieces[0][0], pieces[-1][1], pieces, safe)

    def apply(self, sentence: str) -> str:
        """The whole sentence (the parsed text the edit was made on) with the edit applied."""
        return (
            sentence[: self.start]
            + self.text(sentence[self.start : self.end])
            + sentence[self.end :]
        )

    def source_offset(self, offset: int) -> int | None:
        """Where a character of the rewritten sentence was in the original one, or None
        when it is inside a replaced piece."""
        shift = 0
        for start, end, new in sorted(self.pieces):
            if offset < start + shift:
                break
            if offset < start + shift + len(new):
                return None
            shift += len(new) - (end - start)
        return offset - shift

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where a run [start, end) of the rewritten sentence was in the original one, or
        None when the edit changed any of it."""
        first, last = self.source_offset(start), self.source_offset(end - 1)
        if first is None or last != first + end - start - 1:
            return None
        return first, last + 1

    def with_word_changed(self, start: int, end: int, change: Callable[[str], str]) -> Edit:
        """The edit with the word at [start, end) of its result changed, where a piece of
        the edit wrote it ("… and eases" → "… and ease")."""
        shift = 0
        pieces = []
        for piece_start, piece_end, new in sorted(self.pieces):
            at = piece_start + shift
            shift += len(new) - (piece_end - piece_start)
            if at <= start and end <= at + len(new):
                new = new[: start - at] + change(new[start - at : end - at]) + new[end - at :]
            pieces.append((piece_start, piece_end, new))
        return Edit(self.start, self.end, tuple(pieces), self.safe)

    def merged(self, then: Edit) -> Edit:
        """One edit with this edit's pieces and those of ``then`` that do not overlap them."""
        pieces = list(self.pieces)
        for piece in then.pieces:
            if all(piece[1] <= p[0] or p[1] <= piece[0] for p in self.pieces):
                pieces.append(piece)
        pieces.sort()
        return Edit(pieces[0][0], pieces[-1][1], tuple(pieces), self.safe and then.safe)

    def with_pieces(self, more: tuple[tuple[int, int, str], ...]) -> Edit:
        """The edit with more pieces (outside its own)."""
        pieces = tuple(sorted(self.pieces + more))
        return Edit(min(self.start, pieces[0][0]), max(self.end, pieces[-1][1]), pieces, self.safe)

    def text(self, original: str) -> str:
        """The region's new text, given the region's original text."""
        out, cursor = [], self.start
        for start, end, new in sorted(self.pieces):
            out += [original[cursor - self.start : start - self.start], new]
            cursor = end
        out.append(original[cursor - self.start :])
        return "".join(out)


@dataclass(frozen=True)
class Op:
    """Word changes that belong together: token index → new text ("" deletes the word)."""

    pieces: dict[int, str]
    safe: bool
    name: str = ""


@dataclass
class Plan:
    """The word changes of one sentence, collected claim by claim.

    A later change never overrides an earlier one on the same word; ``edit`` turns the
    changes (all of them, or the safe ones) into one ``Edit`` with capitals and articles
    that agree with the new words.
    """

    doc: Doc
    ops: list[Op] = field(default_factory=list)
    advice_only: bool = False  # a claim that only its writer can fix: the sentence stays

    def taken(self) -> set[int]:
        return {i for op in self.ops for i in op.pieces}

    def free(self, indices) -> bool:
        taken = self.taken()
        return not any(i in taken for i in indices)

    def add(self, pieces: dict[int, str], safe: bool, name: str = "") -> bool:
        """Add the changes unless one of their words is already changed."""
        if not pieces or not self.free(pieces):
            return False
        self.ops.append(Op(dict(pieces), safe, name))
        return True

    def new_text(self, index: int, safe_only: bool = False) -> str | None:
        for op in self.ops:
            if index in op.pieces and (op.safe or not safe_only):
                return op.pieces[index]
        return None

    def edit(self, safe_only: bool) -> Edit | None:
        """One edit with every change (or only the safe ones); None when there is none."""
        ops = [op for op in self.ops if op.safe or not safe_only]
        words: dict[int, str] = {}
        for op in ops:
            words.update(op.pieces)
        if not words:
            return None
        self._capitals(words)
        self._articles(words)
        self._commas(words)
        return _edit(self.doc, words, all(op.safe for op in ops))

    def _commas(self, words: dict[int, str]) -> None:
        """A comma left before the end of the sentence by the words deleted after it goes
        too ("calm and peaceful, completely naturally." → "calm and peaceful."), as does one
        left between a noun's modifiers ("individualized, scientifically proven medical
        devices" → "individualized medical devices")."""
        doc = self.doc
        for token in doc:
            if token.text != "," or token.i in words:
                continue
            index = token.i + 1
            while index in words and not words[index].strip():
                index += 1
            if index == token.i + 1:
                continue
            if (
                index >= len(doc)
                or doc[index].text in _CLOSING
                or _within_a_noun(doc, token.i, index)
            ):
                words[token.i] = ""

    def _capitals(self, words: dict[int, str]) -> None:
        """A sentence that started with a capital still does."""
        doc = self.doc
        first = next((t for t in doc if not t.is_punct and not t.is_space), None)
        if first is None or first.text[:1].islower():
            return
        for token in doc[first.i :]:
            new = words.get(token.i, token.text)
            if not new.strip() or not any(c.isalpha() for c in new):
                continue
            if not new[:1].isupper() and new[:1].isalpha():
                words[token.i] = new[:1].upper() + new[1:]
            return

    def _articles(self, words: dict[int, str]) -> None:
        """An "a"/"an" that was kept agrees with the word that now follows it."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in ("a", "an") or token.i in words:
                continue
            following = next(
                (
                    words.get(t.i, t.text)
                    for t in doc[token.i + 1 :]
                    if words.get(t.i, t.text).strip()
                ),
                None,
            )
            if following is None or not (token.i + 1 in words or _starts_changed(words, token)):
                continue
            wanted = article_for(following.lstrip(), token.text[:1].isupper())
            if wanted.lower() != token.lower_:
                words[token.i] = wanted


def _starts_changed(words: dict[int, str], token) -> bool:
    """The words right after an article were deleted, so another word now follows it."""
    index = token.i + 1
    while index in words and not words[index].strip():
        index += 1
    return index != token.i + 1


_OPENING = frozenset("([{“‘")
# What ends a sentence or a part of it, where no comma may stand before it.
_CLOSING = frozenset(".!?;:)]}")


def _edit(doc: Doc, words: dict[int, str], safe: bool) -> Edit:
    """Token changes as character pieces: a deleted run takes one space with it."""
    parts: list[tuple[int, int, str]] = []
    indices = sorted(words)
    position = 0
    while position < len(indices):
        index = indices[position]
        token = doc[index]
        new = words[index]
        if new:
            if (
                new[0] not in "'’"
                and token.text[0] in "'’"
                and index
                and not doc[index - 1].whitespace_
            ):
                new = " " + new  # "it's" → "it may be"
            parts.append((token.idx, token.idx + len(token), new))
            position += 1
            continue
        last = index  # a run of deleted words
        while (
            position + 1 < len(indices)
            and indices[position + 1] == last + 1
            and not words[last + 1]
        ):
            position += 1
            last += 1
        position += 1
        start, end = token.idx, doc[last].idx + len(doc[last])
        if index > 0 and not doc[index - 1].whitespace_:
            if doc[index - 1].text in _OPENING and doc[last].whitespace_:
                end += len(doc[last].whitespace_)  # "(totally painless)" → "(painless)"
            # otherwise a word stuck to the one before ("85%"): its space stays
        elif doc[last].whitespace_ and (
            last + 1 >= len(doc) or not doc[last + 1].is_punct or index == 0
        ):
            end += len(doc[last].whitespace_)
        elif index > 0 and doc[index - 1].whitespace_:
            start = doc[index - 1].idx + len(doc[index - 1])
        elif doc[last].whitespace_:
            end += len(doc[last].whitespace_)
        parts.append((start, end, ""))
    return Edit(min(p[0] for p in parts), max(p[1] for p in parts), tuple(parts), safe)


def opens_its_part(token) -> bool:
    """The word opens the sentence, or the part after a label's colon or a dash."""
    return token.i == 0 or token.doc[token.i - 1].text in (":", "–", "—", "|")


def lowered(token) -> str:
    """The word as it reads inside a sentence (a capital only where it belongs)."""
    if keeps_capital(token) or not opens_its_part(token):
        return token.text  # not the capital of a word that opens the sentence or its part
    return token.text[:1].lower() + token.text[1:]


def _within_a_noun(doc, comma: int, kept: int) -> bool:
    """The comma at ``comma`` followed an adjective, and the words after it up to ``kept``
    were modifiers of the noun that follows them ("highly individualized, scientifically
    proven medical devices")."""
    after = doc[kept]
    noun = after if after.dep_ not in ("amod", "compound", "nmod") else after.head
    before = doc[comma - 1] if comma else None
    if noun.pos_ not in ("NOUN", "PROPN") or before is None or before.tag_ not in ("JJ", "VBN"):
        return False  # the words before it are an adjective, of this noun or its verb's
    return all(t in noun.subtree and t.i < noun.i for t in doc[comma + 1 : kept])
