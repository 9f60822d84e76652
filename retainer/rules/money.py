"""Money in integer cents: parsing what people type and showing it the way they write it."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from retainer.i18n import tr

SYMBOLS = {"EUR": "€", "RUB": "₽", "GBP": "£", "USD": "$", "PLN": "zł", "KZT": "₸",
           "BYN": "Br", "UAH": "₴"}
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_amount(text: str) -> int:
    """``1 234,50`` / ``1234.5`` / ``1 234 ₽`` -> cents. Raises ValueError with a message."""
    raw = (text or "").strip()
    cleaned = _SPACES.sub("", raw)
    if cleaned.isascii() and cleaned.isdigit():  # "45 000", "1500": whole amounts, most cells
        return int(cleaned) * 100
    for symbol in (*SYMBOLS.values(), *SYMBOLS.keys(), "руб.", "руб", "р."):
        cleaned = cleaned.replace(symbol, "")
    if not cleaned:
        raise ValueError(tr("Enter an amount."))
    if "," in cleaned and "." in cleaned:
        # The last separator is the decimal one: 1,234.50 or 1.234,50.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(tr("“{text}” is not an amount of money.").format(text=raw)) from exc
    if not value.is_finite():
        raise ValueError(tr("“{text}” is not an amount of money.").format(text=raw))
    return int((value * 100).quantize(Decimal(1)))


def format_amount(cents: int | None, currency: str = "", decimals: bool = True) -> str:
    """Cents -> ``1 234,50 €``: a thin no-break space groups thousands, as in RU/LT/EU."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    symbol = SYMBOLS.get(currency, currency)
    if currency in ("GBP", "USD"):
        text = f"{whole:,}" + (f".{part:02d}" if decimals else "")
        return f"{sign}{symbol}{text}"
    text = f"{whole:,}".replace(",", "\u202f")
    if decimals:
        text += f",{part:02d}"
    return f"{sign}{text}\u00a0{symbol}".rstrip()
