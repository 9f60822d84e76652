"""A realistic demo base: regulars, one-timers and customers drifting away.

Purchases follow the buy-till-you-die story the churn radar models: each customer buys at their
own rate and, after any purchase, may quietly stop coming. Names and phones are Russian,
Lithuanian and English. Rows go in by bulk insert, with the summary figures computed on the way,
so a 100k-customer base with a million purchases is made in a minute or two.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import phonenumbers
from sqlalchemy import insert

from retainer.db.engine import Database, open_database
from retainer.db.models import Contact, Customer, CustomerPhone, Feedback, Purchase, Tag, customer_tags
from retainer.i18n import tr
from retainer.paths import data_dir
from retainer.services import Retainer
from retainer.services.summary import purchase_figures, search_text_for

RU_FIRST = ("Александр Дмитрий Максим Сергей Андрей Алексей Иван Михаил Никита Павел Артём Егор "
            "Кирилл Роман Владимир Олег Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина "
            "Светлана Юлия Дарья Ксения Алина Вера Полина Софья Людмила Галина").split()
RU_LAST = ("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров "
           "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев "
           "Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев "
           "Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв").split()
LT_FIRST_M = ("Jonas Tomas Lukas Mantas Darius Andrius Paulius Marius Rokas Vytautas Karolis "
              "Justas Dovydas Giedrius Saulius Arnas Domantas Ignas").split()
LT_FIRST_F = ("Rūta Eglė Ieva Agnė Gabija Laura Indrė Jurgita Asta Kotryna Austėja Greta "
              "Vaida Simona Monika Dovilė Aistė Lina").split()
_LT_SURNAMES = ("Kazlauskas/Kazlauskienė Jankauskas/Jankauskienė Petrauskas/Petrauskienė "
                "Vasiliauskas/Vasiliauskienė Žukauskas/Žukauskienė Paulauskas/Paulauskienė "
                "Urbonavičius/Urbonavičienė Balčiūnas/Balčiūnienė Navickas/Navickienė "
                "Ramanauskas/Ramanauskienė Sakalauskas/Sakalauskienė Lukoševičius/Lukoševičienė "
                "Bernotas/Bernotienė Kavaliauskas/Kavaliauskienė Rimkus/Rimkienė "
                "Stankevičius/Stankevičienė Butkus/Butkienė Valančius/Valančienė").split()
LT_LAST_M = [pair.split("/")[0] for pair in _LT_SURNAMES]
LT_LAST_F = [pair.split("/")[1] for pair in _LT_SURNAMES]
EN_FIRST = ("Oliver George Harry Jack Noah Leo Arthur Oscar Charlie Thomas Amelia Olivia Isla "
            "Emily Sophie Grace Lily Ava Freya Mia Ella Poppy").split()
EN_LAST = ("Smith Jones Taylor Brown Williams Wilson Johnson Davies Evans Walker Wright Green "
           "Thompson Robinson Wood Hall Clarke Hughes Edwards Turner Hill Moore").split()
CITIES = {"ru": ("Москва", "Санкт-Петербург", "Казань"), "lt": ("Vilnius", "Kaunas", "Klaipėda"),
          "en": ("London", "Manchester", "Leeds")}
TAGS = ("VIP", "опт", "кофе", "kava", "birthday club", "staff", "корпоратив")
SOURCES = ("Instagram", "рекомендация", "rekomendacija", "walk-in", "Google Maps", "листовка")
OUTCOMES = ("reached", "reached", "no_answer", "call_back", "wrong_number", "refused")
CHURN_REASONS = ("poor_service", "poor_product", "price", "competitor", "moved_away",
                 "no_longer_needed", "other")
COMMENTS = ("Всё отлично, спасибо!", "Долго ждали заказ", "Labai skanu", "Great coffee",
            "Дороговато", "Aptarnavimas galėtų būti greitesnis", "Friendly staff", None, None)

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sch", "ы": "y", "э": "e", "ю": "yu", "я": "ya", "ь": "", "ъ": "", "ū": "u", "ė": "e",
    "į": "i", "ų": "u", "č": "c", "š": "s", "ž": "z", "ą": "a", "ę": "e"})


@dataclass(frozen=True)
class DemoPlan:
    customers: int = 2000
    years: float = 3.0
    seed: int = 7
    today: date | None = None


def _person(rng: random.Random) -> tuple[str, str, str]:
    roll = rng.random()
    if roll < 0.5:
        first, last = rng.choice(RU_FIRST), rng.choice(RU_LAST)
        if first[-1] in "аяь" and first not in ("Никита",):
            last += "а"
        return f"{first} {last}", "ru", "+7 9{:02d} {:03d}-{:02d}-{:02d}"
    if roll < 0.8:
        female = rng.random() < 0.5
        first = rng.choice(LT_FIRST_F if female else LT_FIRST_M)
        last = rng.choice(LT_LAST_F if female else LT_LAST_M)
        return f"{first} {last}", "lt", "+370 6{:02d} {:03d}{:02d}"
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}", "en", "+44 7{:02d}{:03d}{:05d}"


def _phone(rng: random.Random, kind: str, used: set[str]) -> str:
    while True:
        if kind == "ru":
            number = f"+79{rng.randrange(10, 99):02d}{rng.randrange(1000000):07d}"
        elif kind == "lt":
            number = f"+3706{rng.randrange(10000000):07d}"
        else:
            number = f"+447{rng.choice('4579')}{rng.randrange(100000000):08d}"
        if number not in used and phonenumbers.is_valid_number(phonenumbers.parse(number)):
            used.add(number)
            return number


def _purchase_days(rng: random.Random, joined: int, today: int) -> list[int]:
    """Buy at rate lam per day; after each purchase stop for good with probability p."""
    lam = rng.gammavariate(0.9, 1 / 30)          # mean gap about a month
    p = rng.betavariate(1.0, 12.0)                # most stay a while, some leave early
    days = [joined]
    t = float(joined)
    while rng.random() >= p:
        t += rng.expovariate(max(lam, 1 / 2000))
        if t >= today:
            break
        days.append(int(t))
    return days


def generate(db: Database, plan: DemoPlan = DemoPlan()) -> Iterator[tuple[int, int]]:
    """Fill an empty base; yields (customers made, customers planned) as it goes."""
    rng = random.Random(plan.seed)
    today = (plan.today or date.today()).toordinal()
    start = today - int(plan.years * 365)
    used_phones: set[str] = set()
    tag_ids = {name: i + 1 for i, name in enumerate(TAGS)}
    with db.engine.begin() as conn:
        conn.execute(insert(Tag), [{"id": i, "name": n} for n, i in tag_ids.items()])
    batch = 2000
    next_purchase_id = 1
    for first in range(1, plan.customers + 1, batch):
        ids = range(first, min(first + batch, plan.customers + 1))
        customers, phones, purchases, tags, contacts, feedback = [], [], [], [], [], []
        for cid in ids:
            name, kind, _ = _person(rng)
            # More customers joined recently than long ago, as a growing shop sees.
            joined = today - int((today - start) * (rng.random() ** 1.3)) - 1
            number = _phone(rng, kind, used_phones)
            numbers = [number] + ([_phone(rng, kind, used_phones)] if rng.random() < 0.05 else [])
            email = None
            if rng.random() < 0.6:
                email = f"{name.split()[0].lower().translate(_TRANSLIT)}.{cid}@example.com"
            card = f"R{100000 + cid}" if rng.random() < 0.4 else None
            my_tags = sorted({rng.choice(TAGS) for _ in range(rng.choice((0, 0, 0, 1, 1, 2)))},
                             key=str.casefold)
            days = [] if rng.random() < 0.04 else _purchase_days(rng, joined, today)
            mean_cents = int(rng.lognormvariate(math.log(2500), 0.6))
            bought = []
            for day in days:
                at = datetime.combine(date.fromordinal(day), time(9)) + timedelta(
                    minutes=rng.randrange(0, 11 * 60))
                amount = max(100, int(rng.gauss(mean_cents, mean_cents * 0.3)) // 10 * 10)
                bought.append((at, amount))
                purchases.append({"id": next_purchase_id, "customer_id": cid, "purchased_at": at,
                                  "day": day, "amount_cents": amount})
                next_purchase_id += 1
            lost = bool(days) and today - days[-1] > 200 and rng.random() < 0.05
            created = datetime.combine(date.fromordinal(joined), time(9))
            referrer = rng.randrange(1, cid) if cid > 10 and rng.random() < 0.05 else None
            customers.append({
                "id": cid, "name": name, "email": email, "card_number": card,
                "birthday": date(rng.randrange(1950, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
                if rng.random() < 0.5 else None,
                "city": rng.choice(CITIES[kind]) if rng.random() < 0.7 else None,
                "source": rng.choice(SOURCES) if rng.random() < 0.5 else None,
                "referred_by_id": referrer, "consent_to_messages": rng.random() < 0.6,
                "do_not_call": rng.random() < 0.03, "created_at": created,
                "lost_at": date.fromordinal(days[-1] + 120) if lost else None,
                "churn_reason": rng.choice(CHURN_REASONS) if lost else None,
                **purchase_figures(bought),
                "primary_phone": numbers[0], "tag_list": ", ".join(my_tags),
                "search_text": search_text_for(name, email, card, numbers, my_tags),
                "sort_name": name.casefold(),
            })
            made = customers[-1]  # consent recorded on the day they joined
            made["consent_date"] = created.date() if made["consent_to_messages"] else None
            phones.extend({"customer_id": cid, "number": n, "position": i}
                          for i, n in enumerate(numbers))
            tags.extend({"customer_id": cid, "tag_id": tag_ids[t]} for t in my_tags)
            if days and rng.random() < 0.12:
                for _ in range(rng.randrange(1, 4)):
                    when = datetime.combine(date.fromordinal(rng.randrange(days[0], today)), time(11))
                    contacts.append({"customer_id": cid, "contacted_at": when, "channel": "call",
                                     "outcome": rng.choice(OUTCOMES)})
            if days and rng.random() < 0.18:
                score = min(10, max(0, int(rng.gauss(8.2, 2.0))))
                feedback.append({
                    "customer_id": cid,
                    "given_on": date.fromordinal(rng.randrange(days[0], today)),
                    "nps_score": score, "comment": rng.choice(COMMENTS),
                    "is_complaint": score <= 4 and rng.random() < 0.5,
                    "churn_reason": None})
        with db.engine.begin() as conn:
            conn.execute(insert(Customer), customers)
            conn.execute(insert(CustomerPhone), phones)
            if tags:
                conn.execute(insert(customer_tags), tags)
            if purchases:
                conn.execute(insert(Purchase), purchases)
            if contacts:
                conn.execute(insert(Contact), contacts)
            if feedback:
                conn.execute(insert(Feedback), feedback)
        yield ids[-1], plan.customers


class BaseNotEmpty(Exception):
    """The demo goes only into an empty base, never beside a shop's own customers."""


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


def make_demo(location: str, customers: int, years: float, seed: int, progress=None) -> None:
    """Create (or fill an empty) base at ``location`` with a demo shop's customers."""
    db = open_database(location)
    try:
        if not Retainer(db).is_empty():
            raise BaseNotEmpty(tr("{location} already holds customers; the demo needs an empty "
                                  "base.").format(location=db.location))
        for done, total in generate(db, DemoPlan(customers=customers, years=years, seed=seed)):
            if progress:
                progress(done, total)
    finally:
        db.dispose()
