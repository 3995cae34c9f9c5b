"""The first pass: which rules could match a sentence, judged from its words alone.

Each pattern gives a trigger: word sets that must all be present and, for token patterns and
phrases, the order they must come in and how far apart they may be. Distances are counted in
whitespace-separated chunks: a spaCy token never spans whitespace, so two tokens n tokens
apart are at most n chunks apart, and the check never rejects a sentence a pattern matches.
Nothing here imports spaCy.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from lint.engine.internals import number_words as spacy_number_words
from lint.engine.internals import python_regex_parser, tokenizer_exceptions

# Words as the first pass sees them: runs of letters or of digits, and "%" and "+". spaCy's
# tokenizer splits inside such a run only at a letter-digit change or by one of its exceptions
# ("don't" → do + n't, "cannot" → can + not), which ``Splits`` adds back.
_WORD = re.compile(r"[a-z]+|[0-9]+|[%+]")
# Stands for a number-like token (LIKE_NUM, IS_DIGIT): any digit, or any character outside
# ASCII, which may be a digit elsewhere in Unicode.
NUMBER = "#"
_NUMBER_RUN = re.compile("[0-9\x80-\U0010ffff]+")
_SYMBOLS = ("%", "+")
# The same words, found faster on bytes: everything but letters (or but digits) becomes a
# space, and splitting on spaces gives the runs.
_ONLY_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_ONLY_DIGITS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))

# Words too common to index a trigger under: a trigger is indexed under a rarer word set if it can be.
FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been being am
    it its this that these those there their they we you your our my me he she his her them
    has have had do does did can will would should could may might must not no n t s so
    very all any some more most than then also just only which who what when where how why
    + %""".split()
)
# Words of a dependency pattern further apart than this many chunks are not worth a parse.
DEPENDENCY_REACH = 8
# Token attributes whose values are words: the token's own text, or (NORM) its norm, which
# need not stand in the text, so the first pass only trusts the others.
SURFACE_KEYS = ("LOWER", "ORTH", "TEXT")
LITERAL_KEYS = (*SURFACE_KEYS, "NORM")
_REQUIRED_OPS = (None, "1", "+")
_MAX_PAIRS = 64  # a trigger is indexed under word pairs when its two rarest sets give no more


def words_of(text: str) -> list[str]:
    """The first-pass words of a lower-cased text."""
    return _WORD.findall(text)


# A word spaCy splits, and the words of its pieces with their offsets in it.
Splits = dict[str, tuple[tuple[int, str], ...]]


@cache
def tokenizer_splits() -> Splits:
    """Words that spaCy's English tokenizer exceptions split ("don" of "don't" → do + n).

    Read from spaCy when the rulebook is compiled, never while linting."""
    splits: dict[str, set[tuple[int, str]]] = {}
    for text, pieces in tokenizer_exceptions():
        parts = []
        offset = 0
        for piece in pieces:
            orth = piece.lower()
            parts += [(m.start() + offset, m.group()) for m in _WORD.finditer(orth)]
            offset += len(orth)
        for whole in _WORD.finditer(text.lower()):
            start, end = whole.span()
            inside = [(at - start, w) for at, w in parts if start <= at < end]
            if inside != [(0, whole.group())]:
                splits.setdefault(whole.group(), set()).update(inside)
    return {word: tuple(sorted(parts)) for word, parts in splits.items()}


_T = TypeVar("_T")


@dataclass(frozen=True)
class Link:
    """One required word of an ordered trigger: a word of ``words``, at most ``reach``
    chunks after the previous link's word (None: anywhere after it)."""

    words: frozenset[str]
    reach: int | None


@dataclass(frozen=True)
class Trigger:
    """What the first pass needs to see before a pattern can match.

    A word of every set in ``words``; the ``chain`` of links in order and within reach; and
    for a dependency pattern, a word of every set in ``near`` within DEPENDENCY_REACH chunks
    of a word of its first set (the pattern's root).
    """

    words: tuple[frozenset[str], ...]
    chain: tuple[Link, ...] = ()
    near: tuple[frozenset[str], ...] = ()

    def requiring(self, words: frozenset[str]) -> Trigger:
        """The same trigger, also requiring one of these words anywhere in the sentence."""
        return Trigger((*self.words, words), self.chain, self.near)

    def shared(self) -> Trigger:
        """The same trigger built from one object per distinct word set and link.

        Twenty thousand triggers repeat a few thousand word sets and links; sharing them
        makes the compiled rulebook a third smaller and quicker to load.
        """
        return _shared(
            Trigger(
                tuple(_shared(words) for words in self.words),
                tuple(_shared(Link(_shared(link.words), link.reach)) for link in self.chain),
                tuple(_shared(words) for words in self.near),
            )
        )


