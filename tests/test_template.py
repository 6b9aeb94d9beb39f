"""The template data matches TEMPLATE.md: counts of rows and columns, keys unique."""

from __future__ import annotations

from reportlint.parse.template import label_key, load_template


def test_table3_has_25_rows_and_7_columns_in_template_order() -> None:
    template = load_template()
    assert len(template.table3_rows) == 25
    assert [c.label for c in template.table3_columns] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    ]  # fmt: skip
    assert template.table3_rows[0].label == "一、本年新收政府信息公开申请数量"
    assert template.table3_rows[-2].label == "（七）总计"
    keys = [r.key for r in template.table3_rows]
    assert len(keys) == len(set(keys))


def test_table4_has_15_columns_in_three_groups() -> None:
    columns = load_template().table4_columns()
    assert len(columns) == 15
    assert columns[0].key == "review.upheld"
    assert columns[4].key == "review.total"
    assert columns[14].key == "suit_after_review.total"


def test_table2_cells_and_sections() -> None:
    template = load_template()
    assert len(template.table2_cells()) == 6 + 1 + 2 + 1
    assert [s.title for s in template.sections][3] == "政府信息公开行政复议、行政诉讼情况"


def test_label_variants_match_after_folding() -> None:
    row = next(r for r in load_template().table3_rows if r.key == "partly_granted")
    assert row.matches("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    assert row.is_variant("（二）部分公开（区分处理的，只计这一情况，不计其他情况）")
    assert label_key("3.危及'三安全一稳定'") == label_key("3.危及“三安全一稳定”")
