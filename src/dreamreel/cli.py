"""The `dreamreel` command line.

Every user-caused error (a DreamreelError) prints one line and exits 2; a story that
`check` finds problems in exits 1.
"""

import socket
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from . import __version__
from .errors import BadInputError, DreamreelError

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class _OneLineUsage(typer.core.TyperGroup):
    """A mistyped command line (an unknown option, a missing argument, a bad value) is one line
    and exit 2, like every other error, not a boxed usage screen."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[no-untyped-def]
        try:  # (typer 0.2x carries its own copy of click)
            from typer._click import exceptions as click
        except ImportError:
            from click import exceptions as click  # type: ignore[no-redef]

        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.NoArgsIsHelpError as e:
            e.show()
            sys.exit(2)
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx is not None else "dreamreel"
            err.print(Text.assemble(("error: ", "bold red"), f"{e.format_message()} (see `{where} --help`)"),
                      soft_wrap=True)
            sys.exit(2)
        except click.ClickException as e:
            err.print(Text.assemble(("error: ", "bold red"), e.format_message()), soft_wrap=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            err.print("interrupted")
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


app = typer.Typer(name="dreamreel", help="Personalized, adaptive generative film.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, cls=_OneLineUsage)


@contextmanager
def user_errors():
    """Turn DreamreelErrors into one line on stderr and exit code 2."""
    try:
        yield
    except DreamreelError as e:
        err.print(Text.assemble(("error: ", "bold red"), str(e)), soft_wrap=True)
        raise typer.Exit(e.exit_code) from None
    except OSError as e:  # a path the user gave that cannot be read or written (a file where a folder goes, ...)
        where = f"{e.filename}: " if e.filename else ""
        err.print(Text.assemble(("error: ", "bold red"), f"{where}{e.strerror or e}"), soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("interrupted; nothing was written")
        raise typer.Exit(130) from None


def _load_story(path: Path):
    from .model import Story
    from .store.files import load_model
    return load_model(path, Story, "story")


def _load_profile(path: Path | None):
    from .model import Profile
    from .store.files import load_model
    return load_model(path, Profile, "profile") if path else Profile()


def _load_pack(path: Path | None):
    if path is None:
        return None
    from .narrative.assets import load_pack

    return load_pack(path)


def _load_sandbox(paths: list[Path] | None):
    if not paths:
        return None
    from .trust.licences import Sandbox

    return Sandbox([_load_pack(p) for p in paths])


def _version(value: bool) -> None:
    if value:
        out.print(f"dreamreel {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """dreamreel writes, shoots, voices, scores and streams a branching film for one viewer."""


_MAX_TOKENS = typer.Option("--max-tokens", help="With --llm: most tokens (prompt and completion) the model may "
                           "spend on this story, every stage and the critic; past it the parts not yet written "
                           "keep the planner's.")
_PACK = typer.Option("--pack", help="Write the story with this licensed asset pack's characters, settings, "
                     "palettes and music only (a pack.json, a folder or a .zip).")
_SANDBOX = typer.Option("--sandbox", help="Refuse anything outside this licensed asset pack (implies --pack when "
                        "writing). Repeat to allow several.")


@app.command()
def write(
    request: Annotated[str, typer.Argument(help="What you want to watch, in your own words.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the story here (JSON).")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="A viewer profile (JSON).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same story; another seed, another story.")] = 0,
    episodes: Annotated[int | None, typer.Option("--episodes", help="Number of episodes (1-12).")] = None,
    seconds: Annotated[int | None, typer.Option("--seconds", help="Target length of one episode, in seconds.")] = None,
    rating: Annotated[str, typer.Option("--rating", help="Rating ceiling: G, PG, PG-13 or R.")] = "PG-13",
    genre: Annotated[list[str] | None, typer.Option("--genre", help="Force a genre (repeat to blend two).")] = None,
    llm: Annotated[str | None, typer.Option("--llm", help="Plan and write with an LLM: 'gguf', "
                                               "'gguf:PATH', or 'openai:URL'.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not print the outline.")] = False,
    pack: Annotated[Path | None, _PACK] = None,
    llm_plan: Annotated[bool, typer.Option("--llm-plan/--no-llm-plan", help="With --llm: the model plans and "
                                           "writes the story in stages (premise, plot, bible, outline, beats, "
                                           "dialogue); --no-llm-plan: it only rewrites the planner's text.")] = True,
    critic: Annotated[bool, typer.Option("--critic/--no-critic", help="With --llm: the model then reviews the "
                                         "story against the request and the writer revises what it notes.")] = True,
    max_tokens: Annotated[int | None, _MAX_TOKENS] = None,
) -> None:
    """Write a branching story for a request."""
    with user_errors():
        from pydantic import ValidationError

        from .model import Request
        from .narrative.outline import outline
        from .store.files import first_error, save_model

        fields: dict = {"prompt": request, "rating": rating}
        if episodes is not None:
            fields["episodes"] = episodes
        if seconds is not None:
            fields["target_seconds"] = seconds
        if genre:
            fields["genres"] = genre
        try:
            req = Request(**fields)
        except ValidationError as e:
            raise BadInputError(f"bad request: {first_error(e)}") from None
        prof = _load_profile(profile)
        assets = _load_pack(pack)
        t0 = time.perf_counter()
        story, cost = _written(req, prof, seed, assets, llm, llm_plan, critic, max_tokens)
        took = time.perf_counter() - t0
        if output:
            save_model(output, story)
        if cost is not None:
            _writing_cost(cost, output)
        if not quiet:
            for part in outline(story):
                out.print(part)
        g = story.graph
        summary = (f"{len(g.episodes)} episodes, {len(g.beats)} beats, "
                   f"{sum(1 for b in g.beats if b.choice)} choices, {len(g.endings)} endings, written in {took:.2f}s")
        err.print(f"[green]{summary}[/]" + (f"; saved to {output}" if output else ""))


def _written(req, prof, seed: int, assets, llm: str | None, llm_plan: bool, critic: bool, max_tokens: int | None):
    """The story for a request, and what writing it cost (None without an LLM): with ``llm``, the
    model plans and writes it in stages (``llm_plan``) or rewrites the planner's text, then the
    critic reviews it; the planner's parts stand wherever the model failed."""
    from .narrative.planner import plan

    if max_tokens is not None and (not llm or max_tokens < 1):
        raise BadInputError("--max-tokens needs --llm and must be at least 1" if llm else
                            "--max-tokens is a budget for the LLM: give --llm too")
    if not llm:
        return plan(req, prof, seed=seed, pack=assets), None
    from .narrative.llm.registry import get_backend
    from .narrative.llm_plan import Budget

    backend = get_backend(llm)  # one backend for every stage (one local model loaded, all calls counted)
    budget = Budget(backend, tokens=max_tokens)
    if llm_plan and assets is None:
        from .narrative.llm_graph import write_with

        with err.status("LLM writer: premise, plot, bible, outline, beats, dialogue") as status:
            story, report = write_with(backend, req, prof, seed=seed, budget=budget,
                                       progress=lambda what: status.update(f"LLM writer: {what}"))
        err.print(f"LLM writer: {report.summary()}", soft_wrap=True)
        for line in report.table():
            err.print(f"  {line}", soft_wrap=True)
        failed = [s for s in report.stages if s.outcome == "planner" and s.problems]
        for stage in failed[:6]:
            err.print(Text(f"  {stage.name} {getattr(stage, 'part', '')}: kept the planner's "
                           f"({stage.problems[-1]})", style="yellow"), soft_wrap=True)
        if len(failed) > 6:
            err.print(Text(f"  and {len(failed) - 6} more parts kept the planner's", style="yellow"))
    else:
        if max_tokens is not None:
            raise BadInputError("--max-tokens bounds the model's staged writing: drop --no-llm-plan (and --pack)")
        story, report = _rewrite(plan(req, prof, seed=seed, pack=assets), llm, seed, prof, backend)
    if critic and budget.stop():
        err.print(Text(f"critic: not asked ({budget.stop()})", style="yellow"), soft_wrap=True)
    elif critic:
        from .narrative.critic import critique
        from .narrative.llm_plan import StageRecord

        before, cpu0 = backend.usage.snapshot(), time.process_time()
        with err.status("LLM critic: reading the story against the request"):
            story, review = critique(story, backend, limits=prof.content_limits, avoid=prof.avoid, seed=seed,
                                     token_budget=budget.left)
        err.print(review.summary())
        for note in review.notes:
            err.print(Text(f"  {note['beat']}: {note['problem']} -> {note['fix']}", style="cyan"), soft_wrap=True)
        if hasattr(report, "stages"):  # booked as its own stage
            rec = StageRecord("critic", outcome=review.stage.outcome, usage=backend.usage.since(before),
                              cpu_seconds=time.process_time() - cpu0)
            report.stages.append(rec)
            report.cpu_seconds += rec.cpu_seconds
        else:
            report.usage = backend.usage.snapshot()
            report.cpu_seconds += time.process_time() - cpu0
    return story, report.cost(story.id)


