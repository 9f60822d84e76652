"""Probability that a customer is still a customer: the BG/NBD model.

Fader, Hardie & Lee (2005), "Counting your customers the easy way". While alive, a customer
buys at their own rate (gamma-distributed over the base, shape r and rate alpha); after each
repeat purchase they leave for good with their own probability (beta-distributed, a and b).
From (x, t_x, T) — repeat purchase days, the day of the last one and the customer's age, all
counted from the first purchase, in days — the model gives each customer P(alive) and the
purchases to expect next. The parameters are fitted by maximum likelihood with scipy.
numpy and scipy are imported inside the functions: they are heavy and not needed at start-up.
The figures are defined, with a worked example, in docs/figures.md ("Probability alive").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_REPEAT_CUSTOMERS = 50


@dataclass(frozen=True)
class Params:
    r: float
    alpha: float  # in days
    a: float
    b: float


@dataclass(frozen=True)
class Fit:
    params: Params
    log_likelihood: float
    customers: int
    repeat_customers: int


class NotEnoughData(ValueError):
    pass


def _log_likelihood_terms(log_params, x, t_x, T):
    import numpy as np
    from scipy.special import gammaln

    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    a4 = np.full_like(a3, -np.inf)
    a4[repeat] = (np.log(a) - np.log(b + x[repeat] - 1)
                  - (r + x[repeat]) * np.log(alpha + t_x[repeat]))
    return a1 + a2 + np.logaddexp(a3, a4)


def log_likelihood(params: Params, x, t_x, T) -> float:
    import numpy as np

    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    logs = np.log([params.r, params.alpha, params.a, params.b])
    return float(_log_likelihood_terms(logs, x, t_x, T).sum())


def fit(x, t_x, T) -> Fit:
    """Maximum-likelihood fit over every purchasing customer of the base."""
    import numpy as np
    from scipy.optimize import minimize

    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    repeat = int((x > 0).sum())
    if repeat < MIN_REPEAT_CUSTOMERS:
        raise NotEnoughData(repeat)
    # Identical customers contribute identical terms: fit over the distinct rows, weighted.
    rows, counts = np.unique(np.column_stack([x, t_x, T]), axis=0, return_counts=True)
    ux, ut, uT = rows[:, 0], rows[:, 1], rows[:, 2]
    # Work in a time unit where ages are about 10, for a well-conditioned search.
    scale = max(float(uT.max()) / 10.0, 1.0)
    ut_s, uT_s = ut / scale, uT / scale

    def objective(log_params):
        value = -(counts * _log_likelihood_terms(log_params, ux, ut_s, uT_s)).sum()
        return value if np.isfinite(value) else 1e300

    best = None
    for start in ([0.0, 0.0, 0.0, 0.0], [-1.0, 0.5, -0.5, 1.0]):
        result = minimize(objective, np.array(start), method="L-BFGS-B",
                          bounds=[(-9.0, 9.0)] * 4)
        if best is None or result.fun < best.fun:
            best = result
    r, alpha, a, b = np.exp(best.x)
    params = Params(r=float(r), alpha=float(alpha * scale), a=float(a), b=float(b))
    return Fit(params, log_likelihood(params, x, t_x, T), len(x), repeat)


def p_alive(params: Params, x, t_x, T):
    """P(still a customer | x, t_x, T); 1 for customers with no repeat purchase yet."""
    import numpy as np

    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        log_ratio = (np.log(a) - np.log(np.maximum(b + x - 1, 1e-12))
                     + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x)))
        odds = np.where(x > 0, np.exp(np.minimum(log_ratio, 700.0)), 0.0)
    return 1.0 / (1.0 + odds)


def expected_purchases(params: Params, days: float, x, t_x, T):
    """Purchases to expect in the next ``days`` days, given the customer's history."""
    import numpy as np
    from scipy.special import hyp2f1

    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    if a <= 1.0:
        # The closed form needs a > 1; otherwise bound it by the rate of a surely-alive customer.
        return p_alive(params, x, t_x, T) * (r + x) / (alpha + T) * days
    z = days / (alpha + T + days)
    head = (a + b + x - 1) / (a - 1)
    tail = 1 - ((alpha + T) / (alpha + T + days)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    with np.errstate(over="ignore"):
        odds = np.where(x > 0, a / np.maximum(b + x - 1, 1e-12)
                        * ((alpha + T) / (alpha + t_x)) ** (r + x), 0.0)
    return head * tail / (1 + odds)


def simulate(params: Params, ages, seed: int = 0):
    """Draw customers from the model: returns (x, t_x, T) for customers of the given ages."""
    import numpy as np

    rng = np.random.default_rng(seed)
    ages = np.asarray(ages, dtype=float)
    n = len(ages)
    rates = rng.gamma(params.r, 1.0 / params.alpha, n)
    drop = rng.beta(params.a, params.b, n)
    x = np.zeros(n)
    t_x = np.zeros(n)
    now = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    while alive.any():
        idx = np.flatnonzero(alive)
        now[idx] += rng.exponential(1.0 / rates[idx])
        bought = idx[now[idx] <= ages[idx]]
        alive[idx[now[idx] > ages[idx]]] = False
        x[bought] += 1
        t_x[bought] = now[bought]
        leaves = bought[rng.random(len(bought)) < drop[bought]]
        alive[leaves] = False
    return x, t_x, ages


def describe(params: Params) -> str:
    """The fitted parameters in words a curious owner can follow."""
    mean_gap = params.alpha / params.r if params.r else math.inf
    mean_leave = params.a / (params.a + params.b)
    return (f"r={params.r:.3f}, alpha={params.alpha:.1f} days, a={params.a:.3f}, b={params.b:.3f} "
            f"(typical gap {mean_gap:.0f} days; {mean_leave:.0%} chance of leaving after a purchase)")
