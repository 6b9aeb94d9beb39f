"""Python rules of the national rule set: checks the YAML kinds cannot express."""
