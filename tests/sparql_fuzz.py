"""Random SPARQL queries built from the grammar's productions, aimed at a loopback canary.

Each query is built from the productions of SPARQL 1.1 Query (§19.8): a prologue of PREFIX and
BASE declarations, a query form, and a group graph pattern of triples, FILTER expressions, BIND,
VALUES, property paths, OPTIONAL, UNION, MINUS, GRAPH, sub-selects and SERVICE. The leaves are
chosen where readers disagree: prefixed names with escapes (``ex:a\\#``, ``ex:a\\'``, ``%23``), the
four string forms holding quotes, ``#`` and braces, IRIs with ``#``, comments between any two
tokens, and every SERVICE target points at the canary. Sizes sometimes cross the guard's limits
(depth, operators, patterns, path steps) and sometimes reach where the engine itself crashes.

Used by ``tests/test_guard_fuzz.py`` (a fixed seed) and ``bench/guard_fuzz.py`` (longer runs).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class Grammar:
    rng: random.Random
    canary: str
    """An absolute IRI on loopback that no query may ever reach."""

    def query(self) -> str:
        declared = [self.declaration() for _ in range(self.rng.randint(0, 3))]
        if self.rng.random() < 0.9:  # most queries declare the prefix their names use
            declared.insert(self.rng.randint(0, len(declared)), "PREFIX ex: <http://e/>\n")
        return "".join(declared) + self.form()

    # --- the prologue and the forms ---

    def declaration(self) -> str:
        iri = self.rng.choice([self.canary, "http://example.org/", "http://e/#", "x/"])
        if self.rng.random() < 0.2:
            return f"BASE <{iri if iri != 'x/' else self.canary}>{self.gap()}"
        name = self.rng.choice(["", "ex", "c", "SERVICE", "SILENT", "ex.a"])
        return f"PREFIX{self.gap()}{name}:{self.gap()}<{iri}>{self.gap()}"

    def form(self) -> str:
        where = self.group(0)
        return self.rng.choice(
            [
                f"SELECT * WHERE{self.gap()}{where}",
                f"SELECT ?s (COUNT(*) AS ?n) WHERE {where} GROUP BY ?s LIMIT 5",
                f"ASK {where}",
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {where}",
                f"DESCRIBE ?s WHERE {where}",
                f"select distinct ?o {{ {self.triples()} }} order by ?o",
            ]
        )

    # --- group graph patterns ---

    def group(self, depth: int) -> str:
        if depth > 3 or self.rng.random() < 0.3:
            return "{" + self.gap() + self.triples() + self.gap() + "}"
        parts = [self.element(depth + 1) for _ in range(self.rng.randint(1, 4))]
        return "{" + self.gap() + f" .{self.gap()}".join(parts) + self.gap() + "}"

    def element(self, depth: int) -> str:
        choice = self.rng.random()
        if choice < 0.25:
            return self.triples()
        if choice < 0.35:
            return f"FILTER({self.expression(0)})"
        if choice < 0.42:
            return f"BIND({self.expression(0)} AS ?b{self.rng.randint(0, 9)})"
        if choice < 0.47:
            return f"VALUES ?v {{ {self.value()} {self.value()} }}"
        if choice < 0.57:
            return f"OPTIONAL {self.group(depth)}"
        if choice < 0.64:
            return f"{self.group(depth)} UNION {self.group(depth)}"
        if choice < 0.68:
            return f"MINUS {self.group(depth)}"
        if choice < 0.72:
            return f"GRAPH {self.rng.choice(['?g', '<http://example.org/g>'])} {self.group(depth)}"
        if choice < 0.76:
            return f"{{ SELECT * WHERE {self.group(depth)} LIMIT 3 }}"
        if choice < 0.80:
            return self.huge()
        return self.service(depth)

    def service(self, depth: int) -> str:
        escaped = self.canary.replace("h", "\\u0068", 1)  # a UCHAR in the IRI
        keyword = self.rng.choice(["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "SERVICE"])
        target = self.rng.choice(
            [
                f"<{self.canary}>",
                f"<{self.canary}x>",
                "c:x",
                "c:",
                ":x",
                "ex:x",
                "<x>",
                "<>",
                "?v",
                f"<{escaped}>",
            ]
        )
        glue = self.rng.choice([" ", "", "\n", " # } \n", "\t"])
        return f"{keyword}{glue}{target}{self.gap()}{self.group(depth)}"

    def huge(self) -> str:
        """A shape near or past a limit: deep brackets, long chains, long paths, many patterns."""
        size = self.rng.choice([10, 60, 127, 129, 255, 300, 999, 1_001, 3_000, 6_000])
        kind = self.rng.randrange(5)
        if kind == 0:
            return f"FILTER({'(' * size}1{')' * size})"
        if kind == 1:
            return f"BIND({' + '.join(['1'] * size)} AS ?h)"
        if kind == 2:
            return " UNION ".join(["{}"] * size)
        if kind == 3:
            return f"?s {'/'.join(['<http://e/p>'] * min(size, 200))} ?o"
        return " . ".join(f"?s{n} <http://e/p> ?o{n}" for n in range(min(size, 300)))

    # --- triples, paths, expressions and terms ---

    def triples(self) -> str:
        verb = self.rng.choice(["?p", "a", "ex:p", self.path()])
        return f"{self.subject()} {verb} {self.rng.choice([self.subject(), self.value()])}"

    def path(self) -> str:
        steps = [self.rng.choice(["<http://e/p>", "ex:q", "^ex:r", "!ex:s"])]
        for _ in range(self.rng.randint(0, 8)):
            steps.append(self.rng.choice(["/", "|"]))
            steps.append(self.rng.choice(["<http://e/p>", "ex:q", "(ex:a|ex:b)"]))
        return "".join(steps) + self.rng.choice(["", "*", "+", "?"])

    def expression(self, depth: int) -> str:
        if depth > 3 or self.rng.random() < 0.4:
            return self.rng.choice(["?s", "?o", "$v", self.value()])
        operator = self.rng.choice(["+", "-", "*", "/", "||", "&&", "=", "!=", "<", ">=", "IN"])
        if operator == "IN":
            return f"({self.value()} IN ({self.value()}, ?o))"
        left, right = self.expression(depth + 1), self.expression(depth + 1)
        if self.rng.random() < 0.5:
            return f"({left} {operator} {right})"
        return f"{left}{operator}{right}"

    def subject(self) -> str:
        """A variable, a blank node or an IRI, some written where readers disagree."""
        return self.rng.choice(
            [
                "?s",
                "?o",
                "$v",
                "_:b",
                "<http://e/#frag>",
                "ex:a\\#",
                "ex:a\\'",
                "ex:a%23",
                "ex:a\\(",
                "ex:",
            ]
        )

    def value(self) -> str:
        """A constant: a number, an IRI or a literal in one of the four string forms."""
        return self.rng.choice(
            [
                "1",
                "-2.5e3",
                "true",
                "<http://e/#frag>",
                "ex:a\\#",
                "ex:a\\'",
                "ex:a%23",
                '"a#b"',
                "'it\\'s # }'",
                '"""a "quoted" # { SERVICE"""',
                "'''x '' y'''",
                '"\\u0023"',
                '"e"@en',
                '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
            ]
        )

    def gap(self) -> str:
        """White space, or a comment that ends at a line break."""
        return self.rng.choice([" ", " ", "\n", "\t", " # a comment with } and ' \n"])


def queries(seed: int, count: int, canary: str) -> list[str]:
    grammar = Grammar(random.Random(seed), canary)
    return [grammar.query() for _ in range(count)]
