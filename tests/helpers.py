"""What the test files share: the dtypes, hypothesis strategies for arguments that torch takes
as an int or a tuple, the tests of a chapter's exercise checks, and the site's search index."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import strategies as st

from utils.chapters.grading import ExerciseFailed

DTYPES = st.sampled_from([np.float64, np.float32])


def int_tuples(n, lo, hi):
    """Tuples of ``n`` ints in [lo, hi]."""
    return st.tuples(*[st.integers(lo, hi)] * n)


def as_passed(values):
    """``values`` as a caller may pass them: the tuple, or one int when all its entries agree."""
    values = tuple(values)
    return st.sampled_from([values, values[0]]) if len(set(values)) == 1 else st.just(values)


def int_or_tuple(n, lo, hi):
    """An argument such as ``stride``: an int, or a tuple of ``n`` ints, each in [lo, hi]."""
    return int_tuples(n, lo, hi).flatmap(as_passed)


def each(value, n):
    """An int-or-tuple argument as a tuple of ``n`` ints."""
    return (value,) * n if isinstance(value, int) else tuple(value)


def grading_tests(module, checks):
    """The two tests of a chapter module's exercise checks, for its test file to bind:
    ``checks`` lists (check, a right answer, a wrong answer a student might write) and names
    every check of ``module``; each check passes the right answer and fails the wrong one."""
    def test_every_check_is_tested():
        named = sorted(name for name in module.__all__ if name.startswith("check_"))
        assert sorted(check.__name__ for check, _, _ in checks) == named

    @pytest.mark.parametrize("check, right, wrong", checks, ids=[c[0].__name__ for c in checks])
    def test_check_passes_right_and_fails_wrong_answers(check, right, wrong):
        check(right)
        with pytest.raises((ExerciseFailed, ValueError, RuntimeError)):
            check(wrong)

    return test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers


def indexed_pages(site, term):
    """The pages the built site's search index lists under ``term``, in a title or in the text."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    return {index["docnames"][i] for terms in (index["terms"], index["titleterms"])
            for i in np.atleast_1d(terms.get(term, []))}


ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
# every page of the built site a reader opens (the search pages are generated), as its path
SITE_PAGES = sorted([f"chapters/{c}/{lang}.html" for c in CHAPTERS for lang in ("ko", "en")]
                    + [p.relative_to(ROOT).with_suffix(".html").as_posix()
                       for lang in ("ko", "en") for p in (ROOT / lang).glob("*.md")]
                    + ["index.html"])

