"""Money in integer cents: parsing what people type and showing it the way they write it."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from retainer.i18n import grouped, spoken, tr

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


def format_amount(cents: int | None, currency: str = "", decimals: bool = True,
                  language: str | None = None) -> str:
    """Cents -> the language's way of writing money: ``1 234,50 €`` and ``1 234,50 ₽`` in
    Russian and Lithuanian (no-break spaces between thousands and before the symbol),
    ``€1,234.50`` in English."""
    if cents is None:
        return ""
    language = language or spoken()
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    symbol = SYMBOLS.get(currency, currency)
    if language == "en":
        text = f"{whole:,}" + (f".{part:02d}" if decimals else "")
        return f"{sign}{symbol}{text}"
    text = grouped(whole, language) + (f",{part:02d}" if decimals else "")
    return f"{sign}{text}\u00a0{symbol}".rstrip()


def excel_money_format(currency: str = "", decimals: bool = True, language: str | None = None) -> str:
    """The Excel number format of money cells: the amount grouped, with the currency's
    symbol where the language puts it (Excel itself groups by the reader's own settings)."""
    number = "#,##0.00" if decimals else "#,##0"
    symbol = SYMBOLS.get(currency, currency)
    if not symbol:
        return number
    return f'"{symbol}"{number}' if (language or spoken()) == "en" else f'{number}\\ "{symbol}"'
