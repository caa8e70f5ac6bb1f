"""kgdebate: a knowledge graph and citation tracker for foreign-policy debates."""

# The one place the version is written (pyproject.toml reads it from here): a literal, because
# importlib.metadata costs 50 ms at every start of the command and of each worker process
__version__ = "0.1.0"
