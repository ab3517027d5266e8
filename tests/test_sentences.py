"""Sentences by UAX #29: the full stops of every script end one, abbreviations and initials do not; "："
separates a term from its text as ": " does."""
from __future__ import annotations

from generator.text import first_sentence, point, sentences


def test_chinese_japanese_and_hindi_sentences_end_at_their_own_full_stops():
    assert sentences("国际警察合作日于每年9月7日举行。各国警方携手合作！今天呢？") == (
        "国际警察合作日于每年9月7日举行。", "各国警方携手合作！", "今天呢？")
    assert first_sentence("インターポールは1923年に設立されました。今は196か国です。") == "インターポールは1923年に設立されました。"
    assert first_sentence("यह दिवस 7 सितंबर को मनाया जाता है। यह 1923 की याद दिलाता है।") == \
        "यह दिवस 7 सितंबर को मनाया जाता है।"


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert sentences("Dr. Smith met the U.N. chief on Sept. 7. Then he left.") == (
        "Dr. Smith met the U.N. chief on Sept. 7.", "Then he left.")
    assert first_sentence("В 1923 г. была создана комиссия. Сегодня это Интерпол.") == "В 1923 г. была создана комиссия."


def test_arabic_question_mark_ends_a_sentence():
    assert sentences("هل تعلم؟ نعم.") == ("هل تعلم؟", "نعم.")


def test_a_paragraph_without_a_full_stop_is_one_sentence():
    assert first_sentence("Police forces of 196 countries") == "Police forces of 196 countries"
    assert first_sentence("") == ""


def test_the_fullwidth_colon_separates_a_term_from_its_text():
    found = point("起源：1923年，来自20个国家的警察在维也纳开会。")
    assert (found.term, found.text) == ("起源", "1923年，来自20个国家的警察在维也纳开会。")
    assert point("用語︰説明").term == "用語"
    assert point("https://example.org/a:b").term is None


def test_chinese_and_japanese_words_are_counted_two_characters_to_a_word():
    from generator.text import first_words, word_count

    assert word_count("Police forces of 196 countries") == 5
    assert word_count("国际警察合作日") == 4 and word_count("A/RES/77/241号决议") == 3
    assert first_words("国际警察合作日于每年9月7日举行", 5) == "国际警察合作日于每年"
    assert first_words("Police forces of 196 countries", 3) == "Police forces of"


def test_a_long_chinese_point_gives_a_talk_slide_its_first_sentence_not_the_paragraph():
    from generator.renderers.deck.sequence import lead_phrase

    point = ("今天，国际刑警组织有196个成员国，是世界上最大的国际警察组织。"
             "每个成员国都设有国家中心局，全天24小时运作，负责与其他国家联络、交换情报并协调跨国行动。")
    assert lead_phrase(point, 10) == "今天，国际刑警组织有196个成员国，是世界上最大的国际警察组织。"


def test_the_first_sentence_found_in_the_start_of_a_text_is_the_one_the_whole_text_gives():
    # first_sentence reads only up to the letter after a stop; a stop that ends nothing ("e.g.",
    # "3.5", a quotation, lower case after it) must send it on to the next stop
    import random
    from pathlib import Path

    from generator.loader import load_file
    from generator.text import paragraphs

    tricky = ["Dr. Smith arrived. He left.", "e.g. this one. And that.", "Version 3.5 is out. Get it!",
              'He said "Stop." Then he left.', "It is 7 a.m. the next day. Then.", "A. B. C. D. E. F. G. and done. Next.",
              "etc. etc. etc. etc. etc. etc. and then. Finally.", "It ended.Next one. Then.", "No stop at all here", "¿Qué es? Es esto.",
              "これは文です。次の文です。", "यह वाक्य है। यह दूसरा है।", "هل هذا سؤال؟ نعم هو كذلك."]
    texts = list(tricky)
    for path in Path(__file__).resolve().parent.parent.glob("content*.yaml"):
        data = load_file(path).data
        texts += [p for s in data["sections"] for p in paragraphs(s["text"])]
        texts += [data["summary"]]
    assert len(texts) > 40
    pieces = ["Dr.", "U.S.", "Army", "he", "said", '"Stop."', "Then", "3.5", "e.g.", "etc.", "(see above).", "it!",
              "why?", "a.m.", "Z.", "।", "यह", "。", "文", "؟", "هل", "...", "…", "«Non.»", "Sept.", "7", "'x.'", ")", "."]
    chance = random.Random(7)
    texts += [" ".join(chance.choice(pieces) for _ in range(chance.randint(1, 14))) for _ in range(300)]
    for text in texts:
        assert first_sentence(text) == (sentences(text) or ("",))[0], text