def _rewrite(story, spec: str, seed: int, profile, backend=None):
    from .narrative.llm.registry import get_backend
    from .narrative.writer import rewrite

    backend = backend or get_backend(spec)
    with Progress(TextColumn("[bold]LLM writer[/] {task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} beats"),
                  TimeElapsedColumn(), console=err, transient=False) as bar:
        task = bar.add_task(backend.name, total=len(story.graph.beats))

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        story, report = rewrite(story, backend, seed=seed, progress=progress,
                                content_limits=profile.content_limits, avoid=profile.avoid)
    err.print(f"LLM writer: {report.summary()}")
    return story, report


def _writing_cost(report, story_path: Path | None) -> None:
    """One line of what writing cost; its cost report kept beside the story file (story.cost.json)."""
    from .cost.ledger import beside, save
    from .cost.prices import priced

    spent: dict[str, float] = {}
    for e in report.entries:
        spent[e.resource] = spent.get(e.resource, 0.0) + e.amount
    tokens = (f"{spent.get('llm_prompt_tokens', 0):.0f} prompt + {spent.get('llm_completion_tokens', 0):.0f} "
              f"completion tokens, {spent.get('api_calls', 0):.0f} API calls, " if "api_calls" in spent else
              "a local model (its CPU time), ")
    where = save(report, beside(story_path)) if story_path else None
    err.print(f"writing cost: {tokens}{spent.get('cpu_seconds', 0):.2f} CPU s: ${priced([report])['total']:.5f} at "
              "the default prices" + (f"; {where} (`dreamreel cost {where}`)" if where else ""), soft_wrap=True)


def _story_writing(path: Path, story) -> list:
    """What writing ``story`` cost, kept beside its file; a broken file there is a warning, not a failure."""
    from .cost.ledger import story_writing

    try:
        return story_writing(path, story)
    except BadInputError as e:
        err.print(Text(f"warning: {e}; the film's cost leaves out the writing", style="yellow"), soft_wrap=True)
        return []


def _label(on: bool, text: str | None, corner: str | None):
    """The burned-in label the options ask for (None: --no-label); a bad text or corner is refused
    even with --no-label, so a typo is never silently ignored."""
    from pydantic import ValidationError

    from .model import Label

    try:
        label = Label(**{k: v for k, v in (("text", text), ("corner", corner)) if v is not None})
    except ValidationError as e:
        first = e.errors()[0]
        raise BadInputError(f"--label-{first['loc'][0]}: {first['msg'].removeprefix('Value error, ')}") from None
    return label if on else None


