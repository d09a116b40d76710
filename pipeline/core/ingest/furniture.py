"""Page furniture: lines that belong to the website or the PDF layout, not to the article.

The rules are data (`furniture.yaml` in the reference folder), read through the rulebook, which
checks the file's keys and their shapes, then compiled and checked here (`furniture_rules`): a typo in
a regex, a pattern that backtracks without bound or an unknown field of a rule fails loudly instead
of silently letting menus through to the extractors.
Every rule looks at one line (or one repaired paragraph) at a time and is capped by a word count,
so a real sentence that mentions cookies or copyright survives. A few rules also mark the end of the
article ("Ends/...", "NNNN", "Media enquiries"), after which the clean-up drops the footer whatever its
shape (`clean.cut_site_footer`).
"""
from __future__ import annotations

import re
import re._parser as sre_parse  # the standard library's regex parser: the structure of a rule's pattern
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from pipeline.core.reference import RULE_FILES, ReferenceDataError, Rulebook, derived

FURNITURE_FILE = "furniture.yaml"  # in the reference folder
SCOPES = ("line", "paragraph", "both")
_DEFAULT_MAX_WORDS = 25
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_TERMINAL_END = re.compile(r"[.!?。！？;；:：,，]$")


@dataclass(frozen=True)
class LineRule:
    name: str
    pattern: re.Pattern[str]
    max_words: int
    scope: str
    ends_article: bool


@dataclass(frozen=True)
class SeparatorRule:
    name: str
    separators: re.Pattern[str]
    min_items: int
    max_item_words: int
    item_pattern: re.Pattern[str]


@dataclass(frozen=True)
class FurnitureRules:
    line_rules: tuple[LineRule, ...]
    strip_prefixes: re.Pattern[str] | None  # one prefix; strip_affixes removes them one after another
    strip_suffixes: re.Pattern[str] | None  # any run of suffixes at the line end
    separator_rules: tuple[SeparatorRule, ...]
    menu_labels: re.Pattern[str] | None
    leading_max_words: int
    trailing_max_words: int
    connectors: frozenset[str]
    line_min_cjk_ratio: float
    document_max_cjk_ratio: float