_SHARED: dict = {}


def _shared(value: _T) -> _T:
    """The one object kept for values equal to ``value``."""
    return _SHARED.setdefault(value, value)


def phrase_trigger(phrase: str) -> Trigger:
    """Every word of the phrase, in order; between two of them at most as many tokens as
    there are other characters. A word spaCy may split constrains nothing."""
    splits = tokenizer_splits()
    links = []
    position = 0
    anywhere = True  # the next link may be any distance after the previous one
    for word in _WORD.finditer(phrase.lower()):
        between = phrase[position : word.start()]
        position = word.end()
        if word.group() in splits:
            anywhere = True
            continue
        reach = None if anywhere else len("".join(between.split())) + 1
        links.append(Link(frozenset([word.group()]), reach))
        anywhere = False
    words = tuple(dict.fromkeys(link.words for link in links))
    return Trigger(words, tuple(links))


def token_trigger(tokens: list[dict]) -> Trigger:
    """The pattern's required tokens that have literal words, in order, with the most tokens
    the pattern allows between them."""
    links: list[Link] = []
    gap = 0.0  # tokens since the last link
    for token in tokens:
        op = token.get("OP")
        words = _literal_words(token) if op in _REQUIRED_OPS else None
        if words is None:
            gap += _most_repeats(op)
            continue
        reach = None if not links or op == "+" or math.isinf(gap) else int(gap) + 1
        links.append(Link(words, reach))
        gap = 0.0
    return Trigger(tuple(dict.fromkeys(link.words for link in links)), tuple(links))


def dependency_trigger(nodes: list[dict]) -> Trigger:
    """A word of every node that has literal words, all near the root's."""
    words = tuple(w for w in (_literal_words(n["RIGHT_ATTRS"]) for n in nodes) if w is not None)
    return Trigger(words, near=words)


def _literal_words(token: dict) -> frozenset[str] | None:
    """The words one of which a token matching this spec contains, or None if any token may."""
    for key in SURFACE_KEYS:
        value = token.get(key)
        if value is None:
            continue
        if isinstance(value, dict) and "REGEX" in value:
            if _regex_needs_number(value["REGEX"]):
                return frozenset([NUMBER])
            continue
        values = value["IN"] if isinstance(value, dict) and "IN" in value else [value]
        parts = [words_of(v.lower()) if isinstance(v, str) else [] for v in values]
        if values and all(parts):
            # A value like "well-being" is present when its longest word is.
            return frozenset(max(p, key=len) for p in parts)
    if token.get("IS_DIGIT") is True:
        return frozenset([NUMBER])
    if token.get("LIKE_NUM") is True:
        return number_words()
    return None


def _regex_needs_number(pattern: str) -> bool:
    """Whether every match of the regular expression has a digit (Unicode digits are outside
    ASCII: the first pass sees both as NUMBER). False when unsure."""
    try:
        return _needs_number(python_regex_parser().parse(pattern))
    except Exception:  # RE2 syntax Python does not read: no constraint
        return False


def _needs_number(items) -> bool:
    return any(_item_needs_number(str(op), value) for op, value in items)


def _item_needs_number(op: str, value) -> bool:
    if op == "LITERAL":
        return _is_number_code(value)
    if op == "IN":
        return bool(value) and all(_member_is_number(str(o), v) for o, v in value)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, _, items = value
        return least >= 1 and _needs_number(items)
    if op == "SUBPATTERN":
        return _needs_number(value[-1])
    if op == "ATOMIC_GROUP":
        return _needs_number(value)
    if op == "BRANCH":
        return all(_needs_number(branch) for branch in value[1])
    return False


def _member_is_number(op: str, value) -> bool:
    """A member of a character class that only matches digits."""
    if op == "LITERAL":
        return _is_number_code(value)
    if op == "RANGE":
        return value[0] >= 48 and value[1] <= 57
    return op == "CATEGORY" and str(value) == "CATEGORY_DIGIT"


def _is_number_code(code: int) -> bool:
    return 48 <= code <= 57


@cache
def number_words() -> frozenset[str]:
    """What an English LIKE_NUM token contains: a digit, or a number word ("ten", "third")."""
    return frozenset([NUMBER, *spacy_number_words()])


