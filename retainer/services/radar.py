"""The churn radar: the BG/NBD model fitted over the base, cached until purchases change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select

from retainer.db.models import Customer, ModelFit
from retainer.events import PURCHASES
from retainer.rules import churn_model
from retainer.rules.churn_model import Params
from retainer.services.base import Context
from retainer.services.summary import version

HORIZON_DAYS = 90


@dataclass(frozen=True)
class ModelState:
    """What the radar knows: fitted parameters, or why there are none."""

    params: Params | None
    as_of: date | None
    customers: int
    repeat_customers: int
    current: bool  # fitted on today's purchases

    @property
    def fitted(self) -> bool:
        return self.params is not None


def history_arrays(rows):
    """(x, t_x, T) in days from rows of (purchase_days, first_day, last_day, as_of_day)."""
    import numpy as np

    data = np.asarray(rows, dtype=float).reshape(-1, 4)
    x = np.maximum(data[:, 0] - 1, 0)
    return x, data[:, 2] - data[:, 1], data[:, 3] - data[:, 1]


@dataclass(frozen=True)
class NewFit:
    params: Params | None
    as_of: date
    purchases_version: int
    customers: int
    repeat_customers: int
    log_likelihood: float | None


class RadarService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def state(self) -> ModelState:
        with self.ctx.read() as session:
            current_version = version(session, PURCHASES)
            # The newest fit made on its own day: one made for an earlier day (a question
            # "as of" a past date) never stands in for it.
            recent = session.scalars(select(ModelFit).order_by(ModelFit.id.desc()).limit(10)).all()
            fit = next((f for f in recent if f.as_of == f.fitted_at.date()), None)
        if fit is None:
            return ModelState(None, None, 0, 0, False)
        params = Params(fit.r, fit.alpha, fit.a, fit.b) if fit.r is not None else None
        current = fit.purchases_version == current_version and fit.as_of == self.ctx.today()
        return ModelState(params, fit.as_of, fit.customers, fit.repeat_customers, current)

    def state_as_of(self, day: date) -> ModelState:
        """The model as it would have been fitted on the purchases before ``day``: fitted
        once, and kept with that day (and the purchases' version) for the next question."""
        if day >= self.ctx.today():
            return self.refresh()
        with self.ctx.read() as session:
            current_version = version(session, PURCHASES)
            fit = session.scalars(select(ModelFit).where(
                ModelFit.as_of == day, ModelFit.purchases_version == current_version)
                .order_by(ModelFit.id.desc()).limit(1)).first()
        if fit is not None:
            params = Params(fit.r, fit.alpha, fit.a, fit.b) if fit.r is not None else None
            return ModelState(params, fit.as_of, fit.customers, fit.repeat_customers, False)
        from retainer.services.history import base_as_of

        cutoff = day.toordinal()
        buyers = [c.figures for c in base_as_of(self.ctx, day).buyers]
        found = self._fit([(f["purchase_days"], f["first_purchase_day"], f["last_purchase_day"], cutoff)
                           for f in buyers], day, current_version)
        kept = self.keep(found)
        return ModelState(kept.params, day, kept.customers, kept.repeat_customers, False)

    def refresh(self, force: bool = False) -> ModelState:
        """Fit again when purchases changed since the last fit (or the day turned)."""
        found = self.fit_if_due(force)
        return found if isinstance(found, ModelState) else self.keep(found)

    def fit_if_due(self, force: bool = False) -> ModelState | NewFit:
        """The current state, or a new fit not stored yet: reads only, so the window runs it
        beside the writes and hands the result to ``keep`` on the write lane."""
        state = self.state()
        if state.current and not force:
            return state
        today = self.ctx.today()
        day = today.toordinal()
        with self.ctx.read() as session:
            purchases_version = version(session, PURCHASES)
            rows = session.execute(
                select(Customer.purchase_days, Customer.first_purchase_day,
                       Customer.last_purchase_day)
                .where(Customer.deleted_at.is_(None), Customer.purchase_count > 0,
                       Customer.first_purchase_day < day)
            ).all()
        return self._fit([(r[0], r[1], min(r[2], day - 1), day) for r in rows], today,
                         purchases_version)

    @staticmethod
    def _fit(histories, as_of: date, purchases_version: int) -> NewFit:
        """Fit on (purchase days, first day, last day, as-of day) rows."""
        x, t_x, T = history_arrays(histories)
        try:
            fit = churn_model.fit(x, t_x, T)
            params, loglik, repeat = fit.params, fit.log_likelihood, fit.repeat_customers
        except churn_model.NotEnoughData as exc:
            params, loglik, repeat = None, None, int(exc.args[0])
        return NewFit(params, as_of, purchases_version, len(histories), repeat, loglik)

    def keep(self, new: NewFit) -> ModelState:
        with self.ctx.write() as session:
            # Keep a short history of fits; older ones only take room.
            keep = (select(ModelFit.id).order_by(ModelFit.as_of.desc(), ModelFit.id.desc()).limit(9)
                    .scalar_subquery())
            session.execute(delete(ModelFit).where(ModelFit.id.not_in(keep)))
            params = new.params
            session.add(ModelFit(
                fitted_at=self.ctx.now(), as_of=new.as_of, purchases_version=new.purchases_version,
                customers=new.customers, repeat_customers=new.repeat_customers,
                log_likelihood=new.log_likelihood,
                r=params.r if params else None, alpha=params.alpha if params else None,
                a=params.a if params else None, b=params.b if params else None))
        return ModelState(params, new.as_of, new.customers, new.repeat_customers, True)

    def outlook(self, customer_id: int) -> tuple[float, float] | None:
        """(P(alive), purchases expected in the next 90 days) for one customer, if known."""
        state = self.state()
        if state.params is None:
            return None
        day = self.ctx.today().toordinal()
        with self.ctx.read() as session:
            c = session.get(Customer, customer_id)
            if c is None or c.purchase_days < 2 or c.first_purchase_day >= day:
                return None
            x, t_x, T = history_arrays([(c.purchase_days, c.first_purchase_day,
                                         min(c.last_purchase_day, day - 1), day)])
        return (float(churn_model.p_alive(state.params, x, t_x, T)[0]),
                float(churn_model.expected_purchases(state.params, HORIZON_DAYS, x, t_x, T)[0]))