def _fail(message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{FURNITURE_FILE}: {message}")


_SINGLE_CHARACTER = frozenset({sre_parse.LITERAL, sre_parse.NOT_LITERAL, sre_parse.ANY, sre_parse.IN})


def repeat_problem(pattern: str) -> str | None:
    r"""Why `pattern` would be slow or wrong on a long line, or None: it must not repeat a group without bound
    unless the repeat is possessive, and a possessive repeat must not hold a capturing group.

    A backtracking repeat of a group (`(...)*`, `(...){2,}`) keeps one frame per repetition until the match
    ends, however it ends: on a line of a million characters `(\[?(large|...)\]? ?){2,}` took a gigabyte.
    A repeated single character (`\s*`, `[^)]+`) keeps none, and a possessive repeat (`*+`, `{2,}+`) drops
    them as it goes; but Python 3.11 mis-tracks a capturing group inside a possessive repeat (SystemError).
    """
    problems: list[str] = []

    def walk(node: Any, possessive: bool) -> None:
        if isinstance(node, sre_parse.SubPattern):
            for op, arg in node:
                if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
                    _, high, body = arg
                    if high == sre_parse.MAXREPEAT and not (len(body) == 1 and body[0][0] in _SINGLE_CHARACTER):
                        problems.append("repeats a group without bound; make the repeat possessive ('*+', '++', "
                                        "'{2,}+'): a backtracking one takes memory for every repetition")
                elif op is sre_parse.SUBPATTERN and possessive and arg[0] is not None:
                    problems.append("has a capturing group inside a possessive repeat; use '(?:...)'")
                walk(arg, possessive or op is sre_parse.POSSESSIVE_REPEAT)
        elif isinstance(node, (tuple, list)):
            for item in node:
                walk(item, possessive)

    walk(sre_parse.parse(pattern), False)
    return problems[0] if problems else None


def _regex(where: str, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(f"{where}: pattern must be a non-empty string")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise _fail(f"{where}: bad regex {pattern!r}: {exc}") from exc
    problem = repeat_problem(pattern)
    if problem:
        raise _fail(f"{where}: {pattern!r} {problem}")
    return compiled


def _keys(where: str, item: Any, required: set[str], optional: set[str] = frozenset()) -> dict:
    if not isinstance(item, dict):
        raise _fail(f"{where}: expected a mapping")
    missing, unknown = required - item.keys(), item.keys() - required - optional
    if missing or unknown:
        raise _fail(f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    return item


def _positive_int(where: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _fail(f"{where}: expected a positive integer, got {value!r}")
    return value


def _ratio(where: str, value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
        raise _fail(f"{where}: expected a number between 0 and 1, got {value!r}")
    return float(value)


def _strings(where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(f"{where}: expected a list of non-empty strings")
    return value


def _affixes(key: str, value: Any, anchor: str) -> re.Pattern[str] | None:
    """Alternatives of `strip_prefixes` as one regex (matched at the line start, once per prefix), or of
    `strip_suffixes` as one regex for a run of them at the line end (searched in a window of SUFFIX_WINDOW
    characters, so its backtracking state stays small)."""
    patterns = _strings(key, value or [])
    for n, pattern in enumerate(patterns):
        _regex(f"{key}[{n}]", pattern)
    if not patterns:
        return None
    alternatives = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"(?:{alternatives})" if anchor == "start" else f"(?:{alternatives})+$", re.IGNORECASE)


@derived
def furniture_rules(rules: Rulebook) -> FurnitureRules:
    """The rulebook's furniture rules, compiled and checked once per rulebook; ReferenceDataError names the rule."""
    return compile_furniture_rules(rules.rules_file(FURNITURE_FILE))


def compile_furniture_rules(data: dict) -> FurnitureRules:
    """Furniture rules from the mapping of `furniture.yaml` (its keys and their shapes already checked)."""
    data = _keys("top level", data, set(RULE_FILES[FURNITURE_FILE]))

    rules = []
    for n, item in enumerate(data["line_rules"] or []):
        item = _keys(f"line_rules[{n}]", item, {"name", "pattern"}, {"max_words", "scope", "ends_article"})
        where = f"line rule {item['name']!r}"
        scope = item.get("scope", "both")
        if scope not in SCOPES:
            raise _fail(f"{where}: scope must be one of {SCOPES}, got {scope!r}")
        ends_article = item.get("ends_article", False)
        if not isinstance(ends_article, bool):
            raise _fail(f"{where}: ends_article must be true or false, got {ends_article!r}")
        max_words = _positive_int(where, item.get("max_words", _DEFAULT_MAX_WORDS))
        rules.append(LineRule(item["name"], _regex(where, item["pattern"]), max_words, scope, ends_article))

    separators = []
    for n, item in enumerate(data["separator_rules"] or []):
        item = _keys(f"separator_rules[{n}]", item,
                     {"name", "separators", "min_items", "max_item_words", "item_pattern"})
        where = f"separator rule {item['name']!r}"
        chars = _strings(where, item["separators"])
        separators.append(SeparatorRule(item["name"], re.compile("|".join(map(re.escape, chars))),
                                        _positive_int(where, item["min_items"]),
                                        _positive_int(where, item["max_item_words"]),
                                        _regex(where, item["item_pattern"])))

    labels = _strings("menu_labels", data["menu_labels"] or [])
    label_re = None
    if labels:
        alternatives = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
        label = rf"[\[【]?(?:{alternatives})[\]】]?"
        # Labels joined by a separator, a single space or nothing between brackets ("[Print][Close]"); no
        # nested optional spaces, which backtrack exponentially on a long line, and a possessive repeat,
        # which keeps no state per label (see repeat_problem).
        label_re = re.compile(rf"{label}(?:(?: ?[|/·•,] ?| |(?<=[\]】])(?=[\[【])){label})*+ ?[:：]?",
                              re.IGNORECASE)

    edge = _keys("edge_labels", data["edge_labels"], {"leading_max_words", "trailing_max_words", "connectors"})
    script = _keys("foreign_script", data["foreign_script"], {"line_min_cjk_ratio", "document_max_cjk_ratio"})
    return FurnitureRules(
        line_rules=tuple(rules),
        strip_prefixes=_affixes("strip_prefixes", data["strip_prefixes"], "start"),
        strip_suffixes=_affixes("strip_suffixes", data["strip_suffixes"], "end"),
        separator_rules=tuple(separators),
        menu_labels=label_re,
        leading_max_words=_positive_int("edge_labels.leading_max_words", edge["leading_max_words"]),
        trailing_max_words=_positive_int("edge_labels.trailing_max_words", edge["trailing_max_words"]),
        connectors=frozenset(c.lower() for c in _strings("edge_labels.connectors", edge["connectors"])),
        line_min_cjk_ratio=_ratio("foreign_script.line_min_cjk_ratio", script["line_min_cjk_ratio"]),
        document_max_cjk_ratio=_ratio("foreign_script.document_max_cjk_ratio", script["document_max_cjk_ratio"]),
    )


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among the non-space characters."""
    # Counted by the regex engine and str.split (the same whitespace as str.isspace), not per character.
    chars = "".join(text.split())
    return len(_CJK.findall(chars)) / len(chars) if chars else 0.0


SUFFIX_WINDOW = 300  # characters at the end of a line where a glued suffix is looked for


def strip_affixes(line: str, rules: FurnitureRules) -> str:
    """Remove furniture glued to a line of real content: a skip link before it, a wire end mark after it.

    The prefixes are matched at the start only, one after another (a repeated group would keep state for
    every repetition), and the suffixes are searched for in the last SUFFIX_WINDOW characters only:
    searching a long paragraph for an end-anchored pattern from every position was a tenth of all parsing time.
    """
    if rules.strip_prefixes:
        start = 0
        while (m := rules.strip_prefixes.match(line, start)) and m.end() > start:
            start = m.end()
        line = line[start:].strip()
    if rules.strip_suffixes:
        m = rules.strip_suffixes.search(line, max(0, len(line) - SUFFIX_WINDOW))
        line = (line[:m.start()] if m else line).strip()
    return line


def _separated_items(line: str, rule: SeparatorRule) -> bool:
    parts = rule.separators.split(line)
    items = [p.strip() for p in parts if p.strip()]
    return (len(parts) - 1 >= rule.min_items - 1 and len(items) >= rule.min_items
            and all(len(i.split()) <= rule.max_item_words and rule.item_pattern.match(i) for i in items))


def _line_rule(text: str, rules: FurnitureRules, scope: str, *, own_only: bool = False) -> LineRule | None:
    """The first line rule of `scope` (and of both scopes, unless `own_only`) that matches the stripped text."""
    scopes = (scope,) if own_only else (scope, "both")
    words = len(text.split())
    return next((rule for rule in rules.line_rules if rule.scope in scopes and words <= rule.max_words
                 and rule.pattern.search(text)), None)


def furniture_rule(line: str, rules: FurnitureRules, *, scope: str, cjk_document: bool = False) -> str | None:
    """The name of the rule that marks `line` as furniture, or None when it is content.

    `scope` is "line" for physical lines before hard-wrap repair and "paragraph" after it.
    """
    text = line.strip()
    if not text:
        return None
    rule = _line_rule(text, rules, scope)
    return rule.name if rule else _shape_rule(text, rules, cjk_document)


def paragraph_furniture(paragraph: str, rules: FurnitureRules, *, cjk_document: bool,
                        content_lines: Collection[str]) -> str | None:
    """`furniture_rule(paragraph, scope="paragraph")`, given the (stripped) lines that `line_furniture` found to
    be content. A paragraph that is one of those lines (nearly all are: few lines are wrapped) is tested
    against the paragraph rules alone: the rules of both scopes and the shape rules gave nothing for that text."""
    text = paragraph.strip()
    if text and text in content_lines:
        rule = _line_rule(text, rules, "paragraph", own_only=True)
        return rule.name if rule else None
    return furniture_rule(paragraph, rules, scope="paragraph", cjk_document=cjk_document)


def _shape_rule(text: str, rules: FurnitureRules, cjk_document: bool) -> str | None:
    """The furniture rules that look at a stripped line's shape rather than its words."""
    for sep_rule in rules.separator_rules:
        if _separated_items(text, sep_rule):
            return sep_rule.name
    if rules.menu_labels and rules.menu_labels.fullmatch(text):
        return "menu_label"
    if not cjk_document and cjk_ratio(text) >= rules.line_min_cjk_ratio:
        return "foreign_script"
    return None


def line_furniture(line: str, rules: FurnitureRules, *, cjk_document: bool = False) -> tuple[str | None, bool]:
    """`furniture_rule(line, scope="line")`, and whether the line closes the article ("Ends/...", "NNNN",
    "Media enquiries:"; what follows is the site footer): the line rules run once per line."""
    text = line.strip()
    rule = _line_rule(text, rules, "line")
    ends = bool(rule and rule.ends_article)
    if rule or not text:
        return (rule.name if rule and text else None), ends
    return _shape_rule(text, rules, cjk_document), ends


def is_edge_label(line: str, max_words: int, rules: FurnitureRules) -> bool:
    """A short Title-Case line with no digits and no final punctuation: a menu entry or section label."""
    words = line.split()
    if not 1 <= len(words) <= max_words or any(c.isdigit() for c in line) or _TERMINAL_END.search(line):
        return False
    if any(c in line for c in "()[]\"“”"):
        return False
    letters = [w for w in words if w.lower() not in rules.connectors]
    return bool(letters) and all(w[0].isupper() for w in letters)


def strip_edge_labels(paragraphs: list[str], rules: FurnitureRules) -> list[str]:
    """Drop section labels above the headline and the menu block under the last paragraph."""
    start = 0
    while start < len(paragraphs) - 1 and is_edge_label(paragraphs[start], rules.leading_max_words, rules):
        start += 1
    end = len(paragraphs)
    while end > start + 1 and is_edge_label(paragraphs[end - 1], rules.trailing_max_words, rules):
        end -= 1
    return paragraphs[start:end]