def _check_film_options(output: Path, res: str, preset: str, choices: str) -> None:
    """What a film will be made with, checked before any work (before the story is written)."""
    from .edit.encode import PRESETS
    from .errors import OutputError
    from .production import RESOLUTIONS

    if res not in RESOLUTIONS:
        raise BadInputError(f"unknown resolution {res!r}; use one of {', '.join(RESOLUTIONS)}")
    if preset not in PRESETS:
        raise BadInputError(f"unknown --preset {preset!r}; use one of {', '.join(PRESETS)}")
    if output.suffix.lower() != ".mp4":
        raise BadInputError(f"{output}: the film is an MP4; give an output path ending in .mp4")
    if not (output.parent if str(output.parent) else Path(".")).is_dir():
        raise OutputError(f"cannot write {output}: folder {output.parent} does not exist")
    if choices not in ("auto", "first") and not Path(choices).is_file():
        raise BadInputError(f"--choices {choices!r}: auto, first, or a JSON file of {{choice_id: option_id}} "
                            f"(no such file)")


def _make(story, output: Path, profile, choices: str, seed: int, res: str, keep: bool, label,
          preset: str, cache: bool, budget: float | None = None, writing: list | None = None,
          sandbox=None, burn_subtitles: bool = False, visual: str | None = None,
          voice: str | None = None, music: str | None = None, cut_as=None) -> None:
    import tempfile

    from .synth.visual.substitutes import notes

    chosen = _backends(visual, voice, music)
    for note in notes(story):  # what the renderer cannot draw as asked, and what it draws instead
        err.print(Text(f"note: {note}", style="yellow"), soft_wrap=True)
    if budget is not None:  # estimated first: cheaper if it must be, refused if even that is too much
        from .backends import price
        from .cost.budget import film_seconds, fit

        fitted = fit(film_seconds(story), res, budget, per_second=price(chosen))
        res = fitted.res
        for note in fitted.notes:
            err.print(Text(f"budget: {note} (about {fitted.estimate:.5f} USD)", style="yellow"))

    if sandbox is not None:
        for pack in sandbox.packs:
            lic = pack.assets.licence
            err.print(Text(f"sandbox: {pack}'s assets only, under {lic.name}; credit: {lic.attribution}",
                           style="cyan"), soft_wrap=True)
    from .production import make_film
    from .store.cache import Cache

    # --no-cache: shots still go through a cache (that is how the workers hand them over), a
    # temporary one, removed afterwards.
    scratch = None if cache else tempfile.TemporaryDirectory(prefix="dreamreel-nocache-")
    store = Cache(scratch.name) if scratch is not None else Cache()

    with Progress(TextColumn("[bold]{task.description}[/]"), BarColumn(),
                  TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(), console=err) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        choice_arg = Path(choices) if choices not in ("auto", "first") else choices
        try:
            result = make_film(story, output, profile=profile, choices=choice_arg, seed=seed, res=res, keep=keep,
                               label=label, progress=progress, preset=preset, cache=store, writing=writing or (),
                               sandbox=sandbox, burn_subtitles=burn_subtitles, cut_as=cut_as, **chosen)
        finally:
            if scratch is not None:
                scratch.cleanup()
    took = sum(result.stage_seconds.values())
    lufs = f"{result.mix.lufs:.1f} LUFS" if result.mix.lufs is not None else "silent"
    err.print(Text(f"{result.path}: {result.seconds:.1f} s of film, {result.episodes} episode(s), {result.shots} "
                   f"shots ({result.rendered_shots} drawn, {result.cached_shots} from the cache), {lufs}, "
                   f"made in {took:.1f} s ({result.seconds / took:.1f}x real time)", style="green"), soft_wrap=True)
    for shot in result.failed_shots:
        err.print(Text(f"warning: shot {shot} failed to render and was replaced by a card", style="yellow"))
    for problem in result.qc.problems:
        err.print(Text(f"qc: {problem}", style="yellow" if problem.severity == "warning" else "red"))
    for extra in result.extras:
        err.print(f"kept {extra}")
    if result.cost is not None:
        from .cost.ledger import named, save
        from .cost.prices import priced

        where = save(named(result.cost, story.bible.title, result.path), output.with_suffix(".cost.json"))
        p = priced([result.cost])
        err.print(f"cost: ${p['total']:.5f} ({p['per_hour_of_film']:.4f} $ per hour of film at the default prices); "
                  f"{where} (`dreamreel cost {where}`)")
    if result.manifest is not None:
        err.print(f"signed: C2PA manifest (AI-generated) by the chain in {result.signed_by}; check with "
                  f"`dreamreel verify {result.path}`")
    if not label:
        err.print(Text("note: no visible AI-generated label (--no-label); the file's metadata and its signed "
                       "manifest still say it is AI-generated", style="yellow"))


_RES = typer.Option("--res", help="720p, 1080p or 480p.")
_CHOICES = typer.Option("--choices", help="auto (seeded), first, or a JSON file of {choice_id: option_id}.")
_KEEP = typer.Option("--keep", help="Also keep fMP4 segments, WebVTT captions and the OTIO timeline beside the film.")
_LABEL = typer.Option("--label/--no-label", help="Burn the 'AI-generated' label into the picture.")
_LABEL_TEXT = typer.Option("--label-text", help="What the burned-in label says (1-40 printable characters, "
                                                "saying AI, KI, IA, artificial or synthetic; default: "
                                                "AI-generated).", show_default=False)
_LABEL_CORNER = typer.Option("--label-corner", help="Where the label sits: top-left, top-right, bottom-left or "
                                                    "bottom-right (default).", show_default=False)
_PRESET = typer.Option("--preset", help="x264 speed: ultrafast (default, fastest), superfast, veryfast (a third "
                                        "the size, half the speed), faster, fast, medium, slow.")
_BUDGET = typer.Option("--budget", help="Most this film may cost (USD, default price table): it is made at "
                                        "a lower resolution if it must be, refused if even that costs more.")
_BURN = typer.Option("--burn-subtitles", help="Also burn the subtitles into the picture (the MP4 always carries "
                                              "them as an English subtitle track).")
_VISUAL = typer.Option("--visual", help="The visual backend that draws the shots (default: procedural; "
                                        "`dreamreel backends` lists them).", show_default=False)
_VOICE = typer.Option("--voice", help="The voice backend (default: piper, else espeak-ng; `dreamreel backends` "
                                      "lists them).", show_default=False)
_MUSIC = typer.Option("--music", help="The music backend that scores the film (default: procedural; "
                                      "`dreamreel backends` lists them).", show_default=False)
