"""Sphinx extension: the book's search finds a Korean word whatever particle follows it.

Sphinx has no Korean search language, and the book's one index, shared by both editions, is built
with the English rules: they cut text into runs of word characters, so 패딩을, 패딩은 and 패딩이
are three words, and a search for 패딩 finds only the pages where it stands bare. (A query of three
letters or more also matches as a part of longer words, but at the lowest score.)

Korean marks a noun's role with a particle (조사) written onto its end. This extension swaps
Sphinx's English for English *and* Korean: a word with Hangul in it loses its plural 들 and its
trailing particle, :func:`korean_stem`, both when it is indexed and, through the same rule in
JavaScript (:data:`JS_STEMMER`), when a reader types it, and the stem is highlighted with what
was typed; every other word is Porter-stemmed as before. The rule is deliberately plain (no
dictionary): it strips the longest particle that leaves at least one syllable, so 속도 and 속
share a stem; a few extra results are the price of finding every page that uses the word.
"""

import json
import re

from sphinx.search.en import SearchEnglish, js_porter_stemmer

# Longest first, so 에서는 wins over 는. Two-letter endings a noun can carry (이다 ...) included.
PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 로 와 과 도 만 에서 에게 으로 까지 부터 처럼 보다 마다 이나 이란
    이라는 라는 이며 이고 이다 입니다 이라고 라고 에는 에도 에서는 에서도 으로는 으로도 로는 로도
    와는 과는 와의 과의 만으로 만큼 이지만 이라면 라면""".split(),
    key=len, reverse=True)
PLURAL = "들"
HANGUL = re.compile("[\uac00-\ud7a3]")


def korean_stem(word):
    """A Hangul word without its trailing particle and plural; one syllable at least is kept.

    >>> [korean_stem(w) for w in ["패딩을", "합성곱에서는", "커널들의", "맵", "스트라이드"]]
    ['패딩', '합성곱', '커널', '맵', '스트라이드']
    """
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            word = word[: -len(particle)]
            break
    if word.endswith(PLURAL) and len(word) > len(PLURAL) + 1:
        word = word[: -len(PLURAL)]
    return word


# The same rule for the browser, where searchtools.js calls `new Stemmer().stemWord(query word)`.
_JS_KOREAN = r"""
const KOREAN_PARTICLES = @PARTICLES@, KOREAN_PLURAL = @PLURAL@, KOREAN_HANGUL = /[\uac00-\ud7a3]/;
function koreanStem(word) {
  const particle = KOREAN_PARTICLES.find((p) => word.endsWith(p) && word.length > p.length);
  if (particle) word = word.slice(0, -particle.length);
  if (word.endsWith(KOREAN_PLURAL) && word.length > KOREAN_PLURAL.length + 1)
    word = word.slice(0, -KOREAN_PLURAL.length);
  return word;
}
var Stemmer = function() {
  const porter = new PorterStemmer();
  this.stemWord = (word) => KOREAN_HANGUL.test(word) ? koreanStem(word) : porter.stemWord(word);
};
// What is highlighted, in the results and on the page a result opens, is what the reader typed
// (가중치를): add its stem (가중치), which the pages have. searchtools.js is loaded before this.
if (typeof Search !== "undefined" && Search._parseQuery) {
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query), highlightTerms = parsed[3];
    for (const word of [...highlightTerms])
      if (KOREAN_HANGUL.test(word)) highlightTerms.add(koreanStem(word));
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
      localStorage.setItem("sphinx_highlight_terms", [...highlightTerms].join(" "));
    return parsed;
  };
}
"""
JS_STEMMER = (js_porter_stemmer.replace("var Stemmer = function", "var PorterStemmer = function")
              + _JS_KOREAN.replace("@PARTICLES@", json.dumps(PARTICLES, ensure_ascii=False))
                          .replace("@PLURAL@", json.dumps(PLURAL, ensure_ascii=False)))
if "var PorterStemmer = function" not in JS_STEMMER:
    raise ImportError("Sphinx's Porter stemmer is no longer `var Stemmer = function`")


class SearchEnglishKorean(SearchEnglish):
    """Sphinx's English search, with Hangul words stemmed by :func:`korean_stem`."""

    js_stemmer_code = JS_STEMMER

    def stem(self, word):
        return korean_stem(word) if HANGUL.search(word) else super().stem(word)


def setup(app):
    app.add_search_language(SearchEnglishKorean)  # as "en", the book's language
    return {"parallel_read_safe": True, "parallel_write_safe": True}
