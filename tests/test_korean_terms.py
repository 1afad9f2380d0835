"""The Korean edition says one thing with one word: the glossary (``ko/glossary.md``) and
COURSE.md's "one word for one thing" rules, held over every Korean chapter (its markdown cells)
and every Korean page (``ko/*.md``).

The rules are data at the top of this file:

* ``FORBIDDEN``: a variant the edition does not use, with the form it uses instead;
* ``FIRST_USE``: a term whose first use in a chapter carries its English, ``한국어(English)``, as
  the glossary asks ("각 장에서 용어가 처음 나올 때는 한국어(English)로 함께 적고");
* ``INTRODUCED``: the term a chapter is about, which it must introduce;
* ``GLOSSED``: the glossary's terms written with their English (디컨브넷(deconvnet)): with it on
  their first use in a chapter, bare afterwards (the glossary's rule);
* source quotes: a Korean phrase in double quotes is the source's words, character for character
  (``../shared/sources/``), unless ``NOT_QUOTES`` lists it as the book's own words in quotes;
* an exercise never calls its auto-check 검사: it is the 자동 확인 셀 (how_to_use).

Code (fenced blocks and inline code), math and link targets are not prose and are left out.
Every hit is reported by chapter or page, cell index and the snippet around it.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# (variant, preferred form, why). A variant is a regular expression over the prose.
FORBIDDEN = [
    (r"네트워크", "신경망", "network is 신경망 (COURSE.md)"),
    (r"가중치\s*배치|배치\s*\(\s*(?:weight\s+)?layout", "가중치 레이아웃",
     "배치 is batch only; a weight's axis order is 가중치 레이아웃 (COURSE.md)"),
    (r"루프", "반복문", "loop is 반복문 (COURSE.md)"),
    (r"(?<![A-Za-z])Python(?![A-Za-z])", "파이썬", "Python is 파이썬 in prose (COURSE.md)"),
    (r"손익\s*관계|상충\s*관계|트레이드\s*오프", "맞바꿈", "trade-off is 맞바꿈"),
    (r"강좌|(?<!대)강의(?!\s*노트)", "이 책",
     "the course is 이 책 (COURSE.md); 강의 노트 is source 000 and stays"),
    (r"검사\s*함수|검사\s*코드|(?<!자동\s)확인\s*셀|채점하는\s*셀", "자동 확인 셀",
     "an exercise's auto-check is its 자동 확인 셀 (how_to_use)"),
    (r"(?<![\d.,])[1-9]\s*장(?!씩)", "07장",
     "chapter numbers are zero-padded as in the folder names (COURSE.md)"),
    (r"(?<![\d.,])\d{1,2}\s*[~～〜\-−—]\s*\d{1,2}\s*(?:장|개)", "an en dash (–)",
     "ranges take an en dash, as in COURSE.md's 09–16장"),
    (r"(?<![\d.,])[1-9]\s*–\s*\d{1,2}\s*장", "09–16장",
     "both ends of a chapter range are zero-padded (COURSE.md)"),
    (r"바이큐빅", "쌍삼차 보간", "bicubic interpolation is 쌍삼차 보간 (glossary)"),
    (r"리사이즈\s+합성곱|크기\s*조정\s*(?:후|뒤)\s*합성곱|크기\s*조정-합성곱", "리사이즈-합성곱",
     "resize-convolution is 리사이즈-합성곱 (glossary)"),
    (r"(?<![\w.])0\s*삽입|제로삽입", "제로 삽입", "zero insertion is 제로 삽입 (glossary)"),
    (r"인코더–디코더", "인코더-디코더", "encoder–decoder is 인코더-디코더, with a hyphen"),
    (r"크기\s*조절|크기를\s*조절", "크기 조정", "resizing is 크기 조정 (chapter 15's word)"),
    (r"요약\s*(?:문서|자료)", "요약 노트", "source 004 is 요약 노트, as source 000 is 강의 노트"),
    (r"원문", "원본 자료", "the sources are 원본 자료, as every chapter's 다루는 원본 says"),
    (r"리키\s*ReLU", "LeakyReLU", "LeakyReLU keeps its name (glossary)"),
]

# Quotations of the sources, which keep the sources' words (none uses a variant today).
QUOTED = ["네트워크 구조에 해당함", "저수준 이미지 공간으로 복원하는 네트워크"]

# (term, English its first use in a chapter carries, uses of the word that are another term or
# another sense and do not count). Headings are not a first use: the paragraph under them is.
FIRST_USE = [
    ("생성기", "generator", r"난수 생성기"),
    ("역전파", "backprop|backward", r"유도 역전파"),
    # slope, not gradient: a line's, a kernel's derivative (chapter 15), LeakyReLU's
    ("기울기", "gradient", r"선의 기울기|에서 (?:양쪽 )?기울기|\s의 기울기|쪽 기울기"),
    ("오토인코더", "autoencoder", r""),
    ("슬라이딩 윈도", "sliding window", r""),
    ("합성곱 행렬", "convolution matrix", r""),
    ("제로 삽입", "zero insertion", r""),
    ("리사이즈-합성곱", "resize-convolution", r""),
    ("쌍삼차 보간", "bicubic", r""),
]

# The glossary's terms whose Korean column carries their English (ko/glossary.md): the English on
# the first use in a chapter, never again after it. (term, English, other senses of the letters)
GLOSSED = [
    ("디컨브넷", "deconvnet", r""),
    ("투영", "projection", r"투영(?:하|한|해|했|할|함|된|되)"),  # the verb: 픽셀까지 투영합니다
    ("훅", "hook", r""),
    ("배치 정규화", "batch normalization", r""),
    ("현저성 맵", "saliency map", r""),
    ("가림 민감도", "occlusion sensitivity", r""),
    ("기여도", "attribution", r""),
    ("건전성 검사", "sanity check", r""),
    ("시맨틱 분할", "semantic segmentation", r""),
    ("수반", "adjoint", r"수반하|수반되"),
    ("원사이클", "one-cycle", r""),
    ("팽창", "dilation", r""),
]

# The book's own words in double quotes, which quote no source: a name, a claim it tests, a
# reader's question. Any other Korean phrase in double quotes must be in ../shared/sources/.
NOT_QUOTES = {"텐트", "텐트(tent)", "스위치(switch)", "분수 스트라이드", "2층", "크기 조정",
              "쌍삼차", "최대", "진짜", "다루는 원본", "어느 픽셀이 바뀌면 점수가 바뀔까?",
              "FSRCNN이 ESPCN을 이긴다", "전치 합성곱이 서브픽셀 합성곱을 이긴다",
              "강의 노트 000의 …, 요약 노트 004의 §3.2"}  # how_to_use: what an opening cites

# The term a chapter is about, which it introduces (COURSE.md's curriculum).
INTRODUCED = {"07_conv_as_matrix": "합성곱 행렬(convolution matrix)"}

CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
PAGES = sorted(p.name for p in (ROOT / "ko").glob("*.md"))


def _prose(text, quotes=False):
    """The prose of a markdown text: code, math, directive options and link targets blanked
    out, keeping offsets, so that a snippet still shows the text around a hit; the sources' quotes
    that use a variant (``QUOTED``) blanked too, unless ``quotes``."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    text = re.sub(r"(?ms)^(```|~~~).*?^\1[^\n]*$", blank, text)  # fenced code
    text = re.sub(r"(?m)^:[\w-]+:.*$", blank, text)  # directive options (:class: ...)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]+\$", blank, text, flags=re.S)  # math
    text = re.sub(r"\{doc\}`([^`<]*)(<[^`]*>)?`", lambda m: " " * 6 + m.group(1) + " " * len(
        m.group(2) or "") + " ", text)  # {doc}`text <target>`: the text is prose
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", blank, text)  # {cite:p}`key` and other roles
    text = re.sub(r"`[^`]+`", blank, text)  # inline code
    text = re.sub(r"https?://\S+", blank, text)
    for quote in QUOTED if not quotes else ():
        text = text.replace(quote, " " * len(quote))
    return text


def _cells(chapter, quotes=False):
    """(index, prose) for each markdown cell of a chapter's Korean notebook, read afresh."""
    with open(ROOT / "chapters" / chapter / "ko.ipynb", encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    return [(i, _prose("".join(c["source"]), quotes)) for i, c in enumerate(cells)
            if c["cell_type"] == "markdown"]


def _snippet(text, start, end, width=25):
    return "…" + " ".join(text[max(0, start - width):end + width].split()) + "…"


def _forbidden(where, texts):
    """Each use of a forbidden variant in [(label, prose)], as one line of the report."""
    hits = []
    for label, text in texts:
        for variant, preferred, why in FORBIDDEN:
            for m in re.finditer(variant, text):
                at = label if label is not None else f"line {text.count(chr(10), 0, m.start()) + 1}"
                hits.append(f"{where} [{at}]: {_snippet(text, m.start(), m.end())} "
                            f"— '{m.group(0)}': use {preferred} ({why})")
    return hits


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_korean_chapter_uses_the_glossary_words(chapter):
    hits = _forbidden(chapter[:2], _cells(chapter))
    assert not hits, "\n" + "\n".join(hits)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_korean_chapters_alt_texts_use_the_glossary_words(chapter):
    """What a screen reader reads for a figure (its cell's "alt" metadata) is Korean prose too."""
    with open(ROOT / "chapters" / chapter / "ko.ipynb", encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    texts = [(f"cell {i} alt", alt) for i, c in enumerate(cells)
             for alt in c["metadata"].get("alt", [])]
    hits = _forbidden(chapter[:2], texts)
    assert texts and not hits, "\n" + "\n".join(hits)


@pytest.mark.parametrize("page", PAGES)
def test_a_korean_page_uses_the_glossary_words(page):
    text = (ROOT / "ko" / page).read_text(encoding="utf-8")
    hits = _forbidden(f"ko/{page}", [(None, _prose(text))])
    assert not hits, "\n" + "\n".join(hits)


def _uses(cells, term, other):
    """(cell index, match, prose) for each use of ``term`` in reading order, headings left out
    (a heading is not a first use: the paragraph under it is), other senses too."""
    uses = []
    for index, text in cells:
        text = re.sub(r"(?m)^#.*$", lambda m: " " * len(m.group(0)), text)
        others = [o.span() for o in re.finditer(other, text)] if other else []
        word = r"\s+".join(map(re.escape, term.split()))  # a line may break inside a term
        uses += [(index, m, text) for m in re.finditer(word, text)
                 if not any(a <= m.start() < b for a, b in others)]
    return uses


def _glossed(text, m, english, exactly=False):
    """Whether the use ``m`` of a term in ``text`` carries its English: 투영(projection),
    순방향 훅(forward hook), 팽창(dilation, d); ``exactly``: the term's own English alone, as
    in 훅(hook) but not in 전체 역방향 훅(full backward hook), which glosses another term."""
    after = re.sub(r"\s+", " ", text[m.end():m.end() + 80])
    gloss = rf"\(\s*(?:{english})\s*[,)]" if exactly else rf"\(\s*[^()]*?\b(?:{english})"
    return re.match(rf"\**\s?{gloss}", after, re.I) is not None


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_korean_chapter_glosses_a_term_where_it_first_uses_it(chapter):
    cells = _cells(chapter)
    misses = []
    for term, english, other in FIRST_USE + GLOSSED:
        uses = _uses(cells, term, other)
        if uses and not _glossed(uses[0][2], uses[0][1], english):
            index, m, text = uses[0]
            misses.append(f"{chapter[:2]} [{index}]: {_snippet(text, m.start(), m.end())} — first "
                          f"use of '{term}': write {term}({english.split('|')[0]}…)")
    assert not misses, "\n" + "\n".join(misses)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_korean_chapter_glosses_a_term_once_and_then_writes_it_bare(chapter):
    cells = _cells(chapter)
    repeats = [f"{chapter[:2]} [{index}]: {_snippet(text, m.start(), m.end())} — '{term}' "
               f"carries its English again: after its first use it is written bare"
               for term, english, other in GLOSSED
               for index, m, text in _uses(cells, term, other)[1:]
               if _glossed(text, m, english, exactly=True)]
    assert not repeats, "\n" + "\n".join(repeats)


def _flat(text):
    """Text as compared for a quote: markdown emphasis dropped, all whitespace one space."""
    return " ".join(re.sub(r"\*\*|__", "", text).split())


SOURCES = _flat(" ".join(p.read_text(encoding="utf-8")
                         for p in sorted((ROOT.parent / "shared" / "sources").glob("*.txt"))))


def _misquotes(where, texts):
    """Each Korean phrase in double quotes in [(label, prose)] that is neither the sources' words
    nor listed in ``NOT_QUOTES``."""
    hits = []
    for label, text in texts:
        for m in re.finditer(r'"([^"]+)"|“([^”]+)”', text):
            quote = _flat(m.group(1) or m.group(2))
            if re.search("[가-힣]", quote) and quote not in NOT_QUOTES and quote not in SOURCES:
                hits.append(f"{where} [{label}]: \"{quote}\" is not in ../shared/sources/: quote "
                            "a source word for word, or list the book's own words in NOT_QUOTES")
    return hits


@pytest.mark.skipif(not SOURCES, reason="../shared/sources/ is not beside the repository")
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_korean_chapter_quotes_a_source_word_for_word(chapter):
    hits = _misquotes(chapter[:2], _cells(chapter, quotes=True))
    assert not hits, "\n" + "\n".join(hits)


@pytest.mark.skipif(not SOURCES, reason="../shared/sources/ is not beside the repository")
@pytest.mark.parametrize("page", PAGES)
def test_a_korean_page_quotes_a_source_word_for_word(page):
    text = _prose((ROOT / "ko" / page).read_text(encoding="utf-8"), quotes=True)
    hits = _misquotes(f"ko/{page}", [(None, text)])
    assert not hits, "\n" + "\n".join(hits)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_an_exercise_calls_its_check_the_auto_check_cell(chapter):
    hits = [f"{chapter[:2]} [{index}]: {_snippet(text, m.start(), m.end())} — an exercise's "
            "auto-check is its 자동 확인 셀, not 검사 (how_to_use)"
            for index, text in _cells(chapter) if "연습 문제" in text
            for m in re.finditer(r"(?<!건전성 )검사", text)]
    assert not hits, "\n" + "\n".join(hits)


@pytest.mark.parametrize("chapter, gloss", sorted(INTRODUCED.items()))
def test_a_chapter_introduces_the_term_it_is_about(chapter, gloss):
    text = re.sub(r"\s+", " ", " ".join(text for _, text in _cells(chapter)))
    assert gloss in text, f"{chapter[:2]} never introduces {gloss}"


# What the rules must let through (the right words, and the other senses of the same letters),
# and what they must catch: a check on the rules themselves.
ALLOWED = ["08장과 09–16장", "이미지 360장", "이미지 8장씩", "배치 정규화(batch normalization)",
           "배치 16개", "강의 노트 000", "자동 확인 셀", "자동\n확인 셀", "가중치 레이아웃",
           "리사이즈-합성곱", "```python\nx = 1\n```", "원본 자료", "LeakyReLU", "`Python`",
           "{doc}`이 책 <ko/index>`",
           "$a \\sim 1$", "인코더-디코더", "쌍삼차 크기 조정", "요약 노트 004"]
CAUGHT = ["8장에서", "(9장)", "9~16장", "9–16장", "2~4개", "가중치 배치", "배치(layout)",
          "Python 반복문", "강의용 패키지", "이 강의의", "검사 함수는", "확인 셀은", "루프",
          "손익 관계", "바이큐빅", "크기 조정 후 합성곱", "네트워크", "인코더–디코더",
          "크기를 조절해", "요약 문서", "원문의 오류", "리키 ReLU"]


def test_the_rules_catch_the_variants_and_only_them():
    for variant, preferred, why in FORBIDDEN:
        assert re.compile(variant) and preferred and why
    for text in ALLOWED:
        assert not _forbidden("allowed", [(0, _prose(text))]), text
    for text in CAUGHT:
        assert _forbidden("caught", [(0, _prose(text))]), text


@pytest.mark.skipif(not SOURCES, reason="../shared/sources/ is not beside the repository")
def test_the_quote_rule_takes_a_source_s_words_and_only_them():
    source = '요약 노트 004는 "ReLU 위치 정보를 유지해야 정확한 재구성 가능"이라고 씁니다.'
    assert not _misquotes("quote", [(0, _prose(source, quotes=True))])
    assert not _misquotes("quote", [(0, '"필터를\n뒤집지 않고"')])  # a line break is a space
    for paraphrase in ['"정확한 복원"', '"필터를 뒤집지 않고, output 위치에"', '“정확한 복원”']:
        assert _misquotes("quote", [(0, paraphrase)]), paraphrase


def test_the_gloss_rule_reads_a_gloss_and_only_its_own():
    def glossed(text, english, exactly=False):
        return _glossed(text, re.search("훅|팽창|디컨브넷", text), english, exactly)
    assert glossed("디컨브넷(deconvnet, 11–12장)", "deconvnet", exactly=True)
    assert glossed("순방향 훅(forward hook)으로", "hook")
    assert not glossed("전체 역방향 훅(full backward hook)을", "hook", exactly=True)
    assert not glossed("팽창 $d$는", "dilation")
    assert not glossed("팽창(11장)", "dilation")
    uses = _uses([(0, "## 팽창(dilation)\n팽창이 있으면 투영합니다")], "팽창", "")
    assert [m.start() for _, m, _ in uses] == [16]  # the heading is not a use
    assert len(_uses([(0, "쌍삼차\n보간")], "쌍삼차 보간", "")) == 1
