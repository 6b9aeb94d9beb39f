"""Python rules of the national rule set: ``numeric_*`` (figures, tables) and ``text_*`` modules."""
