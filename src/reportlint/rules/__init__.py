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
- ``claim``: a figure the prose states, against the cells it restates. ``topic`` (its name),
  ``phrases`` (plain words that introduce the topic: only paragraphs holding one are read),
  ``figure`` (regexes with ``{n}`` where the figure stands: ``收到[^，；。\\d]{0,20}?申请{n}``),
  ``unit`` (regex, default 件), ``restates`` and ``source`` (an expression of the ``equation``
  language, e.g. ``sum(三[withheld.*, total])``, and the words naming it), ``exclude`` / ``skip``
  (a clause with these words is not read; ``skip`` defaults to 同比、其中、通过… ), ``within`` (the
  sentence must say this), ``readings`` (list of ``restates`` / ``source`` / ``when``: another
  figure the same words may mean; a match is a warning naming both, ``warn: false`` silences it),
  ``scope`` (a narrower body named in the sentence: a mismatch is a warning), ``share_of`` /
  ``share_source`` ("占X%" after the figure, recomputed to the decimals written; ``share_also``:
  other bases the share may be of when its words match ``share_also_when``: "占全部申请的…"). Instead of
  ``figure``: ``states`` (phrases such as 均获维持) and ``asserts`` (a comparison that must hold).
  Placeholders: clause, source, topic, expected, actual. Variants ``reading``, ``scope``,
  ``share`` (the kind has default texts).
- ``period``: ``check`` = period-year | deadline | future-year | malformed-date.
- ``require`` / ``forbid``: ``patterns``, ``scope`` (text | title | preamble | paragraphs |
  headings | section:N). ``require`` also: ``given`` (judged only when this regex matches in
  the scope), ``elsewhere`` (a scope where the statement found instead is a warning, variant
  ``elsewhere``, placeholder ``found``) and ``elsewhere_patterns`` (what counts there).
  ``substitute``: ``wrong`` (regex), ``right`` (may use ``\\1``), ``scope``.
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
