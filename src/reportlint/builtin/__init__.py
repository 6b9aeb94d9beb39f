"""Built-in plugins: the loaders, formatters and national rule set that ship with reportlint."""
