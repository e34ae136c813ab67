"""Cost: what each film cost to make (see ``../../shared/DESIGN.md``).

    ledger  resources spent, by stage and episode, as a film is made (model.cost.CostReport)
    budget  before a film is made: its estimated cost; over budget, cheaper, then refused
    prices  a price table (configurable) turns a report into money, per film, episode, viewer and
            hour of film
"""