_CACHE = typer.Option("--cache/--no-cache", help="Keep rendered shots, voices and mixes in the cache "
                                                 "(DREAMREEL_CACHE_DIR, else ~/.cache/dreamreel) for the next render.")


def _backends(visual: str | None, voice: str | None, music: str | None) -> dict:
    """The backends asked for, made before any work (an unknown or missing one is one line);
    None where the default is asked for."""
    from .backends import make

    return {"visual": make("visual", visual) if visual else None, "voice": make("voice", voice) if voice else None,
            "music": make("music", music) if music else None}


@app.command()
def make(
    request: Annotated[str, typer.Argument(help="What you want to watch, in your own words.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The film (MP4).")],
    profile: Annotated[Path | None, typer.Option("--profile", help="A viewer profile (JSON).")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    episodes: Annotated[int | None, typer.Option("--episodes", help="Number of episodes (1-12).")] = None,
    rating: Annotated[str, typer.Option("--rating", help="G, PG, PG-13 or R.")] = "PG-13",
    res: Annotated[str, _RES] = "720p",
    choices: Annotated[str, _CHOICES] = "auto",
    keep: Annotated[bool, _KEEP] = False,
    label: Annotated[bool, _LABEL] = True,
    label_text: Annotated[str | None, _LABEL_TEXT] = None,
    label_corner: Annotated[str | None, _LABEL_CORNER] = None,
    preset: Annotated[str, _PRESET] = "ultrafast",
    cache: Annotated[bool, _CACHE] = True,
    budget: Annotated[float | None, _BUDGET] = None,
    pack: Annotated[Path | None, _PACK] = None,
    sandbox: Annotated[list[Path] | None, _SANDBOX] = None,
    burn_subtitles: Annotated[bool, _BURN] = False,
    visual: Annotated[str | None, _VISUAL] = None,
    voice: Annotated[str | None, _VOICE] = None,
    music: Annotated[str | None, _MUSIC] = None,
    llm: Annotated[str | None, typer.Option("--llm", help="Plan and write the story with an LLM: 'gguf', "
                                               "'gguf:PATH', or 'openai:URL' (as `dreamreel write`).")] = None,
    critic: Annotated[bool, typer.Option("--critic/--no-critic", help="With --llm: the model reviews the "
                                         "story and the writer revises what it notes.")] = True,
    max_tokens: Annotated[int | None, _MAX_TOKENS] = None,
) -> None:
    """Write a story for a request and make it into a film."""
    with user_errors():
        from pydantic import ValidationError

        from .model import Request
        from .store.files import first_error

        burned = _label(label, label_text, label_corner)
        _check_film_options(output, res, preset, choices)

        fields: dict = {"prompt": request, "rating": rating}
        if episodes is not None:
            fields["episodes"] = episodes
        try:
            req = Request(**fields)
        except ValidationError as e:
            raise BadInputError(f"bad request: {first_error(e)}") from None
        prof = _load_profile(profile)
        policy = _load_sandbox(sandbox)
        assets = _load_pack(pack) if pack is not None else policy.packs[0] if policy is not None else None
        story, writing = _written(req, prof, seed, assets, llm, True, critic, max_tokens)
        err.print(Text(f"{story.bible.title}: {len(story.graph.episodes)} episode(s), "
                       f"{' + '.join(story.bible.genres)}", style="bold magenta"))
        for note in filter(None, story.generator.get("notes", "").split("; ")):
            err.print(Text(f"note: {note}", style="yellow"), soft_wrap=True)
        _make(story, output, prof, choices, seed, res, keep, burned, preset, cache, budget, sandbox=policy,
              burn_subtitles=burn_subtitles, visual=visual, voice=voice, music=music,
              writing=writing.entries if writing is not None else None)


@app.command()
def render(
    story: Annotated[Path, typer.Argument(help="A story file (JSON).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The film (MP4).")],
    profile: Annotated[Path | None, typer.Option("--profile", help="A viewer profile (JSON).")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    res: Annotated[str, _RES] = "720p",
    choices: Annotated[str, _CHOICES] = "auto",
    keep: Annotated[bool, _KEEP] = False,
    label: Annotated[bool, _LABEL] = True,
    label_text: Annotated[str | None, _LABEL_TEXT] = None,
    label_corner: Annotated[str | None, _LABEL_CORNER] = None,
    preset: Annotated[str, _PRESET] = "ultrafast",
    cache: Annotated[bool, _CACHE] = True,
    budget: Annotated[float | None, _BUDGET] = None,
    sandbox: Annotated[list[Path] | None, _SANDBOX] = None,
    burn_subtitles: Annotated[bool, _BURN] = False,
    visual: Annotated[str | None, _VISUAL] = None,
    voice: Annotated[str | None, _VOICE] = None,
    music: Annotated[str | None, _MUSIC] = None,
    revises: Annotated[Path | None, typer.Option("--revises", help="The story this one revises (as it was "
                                                 "before `dreamreel revise`): every scene is cut as its film's "
                                                 "were, so only the revised scenes are drawn again.")] = None,
) -> None:
    """Make a film from a story file."""
    with user_errors():
        burned = _label(label, label_text, label_corner)
        _check_film_options(output, res, preset, choices)
        loaded = _load_story(story)
        original = _load_story(revises) if revises is not None else None
        if original is not None and original.id != loaded.id:  # (before any work)
            raise BadInputError(f"{story} is not a revision of {revises} (story {loaded.id!r}, not {original.id!r})")
        _make(loaded, output, _load_profile(profile), choices, seed, res, keep, burned, preset, cache,
              budget, writing=_story_writing(story, loaded), sandbox=_load_sandbox(sandbox),
              burn_subtitles=burn_subtitles, visual=visual, voice=voice, music=music, cut_as=original)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    data: Annotated[Path, typer.Option("--data", help="Where films and the database live.")]
    = Path("~/.local/share/dreamreel"),
    db: Annotated[str | None, typer.Option("--db", help="A database URL (default: SQLite in --data; "
                                                        "postgresql+psycopg://... for a shared server).")] = None,
    res: Annotated[str, _RES] = "720p",
    film_budget: Annotated[float | None, typer.Option("--film-budget", help="Most one film may cost (USD).")] = None,
    viewer_budget: Annotated[float | None, typer.Option("--viewer-budget", help="Most one viewer's films may "
                                                         "cost in all (USD).")] = None,
    sandbox: Annotated[list[Path] | None, _SANDBOX] = None,
    label_text: Annotated[str | None, _LABEL_TEXT] = None,
    label_corner: Annotated[str | None, _LABEL_CORNER] = None,
    llm: Annotated[str | None, typer.Option("--llm", help="A model to revise films with, for their owners "
                                            "(in the player): 'gguf', 'gguf:PATH' or 'openai:URL'.")] = None,
    visual: Annotated[str | None, _VISUAL] = None,
    voice: Annotated[str | None, _VOICE] = None,
    music: Annotated[str | None, _MUSIC] = None,
) -> None:
    """Serve the portal and the player: films made while they are watched (always with the
    burnt-in label: a server cannot turn it off)."""
    with user_errors():
        # the address first, before any work: a port in use is one line (uvicorn's was 'ERROR:', exit 3)
        listening = _listen(host, port)
        import uvicorn

        from .production import RESOLUTIONS
        from .serve.app import create_app

        if res not in RESOLUTIONS:
            raise BadInputError(f"unknown resolution {res!r}; use one of {', '.join(RESOLUTIONS)}")
        # every film the server makes draws, speaks and scores with these: checked now, not at the first film
        chosen = {k: v for k, v in _backends(visual, voice, music).items() if v is not None}
        folder = data.expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise BadInputError(f"cannot use {folder} for films: {e.strerror}") from None
        url = db or f"sqlite:///{folder / 'dreamreel.db'}"
        policy = _load_sandbox(sandbox)
        burned = _label(True, label_text, label_corner)
        writer = None
        if llm is not None:  # (a bad spec: one line, before it listens)
            from .narrative.llm.registry import get_backend
            writer = get_backend(llm)
        served = create_app(url, folder, res=res, film_budget=film_budget, viewer_budget=viewer_budget,
                            sandbox=policy, llm=writer, make_kw={"label": burned, **chosen})  # (a lost or damaged store stops it here)
        # what the first film waits on (the voice model, the render workers) gets ready while the
        # server starts listening, not when the first viewer waits
        served.state.server.warm_up()
        err.print(f"[bold]dreamreel[/] serving on http://{host}:{port}/  (films in {folder})"
                  + (f"; a sandbox of {policy}" if policy is not None else "")
                  + "".join(f"; {kind} by {b.name}" for kind, b in chosen.items())
                  + f"; {served.state.server.capacity()} film(s) made at once")
        from .serve.guard import MAX_SOCKET_MESSAGE_BYTES

        uvicorn.Server(uvicorn.Config(served, host=host, port=port, log_level="warning",
                                      ws_max_size=MAX_SOCKET_MESSAGE_BYTES)).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host``:``port`` for the server (as uvicorn would bind it), or one
    line saying why not."""
    sock = None
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except (OSError, UnicodeError, OverflowError) as e:  # (socket.gaierror is an OSError)
        if sock is not None:
            sock.close()
        why = str(getattr(e, "strerror", None) or e).rstrip(".")
        raise BadInputError(f"cannot listen on {host}:{port}: {why}; give another --host or --port") from None
    sock.set_inheritable(True)
    return sock


@app.command()
def revise(
    story: Annotated[Path, typer.Argument(help="A story file (JSON).")],
    note: Annotated[str, typer.Argument(help="How to revise it, in your words: 'make her angrier'.")],
    beat: Annotated[list[str] | None, typer.Option("--beat", help="The beat to revise (repeat for several).")] = None,
    episode: Annotated[int | None, typer.Option("--episode", help="Revise every beat of this episode.")] = None,
    llm: Annotated[str, typer.Option("--llm", help="The model: 'gguf', 'gguf:PATH' or 'openai:URL'.")] = "gguf",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the revised story here "
                                                "(default: over the story file).")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="Hold what the model writes to this viewer's "
                                                    "content limits and themes to avoid.")] = None,
    max_tokens: Annotated[int | None, typer.Option("--max-tokens", help="Stop revising after this many "
                                                   "tokens (the beats not reached stay as they are).")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
) -> None:
    """Revise one beat (or an episode) of a story with an LLM; the rest of the story stays as it is."""
    with user_errors():
        from .narrative.llm.registry import get_backend
        from .narrative.revise import revise as revise_story
        from .store.files import save_model

        loaded = _load_story(story)
        if bool(beat) == (episode is not None):
            raise BadInputError("name what to revise: --beat ID (one or more) or --episode N")
        if episode is not None:
            ids = [b.id for b in loaded.graph.beats if b.episode == episode]
            if not ids:
                raise BadInputError(f"the story has no episode {episode} (it has {len(loaded.graph.episodes)})")
        else:
            ids = list(beat or [])
        if max_tokens is not None and max_tokens < 1:
            raise BadInputError("--max-tokens must be at least 1")
        prof = _load_profile(profile)
        backend = get_backend(llm)
        with err.status(f"revising {len(ids)} beat(s) with {backend.name}"):
            revised, report = revise_story(loaded, backend, note, beats=ids, limits=prof.content_limits,
                                           avoid=prof.avoid, seed=seed, token_budget=max_tokens)
        for r in report.revisions:
            if r.outcome in ("model", "repaired"):
                out.print(Text(f"{r.beat} ({r.telling}): {r.after[:160]}", style="green"), soft_wrap=True)
            elif r.outcome == "kept":
                why = r.problems[-1] if r.problems else "no answer"
                out.print(Text(f"{r.beat} ({r.telling}): left as it was ({why})", style="yellow"), soft_wrap=True)
        target = output or story
        save_model(target, revised)
        again = f"dreamreel render {target} --revises {story}" if target != story else \
            "dreamreel render --revises with the story as it was (keep it: -o)"
        err.print(f"LLM reviser: {report.summary()}; saved to {target}. Render it again ({again}): only the "
                  f"revised beats' shots are drawn anew, the rest come from the cache.", soft_wrap=True)


@app.command()
def check(
    story: Annotated[Path, typer.Argument(help="A story file (JSON).")],
    profile: Annotated[Path | None, typer.Option("--profile", help="Also hold the story to this viewer's "
                                                    "ceiling, content limits and themes to avoid.")] = None,
) -> None:
    """Check a story: reachability, dead ends, loops, state, continuity, rating."""
    with user_errors():
        from .narrative.validate import validate

        report = validate(_load_story(story), profile=_load_profile(profile) if profile else None)
        for p in report.problems:
            style = "red" if p.severity == "error" else "yellow"
            out.print(Text(p.line(), style=style), soft_wrap=True)
        out.print(Text(report.summary()), soft_wrap=True)
        if not report.ok:
            raise typer.Exit(1)


@app.command()
def show(
    story: Annotated[Path, typer.Argument(help="A story file (JSON).")],
    episode: Annotated[list[int] | None, typer.Option("--episode", "-e", help="Only these episodes.")] = None,
    picture: Annotated[Path | None, typer.Option("--picture", help="Also draw the graph to this .svg or .png.")] = None,
) -> None:
    """Print a readable outline of a story; --picture draws its graph."""
    with user_errors():
        from .narrative.outline import outline

        s = _load_story(story)
        if episode:
            bad = [n for n in episode if not 1 <= n <= len(s.graph.episodes)]
            if bad:
                raise BadInputError(f"--episode {bad[0]}: the story has episodes 1 to {len(s.graph.episodes)}")
        for part in outline(s, episode):
            out.print(part)
        if picture:
            from .narrative.picture import render_picture
            render_picture(s, picture)
            err.print(f"[green]picture saved to {picture}[/]")


@app.command()
def backends() -> None:
    """List the visual, voice, music and LLM backends installed: what each runs on, how many may run at
    once and what it costs."""
    with user_errors():
        from rich.table import Table

        from .backends import listing

        table = Table(title="backends (entry points in the dreamreel.backends group)")
        for col in ("kind", "name", "device", "at once", "CPU s/s of film", "cost", "class"):
            table.add_column(col, overflow="fold")
        for b in listing():
            cost = "by the price table" if b.cost_per_second is None else f"{b.cost_per_second:g} USD/s of film"
            cpu = "?" if b.cpu_per_second is None else f"{b.cpu_per_second:g}" + (" at 720p" if b.kind == "visual" else "")
            table.add_row(b.kind, b.name, b.device, "one per core" if b.concurrency is None else str(b.concurrency),
                          cpu, cost, b.target)
        out.print(table)


@app.command()
def shotlog(
    film: Annotated[Path, typer.Argument(help="A film (MP4) made with --keep, or its .otio timeline.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the shot log as JSON.")] = False,
) -> None:
    """Print what each shot of a film shows: place, who (species, costume), props, action, and
    what was drawn as something else."""
    with user_errors():
        import json

        from rich.table import Table

        from .edit.shotlog import entries, row

        meta, log = entries(film)
        if as_json:
            out.print_json(json.dumps({"film": str(film), "title": meta.get("title"), "fps": meta.get("fps"),
                                       "substituted": meta.get("substituted", []), "shots": log}))
            return
        rows = [row(e) for e in log]
        table = Table(title=f"{meta.get('title') or film.stem}: {len(log)} shots", show_lines=False)
        for col in ("#", "time", "length", "shot", "place", "who", "costume", "props", "action"):
            table.add_column(col, justify="right" if col in ("#", "time", "length") else "left",
                             overflow="fold")
        for r in rows:
            table.add_row(*r.values())
        out.print(table)
        for line in meta.get("substituted", []):
            out.print(Text(f"substituted: {line}", style="yellow"), soft_wrap=True)


@app.command("contact-sheet")
def contact_sheet_(
    film: Annotated[Path, typer.Argument(help="A film (MP4) made with --keep (its .otio is beside it).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The sheet (PNG).")],
    columns: Annotated[int, typer.Option("--columns", help="Frames per row.")] = 4,
    width: Annotated[int, typer.Option("--width", help="Width of each frame in pixels.")] = 320,
) -> None:
    """Draw a contact sheet: a frame from the middle of every shot, labelled with its number,
    time, place and who is in it."""
    with user_errors():
        from .edit.contact_sheet import contact_sheet
        from .edit.shotlog import entries

        if film.suffix.lower() != ".mp4":
            raise BadInputError(f"{film}: give the film (MP4); its .otio beside it says where the shots are")
        meta, log = entries(film)
        if not film.is_file():
            raise BadInputError(f"{film}: no such film (its timeline is there, the MP4 is not)")
        contact_sheet(film, meta, log, output, columns=columns, thumb_width=width)
        err.print(f"[green]{output}: {len(log)} shots[/]")


@app.command("export")
def export_(
    story: Annotated[Path, typer.Argument(help="A story file (JSON).")],
    format: Annotated[str, typer.Option("--format", "-f", help="ink or twee.")] = "ink",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (default: beside the story).")] = None,
) -> None:
    """Export a story as ink source (for inkle's tools) or Twee 3 (for Twine)."""
    with user_errors():
        from .errors import UnknownNameError
        from .store.files import write_atomic

        s = _load_story(story)
        if format == "ink":
            from .narrative.ink_export import to_ink
            text, suffix = to_ink(s), ".ink"
        elif format == "twee":
            from .narrative.twee_export import to_twee
            text, suffix = to_twee(s), ".twee"
        else:
            raise UnknownNameError(f"unknown format {format!r}; use ink or twee")
        target = output or story.with_suffix(suffix)
        write_atomic(target, text)
        err.print(f"[green]wrote {target}[/]")


@app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(help="A compiled ink story (.json) or ink source (.ink).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Write the story here (JSON).")],
    max_states: Annotated[int, typer.Option("--max-states", help="Explore at most this many story states.")] = 2000,
) -> None:
    """Import someone else's ink story as a dreamreel story graph."""
    with user_errors():
        from .narrative.ink_import import load_ink_file
        from .store.files import save_model

        story = load_ink_file(source, max_states=max_states, title=source.stem)
        save_model(output, story)
        if story.generator.get("ink_import_notes"):
            err.print(Text(f"warning: {story.generator['ink_import_notes']}", style="yellow"), soft_wrap=True)
        g = story.graph
        err.print(f"[green]imported {len(g.beats)} beats, {sum(1 for b in g.beats if b.choice)} choices, "
                  f"{len(g.endings)} endings, {len(story.bible.cast)} speakers; saved to {output}[/]")


