"""Story state: variables, the conditions that read them and the effects that write them.

Pure data and pure functions, shared by the validator, the director and the exporters,
so that every one of them agrees on what a condition means.
"""

from typing import Literal, Union

from pydantic import Field

from .base import Ident, Model, Prose

Value = Union[bool, int, str]
VarType = Literal["bool", "int", "str"]
Op = Literal["==", "!=", "<", "<=", ">", ">="]
#: A state: variable name -> value. A variable that is absent is unset.
State = dict[str, Value]


class Variable(Model):
    name: Ident
    type: VarType
    #: None: unset until an effect sets it; reading it before then is a defect.
    initial: Value | None = None
    description: Prose = ""


class Clause(Model):
    var: Ident
    op: Op = "=="
    value: Value


class Condition(Model):
    """True when every ``all_of`` clause holds and, if ``any_of`` is given, one of those does."""

    all_of: list[Clause] = Field(default_factory=list)
    any_of: list[Clause] = Field(default_factory=list)

    def reads(self) -> set[str]:
        return {c.var for c in (*self.all_of, *self.any_of)}


def describe(condition: "Condition | None", compact: bool = False) -> str:
    """A condition as people read it: ``trust_vera >= 1 and (a == True or b == 2)``."""
    if condition is None:
        return ""
    join, alt = (" & ", "|") if compact else (" and ", " or ")
    fmt = (lambda c: f"{c.var}{c.op}{c.value}") if compact else (lambda c: f"{c.var} {c.op} {c.value!r}")
    parts = [fmt(c) for c in condition.all_of]
    if condition.any_of:
        parts.append("(" + alt.join(fmt(c) for c in condition.any_of) + ")")
    return join.join(parts)


class Effect(Model):
    var: Ident
    op: Literal["set", "add"] = "set"
    value: Value


def alive_var(character_id: str) -> str:
    """The variable that says whether a character is alive (and so may appear)."""
    return f"alive_{character_id}"


class UnsetVariable(Exception):
    """A condition read a variable no effect has set yet."""

    def __init__(self, var: str):
        super().__init__(var)
        self.var = var


def _compare(left: Value, op: Op, right: Value) -> bool:
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if isinstance(left, bool) or isinstance(right, bool) or isinstance(left, str) != isinstance(right, str):
        return False  # ordering only means something between numbers or between strings
    if op == "<":
        return left < right  # type: ignore[operator]
    if op == "<=":
        return left <= right  # type: ignore[operator]
    if op == ">":
        return left > right  # type: ignore[operator]
    return left >= right  # type: ignore[operator]


def clause_holds(clause: Clause, state: State) -> bool:
    if clause.var not in state:
        raise UnsetVariable(clause.var)
    return _compare(state[clause.var], clause.op, clause.value)


def holds(condition: Condition | None, state: State) -> bool:
    """Evaluate a condition; raises UnsetVariable when it reads an unset variable."""
    if condition is None:
        return True
    if not all(clause_holds(c, state) for c in condition.all_of):
        return False
    return not condition.any_of or any(clause_holds(c, state) for c in condition.any_of)


def apply(effects: list[Effect], state: State) -> State:
    """Return a new state with the effects applied in order."""
    new = dict(state)
    for e in effects:
        if e.op == "set":
            new[e.var] = e.value
        else:
            current = new.get(e.var, 0)
            if isinstance(current, bool) or not isinstance(current, int) or not isinstance(e.value, int):
                raise TypeError(f"cannot add {e.value!r} to {e.var}={current!r}")
            new[e.var] = current + e.value
    return new


def initial_state(variables: list[Variable]) -> State:
    return {v.name: v.initial for v in variables if v.initial is not None}
