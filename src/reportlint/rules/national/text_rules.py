"""The text helper's Python rules, in code order, for the national plugin's ``reportlint_rules``."""

from __future__ import annotations

from reportlint.rules.base import Rule
from reportlint.rules.national.text_deadline import (
    LatePublication,
    LateTownshipPublication,
    SignedBeforePeriodEnd,
)
from reportlint.rules.national.text_fee_amount import FeeAmountStated
from reportlint.rules.national.text_halfwidth_headings import HalfWidthHeadingPunctuation
from reportlint.rules.national.text_heading_numbering import HeadingNumbering
from reportlint.rules.national.text_label_variants import LabelVariant
from reportlint.rules.national.text_old_template import SupersededTables
from reportlint.rules.national.text_outline import HeadingWording, ItemSequence
from reportlint.rules.national.text_part_count import DeclaredPartCount
from reportlint.rules.national.text_period_sentence import PeriodSentencePresent
from reportlint.rules.national.text_restated_counts import RestatedChannelCount
from reportlint.rules.national.text_stray_labels import StrayLabelText
from reportlint.rules.national.text_title import TitleNamesBodyAndYear
from reportlint.rules.national.text_year_statements import OtherYearStatement

TEXT_RULES: tuple[type[Rule], ...] = (
    TitleNamesBodyAndYear,
    PeriodSentencePresent,
    DeclaredPartCount,
    LatePublication,
    LateTownshipPublication,
    OtherYearStatement,
    SignedBeforePeriodEnd,
    FeeAmountStated,
    LabelVariant,
    SupersededTables,
    HeadingNumbering,
    HeadingWording,
    ItemSequence,
    StrayLabelText,
    HalfWidthHeadingPunctuation,
    RestatedChannelCount,
)