def _rarity(words: frozenset[str]) -> tuple[int, int, int]:
    """Sort key for a trigger's word sets, rarest-looking first: fewest function words,
    fewest words, longest shortest word."""
    return (len(words & FUNCTION_WORDS), len(words), -min(map(len, words)))


def _most_repeats(op: str | None) -> float:
    """How many tokens a pattern token with this operator can take at most."""
    if op in (None, "1", "!", "?"):
        return 1
    if op in ("*", "+"):
        return math.inf
    counts = op.strip("{}").split(",")
    return math.inf if counts[-1] == "" else int(counts[-1])


class TriggerIndex:
    """The triggers of all rules, indexed so that a sentence is checked only against the
    triggers whose two rarest-looking word sets it has a word of.

    A sentence's words are looked up as bytes: twice as fast as looking them up as text.
    """

    def __init__(self, triggers: Iterable[tuple[str, Trigger]]):
        # Each trigger, with the word sets the index has not already checked.
        self._triggers: list[tuple[str, Trigger, tuple[frozenset[bytes], ...]]] = []
        self._by_word: dict[bytes, list[int]] = {}  # triggers indexed under one word
        self._by_pair: dict[tuple[bytes, bytes], list[int]] = {}  # ... under two words
        always = set()
        words: set[str] = set()
        encoded: dict[frozenset[str], frozenset[bytes]] = {}  # one copy of each word set
        for rule_id, trigger in dict.fromkeys(triggers):
            if not trigger.words:
                always.add(rule_id)
                continue
            words.update(*trigger.words)
            index = len(self._triggers)
            first, *rest = [
                encoded.setdefault(ws, _encoded(ws)) for ws in sorted(trigger.words, key=_rarity)
            ]
            if rest and len(first) * len(rest[0]) <= _MAX_PAIRS:
                for pair in itertools.product(first, rest[0]):
                    self._by_pair.setdefault(pair, []).append(index)
                rest = rest[1:]
            else:
                for word in first:
                    self._by_word.setdefault(word, []).append(index)
            self._triggers.append((rule_id, trigger, tuple(rest)))
        seconds: dict[bytes, set[bytes]] = {}
        for word, other in self._by_pair:
            seconds.setdefault(word, set()).add(other)
        self._second = {word: frozenset(others) for word, others in seconds.items()}
        self._always = frozenset(always)
        self._splits: Splits = {
            word: kept
            for word, parts in tokenizer_splits().items()
            if (kept := tuple(p for p in parts if p[1] in words))
        }
        self._parts = {
            word.encode(): _encoded(p for _, p in parts) for word, parts in self._splits.items()
        }
        self._splittable = frozenset(self._parts)
        self._wanted = _encoded(words) | self._splittable  # the words the first pass looks for
        self._symbols = [(symbol, symbol.encode()) for symbol in _SYMBOLS if symbol in words]
        self._numbers = NUMBER in words
        self._keys = frozenset(self._by_word) | frozenset(self._second)

    def present(self, lowered: str) -> frozenset[str]:
        """The trigger words a lower-cased sentence has, with the parts of words spaCy splits:
        the trigger words among ``words_of(lowered)`` and their parts."""
        return _decoded(self._present(lowered))

    def rules_for(self, lowered: str) -> frozenset[str]:
        """Ids of the rules some pattern of which could match this lower-cased sentence."""
        return self._rules(lowered, self._present(lowered))

    def select(self, lowered: str) -> tuple[frozenset[str], frozenset[str]]:
        """``rules_for(lowered)`` and, when there are any, ``present(lowered)``."""
        present = self._present(lowered)
        rules = self._rules(lowered, present)
        return rules, _decoded(present) if rules else frozenset()

    def _present(self, lowered: str) -> frozenset[bytes]:
        data = lowered.encode("ascii", "replace")  # any other character separates words
        digits = data.translate(_ONLY_DIGITS).split()
        present = self._wanted.intersection(data.translate(_ONLY_LETTERS).split())
        if digits:
            present |= self._wanted.intersection(digits)
        for symbol, encoded in self._symbols:
            if symbol in lowered:
                present |= {encoded}
        for word in present & self._splittable:
            present |= self._parts[word]
        if self._numbers and (digits or not lowered.isascii()):
            present |= {_NUMBER_BYTES}
        return present

    def _indexed(self, present: frozenset[bytes]) -> list[int]:
        """The triggers indexed under the sentence's words."""
        by_word, by_pair, second = self._by_word, self._by_pair, self._second
        indices: list[int] = []
        for word in present.intersection(self._keys):
            indices += by_word.get(word, ())
            if word in second:
                for other in present.intersection(second[word]):
                    indices += by_pair[word, other]
        return indices

    def _rules(self, lowered: str, present: frozenset[bytes]) -> frozenset[str]:
        indices = self._indexed(present) if present else ()
        if not indices:
            return self._always
        found = set(self._always)
        where: _Positions | None = None
        triggers = self._triggers
        for index in indices:
            rule_id, trigger, unchecked = triggers[index]
            if rule_id in found or (
                unchecked and any(present.isdisjoint(words) for words in unchecked)
            ):
                continue
            if trigger.chain or trigger.near:
                if where is None:
                    where = _Positions(lowered, _decoded(present), self._splits)
                if not _in_order(where, trigger.chain):
                    continue
                if trigger.near and not _near(where, trigger.near):
                    continue
            found.add(rule_id)
        return frozenset(found)


