"""Example provincial rule pack for reportlint (prefix XJ)."""
