"""Spy thriller: a burned agent, a leak, a double agent, safe houses, night trains and a clock running down.

A divided capital in the last winter of the Cold War: embassies, checkpoints, dead letter
boxes and trams. Dialogue is clipped and procedural (exits, shifts, minutes), and every
exchange makes its move in the first two lines, because the planner often keeps only two.
Base text keeps the violence off screen (people are "taken", "left behind", "across the
river"); the guns and the threats live in ``intense_lines``.
"""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="thriller",
    label="spy thriller",
    aliases=("thriller", "spy", "spies", "espionage", "conspiracy", "secret agent", "political thriller",
             "spy thriller", "spy story", "double agent", "cold war"),
    world_strength=0.45,
    tone="taut, paranoid and clipped; everyone is lying, and the clock is always running",
    era="1980s",
    world_names=("Valdenburg", "Port Meridian", "Karsk", "Altmark", "Istrava"),
    world_description=(
        "{world} in the {era}: a divided capital of embassies, tramlines and checkpoints, where every café has two "
        "exits and every friend has a handler.",
        "{world}, {era}. Snow on the rooftops, microphones in the chandeliers, and a peace summit in six days that "
        "half the world wants to fail.",
    ),
    rules=(
        "Every embassy telephone is tapped, usually by two services at once.",
        "Nobody crosses the river after curfew without the right papers.",
        "An agent who is burned is on their own: no backup, no embassy, no name.",
        "The safest place to talk is a crowded train.",
    ),
    places=(
        PlaceSpec("the safe house above the watchmaker's", "apartment", "home",
                  "Net curtains, a shortwave radio, a kettle, and three ways out.", "night", "snow"),
        PlaceSpec("the station chief's office at the embassy", "office", "home",
                  "Green filing cabinets, a shredder, and a city map studded with coloured pins.", "day", "fog"),
        PlaceSpec("the Café Meridian", "interior", "hub",
                  "Marble tables, newspapers on wooden poles, and a waiter who hears everything.", "day", "snow"),
        PlaceSpec("the embassy reception", "ballroom", "hub",
                  "Flags, chandeliers, and diplomats smiling with their mouths only.", "night", "clear"),
        PlaceSpec("the night train to the border", "train", "danger",
                  "Sleeper compartments, a swaying corridor, and passport control at midnight.", "night", "snow"),
        PlaceSpec("the freight yard by the river", "warehouse", "danger",
                  "Searchlights, shipping containers, and guard dogs on long chains.", "night", "fog"),
        PlaceSpec("the old bridge checkpoint", "city_street", "danger",
                  "Barriers, a guard hut, floodlights on the snow, and a line of cars waiting.", "night", "snow"),
        PlaceSpec("a rented room above the tram depot", "apartment", "hideout",
                  "A bare bulb, a camp bed, and trams rattling past the window every six minutes.", "night", "rain"),
        PlaceSpec("a second-hand bookshop used as a letter drop", "interior", "hideout",
                  "Dust, a bell over the door, and the same grey novel on every shelf.", "dusk", "rain"),
        PlaceSpec("the ministry's seventh floor", "office", "lair",
                  "Long corridors, padded doors, and one window that looks over the whole city.", "night", "clear"),
        PlaceSpec("a lakeside villa outside the city", "interior", "lair",
                  "Glass walls, a frozen lake, and a fire that nobody needs lit.", "night", "snow"),
        PlaceSpec("the clock tower above the summit hall", "rooftop", "summit",
                  "Gears the size of cartwheels, the square far below, the ceremony about to begin.", "day", "snow"),
        PlaceSpec("the bridge at the border", "city_street", "summit",
                  "A long iron bridge, floodlights at each end, and an exchange set for midnight.", "night", "fog"),
        PlaceSpec("the embankment at dawn", "city_street", "vista",
                  "The river steaming in the cold, the first trams, a city waking up unaware.", "dawn", "fog"),
        PlaceSpec("a mountain road over the border", "mountain", "vista",
                  "Pines, a lay-by, and the valley opening out under a clean sky.", "dawn", "clear"),
    ),
    weathers=("snow", "fog", "rain", "clear"),
    weather_phrases={
        "snow": ("snow sifts down through the streetlights", "fresh snow hides every footprint but the wrong ones",
                 "the snow muffles the whole city"),
        "fog": ("fog rolls off the river and swallows the bridges", "the fog turns every stranger into a silhouette"),
        "rain": ("cold rain hammers on the tram wires", "rain streaks the windows of every parked car"),
        "clear": ("the night is clear and bitterly cold", "the sky is hard and blue over the rooftops"),
        "dawn": ("a grey dawn rises over the river",),
    },
    mcguffins=(
        ("the Lazarus list", "the list"),
        ("a microfilm of the treaty annex", "the microfilm"),
        ("the summit cipher key", "the cipher key"),
        ("a diplomatic pouch that nobody signed for", "the pouch"),
    ),
    schemes=(
        "selling the names of every agent in the east",
        "staging a coup on the night of the summit",
        "framing the ambassador for treason",
        "leaking the treaty to the other side",
    ),
    stakes=(
        "every agent on the list vanishes by dawn",
        "the peace summit collapses and the border closes for a generation",
        "the wrong people take power and nobody ever knows",
    ),
    look="cold desaturated steel blues, sodium streetlight, long lenses through rain-flecked windows",
    palette=("#0f1a24", "#2c3e50", "#5d6d7e", "#a9b7c0", "#d98c3f"),
    monochrome=False,
    contrast=0.7,
    grain=0.25,
    lighting="cold overcast key, hard sodium practicals, faces half in shadow",
    motifs=("a ticking clock", "a letter drop", "train timetables", "a folded newspaper", "surveillance photographs",
            "a rotary telephone"),
    music="pulsing low strings, a ticking synth ostinato, a lonely cimbalom",
    names_first={
        "she": ("Anna", "Katya", "Mira", "Elena", "Ingrid", "Nadia", "Claire", "Sofia", "Lena"),
        "he": ("Alexei", "Viktor", "Daniel", "Stefan", "Marcus", "Jonah", "Pavel", "Thomas", "Emil"),
        "they": ("Sasha", "Alex", "Kai", "Ren", "Morgan", "Jules", "Eli", "Toni"),
    },
    names_last=("Voss", "Kessler", "Marchetti", "Halloran", "Drozdov", "Lindqvist", "Carrow", "Novak", "Brandt",
                "Sokolov", "Mercer", "Aldana", "Rourke", "Havel", "Petrov"),
    archetypes={
        "hero": (
            Archetype("burned field agent", "prove who is {scheme} before {stakes}",
                      "has been disavowed by {hero.their} own service and is hunted by both sides",
                      ("cool-headed", "watchful", "tired", "loyal to a fault"), ("dark overcoat", "turtleneck"),
                      ("wristwatch", "leather gloves"), ("short", "slick", "bob"), "low, measured, clipped voice"),
            Archetype("desk analyst dragged into the field", "find the leak before {stakes}",
                      "has read about fieldwork in a thousand reports and never once done it",
                      ("brilliant", "nervous", "precise", "braver than expected"), ("cardigan", "raincoat"),
                      ("glasses", "briefcase"), ("messy", "bun", "short"), "quick, precise voice"),
            Archetype("career diplomat with a secret past", "keep the peace and stop whoever is {scheme}",
                      "was an agent once, and swore never to go back",
                      ("polished", "guarded", "ruthless when it counts"), ("tailored suit", "camel coat"),
                      ("attaché case", "silk scarf"), ("slick", "bob"), "smooth, careful voice"),
        ),
        "villain": (
            Archetype("deputy director with clean hands", "finish {scheme} and pin it on someone else",
                      "has been the mole for twenty years and is very tired of pretending",
                      ("urbane", "patient", "ruthless", "paternal"), ("grey three-piece suit",),
                      ("reading glasses", "fountain pen"), ("slick", "bald"), "soft, unhurried baritone"),
            Archetype("smiling minister of the interior", "finish {scheme} before anyone can stop it",
                      "is being squeezed by the very people who put {villain.them} in office",
                      ("affable", "vain", "frightened underneath"), ("dark suit", "ministerial coat"),
                      ("lapel pin", "gold watch"), ("slick", "short"), "warm, public-speaking voice"),
            Archetype("arms broker with diplomatic immunity", "close the deal on {mcguffin}",
                      "trusts no one, pays everyone, and has started to owe the wrong people",
                      ("charming", "cold", "always amused"), ("cashmere coat", "white dinner jacket"),
                      ("signet ring", "dark glasses"), ("slick", "long waves"), "smooth, accented voice"),
        ),
        "wild": (
            Archetype("double agent who could be on either side", "get out with {mcguffin} and a new name",
                      "has lied to both services for so long that even the truth sounds like a cover story",
                      ("unreadable", "brilliant", "weary", "charming"), ("fur-collared coat", "black turtleneck"),
                      ("gloves", "fur hat"), ("bob", "slick", "long waves"), "low, dry voice",
                      secret="was the leak all along, and is trying to undo it"),
            Archetype("defector with one more secret", "trade {mcguffin} for a passport and a future",
                      "left family behind on the other side of the line",
                      ("nervous", "proud", "sharp"), ("worn wool coat",), ("battered suitcase",),
                      ("short", "bun"), "quiet, careful voice",
                      secret="was sent over on purpose, and has not yet decided whether to obey"),
            Archetype("rival service's agent", "beat the hero to {mcguffin}",
                      "is beginning to like the hero, which is deeply unprofessional",
                      ("confident", "playful", "lethal at chess"), ("trench coat", "ski jacket"),
                      ("camera", "sunglasses"), ("slick", "ponytail"), "amused, quick voice",
                      secret="has orders to bring the hero in, one way or another"),
        ),
        "comp": (
            Archetype("young cipher clerk", "prove that clerks notice everything",
                      "has never been outside the building after dark",
                      ("eager", "meticulous", "brave in small ways"), ("cardigan", "office suit"),
                      ("pencil", "wristwatch"), ("ponytail", "short"), "bright, quick voice"),
            Archetype("old handler a week from retirement", "bring one last agent home",
                      "knows which files were never filed, and who asked for that",
                      ("wry", "patient", "unsentimental", "loyal"), ("rumpled overcoat",), ("flat cap", "reading glasses"),
                      ("bald", "short"), "gruff, slow voice"),
            Archetype("journalist with a source inside the ministry", "print the story before anyone can stop it",
                      "will not give up the source, to anyone, at any price",
                      ("nosy", "fearless", "quick"), ("duffel coat", "corduroy jacket"), ("notebook", "camera"),
                      ("curly", "bob"), "fast, warm voice"),
            Archetype("safe-house keeper who asks no questions", "keep one house safe in a city that has none",
                      "has asked no questions for twenty years and has begun to want answers",
                      ("calm", "resourceful", "kind"), ("apron", "knitted waistcoat"), ("keys on a ring",),
                      ("bun", "short"), "low, kindly voice"),
        ),
    },
    titles=("The {world} Protocol", "Six Days in {world}", "Nobody Leaves {world}", "Midnight on the Bridge",
            "The Leak", "Burned"),
    episode_titles=("The Leak", "The Drop", "Safe House", "Night Train", "The Exchange", "Burned", "Checkpoint",
                    "Zero Hour"),
    loglines=(
        "In {world}, a {hero_archetype} named {hero.full} has six days to find out who is {scheme} before {stakes}.",
        "{hero.full} is hunted, outnumbered and out of time, and the only way out runs through {wild.full}, {mcguffin} "
        "and a night train to the border.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, {era}. Outside, {weather}. In {place}, {hero.full} is waiting for a phone call that should "
                "have come an hour ago.",
                "Six days, and counting. At {place}, {hero} and {comp} are going through last night's intercepts, "
                "and one of them is wrong.",
                "There is a leak somewhere in {world}. {hero} has been told to find it, quietly, and told that nobody "
                "can be trusted, including the people doing the telling.",
            ),
            action=(
                "{comp} pins a new surveillance photograph to the wall and draws a red line from it to a name nobody says "
                "out loud.",
                "The phone rings once and stops. {hero} checks a watch, then the window, then the street below.",
                "{comp} feeds a page into the shredder, hesitates, and pulls it back out.",
            ),
            exchanges=(
                (("comp", "neutral", "Control called. They want the leak found by Friday."),
                 ("hero", "tired", "Control always wants it by Friday."),
                 ("comp", "afraid", "This time they said it was personal."),
                 ("hero", "neutral", "Then somebody up there is scared. Good.")),
                (("comp", "surprised", "Look at this. Three of our names, on a list from the other side."),
                 ("hero", "determined", "Who else has seen it?"),
                 ("comp", "neutral", "Just us. And whoever sent it."),
                 ("hero", "sly", "Then whoever sent it wants us to move. So we sit still, for one hour.")),
                (("hero", "neutral", "Who has a key to this place?"),
                 ("comp", "neutral", "Nobody. You, me, and the cleaner on Thursdays."),
                 ("hero", "sly", "It's Wednesday. So why is there fresh bread on the table?"),
                 ("comp", "afraid", "I didn't buy any bread.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "{prev} came back across the line with nothing but the clothes on {prev.their} back and a story "
                "nobody in the service believes. {hero} does.",
                "The debriefing took eleven hours. Now {prev} is at {place} with a cup of bad coffee, still breathing, "
                "which in {world} counts as a win.",
            ),
            action=(
                "{prev} lays a crumpled train ticket on the table. On the back, in pencil, is a telephone number.",
                "{prev} checks the window, the door and the telephone, in that order, and only then sits down.",
            ),
            exchanges=(
                (("prev", "tired", "You came for me. That wasn't in the orders."),
                 ("hero", "neutral", "The orders were wrong."),
                 ("prev", "determined", "Then listen. While they had me, I heard a name. {villain}."),
                 ("comp", "surprised", "That name is above my clearance."),
                 ("hero", "sly", "Not any more.")),
                (("prev", "neutral", "I owe you."),
                 ("hero", "tired", "Nobody owes anybody in this business."),
                 ("prev", "sly", "Then call it a loan. Who's the new face?"),
                 ("comp", "neutral", "The new face has read your file. And {villain} is moving again.")),
                (("hero", "neutral", "Did they turn you?"),
                 ("prev", "sly", "They tried. I was very boring."),
                 ("comp", "surprised", "Is that a technique?"),
                 ("prev", "happy", "The best one there is.")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "{prev} went across the line and did not come back. The file says status unknown. {hero} has stopped "
                "reading the file.",
                "The exchange went wrong. {prev} is in a cell on the other side, and officially does not "
                "exist. {hero} has a new partner and an old debt.",
            ),
            action=(
                "{hero} moves {prev}'s coffee cup an inch to the left, and leaves it there.",
                "{comp} hands over a sealed envelope. Inside is {prev}'s last report, unfinished.",
            ),
            exchanges=(
                (("comp", "sad", "I read about {prev}. I'm sorry."),
                 ("hero", "tired", "Don't be sorry. Be careful."),
                 ("comp", "determined", "Tell me what {prev} was working on."),
                 ("hero", "neutral", "{villain}. And it's still running.")),
                (("hero", "sad", "{prev} always said nobody gets left behind."),
                 ("comp", "determined", "Then let's find out who left {prev} behind."),
                 ("hero", "angry", "And make them wish they hadn't.")),
                (("comp", "neutral", "The service says to forget {prev}."),
                 ("hero", "angry", "The service says a lot of things."),
                 ("comp", "sly", "Good. I wasn't planning to listen either.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "At {place}, {weather}. {wild.full} sits down at {hero}'s table uninvited, orders two coffees, and says "
                "a word that should never be said outside a locked room.",
                "The contact is late, and the wrong person turns up at {place}: {wild}, last seen on the other side of "
                "a border under a different name.",
                "A folded newspaper changes hands at {place}. Inside is a photograph of {mcguffin}, and a time: "
                "midnight, tomorrow.",
            ),
            action=(
                "{wild} slides a newspaper across the table. Tucked inside is a photograph of {mcguffin}.",
                "{comp} counts the exits, then counts the people watching them. There are more of the second.",
                "{wild} stirs a coffee clockwise, then back again: an old signal that means we are being watched.",
            ),
            exchanges=(
                (("wild", "sly", "Hello, {hero}. You look well for someone half the city is watching."),
                 ("hero", "neutral", "You look well for someone who's supposed to be in prison."),
                 ("wild", "neutral", "I can get you {mcguffin_short}. The price is a way out."),
                 ("comp", "surprised", "Can we trust {wild}?"),
                 ("hero", "tired", "No. But we can use {wild}.")),
                (("wild", "afraid", "Someone inside your service is {scheme}. I can prove it."),
                 ("hero", "neutral", "Why come to me?"),
                 ("wild", "sly", "Because you're the one person they'd never expect me to trust."),
                 ("comp", "afraid", "Two men by the door. They weren't there a minute ago."),
                 ("wild", "neutral", "Then we have about a minute.")),
                (("wild", "neutral", "Midnight tomorrow, or {stakes}."),
                 ("hero", "determined", "Who's behind it?"),
                 ("wild", "sly", "Buy me a ticket out, and I'll tell you on the train."),
                 ("comp", "neutral", "That's not an answer."),
                 ("wild", "happy", "It's the only one you'll get in here.")),
            ),
        ),
        "bold": Scene(
            narration=(
                "No more waiting. {hero} and {comp} go straight into {place}, papers forged and the clock running.",
                "At {place}, {weather}. {hero} has a forged pass, a borrowed uniform, and about four minutes before "
                "someone checks.",
                "{hero} and {comp} walk into {place} as if they belong there, which is the only disguise that ever "
                "really works.",
            ),
            action=(
                "Searchlights sweep the ground. {hero} and {comp} freeze in the shadows until the beam moves on.",
                "{comp} photographs a manifest page by page while {hero} watches the corridor.",
                "A guard asks for papers. {hero} hands them over with a bored sigh, and the guard waves them through.",
            ),
            exchanges=(
                (("comp", "afraid", "Four minutes until the patrol comes back."),
                 ("hero", "neutral", "Then we use three."),
                 ("comp", "surprised", "Found it. Shipping papers, with {villain}'s signature."),
                 ("hero", "determined", "Photograph everything. Then put it back exactly as it was.")),
                (("hero", "sly", "Smile. Look bored. Bored people never get stopped."),
                 ("comp", "afraid", "I can't do bored. I'm terrified."),
                 ("hero", "neutral", "Then look terrified of your boss. Here, that's the same thing."),
                 ("comp", "determined", "Got it. We're in.")),
                (("comp", "afraid", "They've sealed the doors!"),
                 ("hero", "determined", "Then we leave the way nobody would."),
                 ("comp", "surprised", "Which way is that?"),
                 ("hero", "sly", "Up.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "{hero} plays it slow. At {place}, {wild} finally talks, and {hero} listens for the lie under every "
                "sentence.",
                "Trust takes time, and time is the one thing nobody has. At {place}, {hero} and {wild} trade secrets, "
                "one at a time.",
                "Outside, {weather}. In {place}, {hero} and {wild} sit across a bare table like two players who each "
                "know the other is cheating.",
            ),
            action=(
                "{wild} turns the radio up loud, then leans close and speaks under the music.",
                "{hero} lays three passports on the table. {wild} picks up the one with the right name, which says "
                "everything.",
                "A tram rattles past. Both of them wait for the noise before saying the important part.",
            ),
            exchanges=(
                (("hero", "neutral", "Who do you work for?"),
                 ("wild", "sly", "Today? You."),
                 ("hero", "tired", "And tomorrow?"),
                 ("wild", "sad", "Tomorrow depends on whether you keep your promises.")),
                (("wild", "afraid", "There's a mole in your service. High up. They know about this room."),
                 ("hero", "neutral", "How long have we got?"),
                 ("wild", "neutral", "The watchers change shift at six. After that, nowhere here is safe."),
                 ("hero", "determined", "Then tell me everything before six.")),
                (("hero", "sly", "You've lied to me four times tonight."),
                 ("wild", "surprised", "Only four?"),
                 ("hero", "neutral", "Four that I caught. Tell me the fifth."),
                 ("wild", "sad", "The fifth is that I came back for the job. I didn't. I came back for you.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "Across town, at {place}, {villain.full} is expecting a visitor. {wild} arrives exactly on time, "
                "which is a message of its own.",
                "Meanwhile, at {place}: a fire, a chessboard, and {villain} explaining to {wild} why loyalty is a "
                "luxury.",
            ),
            action=(
                "{villain} moves a chess piece without looking at the board. {wild} does not sit down.",
                "{villain} opens a file with {wild}'s photograph clipped to the front, and makes sure {wild} sees it.",
                "{wild} glances once at the window, at the car waiting below, and back again.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend {hero} is very persistent."),
                 ("wild", "neutral", "{hero} is not my friend."),
                 ("villain", "happy", "Good. Friends are expensive. Bring me {mcguffin_short}, and you'll never need one "
                                      "again."),
                 ("wild", "sly", "And if I take it to {hero} instead?"),
                 ("villain", "neutral", "Then I'll know which side you chose. So will everyone.")),
                (("villain", "neutral", "How much does {hero} know?"),
                 ("wild", "neutral", "Enough to be a nuisance. Not enough to be a danger."),
                 ("villain", "sly", "Keep it that way for six more days. After that, nobody can stop us {scheme}."),
                 ("wild", "afraid", "And after six days?"),
                 ("villain", "happy", "After that there are no sides left. Only mine.")),
                (("villain", "tired", "You've been meeting {hero}."),
                 ("wild", "surprised", "You've been following me."),
                 ("villain", "sly", "I follow everyone. It's why I'm still here."),
                 ("wild", "determined", "Then you know I've told {hero} nothing."),
                 ("villain", "neutral", "I know you haven't told me everything. Which is worse.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "It was a trap from the start. At {place}, {villain}'s people have {comp}, with {mcguffin} in an open "
                "case on the table between them.",
                "At {place}, {weather}. {villain} makes the offer that ends every operation sooner or later: {comp}, "
                "or {mcguffin_short}.",
                "Four minutes on the clock. {comp} is on the far side of the line with {villain}'s people. On this "
                "side, within reach: {mcguffin_short}.",
            ),
            action=(
                "{villain} sets {mcguffin_short} down on a table and steps back, hands open.",
                "Two men in grey coats hold {comp} by the arms. The clock on the wall jumps forward a minute.",
                "A train whistle sounds close by. {villain} glances at a watch, and smiles.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend or {mcguffin_short}. You don't get both. Nobody gets both."),
                 ("comp", "afraid", "Don't trade it! It's worth more than I am!"),
                 ("hero", "angry", "Let {comp} go, {villain}."),
                 ("villain", "neutral", "I'm offering exactly that. For a price. Choose.")),
                (("comp", "determined", "Leave me. Get {mcguffin_short} out. That's the job."),
                 ("hero", "afraid", "Nobody gets left on the wrong side. Not again."),
                 ("villain", "happy", "How sentimental. The train leaves in four minutes."),
                 ("comp", "sad", "Then you've got three to decide.")),
                (("hero", "neutral", "You'll never get it across the border."),
                 ("villain", "sly", "I don't have to. I only need you not to."),
                 ("comp", "afraid", "{hero}, the clock!"),
                 ("villain", "neutral", "Tick tock, {hero}.")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "At {place}, {weather}. {hero} and {comp} close in on {villain}, with the clock running down to zero.",
                "Everything ends at {place}: the leak, the lies, and {villain}'s long career. {hero} and {comp} have "
                "one move left.",
                "Far below, a crowd is gathering for the ceremony. At {place}, {hero} and {comp} corner "
                "{villain}, and nobody down there knows how close it is.",
            ),
            action=(
                "{comp} works round out of sight while {hero} walks straight at {villain}, hands open, talking calmly.",
                "{villain} holds {mcguffin_short} out over the drop. A great clock grinds towards the hour.",
                "{comp} cuts the radio line. Somewhere far below, a signal that should have come never comes.",
            ),
            exchanges=(
                (("villain", "sly", "One more step and I drop {mcguffin_short} over the edge. Then nobody wins."),
                 ("comp", "determined", "I've got a way round. Keep {villain} talking."),
                 ("hero", "neutral", "It's over. Your people on the inside are in custody."),
                 ("villain", "angry", "You're bluffing."),
                 ("hero", "sly", "Maybe. Want to find out?")),
                (("comp", "afraid", "Thirty seconds!"),
                 ("hero", "determined", "Give it up, {villain}. The whole service knows."),
                 ("villain", "tired", "The service knows nothing. That's why it needs people like me."),
                 ("comp", "sly", "Not any more.")),
                (("villain", "neutral", "I kept this place in balance for thirty years."),
                 ("hero", "angry", "You sold it for twenty of them."),
                 ("villain", "sad", "Somebody had to keep the balance."),
                 ("comp", "determined", "Then let somebody else take a turn.")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No partner now. Just {hero}, {villain}, {wild}, and {place}, with the clock running out.",
                "{hero} reaches {place} alone. {villain} is waiting, and so, of course, is {wild}, standing exactly "
                "halfway between them.",
            ),
            action=(
                "{wild} steps out of the shadows between them, and for one long second nobody knows which side {wild} "
                "will take.",
                "{villain} holds {mcguffin_short} up to the light. {hero} counts the steps, the seconds and the exits.",
            ),
            exchanges=(
                (("villain", "happy", "Alone again, {hero}. Your partners keep disappearing."),
                 ("hero", "angry", "They didn't disappear. You made sure of it."),
                 ("wild", "sad", "Let it go. There's a version of tonight where everyone walks away."),
                 ("hero", "determined", "Not {villain}. Not this time.")),
                (("wild", "afraid", "I never meant it to go this far."),
                 ("villain", "sly", "Nobody does, my dear. That's what makes it work."),
                 ("hero", "neutral", "Choose, {wild}. Right now. Whose side?"),
                 ("wild", "determined", "Mine. For once, mine.")),
                (("hero", "neutral", "It's just the three of us. No backup, no orders."),
                 ("villain", "sly", "Then let's be honest for once. Name your price."),
                 ("wild", "sly", "Careful, {hero}. Everybody has one."),
                 ("hero", "determined", "Mine is everything you took.")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "By morning the story is on every front page: the leak, the names, {mcguffin}. {villain} is in custody, "
                "and {world} never learns how close it came.",
                "The sun comes up over {world}. {hero} and {comp} watch it from {place}, and for once nobody is "
                "following them.",
            ),
            action=(
                "{comp} buys two coffees from a kiosk and hands one over without a word.",
                "{hero} drops a burned passport into a bin and does not look back.",
            ),
            exchanges=(
                (("comp", "happy", "We did it. We actually did it."),
                 ("hero", "tired", "Don't say it too loud. Somebody's always listening."),
                 ("comp", "sly", "Let them.")),
                (("comp", "neutral", "What happens now?"),
                 ("hero", "neutral", "Now they give us medals in a room with no windows, and never mention it again."),
                 ("comp", "happy", "I can live with that.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} is quietly retired, with a pension, a garden and no trial. Some secrets are too big for a "
                "courtroom. But {hero} got the names out in time.",
                "The crisis passes. {villain} walks free on a technicality nobody will ever explain. {hero} knows "
                "the truth, and knows it will stay classified.",
            ),
            action=(
                "{villain} passes {hero} on a flight of grand steps and nods, as if they were old colleagues. They were.",
                "{hero} signs the secrecy papers, caps the pen, and stares at the wall for a long time.",
            ),
            exchanges=(
                (("villain", "sly", "No hard feelings, {hero}. It was only ever the job."),
                 ("hero", "determined", "I'll be watching you. Every single day."),
                 ("villain", "happy", "Of course you will. That's the job too.")),
                (("hero", "tired", "You walk away. Just like that."),
                 ("villain", "neutral", "Nobody walks away, {hero}. We just change desks.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "{hero} got the truth out, and the truth cost everyone else. The city wakes and goes to work as if "
                "nothing happened.",
                "It is over. They have locked {mcguffin} in a vault, and {hero} is the only one left who knows what "
                "it cost.",
            ),
            action=(
                "{hero} sits alone on a cold bench, watching the first light come up over the rooftops.",
                "{hero} takes the last cipher pad out of a coat lining and lets the wind have the pages.",
            ),
            exchanges=(
                (("hero", "sad", "Funny. I always thought winning would feel like something."),),
                (("hero", "tired", "Operation closed."),
                 ("hero", "sad", "Everyone I trusted is on the other side of a wall now.")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The exchange holds until it doesn't. By dawn {wild} is gone, and {mcguffin} with {wild}. All that is left "
                "is a postcard, from a place that is not on any map.",
                "{wild} was never working for either side. There was a third service all along, one nobody in {world} "
                "had ever heard of.",
            ),
            action=(
                "{hero} finds a postcard under the door, reads it twice, folds it into a pocket, and for the first time "
                "in years, laughs.",
                "A train pulls out across the border. In the last window, a hand lifts briefly, and is gone.",
            ),
            exchanges=(
                (("wild", "tender", "Don't look for me, {hero}. You'd only find me."),
                 ("hero", "sly", "That was always the problem.")),
                (("wild", "sly", "You knew I'd take {mcguffin_short}."),
                 ("hero", "neutral", "I knew you'd take the copy."),
                 ("wild", "surprised", "The copy?"),
                 ("hero", "sly", "Safe travels.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("How does {hero} play it?", "{wild} is offering a deal. What now?"),
            options={
                "bold": ("Go in tonight", "Hit {villain}'s people head-on", "Board the night train"),
                "careful": ("Follow {wild}, quietly", "Meet {wild} at the safe house", "Run surveillance first"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp} or {mcguffin_short}?", "Four minutes. Choose."),
            options={
                "save": ("Get {comp} out", "Trade {mcguffin_short} for {comp}"),
                "press": ("Take {mcguffin_short}", "Leave {comp}. Finish the job"),
                "deal": ("Let {wild} cut a deal", "Call in {wild}'s favour"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Last move. Whose plan?", "The clock is at zero."),
            options={
                "plan": ("Trust {comp}'s plan", "Keep {villain} talking"),
                "solo": ("Take {villain} yourself", "Go for {mcguffin_short}"),
                "trade": ("Let {wild} make the exchange", "Give {wild} the signal"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("No backup. What now?", "{wild} stands between you and {villain}."),
            options={
                "finish": ("Bring {villain} in", "Take {mcguffin_short} by force"),
                "spare": ("Let {villain} defect", "Stand down"),
            },
        ),
    },
    ending_titles={
        "triumph": ("Clean Sweep", "Front Page", "Daylight"),
        "bittersweet": ("Classified", "Quiet Retirement", "Need to Know"),
        "tragedy": ("Status Unknown", "The Last Agent", "Cold Bench"),
        "twist": ("The Copy", "Postcard", "The Third Side"),
    },
    intense_lines=(
        ("villain", "sly", "The river is very cold this time of year, {hero}.", {"violence": 1, "fear": 1}),
        ("hero", "angry", "Drop the gun. Now.", {"violence": 2}),
        ("comp", "afraid", "There's blood on the snow. Whose is it?", {"gore": 1, "fear": 1}),
        ("villain", "angry", "Kill them both and burn the files.", {"violence": 2}),
        ("hero", "angry", "Damn it, move!", {"profanity": 1}),
        ("wild", "afraid", "They shot the courier on the bridge. We're next.", {"violence": 2, "fear": 2}),
        ("villain", "neutral", "Make it look like an accident.", {"violence": 2}),
        ("comp", "afraid", "Someone's been in the flat. The radio's been smashed.", {"fear": 1}),
    ),
    calm_lines=(
        ("hero", "tired", "Sit down. The world can end in five minutes without us."),
        ("comp", "happy", "You know, you almost smiled just then."),
        ("hero", "neutral", "Listen. No footsteps. Enjoy it while it lasts."),
        ("comp", "tender", "Eat something. Even spies need breakfast."),
        ("wild", "sly", "Relax. If they were coming, they'd have come by now."),
    ),
    hooks=(
        "Who was {villain} reporting to?",
        "{wild} kept a second copy of {mcguffin_short}.",
        "One name on the list was never crossed off.",
        "Somebody left fresh bread in the safe house, and nobody ever said who.",
    ),
    moods=("tense", "paranoid", "suspenseful", "gripping", "taut", "twisty", "edge of my seat"),
)
