"""The rule engine's building blocks: the Rule base class, YAML rule loading and the rule kinds.

Writing a YAML rule (one file per rule, file name = code, e.g. ``rules/NU001.yaml``)::

    code: NU002                      # 2–4 capitals + 3 digits; plugins use their own prefix
    name: numeric.applicant-row-total  # dotted, lower case
    kind: sum                        # see the kinds below
    severity: error                  # error | warning | info
    message: 表三「{row}」行：总计为 {actual}，但六列之和为 {expected}   # {placeholders} only
    messages: {missing: …}           # optional extra templates picked by a finding's variant
    description: |                   # becomes ``reportlint rule NU002``
      …
    basis: 国办公开办函〔2021〕30号   # optional
    sets: [national-2021]            # selectable as a whole (--select national-2021)
    default: true                    # false = only when selected explicitly
    options: {…}                     # tunables, overridable per project (rule-options)
    when: {min_year: 2021, max_year: …, format: "2021", sections: [3], tables: [三]}
                                     # since_year: 2019 skips only reports known to be older
    tests:                           # run by tests/rules/test_embedded_cases.py
      - pass: |
          …report text…
      - fail: |
          …report text…
        expect: ["NU002:10"]         # CODE or CODE:LINE, one entry per expected finding

Kinds and their own keys:

- ``sections``: ``required`` (default [1..6]), ``order`` (default true). Variant ``missing``.
- ``table``: ``table``, ``rows``/``columns`` (selectors, default ``*``), ``require``
  (present | filled | numeric). Variant ``missing`` for an absent cell.
- ``sum``: ``table``, ``total``, ``parts`` (selectors), ``per`` (column | row), ``over``.
- ``equation``: ``expression`` in grammars/expression.lark, ``target`` (left | right).
  Placeholders: table, row, column, cell, left, right, expected, actual, op, and each loop
  variable (as the template's label).
- ``period``: ``check`` = period-year | deadline | future-year | malformed-date.
- ``require`` / ``forbid``: ``patterns``, ``scope`` (text | title | preamble | paragraphs |
  headings | section:N). ``substitute``: ``wrong`` (regex), ``right`` (may use ``\\1``), ``scope``.
- ``input`` / ``internal``: documentation only (IO001–IO005 from the loaders, RL900 from the engine).

Selectors (expression language, ``table`` and ``sum``): a key (``new``), a range in template
order (``granted..other_handling.other``), a group (``withheld.*``) or ``*``. Cells are named
``三[row, column]`` or ``四[column]``. Blank, "/" and text cells are never zero: an identity
that reads one is skipped.

Python rules subclass ``reportlint.rules.base.Rule`` (class attributes for the metadata,
``check(context)`` yielding ``Finding``) and come in through the ``reportlint_rules`` hook; new
YAML kinds subclass ``reportlint.rules.yamlrule.YamlRule`` and come in through
``reportlint_rule_kinds``.
"""
