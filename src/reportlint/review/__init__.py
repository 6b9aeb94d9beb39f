"""Batch review for supervising offices: the review page, table extraction, cross-year checks.

Nothing here is imported by the check pipeline; the CLI imports these modules only when a
``--format html`` page, an ``extract`` run or a multi-file progress bar is asked for.
"""
