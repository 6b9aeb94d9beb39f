"""The rule engine's building blocks: the Rule base class, YAML rule loading and the rule kinds."""
