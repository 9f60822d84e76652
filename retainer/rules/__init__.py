"""The shop's rules, as pure functions over plain data: no database, no files, no Qt.

A customer's status (:mod:`.status`), the churn model (:mod:`.churn_model`), the retention
figures (:mod:`.metrics`), money and dates as the owner writes them (:mod:`.money`,
:mod:`.dates`), phone numbers (:mod:`.phones`, with the compiled per-country rules in
:mod:`.phone_rules`), what a valid customer is (:mod:`.validation`), the settings and their
bounds (:mod:`.settings`), and the words for stored codes (:mod:`.labels`). Each figure is
defined in docs/figures.md.
"""
