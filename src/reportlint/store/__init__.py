"""What reportlint keeps between runs, and the one way it writes files.

``cache`` answers an unchanged file from its stored findings; ``slim`` packs a report's tables and
lines small for the cache and for worker processes; ``serialize`` turns the model into JSON and
back; ``memo`` remembers parsed YAML, equation trees and the entry-point scan on disk. ``atomic``
replaces a file so readers see the old one or the new one, never half of either: the cache, the
memo and ``--output-file`` all write through it. Standard library and the model only.
"""