@app.command()
def cost(
    paths: Annotated[list[Path], typer.Argument(help="Cost reports (*.cost.json), or folders to search for them "
                                                      "(a server's --data folder).")],
    prices: Annotated[Path | None, typer.Option("--prices", help="A price table (JSON: cpu_hour, gpu_hour, "
                                                "llm_prompt_mtok, llm_completion_mtok, api_call, currency).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
) -> None:
    """What films cost to make: per film, per episode, per viewer and per hour of film."""
    import json as _json

    from .cost.ledger import load
    from .cost.prices import load_prices, priced

    with user_errors():
        table = load_prices(prices)
        files: list[Path] = []
        for p in paths:
            if p.is_dir():
                files += sorted(p.rglob("*cost.json"))
            elif p.is_file():
                files.append(p)
            else:
                raise BadInputError(f"{p}: no such file or folder")
        if not files:
            raise BadInputError(f"no cost reports (*.cost.json) in {', '.join(map(str, paths))}")
        report = priced([load(f) for f in files], table)
    if as_json:
        out.print_json(_json.dumps(report))
        return
    cur = report["currency"]
    for name, f in report["films"].items():
        eps = ", ".join(f"episode {k}: {v:.5f}" for k, v in f["episodes"].items() if k != "0")
        made = f"for {f['film_seconds']:.0f} s of film" if f["film_seconds"] else "(a story: no film made from it here)"
        out.print(f"{name}: {f['cost']:.5f} {cur} {made}"
                  f"{f' ({eps})' if eps else ''}" + (f", viewer {f['viewer']}" if f["viewer"] else ""))
    for viewer, v in report["viewers"].items():
        out.print(f"viewer {viewer}: {v:.5f} {cur}")
    out.print("by stage: " + ", ".join(f"{k} {v:.5f}" for k, v in report["stages"].items()))
    spent = report["resources"]
    shown = [f"{spent[k]:{f}} {what}" for k, f, what in (
        ("cpu_seconds", ".1f", "CPU s"), ("gpu_seconds", ".1f", "GPU s"), ("llm_prompt_tokens", ".0f", "prompt tokens"),
        ("llm_completion_tokens", ".0f", "completion tokens"), ("api_calls", ".0f", "API calls"),
        ("declared_usd", ".5f", "USD the backends charge")) if k in spent]
    out.print("spent: " + ", ".join(shown) if shown else "spent: nothing")
    per_hour = report["per_hour_of_film"]
    out.print(f"total {report['total']:.5f} {cur} for {report['film_seconds']:.0f} s of film: "
              f"{per_hour:.4f} {cur} per hour of film" if per_hour is not None
              else f"total {report['total']:.5f} {cur}; no film made")


@app.command()
def learning(
    data: Annotated[Path, typer.Option("--data", help="The server's folder (as `dreamreel serve --data`).")]
    = Path("~/.local/share/dreamreel"),
    db: Annotated[str | None, typer.Option("--db", help="The server's database URL (default: SQLite in --data).")]
    = None,
    judge: Annotated[bool, typer.Option("--judge", help="Also judge the model now on the sessions logged since "
                                                        "the last judgement (changes nothing).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """The learning director on a server: whether the off-policy gate lets its model steer live
    films (else the adaptive director steers), why, and what is logged."""
    from datetime import datetime, timezone

    from .store.learning import Judgement, LearningStore

    with user_errors():
        folder = data.expanduser()
        if db is None and not (folder / "dreamreel.db").is_file():
            raise BadInputError(f"no server database in {folder}: give the folder `dreamreel serve --data` uses, "
                                f"or --db")
        if db is not None:  # a report: never a new database where a URL was mistyped
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError

            try:
                url = make_url(db)
            except ArgumentError:
                raise BadInputError(f"--db {db!r} is not a database URL (e.g. sqlite:////srv/dreamreel.db)") from None
            if url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).is_file()):
                raise BadInputError(f"no server database at {db}: give the URL `dreamreel serve --db` uses")
        store = LearningStore(db or f"sqlite:///{folder / 'dreamreel.db'}")
        report = store.verdict()
        if judge:
            report.judged_now = Judgement.model_validate(store.judge(store.learner(), commit=False))
    if as_json:
        out.print_json(report.model_dump_json(exclude_none=True))
        return

    def said(j: Judgement) -> str:
        at = datetime.fromtimestamp(j.judged_at, timezone.utc).strftime("%Y-%m-%d %H:%M UTC") \
            if j.judged_at is not None else "?"
        if j.dr is None or j.dr_diff_ci is None:
            return f"{j.why} ({at})"
        lo, hi = j.dr_diff_ci
        return (f"{'promoted' if j.promoted else 'not promoted'}: {j.why} ({at}; doubly robust reward a "
                f"decision {j.dr:.3f} against the director's {j.baseline_dr or 0:.3f}, difference "
                f"{j.dr_diff or 0:+.3f} [{lo:+.3f}, {hi:+.3f}], overlap {j.overlap or 0:.2f}, on {j.decisions} "
                f"decisions of {j.sessions} sessions)")

    model = report.model
    if model is None:
        out.print("no model yet: no viewing has been learned from (the adaptive director steers)")
    else:
        out.print(f"steers live films: {'yes, the learned model' if report.steers else 'no, the adaptive director'}"
                  f" (learned from {model.sessions_learned} sessions)")
    if report.prior is not None:
        p = report.prior
        out.print(f"started from: the {p.label} ({p.viewers} simulated viewers, {p.sessions} sessions, "
                  f"none counted below)")
    out.print(f"logged: {report.sessions_logged} sessions, {report.decisions_logged} decisions "
              f"({report.decisions_rewarded} with a reward), {report.viewers_remembered} viewers remembered")
    last = report.last_judgement
    out.print(f"last judgement: {said(last)}" if last else "last judgement: none yet")
    out.print(f"next judgement: after {max(0, report.judged_every - report.sessions_since_judgement)} more "
              f"sessions ({report.sessions_since_judgement} logged since the last; judged every "
              f"{report.judged_every})")
    if report.judged_now is not None:
        out.print(f"judged now: {said(report.judged_now)}")


pack_app = typer.Typer(help="Licensed asset packs: a studio's characters, settings, palettes and music.",
                       no_args_is_help=True)
app.add_typer(pack_app, name="pack")


@pack_app.command("check")
def pack_check(pack: Annotated[Path, typer.Argument(help="A pack.json, a folder holding one, or a .zip.")],
               sheet: Annotated[Path | None, typer.Option("--sheet", help="Also draw its contact sheet (PNG): "
                                                          "every setting and character as films draw them.")] = None,
               ) -> None:
    """Check an asset pack and say what it offers, under which licence."""
    with user_errors():
        from .trust.licences import Sandbox

        loaded = _load_pack(pack)
        a, lic = loaded.assets, loaded.assets.licence
        out.print(Text(f"{a.name} {a.version} ({a.id}) by {a.publisher}", style="bold"))
        out.print(f"licence: {lic.name} ({lic.holder})" + (f", {lic.url}" if lic.url else ""))
        out.print(f"  fan works: {'yes' if lic.fan_works else 'no'}; commercial: {'yes' if lic.commercial else 'no'}; "
                  f"expires: {lic.expires.isoformat() if lic.expires else 'never'}")
        out.print(f"  credit: {lic.attribution}")
        out.print("characters: " + ", ".join(f"{c.name} ({c.role})" for c in a.characters))
        out.print("settings: " + ", ".join(f"{s.name} ({s.role})" for s in a.settings))
        out.print("palettes: " + ", ".join(p.name for p in a.palettes) + "; music: " + ", ".join(m.name for m in a.music))
        out.print(f"sha256: {loaded.sha256}")
        for problem in Sandbox([loaded]).licence_problems(loaded):
            err.print(Text(f"note: {problem}", style="yellow"))
        if sheet is not None:
            from .synth.visual.sheet import render_sheet

            err.print(f"contact sheet: {render_sheet(loaded, sheet)}")


keys_app = typer.Typer(help="The chain that signs every film's C2PA manifest.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("init")
def keys_init(
    folder: Annotated[Path | None, typer.Option("--dir", help="Where to keep it (default: the user's data folder).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a chain already there.")] = False,
) -> None:
    """Make a local development CA and signing leaf (films signed with it verify as trusted on
    this machine only). For your own chain, set DREAMREEL_SIGN_CERT and DREAMREEL_SIGN_KEY."""
    from .trust.provenance import init_keys

    with user_errors():
        where = init_keys(folder, force=force)
    out.print(f"development signing chain in {where} (ca.pem is the trust anchor; signer.key stays private)")


@app.command()
def verify(
    film: Annotated[Path, typer.Argument(help="A film (MP4) to check, or a stream folder (each episode's manifest).")],
    anchors: Annotated[Path | None, typer.Option("--anchors", help="PEM roots to trust (default: "
                                                 "DREAMREEL_TRUST_ANCHORS, else this machine's development CA).")] = None,
    show: Annotated[bool, typer.Option("--manifest", help="Also print the manifest as JSON.")] = False,
) -> None:
    """Check a film's C2PA manifest: trusted, valid (signature holds, chain not trusted here),
    invalid (and why), or unsigned. Exits 0 for trusted or valid, 1 otherwise."""
    import json as _json

    from .trust.provenance import ANCHOR, keys_dir, verify_stream
    from .trust.provenance import verify as check

    with user_errors():
        import os

        path = anchors or (Path(os.environ["DREAMREEL_TRUST_ANCHORS"]) if os.environ.get("DREAMREEL_TRUST_ANCHORS")
                           else keys_dir() / ANCHOR)
        roots = path.read_bytes() if path.is_file() else None
        if anchors is not None and roots is None:
            raise BadInputError(f"{anchors}: no such file of trust anchors")
        if film.is_dir():  # a stream: a manifest for each finished episode
            episodes = verify_stream(film, roots)
            for n, each in episodes:
                out.print(f"episode {n}: {each.state}: {each.reason}"
                          + ("; AI-generated (trainedAlgorithmicMedia)" if each.ai_generated else ""))
            if not episodes:
                out.print("unsigned: no episode of this stream has finished (or it was never signed)")
            raise typer.Exit(0 if episodes and all(v.ok for _, v in episodes) else 1)
        verdict = check(film, roots)
    ai = "; AI-generated (trainedAlgorithmicMedia)" if verdict.ai_generated else ""
    out.print(f"{verdict.state}: {verdict.reason}{ai}")
    if show and verdict.manifest is not None:
        out.print_json(_json.dumps(verdict.manifest))
    raise typer.Exit(0 if verdict.ok else 1)


@app.command()
def schemas(folder: Annotated[Path, typer.Argument(help="Folder to write the JSON Schemas into.")] = Path("schemas")) -> None:
    """Export the JSON Schemas of dreamreel's file formats and of the server's replies."""
    with user_errors():
        from .model.schemas import write_schemas
        from .serve.schemas import DOCUMENTS as API_DOCUMENTS
        for path in write_schemas(folder, API_DOCUMENTS):
            err.print(f"wrote {path}")


def run() -> None:  # pragma: no cover - console entry point alias
    app()


if __name__ == "__main__":
    sys.exit(app())
