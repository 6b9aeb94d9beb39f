"""normalize folds exactly the characters of its table, one to one, and leaves the rest alone."""

from __future__ import annotations

from reportlint.parse.normalize import normalize


def test_full_width_ascii_and_spaces_fold_one_to_one() -> None:
    written = "（一）申请人：１２３，\u3000共\u00a0５件；ＡＢｃ～！"
    folded = normalize(written)
    assert folded == "(一)申请人:123, 共 5件;ABc~!"
    assert len(folded) == len(written)


def test_every_folding_character_and_its_neighbours() -> None:
    for code in range(0xFF00, 0xFF61):
        char = chr(code)
        expected = chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else char
        assert normalize(char) == expected, hex(code)
    for space in "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff":
        assert normalize(f"a{space}b") == "a b"
    assert normalize("\u2001\u200c\u3001。《》〈〉") == "\u2001\u200c\u3001。《》〈〉"


def test_text_without_foldable_characters_is_unchanged() -> None:
    text = "2023年本机关共收到申请\t12件\n"
    assert normalize(text) == text
    assert normalize("") == ""