_NUMBER_BYTES = NUMBER.encode()


def _encoded(words: Iterable[str]) -> frozenset[bytes]:
    return frozenset(word.encode() for word in words)


def _decoded(words: frozenset[bytes]) -> frozenset[str]:
    return frozenset(word.decode() for word in words)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")


class _Positions:
    """Where the words of one sentence occur, each found when first asked for, as
    (character offset, chunk number) pairs in order."""

    def __init__(self, text: str, present: frozenset[str], splits: Splits):
        self._text = " ".join(text.split())
        self._present = present
        self._found: dict[str, list[tuple[int, int]]] = {}
        self._parts: dict[str, list[tuple[str, int]]] = {}  # part → the words it is in
        for whole in present.intersection(splits):
            for offset, part in splits[whole]:
                self._parts.setdefault(part, []).append((whole, offset))

    def of(self, words: frozenset[str]) -> list[tuple[int, int]]:
        return sorted(at for word in words & self._present for at in self._word(word))

    def _word(self, word: str) -> list[tuple[int, int]]:
        if word not in self._found:
            found = self._find(word)
            for whole, offset in self._parts.get(word, ()):
                found += [(at + offset, chunk) for at, chunk in self._find(whole)]
            self._found[word] = found
        return self._found[word]

    def _find(self, word: str) -> list[tuple[int, int]]:
        """Whole-word occurrences: not inside a longer run of letters or of digits."""
        text = self._text
        if word == NUMBER:
            return [(m.start(), text.count(" ", 0, m.start())) for m in _NUMBER_RUN.finditer(text)]
        kind = _LETTERS if word[0] in _LETTERS else _DIGITS if word[0] in _DIGITS else ()
        found = []
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or text[at - 1] not in kind) and (
                end == len(text) or text[end] not in kind
            ):
                found.append((at, text.count(" ", 0, at)))
            at = text.find(word, at + 1)
        return found


def _in_order(where: _Positions, chain: tuple[Link, ...]) -> bool:
    """Words of every link occur in order, each within its reach of the one before."""
    previous: list[tuple[int, int]] | None = None
    for link in chain:
        current = where.of(link.words)
        if previous is not None:
            current = _after(previous, current, link.reach)
        if not current:
            return False
        previous = current
    return True


def _after(
    previous: list[tuple[int, int]], current: list[tuple[int, int]], reach: int | None
) -> list[tuple[int, int]]:
    """The occurrences in ``current`` after one in ``previous`` and at most ``reach`` chunks
    from it; both lists are in order, so the nearest previous one is the last before it."""
    if reach is None:
        first = previous[0][0]
        return [(at, chunk) for at, chunk in current if at > first]
    kept = []
    last = -1  # index of the last previous occurrence before the current one
    for at, chunk in current:
        while last + 1 < len(previous) and previous[last + 1][0] < at:
            last += 1
        if last >= 0 and chunk - previous[last][1] <= reach:
            kept.append((at, chunk))
    return kept


def _near(where: _Positions, sets: tuple[frozenset[str], ...]) -> bool:
    """A word of the first set has a word of every other set within DEPENDENCY_REACH chunks."""
    chunks = [[chunk for _, chunk in where.of(words)] for words in sets]
    return any(
        all(any(abs(c - root) <= DEPENDENCY_REACH for c in others) for others in chunks[1:])
        for root in chunks[0]
    )
