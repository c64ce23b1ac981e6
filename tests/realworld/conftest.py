"""The real-world corpus, published once for the folder (it takes a while: 339 pages)."""

from tests.realworld.corpus import build_corpus
from tests.worlds import package_world

corpus_world, corpus = package_world(build_corpus, "corpus")
