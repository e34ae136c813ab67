"""Every test process keeps its rendered-shot cache and its development signing chain in
temporary folders, never the user's."""

import os
import tempfile

#: The folders made here, removed when the run ends (a run's shot cache is gigabytes: left
#: behind, a hundred runs filled a disk).
_MADE: list[str] = []
for _var, _prefix in (("DREAMREEL_CACHE_DIR", "dreamreel-test-cache-"), ("DREAMREEL_KEYS_DIR", "dreamreel-test-keys-")):
    if _var not in os.environ:
        os.environ[_var] = tempfile.mkdtemp(prefix=_prefix)
        _MADE.append(os.environ[_var])


# A library's native thread panicked while the interpreter shut down after a full run (a Rust
# "panic in a function that cannot unwind", exit 134, after pytest had printed "602 passed"); the
# cause is not found yet. Until it is, the run ends with pytest's own status once its summary is
# out, without the interpreter's teardown.
_STATUS: dict[str, int] = {}


def pytest_sessionfinish(session, exitstatus):
    _STATUS["code"] = int(exitstatus)


def pytest_unconfigure(config):
    import os
    import sys

    if not hasattr(config, "workerinput"):
        import shutil

        for made in _MADE:
            shutil.rmtree(made, ignore_errors=True)
    if "code" in _STATUS and not hasattr(config, "workerinput"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_STATUS["code"])


# The fast tier (`pytest -m "not slow"`, a few minutes) that developers run while working; CI runs
# everything. Slow: a module whose tests make real films, start servers or drive a browser
# (marked here, whole), and single tests marked @pytest.mark.slow where they are.
# (Measured with --durations on 2 busy cores: each test left out here took 10 s or more.)
SLOW_MODULES = {
    "test_backends", "test_browser", "test_captions", "test_cost", "test_hardening", "test_live", "test_packs",
    "test_production", "test_render_pool", "test_rooms", "test_serve", "test_shotlog", "test_soundtrack",
    "test_trust",
}
SLOW_TESTS = {
    "test_cli.py::test_export_ink_and_twee_then_import_the_ink",
    "test_harness.py::test_every_policy_plays_and_an_unknown_one_is_refused",
    "test_harness.py::test_the_adaptive_director_beats_the_best_static_schedule_on_held_out_viewers",
    "test_harness.py::test_with_adaptation_switched_off_it_does_not",
    "test_learning.py::test_learned_is_not_worse_than_adaptive_after_training",
    "test_learning.py::test_off_policy_evaluation_lands_near_the_on_policy_measurement",
    "test_live_learning.py::test_a_live_film_logs_what_its_viewer_did_and_a_restart_keeps_it",
    "test_live_learning.py::test_the_learned_model_steers_live_films_once_the_gate_promotes_it",
    "test_llm_plan.py::test_the_model_chooses_each_episodes_plot_and_the_graph_is_composed_from_it",
    "test_singing.py::test_a_musical_is_sung_and_the_score_plays_under_the_singers",
    "test_validate.py::test_random_stories_never_crash_and_agree_with_a_player",
    "test_validate.py::test_state_reductions_change_no_finding",
    "test_voice_design.py::test_a_line_the_voice_cannot_say_is_voiced_as_well_as_possible",
    "test_voice_design.py::test_an_off_the_shelf_recogniser_understands_the_narrator_and_the_cast",
    "test_writer.py::test_what_writing_through_an_api_spent_is_booked_and_priced",
}


def pytest_collection_modifyitems(config, items):
    import pytest

    for item in items:
        module = item.nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
        test = f"{module}::{item.nodeid.split('::', 1)[-1].split('[', 1)[0]}"
        if module.removesuffix(".py") in SLOW_MODULES or test in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
