"""Message templates (rules/messages.py): placeholders, problems, plurals in each language."""

from datetime import date

import pytest

from retainer import i18n
from retainer.rules import messages
from retainer.rules.messages import Recipient, TemplateProblem, render

TODAY = date(2026, 6, 15)


@pytest.fixture
def speaking():
    def speak(language):
        i18n.speak(language)

    yield speak
    i18n.speak("en")


def test_every_placeholder_is_filled_in():
    who = Recipient("Anna Petrova", tier="Gold", discount="10 %", last_purchase=date(2026, 5, 1))
    text = render("{first_name}|{name}|{tier}|{discount}|{days_since_last_purchase}", who, TODAY)
    assert text == "Anna|Anna Petrova|Gold|10 %|45 days"


def test_a_customer_with_no_purchase_or_tier_leaves_those_places_empty():
    assert render("Hi {first_name}, {tier}{last_purchase_date}", Recipient("Ieva"), TODAY) == "Hi Ieva,"


@pytest.mark.parametrize("language, days, words", [
    ("ru", 1, "1 день"), ("ru", 3, "3 дня"), ("ru", 5, "5 дней"), ("ru", 11, "11 дней"),
    ("ru", 21, "21 день"), ("ru", 22, "22 дня"), ("ru", 112, "112 дней"),
    ("lt", 1, "1 diena"), ("lt", 2, "2 dienos"), ("lt", 10, "10 dienų"), ("lt", 11, "11 dienų"),
    ("lt", 21, "21 diena"), ("lt", 29, "29 dienos"), ("en", 1, "1 day"), ("en", 2, "2 days"),
])
def test_days_come_in_the_languages_own_plural(speaking, language, days, words):
    speaking(language)
    who = Recipient("Anna", last_purchase=date.fromordinal(TODAY.toordinal() - days))
    assert render("{days_since_last_purchase}", who, TODAY) == words


@pytest.mark.parametrize("template, named", [
    ("Hi {firstname}", "“{firstname}” is not a placeholder"),
    ("Hi {first_name", "has no partner"),
    ("Hi first_name}", "has no partner"),
    ("Hi {first_name:>10}", "without anything after the name"),
    ("Hi {0}", "“{0}” is not a placeholder"),
    ("   ", "Write the message first"),
])
def test_a_template_with_a_problem_names_it(template, named):
    found = messages.problems(template)
    assert found and named in found[0]
    with pytest.raises(TemplateProblem):
        render(template, Recipient("Anna"), TODAY)


def test_doubled_braces_are_braces():
    assert render("{{sale}} for {first_name}", Recipient("Anna"), TODAY) == "{sale} for Anna"
