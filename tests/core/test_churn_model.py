import numpy as np
import pytest

from retainer.rules.churn_model import (
    NotEnoughData,
    Params,
    expected_purchases,
    fit,
    log_likelihood,
    p_alive,
    simulate,
)

TRUE = Params(r=2.0, alpha=60.0, a=2.0, b=8.0)


def simulated(seed: int, n: int = 5000):
    ages = np.random.default_rng(100 + seed).uniform(730, 1460, n)
    return simulate(TRUE, ages, seed)


def test_fit_recovers_known_parameters_within_ten_percent():
    x, t_x, T = simulated(seed=0)
    fitted = fit(x, t_x, T)
    got = fitted.params
    for name in ("r", "alpha", "a", "b"):
        assert getattr(got, name) == pytest.approx(getattr(TRUE, name), rel=0.10), name
    # Maximum likelihood: the fit is at least as likely as the truth on the same data.
    assert fitted.log_likelihood >= log_likelihood(TRUE, x, t_x, T)
    assert fitted.customers == 5000 and fitted.repeat_customers > 4000


def test_fit_is_unbiased_over_several_draws():
    fits = [fit(*simulated(seed=s)).params for s in range(1, 6)]
    for name in ("r", "alpha", "a", "b"):
        median = float(np.median([getattr(f, name) for f in fits]))
        assert median == pytest.approx(getattr(TRUE, name), rel=0.06), name


@pytest.mark.parametrize("params,x,t_x,T,expected", [
    # 1 / (1 + a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x)), worked by hand:
    (Params(1, 10, 1, 2), 2, 30, 60, 1 / (1 + (1 / 3) * (70 / 40) ** 3)),       # 0.358878
    (Params(0.5, 20, 0.8, 3), 5, 100, 100, 1 / (1 + (0.8 / 7) * 1.0)),           # bought today
    (Params(0.5, 20, 0.8, 3), 1, 10, 200, 1 / (1 + (0.8 / 3) * (220 / 30) ** 1.5)),
    (Params(0.5, 20, 0.8, 3), 0, 0, 200, 1.0),                                     # no repeat yet
])
def test_p_alive_matches_the_closed_form_worked_by_hand(params, x, t_x, T, expected):
    assert float(p_alive(params, [x], [t_x], [T])[0]) == pytest.approx(expected, rel=1e-9)


def test_p_alive_falls_as_silence_grows():
    values = p_alive(TRUE, [5, 5, 5], [300, 300, 300], [310, 400, 600])
    assert values[0] > values[1] > values[2]


def test_expected_purchases_for_a_new_customer_match_simulation():
    days = 90.0
    model = float(expected_purchases(TRUE, days, [0], [0], [0])[0])
    # Unconditional repeat purchases in the first 90 days, by simulation.
    x, _, _ = simulate(TRUE, np.full(200_000, days), seed=7)
    assert model == pytest.approx(x.mean(), rel=0.03)


def test_too_few_repeat_customers_is_said_plainly():
    with pytest.raises(NotEnoughData):
        fit([0] * 100 + [1] * 10, [0] * 100 + [5] * 10, [50] * 110)
