"""Hard science fiction: a Mars colony under oxygen rationing, engineers who trust numbers, a director who sells air."""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="scifi",
    label="hard science fiction",
    aliases=("scifi", "sci-fi", "sci fi", "science fiction", "hard sci-fi", "hard sci fi", "hard scifi",
             "hard science fiction", "sf", "space", "outer space", "space opera", "mars", "martian",
             "mars colony", "space station", "spaceship", "astronaut", "astronauts"),
    world_strength=0.9,
    tone="tense, precise, claustrophobic, quietly hopeful: survival is a matter of arithmetic",
    era="2140s",
    world_names=("Tharsis Colony", "Jezero Station", "New Aldrin", "Hellas Deep", "Korolev Crater Colony",
                 "Arcadia Planitia Base"),
    world_description=(
        "{world}, the {era}: four domes of pressurised glass on the rim of a Martian crater, where air is metered "
        "by the hour and every bolt came up the gravity well at a ruinous price.",
        "{world} in the {era}. Twelve thousand people breathe recycled air under thin glass, the supply ship from "
        "Earth is ten months out, and the Consortium owns the air plant.",
        "{world}, the {era}. A colony that was promised a garden and got a spreadsheet: rationed oxygen, reclaimed "
        "water, and a blue sunset nobody has time to watch.",
    ),
    rules=(
        "Oxygen is rationed by the hour, and every citizen's allowance is logged against a name.",
        "A supply ship from Earth can only come when the orbits line up, once every twenty-six months.",
        "A radio message takes up to twenty minutes to reach Earth, so nobody can call home for help.",
        "Outside the domes the air is too thin to breathe and colder than an Antarctic night.",
        "The Consortium owns the air plant; the colony council only owns the vote.",
    ),
    places=(
        PlaceSpec("the life-support bay in Dome Two", "lab", "home",
                  "Scrubber stacks, humming pumps, and a wall of gauges that tells the colony how long it can breathe.",
                  "night", "clear"),
        PlaceSpec("the hydroponics terraces", "mars_dome", "home",
                  "Racks of lettuce and dwarf wheat under pink grow-lights, misters hissing, the colony's green lung.",
                  "day", "dust"),
        PlaceSpec("the Commons under the Great Dome", "mars_dome", "hub",
                  "A terraced plaza under curved glass: ration kiosks, a queue for water, a rust-pink sky overhead.",
                  "day", "dust"),
        PlaceSpec("Docking Ring Three on Phobos Station", "space_station", "hub",
                  "A zero-g cargo ring of tethered crates and handholds, with Mars filling every window.",
                  "night", "clear"),
        PlaceSpec("the plain outside the north airlock", "desert", "danger",
                  "Rust-red regolith to the horizon, frost in the shadows, the dome lights small behind.",
                  "dusk", "dust"),
        PlaceSpec("the reactor service shaft", "interior", "danger",
                  "A narrow ladder shaft lit by amber warning strobes, coolant lines sweating frost.",
                  "night", "storm"),
        PlaceSpec("an abandoned survey hab on the crater rim", "ruins", "hideout",
                  "A prefab shelter from the first landing, half buried in dust, running on one tired solar panel.",
                  "night", "dust"),
        PlaceSpec("the shuttle Kestrel in Hangar Four", "spaceship", "hideout",
                  "A grounded shuttle with its cabin lights dimmed, cold coffee in the cup holders, no cameras.",
                  "night", "clear"),
        PlaceSpec("the director's suite on Deimos Station", "space_station", "lair",
                  "Spin gravity, real wood panelling shipped at a fortune a kilo, and the whole red planet in the window.",
                  "night", "clear"),
        PlaceSpec("the control deck of the atmosphere plant", "lab", "summit",
                  "Electrolysis towers, a master valve, one red console: the colony's heart.",
                  "night", "storm"),
        PlaceSpec("the freighter Perihelion at the launch gantry", "spaceship", "summit",
                  "A long-haul freighter creaking at its moorings, holds sealed, engines warming for the burn.",
                  "night", "clear"),
        PlaceSpec("the observation deck on the crater rim", "mars_dome", "vista",
                  "Thick glass, a bench nobody sits on, and the whole colony spread out below a pale Martian sunrise.",
                  "dawn", "clear"),
    ),
    weathers=("clear", "dust", "storm"),
    weather_phrases={
        "clear": ("the sky beyond the glass is clear and achingly cold", "Phobos slides across the sky overhead",
                  "the thin air outside is perfectly still"),
        "dust": ("fine red dust hisses across the dome glass", "a dust devil walks the crater floor outside",
                 "the dust outside turns every light the colour of rust"),
        "storm": ("a dust storm hammers the dome and the lights dim to save power",
                  "the storm has hidden the sun for the third day running",
                  "wind-driven grit roars against the outer hull"),
        "dawn": ("a small white sun lifts over the crater rim",),
        "dusk": ("the sunset burns blue over the crater rim",),
    },
    mcguffins=(
        ("the real oxygen audit", "the audit"),
        ("a data core from the lost survey ship Calypso", "the data core"),
        ("the master override for the air plant", "the override"),
        ("a core sample of the south polar ice", "the ice core"),
    ),
    schemes=(
        "selling the colony's oxygen reserve to the highest bidder on Earth",
        "faking the air audits so the domes look safe to settle",
        "rerouting the ice water to a private dome for the board",
        "quietly shutting down the oldest dome to cut costs",
    ),
    stakes=(
        "the colony runs out of air",
        "twelve thousand people lose their air before the supply ship arrives",
        "Dome Four goes dark and cold with everyone still inside",
        "Mars is abandoned for a generation",
    ),
    look="clean hard-edged science fiction: dusty rose exteriors, clinical white interiors, glowing status displays",
    palette=("#1b1d2a", "#c1440e", "#e8a87c", "#d9e4ec", "#3fb8af", "#0f4c5c"),
    monochrome=False,
    contrast=0.55,
    grain=0.1,
    lighting="cool panel light inside, a low ochre sun outside, amber warning strobes",
    motifs=("helmet visor reflections", "oxygen gauges", "red dust on glass", "status readouts",
            "countdown numerals", "the blue Martian sunset"),
    music="slow analog synth pads over a ticking pulse, sparse piano",
    names_first={
        "she": ("Ines", "Yara", "Mei", "Adaeze", "Sunita", "Katya", "Freya", "Noor", "Leilani"),
        "he": ("Tomas", "Ravi", "Kenji", "Emeka", "Anders", "Mateo", "Yusuf", "Dmitri", "Hiro"),
        "they": ("Ari", "Sol", "Rowan", "Sasha", "Tal", "Juno", "Kiran", "Eden"),
    },
    names_last=("Okafor", "Lindqvist", "Tanaka", "Ibarra", "Novak", "Chandra", "Haddad", "Mwangi", "Park",
                "Sorensen", "Achebe", "Zhou", "Kowalski", "Nakamura", "Quist", "Castellanos"),
    archetypes={
        "hero": (
            Archetype("life-support engineer", "prove someone is {scheme} before {stakes}",
                      "signed off on the last air audit and is starting to suspect it was a lie",
                      ("methodical", "stubborn", "dry humour", "calm under pressure"),
                      ("grey work coverall", "pressure suit liner"), ("wrist terminal", "multitool"),
                      ("buzzed", "braid", "short"), "level, precise voice"),
            Archetype("grounded shuttle pilot", "find out who is {scheme} and earn back {hero.their} wings",
                      "was blamed for a docking accident that was not {hero.their} fault",
                      ("restless", "brave", "quick", "quietly guilty"), ("flight jacket", "coverall"),
                      ("mission patch", "headset"), ("short", "ponytail"), "warm, clipped voice"),
            Archetype("colony systems analyst", "find the lie hidden in the numbers before {stakes}",
                      "trusts data more than people and has few friends left to prove it wrong",
                      ("precise", "awkward", "relentless", "secretly kind"), ("cardigan over a coverall",),
                      ("tablet", "glasses"), ("bob", "curly"), "soft, quick voice"),
        ),
        "villain": (
            Archetype("Consortium station director", "finish {scheme} before the auditors from Earth arrive",
                      "truly believes the colony only survives if it turns a profit",
                      ("polished", "reasonable", "ruthless with numbers"), ("tailored station suit",),
                      ("data slate", "Consortium pin"), ("slick", "silver crop"), "calm, reasonable voice, never raised"),
            Archetype("chief of colony security", "keep {scheme} secret and the domes in line",
                      "owes everything to the board on Earth and dreads being sent home in disgrace",
                      ("disciplined", "suspicious", "cold"), ("black security fatigues",), ("comm earpiece",),
                      ("buzzed", "bald"), "flat, clipped voice"),
        ),
        "wild": (
            Archetype("corporate auditor from Earth", "get {mcguffin} back to Earth on the next transfer window",
                      "is paid by people who would quietly prefer the colony to fail",
                      ("charming", "observant", "unreadable", "homesick"), ("pale grey travel suit",),
                      ("sealed attache case",), ("bob", "slick"), "cool, amused voice",
                      secret="reports to the same board that {villain} answers to"),
            Archetype("ice smuggler with a fast ship", "sell {mcguffin} to whoever pays in air credits",
                      "owes oxygen to half the colony and charm to the other half",
                      ("sly", "reckless", "funny", "loyal to nobody"), ("patched flight suit",),
                      ("scarf", "goggles"), ("long waves", "mohawk"), "husky, teasing voice",
                      secret="was born in these domes and wants them saved more than anyone"),
        ),
        "comp": (
            Archetype("young hydroponics technician", "keep the crops alive and prove {comp.them}self to the crew",
                      "has never been outside the domes and is terrified of it", ("earnest", "curious", "brave"),
                      ("green work coverall",), ("seed pouch",), ("ponytail", "curly"), "bright, quick voice"),
            Archetype("veteran ice miner", "see one more sunrise over the ice fields",
                      "has breathed too much dust and hides the cough from the medics",
                      ("gruff", "patient", "loyal"), ("battered pressure suit",), ("helmet under one arm",),
                      ("bald", "short"), "gravelly, slow voice"),
            Archetype("colony AI in a maintenance chassis", "keep every human in {world} breathing",
                      "is not sure whether loyalty is a feeling or a subroutine", ("literal", "gentle", "curious"),
                      ("white composite shell",), ("single blue sensor eye",), ("none",), "calm, synthetic voice",
                      pronouns=("they",)),
            Archetype("flight surgeon on a short contract", "get everyone home with the same number of lungs",
                      "was meant to rotate back to Earth months ago", ("dry", "steady", "stubborn"),
                      ("medical scrubs", "lab coat"), ("medical scanner",), ("bun", "short"), "steady, wry voice"),
        ),
    },
    titles=("Thin Air over {world}", "The Last Reserve", "Pressure", "Under the Glass of {world}",
            "The Breathing Math", "{hero} Against the Vacuum"),
    episode_titles=("Scrubber Three", "Pressure Drop", "Transfer Window", "Half-Life", "Dust Season", "Redline",
                    "Blue Sunset", "Cycle Time"),
    loglines=(
        "In {world}, {hero.full}, {hero_archetype}, finds that someone is {scheme}, and has until the next "
        "transfer window to prove it before {stakes}.",
        "{hero.full} has one transfer window to find {mcguffin} before {stakes}. The numbers are on "
        "{hero.their} side; the people are not.",
        "Air is rationed, Earth is twenty light-minutes away, and {hero.full} has just found the one "
        "number in {world} that was never supposed to be checked.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, the {era}. In {place}, {hero.full} watches the oxygen numbers the way other people watch "
                "the sky, while {weather}.",
                "Day four hundred and twelve of the ration. In {place}, the scrubbers hum, the gauges glow, and "
                "{hero} is the only one who suspects the gauges are lying.",
                "Nothing in {world} is wasted: not water, not heat, not breath. In {place}, {hero} and {comp} "
                "are counting all three.",
            ),
            action=(
                "{hero} taps a gauge twice. The needle does not move. {comp} slides a ration bar across the console.",
                "A warning tone chirps, then falls silent. {comp} looks up from the pump manifold.",
                "{comp} pulls a filter cartridge, holds it to the light, and frowns at the grit caked inside.",
            ),
            exchanges=(
                (("comp", "neutral", "Scrubber three is down four percent again."),
                 ("hero", "neutral", "Third time this week."),
                 ("comp", "afraid", "The audit says we have a full reserve."),
                 ("hero", "tired", "The audit says a lot of things. The air says otherwise."),
                 ("comp", "determined", "So we check it ourselves?"),
                 ("hero", "determined", "By hand. Every tank.")),
                (("comp", "happy", "Good news. The lettuce survived the power dip."),
                 ("hero", "tired", "And the bad news?"),
                 ("comp", "neutral", "The power dip wasn't on the schedule. Somebody pulled it."),
                 ("hero", "neutral", "Nobody pulls power in {world} without a reason."),
                 ("comp", "sly", "Or without a log entry. There isn't one.")),
                (("hero", "neutral", "How long till the next supply ship?"),
                 ("comp", "tired", "Three hundred and ten days. Give or take a planet."),
                 ("hero", "sly", "Then let's not waste any air arguing."),
                 ("comp", "happy", "You say that every morning."),
                 ("hero", "neutral", "And every morning we're still breathing. It works.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "The patch held. {prev} is back on the duty roster, and {hero} has stopped counting the seconds "
                "between breaths. Almost.",
                "Another day, another ration. In {place}, {prev} is alive because {hero} did the math twice and "
                "ignored the answer once.",
            ),
            action=(
                "{prev} sets down a cup of reclaimed-water coffee, a medical sensor still taped to one wrist.",
                "{prev} pins the crisis log to the wall display and circles one line in red: a signature that "
                "should not be there.",
                "{comp} runs a diagnostic while {prev} and {hero} trade the kind of look that needs no words.",
            ),
            exchanges=(
                (("prev", "tender", "You cycled that door with your own air running low. Against protocol."),
                 ("hero", "tired", "Protocol can file a complaint."),
                 ("prev", "happy", "I already did. You're welcome."),
                 ("comp", "neutral", "Touching. Also, the numbers are off again."),
                 ("prev", "determined", "Then {villain} is still at it.")),
                (("prev", "sly", "The medics cleared me for light duty. I'm reading that loosely."),
                 ("hero", "neutral", "You're reading it wrong."),
                 ("comp", "happy", "Welcome back. You get the night shift."),
                 ("prev", "determined", "Good. Nights are when the numbers change.")),
                (("hero", "neutral", "How are the lungs?"),
                 ("prev", "tired", "Eighty percent and climbing. Like everything else around here."),
                 ("comp", "sly", "Eighty percent of {prev} is still more than most crews get."),
                 ("prev", "happy", "Put that in my file.")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "{prev}'s bunk has already been reassigned. That is how {world} grieves: efficiently. {hero} does not.",
                "The colony logged it as an accident. {prev} is gone, and {hero} has read the report forty times "
                "looking for the lie.",
            ),
            action=(
                "{hero} keeps {prev}'s duty badge clipped to the console, where its status light still blinks green.",
                "{comp} arrives with a transfer order and stops in the hatchway, unsure whether to come in.",
            ),
            exchanges=(
                (("comp", "sad", "I was told to report to you. I'm sorry about {prev}."),
                 ("hero", "tired", "Everyone's sorry. Nobody's checking the numbers."),
                 ("comp", "determined", "Then I'll check them. Where do I start?"),
                 ("hero", "neutral", "With the report that says it was an accident.")),
                (("hero", "sad", "{prev} ran the numbers three times before every shift. Never once needed to."),
                 ("comp", "tender", "Sounds like someone worth learning from."),
                 ("hero", "determined", "Then learn fast. {villain} is still out there.")),
                (("comp", "neutral", "Stores asked what to do with the things {prev} left."),
                 ("hero", "angry", "Tell them it stays. All of it."),
                 ("comp", "tender", "I'll tell them. And I'm staying too."),
                 ("hero", "tired", "Then you'd better learn where the spare filters are.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "The supply run brings two things to {place}: spare parts, and {wild.full}, who asks for "
                "{hero} by name.",
                "At {place}, {wild} finds {hero} and says the words nobody in {world} wants to hear: {mcguffin} "
                "has gone missing.",
                "At {place}, while {weather}, a stranger named {wild} has been waiting three hours to talk "
                "to the one person who keeps complaining about the air.",
            ),
            action=(
                "{wild} opens a sealed case. Inside is a foam cutout where {mcguffin_short} should be, and a broken seal.",
                "{wild} slides a data slate across the table. The figures on it match no report {hero} has ever signed.",
                "A warning tone chimes. {comp} reads {wild}'s figures over {hero}'s shoulder and goes pale.",
            ),
            exchanges=(
                (("wild", "neutral", "You're the one who keeps filing complaints about scrubber three."),
                 ("hero", "neutral", "Somebody has to."),
                 ("wild", "sly", "I came a long way to meet somebody. I need {mcguffin}."),
                 ("comp", "surprised", "That's supposed to be locked in the director's vault."),
                 ("wild", "sly", "Supposed to be. It isn't."),
                 ("hero", "determined", "Then who has it?")),
                (("wild", "afraid", "Your reserve is not what the reports say."),
                 ("hero", "tired", "I've been saying that for a month."),
                 ("wild", "neutral", "Then say it to {villain}, with {mcguffin} in your hand. That's the proof."),
                 ("comp", "afraid", "And if we don't find it?"),
                 ("wild", "neutral", "Then {stakes}. On schedule.")),
                (("comp", "neutral", "Nobody comes this far just to ask questions."),
                 ("wild", "sly", "I came for answers. Questions are free."),
                 ("hero", "sly", "Nothing is free here. Not even air."),
                 ("wild", "tender", "Then let's agree on a price, {hero}.")),
            ),
        ),
        "bold": Scene(
            narration=(
                "No time for permission. {hero} and {comp} seal up and go straight through {place}, where "
                "{mcguffin_short} was last logged.",
                "{hero} takes the short way: through {place}, with {comp} counting the minutes of air out loud.",
            ),
            action=(
                "{comp} calls out readings while {hero} forces a jammed hatch with a pry bar.",
                "A pressure door groans shut behind them. {hero} reroutes power by hand while {comp} chases the "
                "tracking tag on {mcguffin_short}.",
                "Warning strobes wash everything amber. {comp} slips, catches a handrail, and keeps going.",
            ),
            exchanges=(
                (("comp", "afraid", "Forty minutes of air. Thirty-nine."),
                 ("hero", "determined", "Stop counting out loud and keep walking."),
                 ("comp", "surprised", "Wait. Signal. It's pinging twenty metres ahead."),
                 ("hero", "sly", "See? Fast saves air."),
                 ("comp", "afraid", "Fast just tripped an alarm.")),
                (("hero", "neutral", "Talk to me. What's the reading?"),
                 ("comp", "afraid", "Pressure's dropping on this side. Slowly. For now."),
                 ("hero", "determined", "Slowly is fine. Slowly is a plan."),
                 ("comp", "surprised", "Look at this. {villain}'s access code is on every door we just opened.")),
                (("comp", "tired", "Remind me why we didn't file a request."),
                 ("hero", "neutral", "Requests take nine days. We have one."),
                 ("comp", "sly", "Then I'll file it afterwards. Backdated."),
                 ("hero", "happy", "Now you're thinking like an engineer.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "{hero} follows the oldest rule in {world}: measure twice. In {place}, {wild} opens up, one careful number at a time.",
                "Slow is smooth. {hero} takes {wild} to {place}, off every map {villain} keeps, and listens.",
            ),
            action=(
                "{wild} plugs a data slate into an old terminal. Columns of figures scroll past, and {hero} reads every one.",
                "{hero} seals the hatch and switches off the comm relay so nobody can listen.",
                "{wild} warms both hands on a heat pack and, for the first time, stops smiling.",
            ),
            exchanges=(
                (("hero", "neutral", "No cameras here. Tell me what you didn't say in public."),
                 ("wild", "sly", "I've seen a lot of colonies. Yours is the first that lies to me."),
                 ("hero", "tired", "That's not an answer."),
                 ("wild", "sad", "All right. I lost {mcguffin} on my watch. I came to cover that up."),
                 ("hero", "neutral", "Thank you. Now we can work.")),
                (("wild", "afraid", "If {villain} finds out I'm talking to you, my seat home disappears."),
                 ("hero", "neutral", "Then we let the numbers talk, not you."),
                 ("wild", "surprised", "You really think numbers can't lie."),
                 ("hero", "determined", "People lie. Numbers just get misquoted."),
                 ("wild", "tender", "That's almost romantic, {hero}.")),
                (("hero", "neutral", "Walk me through it. When did you last see {mcguffin_short}?"),
                 ("wild", "neutral", "Day ninety. Sealed, logged, signed."),
                 ("hero", "sly", "Signed by whom?"),
                 ("wild", "afraid", "By {villain}. Which means nobody will believe me."),
                 ("hero", "determined", "They'll believe the timestamps.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "Far from the ration queues, in {place}, {villain} has never once had to count a breath.",
                "In {place}, the air is fresh, the light is warm, and {villain.full} is explaining arithmetic to {wild}.",
                "Meanwhile at {place}, {wild} keeps an appointment that nobody was supposed to know about.",
            ),
            action=(
                "{villain} pours two cups of real coffee, the kind nobody in {world} can afford, and hands one to {wild}.",
                "{villain} flicks through projections on a wall display: a curve of air, a curve of money, "
                "crossing at one point.",
                "{wild} stands at the window, watching the colony lights below, and does not drink.",
            ),
            exchanges=(
                (("villain", "neutral", "Sit. You look like you've been breathing ration air."),
                 ("wild", "sly", "Some of us have to."),
                 ("villain", "sly", "Not for long. Bring me {mcguffin_short} and you travel home first class."),
                 ("wild", "afraid", "And {hero}?"),
                 ("villain", "neutral", "{hero} is a rounding error.")),
                (("villain", "neutral", "Do you know what this colony costs per breath? I do."),
                 ("wild", "neutral", "So that's why you're {scheme}."),
                 ("villain", "happy", "Someone has to balance the books. The sky won't."),
                 ("wild", "sad", "People live in those books."),
                 ("villain", "sly", "Some of them will keep living there. I decide which.")),
                (("villain", "sly", "How much does {hero} know?"),
                 ("wild", "neutral", "Enough to ask the right questions. Not enough to prove the answers."),
                 ("villain", "neutral", "Keep it that way. The window closes in nine days."),
                 ("wild", "sad", "And after nine days?"),
                 ("villain", "happy", "After that, I decide who breathes.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "The alarm is real this time. At {place}, a pressure door slams down with {comp} on the wrong "
                "side of it, and {mcguffin_short} on the right one.",
                "{villain} planned it well. At {place}, the air is draining from one sealed section, the one "
                "{comp} is standing in.",
                "At {place}, while {weather}, the override panel offers two commands, and {villain} is "
                "watching to see which one {hero} picks.",
            ),
            action=(
                "{comp} presses a palm flat against the viewport while the pressure gauge on the wall sinks into the red.",
                "{villain} holds {mcguffin_short} up to the glass, then sets it down beside the override.",
                "Frost creeps across the viewport. {hero} has one hand on the door control, one reaching for "
                "{mcguffin_short}.",
            ),
            exchanges=(
                (("villain", "neutral", "The door takes ninety seconds to cycle. Taking {mcguffin_short} takes one."),
                 ("comp", "afraid", "Don't wait for me! Take it and go!"),
                 ("hero", "angry", "Open the door, {villain}."),
                 ("villain", "sly", "You have the override. Do the math.")),
                (("comp", "determined", "Listen. Pressure's at sixty percent. You have time for one thing."),
                 ("hero", "afraid", "I'm not leaving you behind a door."),
                 ("villain", "happy", "Sentiment. It's so expensive out here."),
                 ("comp", "tender", "Then spend it wisely.")),
                (("hero", "determined", "Talk to me, {comp}. Numbers."),
                 ("comp", "afraid", "Air for four minutes. Five if I stay still."),
                 ("villain", "neutral", "Plenty of time to choose, {hero}."),
                 ("hero", "angry", "Plenty of time for you to regret this.")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "At {place}, {villain} stands over the last control that matters. One command, and {stakes}.",
                "It ends at {place}, with every clock counting down. {hero} and {comp} walk in together, and "
                "{villain} stops smiling.",
            ),
            action=(
                "{comp} slips around the console toward the backup panel while {hero} walks straight at "
                "{villain}, hands open.",
                "Countdown numerals blink on every screen. {villain} holds {mcguffin_short} out over an open "
                "maintenance shaft.",
                "{hero} and {comp} trade the look they used on every shift: you take left, I take right.",
            ),
            exchanges=(
                (("villain", "sly", "One more step and {mcguffin_short} goes down the shaft. Four hundred metres."),
                 ("comp", "determined", "I can reach the backup panel. Keep {villain} talking."),
                 ("hero", "neutral", "You always did love a presentation, {villain}."),
                 ("villain", "angry", "I kept this colony solvent!"),
                 ("hero", "tired", "You kept it scared. There's a difference.")),
                (("comp", "afraid", "Countdown's at two minutes. Whatever we do, now."),
                 ("hero", "determined", "It's over, {villain}. The logs are already public."),
                 ("villain", "sly", "Logs can be edited. Ask the people who write them."),
                 ("comp", "surprised", "{hero}! The manual release. It's still live!")),
                (("villain", "neutral", "Be reasonable. Without me, nobody signs the supply contracts."),
                 ("hero", "neutral", "Without you, nobody has to ration the truth."),
                 ("comp", "sly", "Also, I changed your access codes an hour ago."),
                 ("villain", "surprised", "You did what?")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No crewmate at {hero}'s side now. Only {villain}, {wild}, and {place}, where the countdown is "
                "the loudest sound in the room.",
                "{hero} goes in alone. At {place}, {villain} is waiting, and so, inevitably, is {wild}.",
            ),
            action=(
                "{wild} steps between them with both hands raised, and for a long second nobody knows whose "
                "side {wild} is on.",
                "{villain} keys a command and every screen turns red. {hero} counts the steps to the manual release.",
            ),
            exchanges=(
                (("villain", "happy", "Alone. Your crewmates keep leaving you, {hero}."),
                 ("hero", "angry", "They didn't leave. You sealed the doors."),
                 ("wild", "sad", "Stop, both of you. Nobody else has to be lost today."),
                 ("hero", "determined", "Then hand me {mcguffin_short} and nobody will be.")),
                (("wild", "afraid", "I never meant it to go this far."),
                 ("villain", "sly", "Nobody ever means it. The numbers mean it for them."),
                 ("hero", "tired", "Put {mcguffin_short} down, {villain}. We're all out of margin.")),
                (("wild", "determined", "I have the access codes, {hero}. Say the word."),
                 ("villain", "surprised", "You'd throw away your seat home?"),
                 ("wild", "sly", "I hadn't decided. Until now."),
                 ("hero", "neutral", "Then decide fast. The clock won't wait.")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "The truth goes public at dawn. {villain} is confined to quarters pending a hearing, and for the "
                "first time in a year, people breathe easy.",
                "Every gauge in {world} reads green. {hero} and {comp} watch a small white sun rise over a "
                "colony that is going to make it.",
            ),
            action=(
                "{comp} hands over a cup of real coffee, paid for with a month of saved ration credits.",
                "{hero} takes one deep breath, then another, just because {hero} can.",
            ),
            exchanges=(
                (("comp", "happy", "Reserve at full. Actually full. I checked it four times."),
                 ("hero", "tired", "Check it a fifth. Then get some sleep."),
                 ("comp", "tender", "You first. That's an order from your crew."),
                 ("hero", "happy", "Copy that.")),
                (("comp", "happy", "So what do you do after saving everyone?"),
                 ("hero", "neutral", "Write the maintenance report."),
                 ("comp", "sly", "You're joking."),
                 ("hero", "sly", "Half joking. Scrubber three still needs a filter.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} is recalled, not charged: a ticket home, a quiet pension, a memo about restructuring. "
                "But the air is flowing, and that will have to do.",
                "The colony survives; the truth only half does. {hero} knows what happened, and knows the board "
                "will never say it out loud.",
            ),
            action=(
                "{villain} pauses at the departure gate and nods to {hero}, like a colleague.",
                "{hero} signs the final audit, then adds one line in the margin that nobody will ever read.",
            ),
            exchanges=(
                (("villain", "sly", "No hard feelings. It was only arithmetic."),
                 ("hero", "determined", "Arithmetic doesn't lie, {villain}. People do."),
                 ("villain", "happy", "And people decide which numbers matter. Enjoy your air.")),
                (("hero", "tired", "So you just walk away."),
                 ("villain", "neutral", "I'm being transferred. Nobody walks anywhere out here."),
                 ("hero", "determined", "Then I'll be here when the next director arrives. Watching the numbers."),
                 ("villain", "sly", "I expect you will.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "{world} will breathe. {hero} made sure of it. But the price was everyone who stood beside "
                "{hero}, and the colony has already moved on.",
                "It is over. The proof is sealed in the archive, and {hero} is the only one left who knows what "
                "it cost.",
            ),
            action=(
                "{hero} sits alone at {place}, recording a log nobody has asked for.",
                "{hero} walks the length of an empty bay, switching off the lights one by one.",
            ),
            exchanges=(
                (("hero", "sad", "Personal log. The reserve is stable. The crew is not."),
                 ("hero", "tired", "I kept the numbers honest. I couldn't keep the people."),
                 ("hero", "sad", "End log.")),
                (("hero", "tired", "Everyone keeps telling me we won."),
                 ("hero", "sad", "It doesn't feel like winning. It feels like arithmetic.")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The deal holds until launch. By morning {wild} is gone, and so is {mcguffin}. Only a message "
                "remains, timestamped and polite.",
                "{wild} kept every promise but the important one. {hero} finds the note on the console: one line "
                "of code, and a goodbye.",
            ),
            action=(
                "{hero} plays the message twice, deletes it, then quietly restores it from backup.",
                "Far off, a launch flare climbs the sky. {hero} watches until it is gone.",
            ),
            exchanges=(
                (("wild", "tender", "Don't trace me, {hero}. You'd only find me."),
                 ("hero", "sly", "I traced you on the first day. I just never filed it."),
                 ("wild", "surprised", "Then why let me go?"),
                 ("hero", "tired", "Because the colony breathes either way. I checked.")),
                (("wild", "sly", "You ran the numbers on me, didn't you?"),
                 ("hero", "neutral", "Every night."),
                 ("wild", "sad", "And?"),
                 ("hero", "tender", "You never added up. I liked that about you.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("How does {hero} go after it?", "{wild} is hiding something. What now?"),
            options={
                "bold": ("Go now, straight through", "Override the locks", "Chase the tracking signal"),
                "careful": ("Check {wild}'s numbers first", "Run the data quietly", "Meet {wild} off the grid"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp} or {mcguffin_short}?", "Ninety seconds. Choose."),
            options={
                "save": ("Cycle the door for {comp}", "Save {comp}"),
                "press": ("Take {mcguffin_short}", "Seal the door and go"),
                "deal": ("Call {wild} for the codes", "Let {wild} bargain"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Last move. Whose plan?", "The countdown is running."),
            options={
                "plan": ("Trust {comp}'s plan", "Keep {villain} talking"),
                "solo": ("Rush {villain}", "Go for {mcguffin_short}"),
                "trade": ("Let {wild} make the trade", "Send {wild} the signal"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("No crew left. What now?", "{wild} stands between you and {villain}."),
            options={
                "finish": ("Pull the manual release", "Take {mcguffin_short} by force"),
                "spare": ("Let {villain} go", "Stand down"),
            },
        ),
    },
    ending_titles={
        "triumph": ("Green Across the Board", "Full Reserve", "Breathing Room"),
        "bittersweet": ("Acceptable Losses", "Margin of Error", "Transfer Window"),
        "tragedy": ("Last Log", "Vacuum", "Life Support Only"),
        "twist": ("Escape Velocity", "Launch Window", "Unlisted Passenger"),
    },
    intense_lines=(
        ("villain", "angry", "Vent the section. I don't care who's inside.", {"violence": 2, "fear": 1}),
        ("comp", "afraid", "I can't feel my hands. The cold is getting in.", {"fear": 2}),
        ("villain", "sly", "Space is very quiet about accidents. Nobody hears a thing.", {"violence": 1, "fear": 2}),
        ("hero", "angry", "Damn it, seal that breach!", {"profanity": 1}),
        ("comp", "afraid", "There's blood on my visor. I can't read the gauge.", {"gore": 1, "fear": 2}),
        ("hero", "angry", "Touch that valve and you go out the airlock first.", {"violence": 2}),
        ("villain", "sly", "Everyone out here is three breaths from dead. I just choose which three.",
         {"violence": 2, "fear": 2}),
    ),
    calm_lines=(
        ("hero", "tired", "Breathe slowly. Air is the one thing we can't rush."),
        ("comp", "happy", "Did you know the sunsets here are blue? I keep forgetting to look."),
        ("hero", "neutral", "Listen to the scrubbers. When they hum like that, everything's fine."),
        ("comp", "tender", "Eat something. You look like a filter after a dust storm."),
        ("hero", "happy", "Four hundred days, and still nobody here can grow a decent tomato."),
    ),
    hooks=(
        "Someone on the board signed {villain}'s orders, and that signature is still on the transfer manifest.",
        "The colony AI logged a second copy of {mcguffin_short} that nobody has found.",
        "{wild}'s ticket home was booked before {wild} ever arrived.",
        "Scrubber three failed again last night. This time, nobody touched it.",
    ),
    moods=("cerebral", "tense", "realistic", "claustrophobic", "scientific", "lonely"),
)
