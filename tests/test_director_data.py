"""The fitted data the director ships (director/data/static.json, director/data/prior.json) is
current with the code that fits it: a cheap check of the digest each records (a full fit takes
minutes; ``bench/watch.py`` runs one and also catches changes to the planner or camera)."""

from dreamreel.director import fingerprint
from dreamreel.director.learning import PRIOR_FILE, PRIOR_VIEWERS, VW_ARGS, Prior
from dreamreel.director.schedule import START, STATIC, STATIC_FILE, Fitted, startable
from dreamreel.director.viewers import STATIC_VIEWERS, TRAIN, schedules

REFIT = "fit them again: python scripts/fit_static.py, then python scripts/fit_prior.py"


def shipped() -> tuple[Fitted, Prior]:
    return (Fitted.model_validate_json(STATIC_FILE.read_text(encoding="utf-8")),
            Prior.model_validate_json(PRIOR_FILE.read_text(encoding="utf-8")))


def test_static_and_start_were_fitted_by_the_code_that_fits_them_now():
    fitted, _ = shipped()
    assert fitted.code == fingerprint.code(fingerprint.STATIC_FIT), \
        f"{STATIC_FILE.name} was fitted by other code than the simulator, harness and director now: {REFIT}"


def test_the_prior_was_fitted_from_the_shipped_start_by_the_code_that_fits_it_now():
    _, prior = shipped()
    assert prior.static == START.model_dump(), f"{PRIOR_FILE.name} was fitted from another START: {REFIT}"
    assert prior.code == fingerprint.code(fingerprint.PRIOR_FIT), \
        f"{PRIOR_FILE.name} was fitted by other code than the bandit, simulator and director now: {REFIT}"
    assert prior.args == VW_ARGS and prior.viewers == PRIOR_VIEWERS


def test_what_the_fit_recorded_is_what_it_runs():
    fitted, _ = shipped()
    tried = schedules()
    assert (fitted.schedule, fitted.start) == (STATIC, START)
    assert STATIC in tried and START in tried and startable(START)
    on = fitted.fitted_on
    assert (on["viewers"], on["population"], on["stories"], on["seeds"], on["schedules_tried"]) == \
        (STATIC_VIEWERS, "train", TRAIN[0], TRAIN[1], len(tried))
    # the runners-up are no better than what was picked, and START is the best on the curve
    assert all(r["value"] <= fitted.value for r in on["runners_up"])
    assert all(r["value"] <= fitted.start_value for r in on["runners_up"] if r["telling"] == "arc")


def test_rewording_a_comment_or_docstring_asks_for_no_refit_and_a_change_of_code_does():
    code = 'LEAN = 0.12\n\n\ndef f(x):\n    return x + LEAN\n'
    reworded = '"""The lean."""\nLEAN = 0.12  # per beat\n\n\ndef f(x):\n    """Lean."""\n    return x + LEAN\n'
    assert fingerprint.digest({"drama": code}) == fingerprint.digest({"drama": reworded})
    assert fingerprint.digest({"drama": code}) != fingerprint.digest({"drama": code.replace("0.12", "0.13")})
    assert fingerprint.digest({"drama": code}) != fingerprint.digest({"grade": code})
