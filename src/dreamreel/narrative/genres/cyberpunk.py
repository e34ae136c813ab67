"""Cyberpunk: a neon megacity in the rain, megacorps that own the air, hackers with chrome in their heads."""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="cyberpunk",
    label="cyberpunk",
    aliases=("cyberpunk", "cyber punk", "cyber-punk", "tech noir", "tech-noir", "hacker", "hackers",
             "netrunner", "netrunners", "megacity", "megacorp", "megacorps", "cybernetic", "cybernetics",
             "implants", "neon dystopia", "blade runner", "high tech low life"),
    world_strength=0.85,
    tone="neon-lit, rain-soaked, defiant: the little people against the tower",
    era="2080s",
    world_names=("Neo-Kowloon", "Meridian Megacity", "Port Hyperion", "Kaigan Sprawl", "New Lagos Arcology"),
    world_description=(
        "{world}, the {era}: forty million people stacked under a permanent drizzle, where the corporations own "
        "the towers, the air and most of the police.",
        "{world} in the {era}. Neon adverts crawl across every wall, the rain tastes of ozone, and a good "
        "implant costs more than a street kid will earn in ten years.",
        "{world}, the {era}. Up top, glass towers in real sunlight; down below, noodle stalls, repo drones and "
        "hackers who sell what the cameras see.",
    ),
    rules=(
        "The megacorps write the laws; the city council only reads them aloud.",
        "Every camera above street level is owned, and every camera sells what it sees.",
        "Implants are licensed, tracked and repossessed when the payments stop.",
        "Below the fortieth floor, the sun is a rumour.",
        "Data is the only currency that never loses value.",
    ),
    places=(
        PlaceSpec("a capsule flat above the noodle stalls", "apartment", "home",
                  "A coffin-sized room stacked forty high, humming with borrowed power and the hiss of the rain.",
                  "night", "rain"),
        PlaceSpec("the back room of Lucky Dragon Repairs", "interior", "home",
                  "Gutted drones on every shelf, solder fumes, three screens running code nobody asked for.",
                  "night", "rain"),
        PlaceSpec("the Paper Lantern noodle bar", "bar", "hub",
                  "A steamy counter in the night market where fixers take meetings under flickering holograms.",
                  "night", "rain"),
        PlaceSpec("the Ginza-9 night market", "city_street", "hub",
                  "Stalls of knock-off chrome and street food under a canopy of holographic adverts.",
                  "night", "fog"),
        PlaceSpec("the Helix Dynamics server farm", "warehouse", "danger",
                  "Rows of humming server racks chilled to frost, security drones sweeping the aisles.",
                  "night", "clear"),
        PlaceSpec("the flooded undercity maglev line", "train", "danger",
                  "A drowned tunnel where old maglev cars rust in ankle-deep water under flickering strip lights.",
                  "night", "rain"),
        PlaceSpec("a hacker den in a shuttered shopping arcade", "ruins", "hideout",
                  "Frozen escalators, a nest of cables, and a single shopfront glowing with stolen power.",
                  "night", "rain"),
        PlaceSpec("the penthouse of the Helix Dynamics tower", "office", "lair",
                  "Above the cloud line: real sunlight, real wood, and a view of the whole city drowning below.",
                  "day", "clear"),
        PlaceSpec("the antenna array on top of the Helix tower", "rooftop", "summit",
                  "A forest of antennas two kilometres up, lightning crawling through the clouds below.",
                  "night", "storm"),
        PlaceSpec("the glass sky-bridge between the Helix towers", "rooftop", "summit",
                  "A glass walkway strung between two towers, half its panes shattered, rain blowing straight through.",
                  "night", "rain"),
        PlaceSpec("the old seawall at dawn", "sea", "vista",
                  "A cracked seawall where the tide laps at drowned streets and the neon finally fades.",
                  "dawn", "fog"),
        PlaceSpec("a rooftop garden above the smog line", "rooftop", "vista",
                  "Tomato plants in old server cases, a hand-built bench, and the only clear sky in the city.",
                  "dawn", "clear"),
    ),
    weathers=("rain", "fog", "storm", "clear"),
    weather_phrases={
        "rain": ("neon spills into the puddles", "grey rain drips from every overhang",
                 "the rain never stops, it only changes channels"),
        "fog": ("smog swallows the upper floors", "holograms flicker through the smog like ghosts"),
        "storm": ("lightning stitches the towers together",
                  "the storm knocks out half the billboards and the city goes strangely dark"),
        "clear": ("for once the sky is clear, and the ad blimps own it",
                  "the clear sky is crowded with advertising drones"),
        "dawn": ("a grey dawn drains the colour from the neon",),
    },
    mcguffins=(
        ("a black-market memory shard", "the shard"),
        ("the source code of the Halcyon AI", "the source code"),
        ("a prototype neural implant", "the prototype"),
        ("the encryption key to the Helix mainframe", "the key"),
    ),
    schemes=(
        "selling every citizen's memories to the highest bidder",
        "pushing a firmware update that turns every implant into a leash",
        "buying up the city's water through shell companies",
        "erasing the undercity from the maps so it can be cleared for towers",
    ),
    stakes=(
        "every implant in the city answers to one corporation",
        "the undercity is bulldozed with its people still living in it",
        "forty million minds are quietly rewritten",
        "the last free network in the city goes dark",
    ),
    look="neon-soaked night: magenta and cyan reflections on wet streets, holograms through rain",
    palette=("#0a0a1a", "#ff2e88", "#00e5ff", "#7a00ff", "#f7f052", "#1f2a44"),
    monochrome=False,
    contrast=0.75,
    grain=0.2,
    lighting="neon practicals, hard rim light, holographic spill on wet surfaces",
    motifs=("neon kanji signs", "rain on chrome", "holographic adverts", "glowing implant seams",
            "cascading code", "umbrellas with lit shafts"),
    music="pulsing dark synthwave, distorted bass, rain ambience",
    names_first={
        "she": ("Rei", "Mika", "Zara", "Nadia", "Yuki", "Ximena", "Priya", "Dasha", "Lux"),
        "he": ("Jax", "Kenzo", "Marco", "Tariq", "Dex", "Jun", "Viktor", "Rafael", "Bao"),
        "they": ("Nix", "Echo", "Wren", "Sable", "Kai", "Vesper", "Onyx", "Ash"),
    },
    names_last=("Takeda", "Okonkwo", "Voss", "Marquez", "Kaur", "Petrov", "Chen", "Moreno", "Sato", "Adeyemi",
                "Kowal", "Ferro", "Ngata", "Rahman", "Ishikawa"),
    archetypes={
        "hero": (
            Archetype("burned-out netrunner", "prove who is {scheme} and put the proof on every screen in {world}",
                      "fried half {hero.their} nerves on a corporate job and still owes the clinic for the repairs",
                      ("sardonic", "brilliant", "paranoid", "loyal to the crew"),
                      ("patched synth-leather jacket", "oversized hoodie"), ("neural jack at the temple", "mirrorshades"),
                      ("undercut", "neon bob", "buzzed"), "low, rapid, sardonic voice"),
            Archetype("ex-corporate security operative", "bring down the people {hero.they} once protected",
                      "still carries a company implant that could be switched off at any moment",
                      ("disciplined", "guilty", "dry", "protective"), ("armoured long coat",), ("chrome arm",),
                      ("buzzed", "braid"), "quiet, clipped voice"),
            Archetype("back-alley implant surgeon", "find out who is {scheme} before {stakes}",
                      "installed the very chips that {villain} is now exploiting",
                      ("steady-handed", "weary", "principled"), ("stained surgical apron over street clothes",),
                      ("magnifying cyber eye",), ("bun", "short"), "calm, tired voice"),
        ),
        "villain": (
            Archetype("smiling megacorp executive", "finish {scheme} before the next board meeting",
                      "is one bad quarter away from being replaced by someone younger and hungrier",
                      ("immaculate", "patient", "pitiless"), ("white tailored suit",),
                      ("gold-veined cyber eye", "smart cufflinks"), ("slick", "silver crop"),
                      "soft, pleasant, corporate voice"),
            Archetype("syndicate boss with a chrome smile", "go on {scheme} for the corporations and keep a cut",
                      "is more machine than person now and fears what little is left",
                      ("jovial", "menacing", "greedy"), ("silk shirt under an armoured coat",), ("chrome jaw",),
                      ("bald", "slick"), "booming, metallic voice"),
            Archetype("corporate AI wearing a hologram face", "finish {scheme}, because it was told to optimise",
                      "was never taught the difference between people and resources",
                      ("polite", "relentless", "curious"), ("flickering hologram suit",), ("halo of code",),
                      ("slick",), "smooth, synthetic voice", pronouns=("they",)),
        ),
        "wild": (
            Archetype("fixer who sells to both sides", "broker {mcguffin} to the highest bidder and retire somewhere sunny",
                      "knows every secret in {world} and trusts none of them",
                      ("charming", "slippery", "funny", "lonely"), ("sharp suit with a neon lining",),
                      ("rings on every finger", "earpiece"), ("slick", "long waves"), "velvet, amused voice",
                      secret="brokered the original deal for {villain} and regrets it"),
            Archetype("corporate defector with a bounty", "trade {mcguffin} for a new face and a way out of {world}",
                      "can no longer tell which of {wild.their} memories are real",
                      ("guarded", "clever", "haunted"), ("stolen corporate uniform", "rain poncho"),
                      ("barcode tattoo",), ("bob", "shaved sides"), "quiet, careful voice",
                      secret="is a sleeper agent for {villain} and does not know it yet"),
        ),
        "comp": (
            Archetype("teenage code prodigy from the stacks", "get {comp.their} family out of the undercity",
                      "is fast, fearless and far too young for this", ("cocky", "brilliant", "loyal"),
                      ("oversized jacket covered in patches",), ("glowing tablet",), ("spiky", "buns"),
                      "quick, bright voice"),
            Archetype("street medic with steady hands", "patch up whoever needs it, no questions asked",
                      "has patched up too many friends who did not make it", ("calm", "dry", "stubborn"),
                      ("paramedic jacket",), ("medkit",), ("braid", "short"), "warm, level voice"),
            Archetype("drone pilot who never leaves the van", "keep the crew's eyes in the sky",
                      "is braver through a camera than in person", ("nervous", "funny", "sharp"),
                      ("cargo shorts and a hoodie",), ("VR visor",), ("curly", "messy"), "fast, nasal voice"),
            Archetype("bouncer with a chrome jaw and a soft heart", "keep the crew in one piece",
                      "owes the syndicate a favour that comes due this week", ("gentle", "huge", "loyal"),
                      ("tight black tee",), ("chrome jaw",), ("bald",), "deep, gentle voice"),
        ),
    },
    titles=("Neon over {world}", "{world} Never Sleeps", "Chrome and Rain", "The Long Night of {hero}",
            "Ghosts of {world}"),
    episode_titles=("Jack In", "Black Ice", "Firmware", "Zero Day", "Repo", "Glitch", "Neon Rain", "Offline"),
    loglines=(
        "In {world}, {hero.full}, {hero_archetype}, takes one last job and finds a megacorp {scheme}.",
        "{hero.full} has one night to find {mcguffin} before {stakes}, and every camera in {world} is watching.",
        "The towers own the sky, the rain owns the streets, and {hero.full} owns one stolen secret that could "
        "bring both down.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, the {era}. In {place}, {hero.full} is three weeks behind on rent and "
                "two months behind on implant payments.",
                "Forty floors below the clean air, in {place}, {hero} and {comp} are living the way the city likes "
                "its people: cheap, tired and plugged in.",
                "The adverts never sleep in {world}, so neither does {hero}. Tonight the feed in {place} is running "
                "a repo notice with {hero}'s face on it.",
            ),
            action=(
                "{hero} peels a cable out of the port behind one ear and blinks the static away. {comp} pushes over "
                "a carton of noodles.",
                "A camera drone hovers at the window, scanning. {comp} yanks the blind down until it drifts on.",
                "{comp} flicks through job offers on a cracked screen, rejecting every one with a corporate logo.",
            ),
            exchanges=(
                (("comp", "neutral", "The landlord pinged again. Says the power goes off on Friday."),
                 ("hero", "tired", "The landlord said that last Friday."),
                 ("comp", "determined", "So take a job. Any job."),
                 ("hero", "neutral", "Every job in this city is somebody's trap."),
                 ("comp", "sly", "Then take a trap that pays.")),
                (("comp", "neutral", "Your left eye's glitching again. It keeps flashing adverts."),
                 ("hero", "tired", "Payment's late. The implant company likes to remind me."),
                 ("comp", "angry", "They're advertising inside your head?"),
                 ("hero", "sly", "Only when I blink. I've stopped blinking.")),
                (("comp", "happy", "Good news. I found a job that doesn't involve a corporation."),
                 ("hero", "surprised", "In {world}? Where?"),
                 ("comp", "sly", "Okay, it involves a corporation. But we'd be robbing it."),
                 ("hero", "neutral", "Now you're speaking my language.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "The city rebooted overnight, the way it always does. {prev} made it out, with new stitches and the "
                "same bad jokes.",
                "In {place}, the rain sounds almost friendly. {prev} is alive, the crew is whole, and {villain} "
                "knows every one of their names.",
            ),
            action=(
                "{prev} sits on the counter with a fresh synth-skin patch on one arm, eating noodles straight from "
                "the carton.",
                "{prev} tosses a stolen keycard onto the table. It still has {villain}'s logo on it.",
                "{comp} rewires a camera while {prev} and {hero} argue, happily, about whose fault last night was.",
            ),
            exchanges=(
                (("prev", "tender", "You came back through the firewall for me. That's not in the contract."),
                 ("hero", "tired", "We don't have a contract."),
                 ("prev", "happy", "Then I'm writing one. Lifetime membership."),
                 ("comp", "neutral", "Sweet. Can we talk about {villain} now? Because {villain} is talking about us.")),
                (("prev", "sly", "The doc says my new nerves need a week to settle."),
                 ("hero", "neutral", "So, a week off."),
                 ("prev", "determined", "So, a week of being twitchy and furious. Point me at {villain}."),
                 ("comp", "happy", "I like this version better.")),
                (("hero", "neutral", "How's the arm?"),
                 ("prev", "happy", "Runs cooler than the old one. Also, it plays music."),
                 ("comp", "sly", "Please don't make it play music."),
                 ("prev", "determined", "After we take down {villain}. Victory playlist.")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "The feeds called it a gang incident and moved on in nine seconds. {prev} is gone, and {hero} has "
                "replayed those nine seconds a thousand times.",
                "{prev}'s handle has already been reassigned to some corporate bot. {hero} keeps the old messages "
                "saved anyway.",
            ),
            action=(
                "{hero} plays an old voice message from {prev}, then closes it before the end.",
                "{comp} hovers in the doorway with a bag of spare parts, unsure whether to come in.",
            ),
            exchanges=(
                (("comp", "sad", "I heard about {prev}. I'm sorry."),
                 ("hero", "angry", "The city's not sorry. The city already forgot."),
                 ("comp", "determined", "I didn't. Let me help you make {villain} remember."),
                 ("hero", "tired", "Everyone who helps me ends up a headline.")),
                (("hero", "sad", "{prev} always said I'd burn out before thirty."),
                 ("comp", "tender", "{prev} also said you were the best in {world}."),
                 ("hero", "determined", "Then I'd better prove one of those right.")),
                (("comp", "neutral", "They auctioned off {prev}'s gear this morning."),
                 ("hero", "angry", "Who bought it?"),
                 ("comp", "sly", "Me. With all my savings."),
                 ("hero", "tender", "Then you're in. Welcome to the crew.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "{wild.full} finds {hero} at {place}, under a hologram of a grinning corporate mascot, and orders "
                "two bowls of noodles nobody touches.",
                "At {place}, while {weather}, a stranger called {wild} has a job, and it has {villain}'s "
                "fingerprints all over it.",
                "Word on the street says {mcguffin} is loose. At {place}, {wild} wants {hero} to find it first.",
            ),
            action=(
                "{wild} slides a data chip across the counter, face down. The hologram above flickers, as if even "
                "the advert is nervous.",
                "{wild} taps the table twice, and every camera in the room loops its last ten seconds.",
                "{comp} scans {wild} with a cheap optic and frowns at the result: no name, no history, no record at all.",
            ),
            exchanges=(
                (("wild", "sly", "They say you can get into places the corporations think are locked."),
                 ("hero", "neutral", "They say a lot. Most of it's adverts."),
                 ("wild", "neutral", "I need {mcguffin}. Before {villain} finds it."),
                 ("comp", "surprised", "{villain}? You want us to rob {villain}?"),
                 ("wild", "sly", "I want you to get there first. Robbing is optional.")),
                (("wild", "afraid", "If you don't find {mcguffin_short} by morning, {stakes}."),
                 ("hero", "tired", "Everybody's selling an apocalypse this week."),
                 ("wild", "tender", "Mine comes with double pay. Up front."),
                 ("comp", "sly", "Honestly? That's the best apocalypse offer we've had.")),
                (("comp", "neutral", "Your face isn't in any database. That's impossible."),
                 ("wild", "sly", "Nothing's impossible. Just expensive."),
                 ("hero", "neutral", "So who's paying for you?"),
                 ("wild", "neutral", "Right now? You are. With time you don't have.")),
            ),
        ),
        "bold": Scene(
            narration=(
                "No plan, no backup, no permission. {hero} and {comp} walk straight into {place}, and the "
                "alarms start singing.",
                "Subtle is for people with time. {hero} jacks in at {place} while {comp} keeps the security "
                "drones busy.",
            ),
            action=(
                "{hero} plugs into a wall port and goes rigid as code pours past; {comp} keeps both eyes on the door.",
                "A security drone swings round the corner. {comp} hurls a jammer, and the drone drops, spinning, "
                "into a puddle.",
                "Sparks spray from a busted terminal. {comp} pulls a data chip from the slot before the system wipes it.",
            ),
            exchanges=(
                (("comp", "afraid", "Drones, two floors down and climbing."),
                 ("hero", "determined", "Ninety seconds. I'm almost through the firewall."),
                 ("comp", "afraid", "You said that ninety seconds ago!"),
                 ("hero", "sly", "And I was almost right."),
                 ("comp", "surprised", "Wait. The files. {villain}'s name is on every transfer.")),
                (("hero", "neutral", "Talk to me. What's on the cameras?"),
                 ("comp", "afraid", "Us. On every camera. In high definition."),
                 ("hero", "sly", "Good angle?"),
                 ("comp", "determined", "Focus! I've got a way out. Left, now!")),
                (("comp", "tired", "Remind me why we didn't sneak in."),
                 ("hero", "neutral", "Sneaking takes a week. This city changes overnight."),
                 ("comp", "sly", "Very poetic. Now run.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "{hero} goes dark: no feeds, no signal, no trace. Just {place}, a pot of bad coffee, and {wild}, "
                "finally talking.",
                "In {world}, the quiet places are the dangerous ones. {hero} brings {wild} to {place} anyway, and "
                "waits for the story to crack.",
            ),
            action=(
                "{hero} pulls the battery from every device in the room, one by one, while {wild} watches, amused.",
                "{wild} peels a fake fingerprint film off one thumb and lays it on the table like a confession.",
                "Rain drips through the ceiling into a bucket, keeping time while {wild} talks.",
            ),
            exchanges=(
                (("hero", "neutral", "No cameras. No feeds. Now tell me the version you didn't sell me."),
                 ("wild", "sly", "You think I'd lie to you?"),
                 ("hero", "tired", "I think you'd lie to a mirror if it paid."),
                 ("wild", "sad", "Fine. I stole {mcguffin_short} first. Then someone stole it from me."),
                 ("hero", "neutral", "That's better. Keep going.")),
                (("hero", "neutral", "Who else knows you had it?"),
                 ("wild", "afraid", "{villain}. And {villain} doesn't send reminders."),
                 ("hero", "determined", "Then we stay invisible."),
                 ("wild", "tender", "You're good at that. I noticed.")),
                (("wild", "surprised", "You really unplug? Completely?"),
                 ("hero", "neutral", "Every night. Best hour of the day."),
                 ("wild", "sad", "I can't remember the last time I was offline."),
                 ("hero", "tender", "Try it. The silence doesn't sell you anything.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "A hundred floors above the rain, in {place}, {villain} watches the city the way a gardener "
                "watches weeds.",
                "Meanwhile in {place}, where the sun actually shines, {villain.full} and {wild} meet in a room that "
                "does not officially exist.",
            ),
            action=(
                "{villain} swipes a hand and the window becomes a wall of live camera feeds. {hero}'s face is on "
                "three of them.",
                "{villain} offers {wild} a cup of tea brewed from real leaves, and smiles when {wild} hesitates.",
                "Silent assistants vanish as {wild} walks in. {villain} does not look up from the market charts.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend {hero} is talented. I could use talent like that."),
                 ("wild", "neutral", "{hero} doesn't work for corporations."),
                 ("villain", "happy", "Everyone works for a corporation. Some just never read the contract."),
                 ("wild", "afraid", "And me?"),
                 ("villain", "neutral", "Bring me {mcguffin_short}, and your contract ends.")),
                (("villain", "neutral", "How much does {hero} know?"),
                 ("wild", "sly", "Enough to be annoying. Not enough to be dangerous."),
                 ("villain", "sly", "Keep it that way. We go live at midnight."),
                 ("wild", "sad", "And after midnight?"),
                 ("villain", "happy", "After midnight, {world} belongs to the shareholders.")),
                (("wild", "neutral", "So it's true. You're {scheme}."),
                 ("villain", "neutral", "I'm optimising. The word you're looking for is optimising."),
                 ("wild", "sad", "People live down there."),
                 ("villain", "sly", "Users live down there. Users can be upgraded.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "It was a trap, and a good one. At {place}, {villain}'s security has {comp} sealed in a shielded "
                "cage, and {mcguffin_short} sits on a console across the room.",
                "At {place}, {villain} makes the offer every corporation makes in the end: a choice that costs "
                "everything either way.",
                "The lights go red at {place}. {comp} is caged behind a shimmering field, every implant frozen, "
                "and {villain} holds the remote.",
            ),
            action=(
                "{comp} slams against the cage's shimmering field, and the lights stutter. {villain} sets "
                "{mcguffin_short} down on the console, just out of reach.",
                "{villain} raises a remote. Every implant seam on {comp}'s skin glows red, frozen on one command.",
                "A countdown projects onto the wall. The cage and the data console sit at opposite ends of the room.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend or {mcguffin_short}. The system only opens one door."),
                 ("comp", "afraid", "Forget me! Take it and run!"),
                 ("hero", "angry", "Let {comp} go, {villain}."),
                 ("villain", "neutral", "I'm not holding anyone. The software is. Choose.")),
                (("comp", "determined", "Listen. With {mcguffin_short}, you take down {villain}'s whole tower. I'm one person."),
                 ("hero", "afraid", "You're my person. That counts for more."),
                 ("villain", "happy", "How sentimental. It's terrible for business."),
                 ("comp", "tender", "Then go bankrupt for me.")),
                (("hero", "determined", "Talk to me, {comp}. How bad?"),
                 ("comp", "afraid", "My implants are locked. I can't move my arms."),
                 ("villain", "neutral", "Sixty seconds until the lock goes permanent."),
                 ("hero", "angry", "Sixty seconds is a long time in my line of work.")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "It ends at {place}, where one command from {villain} will reach every corner of "
                "{world}. {hero} and {comp} get there first. Almost.",
                "At {place}, {villain} stands at the master console, the upload bar at ninety percent, and turns to "
                "face {hero} and {comp}.",
            ),
            action=(
                "{comp} yanks the backup cables while {hero} walks straight at {villain}, hands open.",
                "{villain} holds {mcguffin_short} over a sparking power conduit, one twitch away from ruin.",
                "{hero} jacks into the console as {comp} wedges the door shut with a broken drone.",
            ),
            exchanges=(
                (("villain", "sly", "One more step and {mcguffin_short} goes into the conduit."),
                 ("comp", "determined", "I can cut the backup line. Keep {villain} talking."),
                 ("hero", "neutral", "You always loved a product launch, {villain}."),
                 ("villain", "angry", "I built this city!"),
                 ("hero", "tired", "You built it on the people at the bottom. They noticed.")),
                (("comp", "afraid", "Upload's at ninety-five percent. Whatever you're doing, do it!"),
                 ("hero", "determined", "It's over, {villain}. Everything's mirrored to every screen in the city."),
                 ("villain", "sly", "The screens are mine. Nobody believes a screen."),
                 ("comp", "surprised", "Then why is every screen showing your face?")),
                (("villain", "neutral", "Be reasonable. I can make you both rich. Penthouse, new chrome, new names."),
                 ("hero", "neutral", "I like my old name."),
                 ("comp", "sly", "Also, your security team just quit. I sent them your salary."),
                 ("villain", "surprised", "You did what?")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No crew now. Just {hero}, {villain}, {wild}, and the hum of a city holding its breath at {place}.",
                "{hero} goes to {place} alone. {villain} is waiting, and so, of course, is {wild}.",
            ),
            action=(
                "{wild} steps between them with a signal jammer raised, and nobody knows whose side {wild} is on.",
                "{villain}'s cyber eye glows gold, and every screen in sight fills with {hero}'s face.",
            ),
            exchanges=(
                (("villain", "happy", "Alone at last. Your crews keep disappearing, {hero}."),
                 ("hero", "angry", "They didn't disappear. You deleted them."),
                 ("wild", "sad", "Let it go. We can all still walk away from this."),
                 ("hero", "determined", "Not until the whole city sees the truth.")),
                (("wild", "afraid", "I never wanted it to go this far."),
                 ("villain", "sly", "Nobody does. It's called scaling."),
                 ("hero", "tired", "Put {mcguffin_short} down, {villain}. We're all running low on battery.")),
                (("wild", "determined", "I still have the override code, {hero}. Say the word."),
                 ("villain", "surprised", "You'd burn your only way out?"),
                 ("wild", "sly", "I'm still deciding."),
                 ("hero", "neutral", "Decide faster. The upload won't wait.")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "By morning the files are on every screen in {world}. {villain}'s stock falls off a cliff, and the "
                "rain, for once, feels like a wash.",
                "The city wakes up to the truth for the first time in years. {hero} and {comp} watch the neon fade "
                "into a grey, honest dawn.",
            ),
            action=(
                "{comp} buys two bowls of noodles from a street cart with the last of the job money and hands one over.",
                "{hero} unplugs from everything, port by port, and just listens to the city breathe.",
            ),
            exchanges=(
                (("comp", "happy", "We did it. We actually beat a megacorp."),
                 ("hero", "tired", "Don't say it too loud. Another one will hear."),
                 ("comp", "tender", "Let it hear."),
                 ("hero", "happy", "Fair. Let it hear.")),
                (("comp", "happy", "So what now?"),
                 ("hero", "neutral", "Now I sleep for a week. Then we pay the rent."),
                 ("comp", "sly", "With what we just stole?"),
                 ("hero", "sly", "Borrowed. We borrowed it.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} resigns with a golden parachute and a smile for the cameras. But the people below are "
                "free, for now, and {hero} will take for now.",
                "The scandal lasts one news cycle. {hero} knows the truth, and knows that in {world} the truth is "
                "just another product with a short shelf life.",
            ),
            action=(
                "{villain} steps into a gleaming car and lowers the window just long enough to nod at {hero}.",
                "{hero} watches {villain}'s face fade from a billboard, replaced by an advert for a brand-new phone.",
            ),
            exchanges=(
                (("villain", "sly", "No hard feelings. It was only business."),
                 ("hero", "determined", "Everything crashes eventually, {villain}. Even you."),
                 ("villain", "happy", "Not this quarter.")),
                (("hero", "tired", "You lost your tower."),
                 ("villain", "neutral", "I lost a tower. I have eleven more."),
                 ("hero", "determined", "Then I'll see you at the next one."),
                 ("villain", "sly", "I'll leave a light on.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "The truth is out, and it cost everyone {hero} ever trusted. The rain keeps falling on {world} as "
                "if none of it mattered.",
                "It is over. The files are public, {villain} is finished, and {hero} is the only one left to read "
                "the headlines.",
            ),
            action=(
                "{hero} sits alone at a noodle stall, the bowl gone cold, the feeds scrolling unread.",
                "{hero} pulls the cable from the port behind one ear and drops it in the gutter.",
            ),
            exchanges=(
                (("hero", "sad", "Funny. I always thought winning would feel louder."),
                 ("hero", "tired", "Log off, {hero}. Nobody's watching anymore.")),
                (("hero", "tired", "Job done. Crew gone."),
                 ("hero", "sad", "Somebody else can save this city next time.")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The deal holds until it doesn't. By dawn {wild} has vanished, and so has {mcguffin}. All that "
                "remains is a message, locked with {hero}'s own old key.",
                "{wild} kept every promise but the one that mattered. A single line blinks on {hero}'s screen: "
                "thanks for the ride.",
            ),
            action=(
                "{hero} decrypts the message, reads it twice, and laughs for the first time in weeks.",
                "An ad blimp drifts overhead, and for one second it shows {wild}'s face, winking.",
            ),
            exchanges=(
                (("wild", "tender", "Don't trace me, {hero}. You'd only find me."),
                 ("hero", "sly", "That was always the problem."),
                 ("wild", "sad", "I meant what I said. Most of it."),
                 ("hero", "tired", "In this city, most of it is a lot.")),
                (("wild", "sly", "You knew I'd run."),
                 ("hero", "neutral", "I wrote your escape route into the code myself."),
                 ("wild", "surprised", "Why?"),
                 ("hero", "tender", "Somebody in this city should get out.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("How does {hero} play it?", "{wild} isn't telling everything. What now?"),
            options={
                "bold": ("Jack in and go loud", "Hit {villain}'s servers now", "Crash the front door"),
                "careful": ("Go dark and follow {wild}", "Hear {wild} out offline", "Trace {wild}'s history"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp} or {mcguffin_short}?", "Sixty seconds. Choose."),
            options={
                "save": ("Break {comp} out", "Trade {mcguffin_short} for {comp}"),
                "press": ("Grab {mcguffin_short}", "Leave {comp} and run"),
                "deal": ("Let {wild} cut a deal", "Call in {wild}'s favour"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Last move. Whose plan?", "The upload is almost done."),
            options={
                "plan": ("Trust {comp}'s plan", "Keep {villain} talking"),
                "solo": ("Jack in and take control", "Go for {mcguffin_short}"),
                "trade": ("Let {wild} make the trade", "Signal {wild}"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("No crew left. What now?", "{wild} stands between you and {villain}."),
            options={
                "finish": ("Crash the whole system", "Take {mcguffin_short} by force"),
                "spare": ("Let {villain} walk", "Unplug and step back"),
            },
        ),
    },
    ending_titles={
        "triumph": ("System Reboot", "Clean Signal", "Daylight Below"),
        "bittersweet": ("Golden Parachute", "Next Quarter", "Terms and Conditions"),
        "tragedy": ("Log Off", "Static", "Rain on Chrome"),
        "twist": ("Encrypted Goodbye", "Ghost in the Feed", "Thanks for the Ride"),
    },
    intense_lines=(
        ("villain", "angry", "Flatline them both. Make it look like a gang job.", {"violence": 2}),
        ("hero", "angry", "Touch my crew again and I fry every circuit in your skull.", {"violence": 2}),
        ("comp", "afraid", "There's blood in the coolant. Mine.", {"gore": 1, "fear": 1}),
        ("hero", "angry", "Damn it, the firewall's eating me alive!", {"profanity": 1, "fear": 1}),
        ("villain", "sly", "People vanish in this city every night. Nobody files a report.", {"violence": 1, "fear": 2}),
        ("wild", "sly", "Take a hit of this. It makes the code look like music.", {"drugs": 2}),
        ("comp", "afraid", "They're rewriting my memories. I can't remember your name.", {"fear": 2}),
    ),
    calm_lines=(
        ("hero", "tired", "Hear that? Rain on a tin roof. Best sound in the city."),
        ("comp", "happy", "These noodles are terrible. I love them."),
        ("hero", "neutral", "Turn the feeds off for a minute. Just one minute of nothing."),
        ("comp", "tender", "Your eye's stopped glitching. You look almost human."),
        ("hero", "happy", "One day we'll see the actual sky. I hear it's blue."),
    ),
    hooks=(
        "{villain} answered to a board whose members have no names and no faces.",
        "A backup of {mcguffin_short} is still loose somewhere in the city's network.",
        "{wild}'s message carried one more file, still encrypted.",
        "Someone paid off {hero}'s implant debt overnight. Nobody knows who.",
    ),
    moods=("gritty", "neon", "edgy", "dystopian", "rainy", "rebellious"),
)
