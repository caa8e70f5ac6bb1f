"""The per-client budget of query-seconds, on a clock the test moves."""

from __future__ import annotations

import pytest

from kgdebate.web.budget import MAX_CLIENTS, OverBudget, QueryBudget


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_spent_budget_refills_at_its_capacity_per_minute() -> None:
    clock = Clock()
    budget = QueryBudget(6.0, clock)  # 6 s a minute: 0.1 s back each second
    budget.check("a")
    budget.charge("a", 7.0)  # a query may overrun what is left
    with pytest.raises(OverBudget) as refused:
        budget.check("a")
    assert refused.value.retry_after_s == 10  # 1 s below zero at 0.1 s/s
    budget.check("b")  # another client is untouched
    clock.now += 9.0
    with pytest.raises(OverBudget):
        budget.check("a")
    clock.now += 1.5
    budget.check("a")
    clock.now += 3600
    budget.charge("a", 5.9)  # refilled to the capacity, never beyond it
    budget.check("a")
    budget.charge("a", 0.2)
    with pytest.raises(OverBudget):
        budget.check("a")


def test_the_number_of_clients_remembered_is_bounded() -> None:
    budget = QueryBudget(1.0, Clock())
    budget.charge("first", 5.0)
    for number in range(MAX_CLIENTS):
        budget.check(f"client-{number}")
    budget.check("first")  # forgotten: a full bucket again
