"""The curation workbench: a draft becomes a curated annotation in the browser."""
