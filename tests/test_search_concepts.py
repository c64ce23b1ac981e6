"""What a query asks for, concept by concept (search.concepts): ranking weights only."""

from __future__ import annotations

from search.analysis import query_forms
from search.concepts import (
    STOP_WEIGHT,
    accented_words,
    relaxed_words,
    weighted_concepts,
    weights,
)


def _concepts(query: str) -> list[tuple[tuple[str, ...], float]]:
    forms = query_forms(query)
    return [(c.words, c.weight) for c in weighted_concepts(forms.exact, forms.expanded_folded)]


def test_an_abbreviation_and_its_full_form_are_one_concept_each_way():
    department = ("lao", "dong", "thuong", "binh", "va", "xa", "hoi")
    assert _concepts("LĐTBXH Sơn La") == [(department, 1.0), (("son",), 1.0), (("la",), 1.0)]
    typed = _concepts("Sở Lao động - Thương binh và Xã hội")
    assert typed == [(("so",), 1.0), (department, 1.0)]
    # Its seven words share one concept's weight; its inner pairs too.
    forms = query_forms("LĐTBXH hộ nghèo")
    weighed = weights(forms.exact, forms.expanded_folded).words
    assert round(sum(weighed[w] for w in department), 6) == 1.0
    assert weighed["ngheo"] == 1.0


def test_function_words_weigh_little_unless_typed_as_content():
    assert dict(_concepts("hỗ trợ học sinh ở xã biên giới ra sao"))[("o",)] == STOP_WEIGHT
    assert dict(_concepts("hỗ trợ học sinh ở xã biên giới ra sao"))[("sao",)] == STOP_WEIGHT
    # "de" may be "đê" (a dike), typed without accents it stays content; "để" does not.
    assert dict(_concepts("de bien"))[("de",)] == 1.0
    assert dict(_concepts("đê biển"))[("de",)] == 1.0
    assert dict(_concepts("để biển"))[("de",)] == STOP_WEIGHT


def test_a_pair_with_a_function_word_counts_as_little_as_it():
    forms = query_forms("đường về bản")
    pairs = weights(forms.exact, forms.expanded_folded).pairs
    assert pairs == {"duong ve": STOP_WEIGHT, "ve ban": STOP_WEIGHT}


def test_relaxed_matching_counts_content_words_beyond_the_eighth_syllable():
    forms = query_forms("có phải là với về việc đường vào bản Nậm Cười bị sạt lở không")
    words = relaxed_words(forms.exact, forms.expanded_folded)
    assert "cuoi" in words and "sat" in words
    assert not {"la", "voi", "ve", "khong"} & set(words)


def test_an_abbreviations_d_is_not_an_accent_the_reader_chose():
    assert not query_forms("HĐND").has_diacritics
    assert not query_forms("LĐ-TB&XH GD&ĐT").has_diacritics
    assert query_forms("HĐND tỉnh").has_diacritics
    assert query_forms("Đinh").has_diacritics
    assert accented_words("HĐND tỉnh Điện Biên") == ["tỉnh", "điện", "biên"]
