#!/usr/bin/env python3
"""The attacker of Spoor's published statistics (README: statistics that identify nobody).

For each store: every table a reader without care access is shown (the totals, and each grouping
by one dimension), as JSON with hidden counts as null, and the true counts beside. One linear
program holds everything the tables show together:
  - every shown count;
  - each grouping's lines add up to the totals' count (a partition), or at least to it (form: a
    signal with two forms counts under each; youths by month or form: a youth in several groups);
  - within a row: consulted, reported, registered and youths are at most the signals; youths
    reported are at most the youths; the consent and registration breakdowns add up to the youths,
    each reason declined is at most the youths, each party refused is at most the youths not
    registered for a refusal, and together at least them;
  - every count is at least zero.
For each hidden count it minimises and maximises that count (scipy's linprog, HiGHS): the range
must be at least the threshold wide. The true counts must satisfy the program (else the model is
wrong, and the run fails). Exit 0 when no hidden count is narrowed; 1 otherwise, naming each.
"""
import argparse
import json
import sys

import numpy as np
from scipy.optimize import linprog

SIGNAL_COLUMNS = ["youths", "signals", "consulted", "reported", "registered"]
YOUTH_COLUMNS = ["youths", "screened", "reported"]
YOUTH_ATTRIBUTES = {"gender", "age-group", "nationality", "unit"}  # one value a youth


def additive(dimension, kind, column):
    """Whether a grouping's rows add up to the total (==), or only to at least it (>=)."""
    if dimension == "form":
        return ">="
    if kind == "signals" and column == "youths" and dimension not in YOUTH_ATTRIBUTES:
        return ">="
    return "=="


class Program:
    def __init__(self):
        self.variables = []  # (description, true value)
        self.equalities = []  # ({var: coef}, constant): sum + constant == 0
        self.inequalities = []  # ({var: coef}, constant): sum + constant <= 0

    def term(self, shown, true, description):
        """A linear term for one count: a constant when shown, a new variable when hidden."""
        if shown is not None:
            return ({}, float(shown))
        self.variables.append((description, float(true)))
        return ({len(self.variables) - 1: 1.0}, 0.0)

    @staticmethod
    def combine(terms, signs):
        coefficients, constant = {}, 0.0
        for (variables, value), sign in zip(terms, signs):
            for index, coefficient in variables.items():
                coefficients[index] = coefficients.get(index, 0.0) + sign * coefficient
            constant += sign * value
        return coefficients, constant

    def equal(self, left, right):
        self.equalities.append(self.combine(left + right, [1] * len(left) + [-1] * len(right)))

    def at_most(self, left, right):
        self.inequalities.append(self.combine(left + right, [1] * len(left) + [-1] * len(right)))

    def matrices(self, rows):
        matrix = np.zeros((len(rows), len(self.variables)))
        constants = np.zeros(len(rows))
        for row, (coefficients, constant) in enumerate(rows):
            for index, coefficient in coefficients.items():
                matrix[row, index] = coefficient
            constants[row] = -constant
        return matrix, constants


def build(store):
    program = Program()
    terms = []  # per table: {kind: [ {column: term} per row ]}
    for table, truth in zip(store["tables"], store["truth"]):
        by = "/".join(table["by"]) or "total"
        true_rows = {kind: {row["group"]: row for row in truth[kind]} for kind in ("signals", "youths")}
        built = {}
        for kind in ("signals", "youths"):
            built[kind] = []
            for row in table[kind]:
                true = true_rows[kind][row["group"]]
                cells = {}
                for column, shown in row["cells"].items():
                    cells[column] = program.term(shown, true["cells"][column], f"{by} {kind} [{row['group']}] {column}")
                for breakdown in ("consent", "registration", "declined", "refused"):
                    for category, shown in row.get(breakdown, {}).items():
                        cells[(breakdown, category)] = program.term(
                            shown, true[breakdown][category], f"{by} {breakdown} [{row['group']}] {category}")
                built[kind].append(cells)
        terms.append((table["by"], built))
    totals = terms[0][1]
    for by, built in terms:
        for row in built["signals"]:
            for column in ("consulted", "reported", "registered", "youths"):
                program.at_most([row[column]], [row["signals"]])
        for row in built["youths"]:
            program.at_most([row["reported"]], [row["youths"]])
            for breakdown in ("consent", "registration"):
                parts = [term for key, term in row.items() if isinstance(key, tuple) and key[0] == breakdown]
                if parts:
                    program.equal(parts, [row["youths"]])
            for key, term in row.items():
                if isinstance(key, tuple) and key[0] == "declined":
                    program.at_most([term], [row["youths"]])
            refused = [term for key, term in row.items() if isinstance(key, tuple) and key[0] == "refused"]
            not_registered = row.get(("registration", "refused"))
            for term in refused:
                program.at_most([term], [not_registered] if not_registered is not None else [row["youths"]])
            if refused and not_registered is not None:
                program.at_most([not_registered], refused)
        if not by:
            continue
        for kind, columns in (("signals", SIGNAL_COLUMNS), ("youths", YOUTH_COLUMNS)):
            for column in columns:
                total = [totals[kind][0][column]] if totals[kind] else []
                parts = [row[column] for row in built[kind]]
                if additive(by[0], kind, column) == "==":
                    program.equal(parts, total)
                else:
                    program.at_most(total, parts)
    return program


def ranges(program):
    equality, equal_to = program.matrices(program.equalities)
    inequality, at_most = program.matrices(program.inequalities)
    size = len(program.variables)
    options = dict(A_eq=equality if len(equality) else None, b_eq=equal_to if len(equality) else None,
                   A_ub=inequality if len(inequality) else None, b_ub=at_most if len(inequality) else None,
                   bounds=[(0, None)] * size, method="highs")
    truth = np.array([value for _, value in program.variables])
    if len(equality) and not np.allclose(equality @ truth, equal_to):
        raise SystemExit("the true counts break an equality: the attacker's model is wrong")
    if len(inequality) and not np.all(inequality @ truth <= at_most + 1e-9):
        raise SystemExit("the true counts break an inequality: the attacker's model is wrong")
    for index in range(size):
        objective = np.zeros(size)
        objective[index] = 1.0
        low = linprog(objective, **options)
        high = linprog(-objective, **options)
        lowest = low.fun if low.status == 0 else float("-inf")
        highest = -high.fun if high.status == 0 else float("inf")
        yield index, lowest, highest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=int, required=True)
    parser.add_argument("stores")
    arguments = parser.parse_args()
    with open(arguments.stores) as file:
        stores = json.load(file)
    attacked, narrowed = 0, []
    for store in stores:
        program = build(store)
        for index, lowest, highest in ranges(program):
            attacked += 1
            if highest - lowest < arguments.threshold - 1e-6:
                description, true = program.variables[index]
                narrowed.append(f"store {store['store']}: {description} = {true:g} lies in [{lowest:g}, {highest:g}]")
    print(f"{attacked} hidden cells attacked in {len(stores)} stores; {len(narrowed)} narrowed below {arguments.threshold}")
    for line in narrowed[:40]:
        print("  " + line)
    sys.exit(1 if narrowed else 0)


if __name__ == "__main__":
    main()
