"""Screwball farce: mistaken identities, a disastrous plan, a pompous villain, a sidekick with a ladder.

Comedy lives in timing, so every exchange lands its first joke by the second line (the
planner often keeps only two lines a beat) and saves a topper for the fourth. Running gags
recur across scenes so they pay off wherever the planner's picks fall: the sidekick's
ladder plan, "act natural", the potted palm, the goat nobody will discuss. Losses are
farcical, never grim: a companion who is "lost" has been shipped to Lisbon, adopted by a
choir or carted off by the constable.
"""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="comedy",
    label="screwball comedy",
    aliases=("comedy", "funny", "farce", "screwball", "slapstick", "hilarious", "screwball comedy",
             "comedy of errors", "madcap"),
    world_strength=0.1,
    tone="madcap, warm and quick-fire; everyone is wrong about everything, with total confidence",
    era="1930s",
    world_names=("Little Puddingford", "Bramblewick-on-Sea", "Upper Snoring", "Monte Fiasco",
                 "Saint Crumpet's Bay"),
    world_description=(
        "{world} in the {era}: a seaside resort of striped awnings, brass bands and grand hotels, where at least "
        "half the guests are not who they say they are.",
        "{world}, {era}. One country house, forty bedrooms, a village fête on Saturday, and a great many people "
        "hiding in wardrobes who really ought to know better.",
    ),
    rules=(
        "Anyone wearing a false moustache is believed completely.",
        "Every door opens at exactly the wrong moment.",
        "The police constable always arrives last and arrests the wrong person.",
        "Nobody in town ever reads a telegram all the way to the end.",
    ),
    places=(
        PlaceSpec("the front desk of the Hotel Splendide", "interior", "home",
                  "A brass bell, forty room keys on hooks, and a guest book that has never once added up.",
                  "day", "clear"),
        PlaceSpec("a rented room above the fishmonger's", "apartment", "home",
                  "One bed, one chair, one window, and a faint but loyal smell of haddock.", "day", "rain"),
        PlaceSpec("the village fête", "village", "hub",
                  "Bunting, a brass band, a tombola, and a vicar judging marrows with terrible seriousness.",
                  "day", "clear"),
        PlaceSpec("the Grand Ballroom of the Hotel Splendide", "ballroom", "hub",
                  "Chandeliers, potted palms, and a string quartet that has seen far too much.", "night", "clear"),
        PlaceSpec("the hotel kitchens at the dinner rush", "interior", "danger",
                  "Copper pans, flying soufflés and a chef who shouts in three languages at once.", "night", "clear"),
        PlaceSpec("the battlements of Bramblewick Hall", "rooftop", "danger",
                  "Chimney pots, a weathervane shaped like a duck, and a long drop into the rose beds.",
                  "night", "rain"),
        PlaceSpec("the broom cupboard on the second floor", "interior", "hideout",
                  "Three mops, one bucket, and room for one person, which is never how many end up inside.",
                  "night", "clear"),
        PlaceSpec("the potting shed behind the Hall", "interior", "hideout",
                  "Seed trays, a wheelbarrow, and a gardener's calendar that stopped in 1927.", "dusk", "rain"),
        PlaceSpec("the Imperial Suite", "apartment", "lair",
                  "Gilt mirrors, a tiger-skin rug with a surprised expression, and a portrait of its occupant "
                  "at twice life size.", "night", "clear"),
        PlaceSpec("the trophy room at Bramblewick Hall", "interior", "lair",
                  "Stuffed fish, silver cups, and a suit of armour that somebody is almost certainly hiding inside.",
                  "night", "fog"),
        PlaceSpec("the Grand Charity Ball", "ballroom", "summit",
                  "Two hundred guests, a conga line, and a chandelier hanging from a very old rope.", "night", "clear"),
        PlaceSpec("the flower show marquee", "village", "summit",
                  "Prize dahlias, judges in sashes, and a tent pole with opinions of its own.", "day", "rain"),
        PlaceSpec("the village railway platform", "train", "vista",
                  "A puffing engine, a porter with a barrow, and a timetable that is purely decorative.",
                  "day", "clear"),
        PlaceSpec("the end of the pier", "beach", "vista",
                  "Deckchairs, a puppet booth, and gulls with long criminal records.", "dusk", "clear"),
    ),
    weathers=("clear", "rain", "fog"),
    weather_phrases={
        "clear": ("the sun shines with suspicious cheerfulness", "there is not a cloud in the sky, which can only mean trouble",
                  "a brass band is playing somewhere, slightly out of tune"),
        "rain": ("a sudden shower ruins several expensive hats", "rain drums on the awnings like polite applause",
                 "the rain arrives exactly when the picnic does"),
        "fog": ("a fog rolls in thick enough to lose a duke in", "the fog makes every butler look like every other butler"),
        "dawn": ("the sun comes up as if nothing whatsoever has happened",),
    },
    mcguffins=(
        ("the Duchess of Dorking's tiara", "the tiara"),
        ("a hatbox containing somebody else's fortune", "the hatbox"),
        ("Great-Uncle Monty's last will and testament", "the will"),
        ("the prize-winning pig, Lady Marmalade", "the pig"),
    ),
    schemes=(
        "passing off a fake heir to inherit the whole estate",
        "rigging the village flower show for the third year running",
        "swapping the family jewels for paste during the charity ball",
        "marrying into the family fortune under a borrowed title",
    ),
    stakes=(
        "the Hotel Splendide goes to the bank on Monday",
        "the wrong person inherits everything, including the parrot",
        "the whole family has to get jobs",
        "Aunt Agatha never speaks to anyone again, which is somehow worse",
    ),
    look="bright screwball: sunny high-key frames, a door in every frame, snappy whip pans",
    palette=("#f4d35e", "#ee964b", "#f95738", "#0d3b66", "#faf0ca"),
    monochrome=False,
    contrast=0.45,
    grain=0.1,
    lighting="bright, even, cheerful high-key light with nowhere at all to hide",
    motifs=("slamming doors", "identical suitcases", "false moustaches", "a potted palm", "a cuckoo clock",
            "the wrong telegram"),
    music="brisk screwball score: pizzicato strings, a cheeky clarinet, a tuba for every pratfall",
    names_first={
        "she": ("Gwendolyn", "Pippa", "Daphne", "Muriel", "Bunty", "Cordelia", "Hermione", "Winifred", "Dolly"),
        "he": ("Bertie", "Monty", "Reggie", "Percival", "Algernon", "Cedric", "Freddie", "Ferdinand", "Oswald"),
        "they": ("Binky", "Pip", "Toppy", "Sandy", "Chips", "Bobbie", "Kit", "Sunny"),
    },
    names_last=("Fotheringay", "Pumphrey", "Wimbledon-Smythe", "Buttersby", "Crumb", "Plunkett", "Ffolkes",
                "Gussage", "Throgmorton", "Bellweather", "Pennyfeather", "Snodgrass", "Twistleton", "Fettiplace"),
    archetypes={
        "hero": (
            Archetype("hapless hotel manager", "save the business before {stakes}",
                      "has told one small lie that has grown, over lunch, into forty large ones",
                      ("flustered", "decent", "quick on the feet", "a terrible liar"),
                      ("morning suit", "waistcoat"), ("bow tie", "pocket watch"), ("slick", "bob"),
                      "bright, slightly panicked tenor"),
            Archetype("struggling actor mistaken for a duke", "find out who is {scheme} without dropping the act",
                      "has never been a duke and is not entirely sure what dukes do all day",
                      ("theatrical", "charming", "improvises badly but loudly"),
                      ("borrowed evening clothes", "tailcoat"), ("monocle", "cravat"), ("curly", "long waves"),
                      "rich, theatrical voice"),
            Archetype("penniless aristocrat with one good suit", "recover {mcguffin} before {stakes}",
                      "owes money to everyone in {world}, including the dog",
                      ("cheerful", "optimistic", "spectacularly unlucky"),
                      ("tweed suit", "blazer"), ("boater hat", "cricket sweater"), ("short", "bob"),
                      "quick, cheerful, well-bred voice"),
        ),
        "villain": (
            Archetype("pompous baronet with a famous moustache", "finish {scheme} before the ball is over",
                      "cannot resist explaining the whole plan to anyone who stands still long enough",
                      ("pompous", "vain", "easily flattered", "certain of everything"),
                      ("tweed suit", "plus fours"), ("monocle", "walking cane"), ("slick", "bald"),
                      "booming, self-satisfied baritone"),
            Archetype("oily con artist posing as a count", "finish {scheme} and be on the boat by Tuesday",
                      "has forgotten which of six fake names this particular crowd knows",
                      ("smooth", "greedy", "overconfident"), ("velvet smoking jacket", "white dinner jacket"),
                      ("signet ring", "silk scarf"), ("slick",),
                      "oily, purring voice"),
            Archetype("society hostess who always gets her way", "finish {scheme} by the end of the season",
                      "has never once been told no, and intends to keep it that way",
                      ("imperious", "scheming", "magnificent"), ("fur stole", "pearl-grey gown"),
                      ("lorgnette", "feathered hat"), ("bun", "long waves"), "grand, carrying contralto",
                      pronouns=("she",)),
        ),
        "wild": (
            Archetype("runaway heir disguised as the help", "get hold of {mcguffin} before the family does",
                      "keeps forgetting which accent goes with which disguise",
                      ("quick-witted", "reckless", "charming", "a born liar"),
                      ("footman's livery", "borrowed chauffeur's coat"), ("feather duster", "cap"),
                      ("bob", "curly"), "bright voice with a wandering accent",
                      secret="is the rightful owner of {mcguffin}, and has been all along"),
            Archetype("private detective who is wrong about everything", "solve the case of {mcguffin}, eventually",
                      "has already accused everyone in {world} at least once, including a hat stand",
                      ("confident", "observant of all the wrong things", "dogged"),
                      ("checked overcoat", "deerstalker outfit"), ("magnifying glass", "notebook"),
                      ("short", "bun"), "clipped, self-important voice",
                      secret="was hired by {villain}, and is starting to regret it"),
            Archetype("mysterious guest with an identical suitcase", "swap the suitcases back before anyone notices",
                      "has a second identical suitcase that nobody knows about",
                      ("mysterious", "unflappable", "dry"), ("travelling coat", "tweed cape"),
                      ("suitcase", "dark glasses"), ("bob", "slick"), "low, amused voice",
                      secret="is secretly from the insurance company"),
        ),
        "comp": (
            Archetype("sidekick with bad ideas", "help, enthusiastically, whether or not it helps",
                      "has never had a plan that did not involve a ladder, a disguise and a goat",
                      ("loyal", "boundlessly confident", "usually wrong"), ("striped blazer", "knitted tank top"),
                      ("false moustache", "boater hat"), ("curly", "messy"), "quick, eager voice"),
            Archetype("unflappable butler", "keep the household running while it is on fire",
                      "knows exactly what is going on and has been told not to say",
                      ("deadpan", "resourceful", "quietly disapproving"), ("tailcoat", "black waistcoat"),
                      ("silver tray", "white gloves"), ("slick", "bun"), "dry, unhurried voice"),
            Archetype("nervous aunt with a secret past", "keep the family name out of the newspapers",
                      "was once a jewel thief on the Riviera and would prefer nobody mentioned it",
                      ("twittery", "surprisingly nimble", "fond"), ("floral tea dress", "cardigan"),
                      ("knitting bag", "spectacles on a chain"), ("bun",), "fluttery, high voice",
                      pronouns=("she",)),
            Archetype("over-eager cousin from the country", "see some real excitement before going home",
                      "believes absolutely everything anyone says, instantly",
                      ("wide-eyed", "strong", "cheerful"), ("tweed knickerbockers", "muddy wellingtons"),
                      ("flat cap",), ("short", "ponytail"), "broad, booming country voice"),
        ),
    },
    titles=("A Fine Mess in {world}", "Nobody Panic", "The Trouble with {hero}", "Much Ado About Everything",
            "What Happened at {world}", "Two Dukes Too Many"),
    episode_titles=("The Wrong Suitcase", "A Ladder Too Far", "Nobody Panic", "The Goat Incident", "The Soup Course",
                    "Two Dukes Too Many", "The Moustache Returns", "Exit, Pursued by a Butler"),
    loglines=(
        "In {world}, {hero.full} is mistaken for somebody important and has one weekend to find {mcguffin} "
        "before {stakes}.",
        "{hero.full} must stop {villain.full} from {scheme}, armed with nothing but a sidekick, a false moustache "
        "and a very bad plan.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, {era}. Outside, {weather}. At {place}, {hero.full} has exactly one problem, which by "
                "lunchtime will be eleven.",
                "Nothing ever happens at {place}. {hero} says so to {comp} every single morning, and this morning, "
                "for the first time, it is a lie.",
                "Outside, {weather}. Inside {place}, {hero} is trying very hard to look calm, which is the first "
                "sign that nobody should be.",
            ),
            action=(
                "{comp} bursts through the door in a false moustache, sees {hero}, and quietly takes it off again.",
                "{hero} rings the bell for service. Nothing. {hero} rings again. {comp} climbs out of a cupboard.",
                "{comp} unrolls a plan drawn in crayon across the desk. It has a ladder on it. It always has a "
                "ladder on it.",
            ),
            exchanges=(
                (("comp", "happy", "I've had an idea. It involves a ladder."),
                 ("hero", "tired", "It always involves a ladder."),
                 ("comp", "determined", "This time there are two ladders."),
                 ("hero", "afraid", "That's twice as many ladders."),
                 ("comp", "happy", "Exactly! Twice the plan!")),
                (("comp", "neutral", "A telegram came. It says: arriving today, tell nobody. So I've told everybody."),
                 ("hero", "tired", "Naturally."),
                 ("comp", "sly", "Cheer up. I don't even know who sent it."),
                 ("hero", "afraid", "So a total stranger is arriving, and everybody knows except us."),
                 ("comp", "happy", "Exciting, isn't it?")),
                (("hero", "determined", "Today, nothing goes wrong. Nothing."),
                 ("comp", "happy", "Absolutely nothing. Apart from the goat."),
                 ("hero", "surprised", "What goat?"),
                 ("comp", "sly", "We agreed never to discuss the goat."),
                 ("hero", "tired", "We have never agreed anything about a goat.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "Against every law of probability, {prev} is back, slightly singed and wearing somebody else's "
                "trousers.",
                "{prev} survived the last adventure, and has told the story to everyone who stood still long enough. "
                "It gets longer every time, and the swan gets bigger.",
            ),
            action=(
                "{prev} makes a grand entrance through the wrong door, backs out, and makes it again through the "
                "right one.",
                "{prev} presents {hero} with a small souvenir of the whole ordeal: a single, slightly damp shoe.",
            ),
            exchanges=(
                (("prev", "happy", "I'm back! Did anybody miss me?"),
                 ("hero", "tender", "Every minute. Where on earth did you go?"),
                 ("prev", "neutral", "Honestly? I was hoping you'd know."),
                 ("comp", "surprised", "Excuse me, who is this, and why are they wearing my hat?"),
                 ("prev", "sly", "Finders keepers.")),
                (("prev", "determined", "I've had time to think. I have a new plan."),
                 ("hero", "afraid", "Does it have a ladder in it?"),
                 ("prev", "sad", "It did. They confiscated the ladder."),
                 ("comp", "happy", "I've got a ladder!"),
                 ("hero", "tired", "Oh no. There are two of you now.")),
                (("prev", "neutral", "I want you to know I escaped entirely on my own."),
                 ("hero", "sly", "Did you?"),
                 ("prev", "tired", "With some help from a nun, a pastry chef and a very determined swan."),
                 ("comp", "neutral", "I've met that swan. Nasty piece of work."),
                 ("prev", "sad", "We don't talk about the swan.")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "{prev} is, as far as anyone can tell, on a cargo boat to Lisbon, wearing a borrowed hat and, one "
                "hopes, a sensible expression.",
                "{prev} was carried off by a touring choir who mistook {prev} for their missing baritone, and they "
                "will not give {prev} back.",
                "Nobody has seen {prev} since the business with the hot-air balloon. A postcard came this morning.",
            ),
            action=(
                "{hero} sets out a cup of tea for {prev} out of habit, then drinks it, sadly, in small sips.",
                "{comp} finds {prev}'s false moustache in a drawer and holds a short, respectful silence.",
            ),
            exchanges=(
                (("comp", "sad", "Any word from {prev}?"),
                 ("hero", "sad", "A postcard. It says 'Help!' and 'Weather lovely.'"),
                 ("comp", "neutral", "Well. At least the weather's lovely."),
                 ("hero", "determined", "We're getting {prev} back. Right after we deal with {villain}.")),
                (("hero", "sad", "It's all my fault. I said 'what could possibly go wrong'."),
                 ("comp", "tender", "You always say that."),
                 ("hero", "tired", "And it always does!"),
                 ("comp", "determined", "Then this time say something else."),
                 ("hero", "neutral", "Such as?"),
                 ("comp", "happy", "'Fetch the ladder.'")),
                (("comp", "tender", "{prev} isn't gone forever. Just misplaced."),
                 ("hero", "sad", "Like an umbrella."),
                 ("comp", "happy", "Exactly like an umbrella. They always turn up."),
                 ("hero", "determined", "Then let's go and find where we left {prev}.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "Into {place} sweeps {wild.full}, who mistakes {hero} for somebody important. {hero}, very unwisely, "
                "does not correct the mistake.",
                "It starts, as these things do, with two identical suitcases at {place}: one holds {mcguffin}, and "
                "the other holds {comp}'s pyjamas.",
                "At {place}, {weather}, and {wild} presses a parcel into {hero}'s arms with the words 'Guard this "
                "with your life', then hides behind a potted palm.",
            ),
            action=(
                "{wild} mistakes {comp} for a waiter and hands over a hat, a coat and a small, nervous dog.",
                "{hero} and {wild} reach for the same suitcase, let go at the same moment, and watch it burst open. "
                "It is full of socks.",
                "{wild} whispers a secret into the wrong ear. {comp} looks delighted. {hero} looks doomed.",
            ),
            exchanges=(
                (("wild", "surprised", "You must be the Duke! I'd know that chin anywhere."),
                 ("hero", "afraid", "I am, er, absolutely the Duke."),
                 ("comp", "surprised", "Since when are you the Duke?"),
                 ("hero", "sly", "Since about four seconds ago."),
                 ("wild", "sly", "Then, Your Grace, you'll help me find {mcguffin}. Before {villain} does.")),
                (("wild", "neutral", "I need {mcguffin}. Tonight. And nobody must know."),
                 ("comp", "happy", "We're wonderful at nobody knowing things!"),
                 ("hero", "tired", "We're famously terrible at it."),
                 ("wild", "sly", "I'll pay double."),
                 ("hero", "determined", "We've just become wonderful at it.")),
                (("wild", "afraid", "Quick! Hide me! But casually."),
                 ("comp", "determined", "Behind the potted palm! Nobody ever looks behind a palm."),
                 ("wild", "neutral", "Everybody looks behind a palm."),
                 ("comp", "sad", "Two palms, then."),
                 ("hero", "neutral", "Who exactly are we hiding you from?"),
                 ("wild", "afraid", "{villain}. And possibly a goat.")),
            ),
        ),
        "bold": Scene(
            narration=(
                "The plan is simple: turn up at {place} disguised as the string quartet. The flaw in the plan is "
                "that neither {hero} nor {comp} can play anything.",
                "{hero} and {comp} storm {place} with all the stealth of a brass band falling down the stairs. "
                "Outside, {weather}, which does not help.",
                "Boldness, {comp} insists, is its own disguise. At {place}, that theory is about to be tested to "
                "destruction.",
            ),
            action=(
                "{comp} steps onto a tea trolley, rolls the whole length of the room, and comes to rest, bowing, in "
                "front of {villain}'s guards.",
                "{hero} grabs {mcguffin_short}. {comp} grabs the other one. They swap. They swap back. Both are "
                "wrong.",
                "A door opens. {hero} and {comp} freeze in heroic poses and try very hard to look like statues.",
            ),
            exchanges=(
                (("hero", "afraid", "Everyone is staring at us."),
                 ("comp", "determined", "Then act natural!"),
                 ("hero", "neutral", "This is me acting natural."),
                 ("comp", "afraid", "Oh dear. Then act like somebody else.")),
                (("comp", "happy", "Good news! The ladder plan worked!"),
                 ("hero", "tired", "We climbed down a ladder into the basement."),
                 ("comp", "neutral", "Technically, it's still a ladder plan."),
                 ("hero", "sly", "Technically, we're still in the basement.")),
                (("comp", "surprised", "I've got {mcguffin_short}!"),
                 ("hero", "happy", "You brilliant, wonderful genius!"),
                 ("comp", "sad", "Oh. No. It's a cake."),
                 ("hero", "surprised", "Who bakes a cake that looks exactly like {mcguffin_short}?"),
                 ("comp", "sly", "Somebody who knew we were coming.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "{hero} and {wild} hide in {place}, which was designed for one person and several mops.",
                "Quietly, for once, {hero} follows {wild} to {place}. Whispering turns out to be much harder than it "
                "looks when everybody keeps sneezing.",
                "At {place}, {hero} decides to do the sensible thing and listen. It is such a new experience that "
                "{wild} stares.",
            ),
            action=(
                "Someone tries the door handle. {hero} and {wild} hold their breath until both turn slightly purple.",
                "{wild} peels off a false moustache, revealing a second false moustache underneath.",
                "A bucket falls over with a clang that goes on for an unreasonable length of time.",
            ),
            exchanges=(
                (("wild", "sly", "I am not, strictly speaking, a countess."),
                 ("hero", "tired", "I'd guessed. Countesses don't usually pocket the spoons."),
                 ("wild", "neutral", "They were very nice spoons."),
                 ("hero", "sly", "They were my spoons.")),
                (("hero", "afraid", "Someone's outside the door!"),
                 ("wild", "neutral", "Act natural."),
                 ("hero", "angry", "We're crouching in the dark holding a mop. What's natural about that?"),
                 ("wild", "sly", "Hum something. Nobody ever suspects a hummer.")),
                (("hero", "neutral", "Why does everyone want {mcguffin_short}?"),
                 ("wild", "sly", "Because {villain} is {scheme}, and only {mcguffin_short} can stop it."),
                 ("hero", "surprised", "That sounds dangerous."),
                 ("wild", "happy", "Terribly. Isn't it marvellous?"),
                 ("hero", "tired", "No.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "Meanwhile, at {place}, {villain.full} is explaining the entire plan, in order, with diagrams, to "
                "{wild}, whom {villain} believes to be the new secretary.",
                "At {place}, {villain} rehearses a victory speech in front of a mirror. {wild}, hiding behind the "
                "curtains, takes notes.",
            ),
            action=(
                "{villain} unveils a chalkboard covered in arrows. Several of the arrows point at each other.",
                "{villain} strikes a noble pose by the fireplace and holds it a beat too long, waiting for applause. "
                "{wild} claps, slowly.",
                "While {villain} is admiring the portrait, {wild} pockets a paperweight, a pen and, somehow, the "
                "chalkboard.",
            ),
            exchanges=(
                (("villain", "happy", "Take this down. Step one: I get {mcguffin_short}. Step two: I finish {scheme}."),
                 ("wild", "sly", "And step three?"),
                 ("villain", "surprised", "Nobody has ever let me get to step three before!"),
                 ("wild", "neutral", "Take your time. I'm writing it all down."),
                 ("villain", "happy", "Splendid. Underline the parts about me.")),
                (("villain", "sly", "Tell me. What do you know about {hero}?"),
                 ("wild", "neutral", "Brilliant. Dangerous. Wonderful at hiding behind palms."),
                 ("villain", "angry", "Nobody is good at hiding behind palms!"),
                 ("wild", "sly", "Then where do you suppose {hero} is right now?"),
                 ("villain", "afraid", "Somebody check the palms.")),
                (("villain", "neutral", "You are not my new secretary, are you."),
                 ("wild", "sly", "What gave it away?"),
                 ("villain", "tired", "My secretary is seventy-three and on holiday in Bognor."),
                 ("wild", "happy", "Then I'm a tremendous improvement."),
                 ("villain", "sly", "Stay. I do adore an audience.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "Disaster, right on schedule. At {place}, {villain} has {comp} tied to a chair with the curtain "
                "cords, and {mcguffin_short} waits on a silver tray beside {villain} like a prize.",
                "{comp} has been mistaken for a notorious jewel thief, and {villain} is about to hand {comp} over "
                "to the constable, with great ceremony and a brass band.",
                "At {place}, {weather}, and {comp} is stuck halfway up a drainpipe while {villain} strolls off with "
                "{mcguffin_short}.",
            ),
            action=(
                "{villain} holds {mcguffin_short} in one hand and the key to {comp}'s handcuffs in the other, and "
                "waggles both.",
                "{comp} waves frantically. {hero} waves back, then realises it was not that kind of wave.",
                "A cuckoo clock strikes the hour. {villain} checks a pocket watch against it and looks infuriatingly "
                "pleased.",
            ),
            exchanges=(
                (("villain", "happy", "Choose, {hero}: your little friend, or {mcguffin_short}. Not both. I checked."),
                 ("comp", "afraid", "Choose me! Obviously choose me!"),
                 ("hero", "determined", "I'm thinking."),
                 ("comp", "angry", "Why are you thinking?"),
                 ("villain", "sly", "Tick tock.")),
                (("comp", "determined", "Leave me! Grab {mcguffin_short}! I'll be fine!"),
                 ("hero", "surprised", "Will you?"),
                 ("comp", "afraid", "No! But it sounded terribly brave!"),
                 ("villain", "sly", "It did. Bravo. Now hurry up and choose.")),
                (("hero", "angry", "Let {comp} go, {villain}, or else!"),
                 ("villain", "neutral", "Or else what?"),
                 ("hero", "determined", "Or else I shall be extremely cross."),
                 ("comp", "sad", "That's your threat?"),
                 ("villain", "happy", "Look at me. I'm trembling. Visibly trembling.")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "Every door in {place} opens at once. Everyone is here, everyone is in disguise, and {villain} is "
                "about to get away with it.",
                "It all comes together at {place}: {hero}, {comp}, {villain}, two identical suitcases and a "
                "constable who is no help whatsoever.",
                "At {place}, {weather}, and {villain} climbs onto a table to announce victory, which is exactly "
                "where {comp} wanted {villain}.",
            ),
            action=(
                "{comp} whips away the tablecloth. Every plate stays perfectly still. {villain} does not.",
                "{hero} chases {villain} round a pillar, {villain} reverses, and now {villain} is chasing {hero} "
                "round it the other way.",
                "A conga line passes between them. When it has gone, {villain} is wearing the false moustache and "
                "nobody can say how.",
            ),
            exchanges=(
                (("villain", "happy", "Too late! I have {mcguffin_short}, and nobody can stop me!"),
                 ("comp", "sly", "Just one small thing. You're standing on the trapdoor."),
                 ("villain", "afraid", "There's no trapdoor here!"),
                 ("hero", "happy", "No. But you looked down. Thank you for {mcguffin_short}!"),
                 ("comp", "sly", "Works every time.")),
                (("comp", "determined", "I have a plan!"),
                 ("hero", "afraid", "Is it the ladder?"),
                 ("comp", "happy", "Better. Two ladders."),
                 ("villain", "angry", "Will you two stop talking about ladders and surrender!"),
                 ("hero", "sly", "Never. Fetch the ladders!")),
                (("villain", "angry", "Nobody makes a fool of {villain.full}!"),
                 ("comp", "sly", "Nobody needed to."),
                 ("hero", "neutral", "You did all the heavy lifting yourself."),
                 ("villain", "surprised", "That's actually rather hurtful.")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No sidekick now, no bad ideas, no ladder. Just {hero}, {villain}, {wild}, and {place}, which is "
                "about to get very untidy.",
                "{hero} arrives at {place} alone, to find {wild} and {villain} already there, both claiming to be "
                "the same person.",
            ),
            action=(
                "{wild} and {villain} both hold out a hand for {mcguffin_short}. {hero} shakes both hands, politely, "
                "and keeps it.",
                "{villain} lunges, {hero} ducks, and {wild} trips {villain} with the grace of a ballerina who happens "
                "to be holding an umbrella.",
            ),
            exchanges=(
                (("villain", "happy", "Alone at last, {hero}. No friends, no plan, no ladder."),
                 ("hero", "sad", "I do miss the ladder."),
                 ("wild", "sly", "I brought an umbrella. Will that do?"),
                 ("hero", "determined", "It'll have to.")),
                (("wild", "neutral", "I am the real owner of {mcguffin_short}."),
                 ("villain", "angry", "No, I am the real owner of {mcguffin_short}!"),
                 ("hero", "tired", "Is anybody here who they say they are?"),
                 ("wild", "happy", "Not since Tuesday."),
                 ("villain", "sly", "Not since birth.")),
                (("hero", "determined", "Nobody panic."),
                 ("villain", "surprised", "Nobody is panicking."),
                 ("hero", "afraid", "Well, I am, a bit."),
                 ("wild", "happy", "That's the spirit!")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "By breakfast {villain} has been arrested, mostly by accident, the rightful owner has "
                "{mcguffin_short} back, and nobody is wearing anybody else's trousers.",
                "The constable finally arrests the right person. The whole of {world} applauds, and the brass band "
                "plays, very nearly in tune.",
            ),
            action=(
                "{comp} produces a ladder from nowhere, leans it against nothing, and climbs it in triumph.",
                "{hero} and {comp} shake hands, then hug, then lose their balance and sit down hard in a flower bed, "
                "still hugging.",
            ),
            exchanges=(
                (("comp", "happy", "We did it! And my plan worked!"),
                 ("hero", "neutral", "None of your plans worked."),
                 ("comp", "happy", "And yet here we are!"),
                 ("hero", "happy", "Here we are.")),
                (("hero", "happy", "Not one single thing went wrong."),
                 ("comp", "neutral", "The goat."),
                 ("hero", "tired", "Apart from the goat.")),
                (("comp", "sly", "Same time next week?"),
                 ("hero", "tired", "Absolutely not."),
                 ("comp", "happy", "I'll bring the ladder.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} escapes justice by accepting a medal for foiling the very plot {villain} invented. {hero} "
                "keeps {mcguffin_short}, and a certain amount of dignity.",
                "Nobody believes a word of {hero}'s story, so {villain} goes free. But {hero} kept what mattered, "
                "and a very good anecdote.",
            ),
            action=(
                "{villain} waves from the back of an open car, wearing a medal. {hero} waves back, wearing a bucket.",
                "{villain} shakes {hero}'s hand for the photographers and squeezes just a little too hard.",
            ),
            exchanges=(
                (("villain", "happy", "No hard feelings, {hero}? They're giving me a medal."),
                 ("hero", "tired", "For what?"),
                 ("villain", "sly", "For catching myself. Terribly brave of me."),
                 ("hero", "determined", "Enjoy it. I'll be watching.")),
                (("hero", "determined", "This isn't over, {villain}."),
                 ("villain", "happy", "Of course not. There's always a sequel.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "Everyone else has gone home. {hero} stands alone at {place}, holding {mcguffin_short}, a goat on a "
                "string and the bill for the damages.",
                "It all went wrong, and then it went wrong again, just to be thorough. {hero} is the last one "
                "standing, mostly because everyone else has left.",
            ),
            action=(
                "{hero} sits down on a bench. The bench collapses, slowly, with a long and mournful creak.",
                "A single pigeon lands beside {hero}, considers the situation carefully, and leaves.",
            ),
            exchanges=(
                (("hero", "sad", "Well. At least it can't get any worse."),
                 ("hero", "tired", "I really must stop saying that.")),
                (("hero", "sad", "Nobody panic."),
                 ("hero", "tired", "Nobody's here to panic. That's rather the problem.")),
                (("hero", "sad", "I had a plan. It had a ladder in it."),
                 ("hero", "tired", "Where is a ladder when you need one?")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The twist, when it comes, is a beauty: {wild} was the insurance investigator all along, and has been "
                "trying to hand {mcguffin_short} back to {hero} since Tuesday.",
                "{wild} pulls off one last disguise, and underneath is the one person nobody suspected: the "
                "insurance investigator.",
            ),
            action=(
                "{wild} peels off a false moustache, then a false nose, then another false moustache.",
                "{wild} hands {hero} a calling card with {wild.full} printed on it. It is spelled wrong, on purpose.",
            ),
            exchanges=(
                (("wild", "sly", "Surprise."),
                 ("hero", "surprised", "You were the insurance investigator?"),
                 ("wild", "happy", "Ever since the soup course."),
                 ("hero", "tired", "Then who was the Duke?"),
                 ("wild", "sly", "You were, darling. Very convincing.")),
                (("wild", "tender", "I owe you an explanation."),
                 ("hero", "neutral", "Several."),
                 ("wild", "sly", "Then let's start with the goat."),
                 ("hero", "afraid", "We agreed never to discuss the goat.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("{wild} needs help. What's the plan?", "How does {hero} get {mcguffin_short}?"),
            options={
                "bold": ("Storm in disguised as waiters", "Try {comp}'s ladder plan", "Bluff your way in"),
                "careful": ("Hide and listen", "Follow {wild}, quietly", "Hide in a cupboard with {wild}"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp} or {mcguffin_short}?", "{villain} is waggling both. Choose!"),
            options={
                "save": ("Rescue {comp}", "Swap {mcguffin_short} for {comp}"),
                "press": ("Grab {mcguffin_short} and run", "Sorry, {comp}! Grab it!"),
                "deal": ("Let {wild} cause a distraction", "Send {wild} in disguise"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Everyone's here. Whose plan?", "{villain} is on the table. Now what?"),
            options={
                "plan": ("Trust {comp}'s plan", "Fetch both ladders"),
                "solo": ("Collar {villain} yourself", "Grab {mcguffin_short} and bolt"),
                "trade": ("Let {wild} make the swap", "Swap the fake for the real one"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("No sidekick, no ladder. What now?", "{wild} and {villain} both want it."),
            options={
                "finish": ("Unmask {villain}", "Pull off the last disguise"),
                "spare": ("Let {villain} slink away", "Bow out gracefully"),
            },
        ),
    },
    ending_titles={
        "triumph": ("Everybody Wins, Mostly", "The Right Trousers", "Applause"),
        "bittersweet": ("A Medal for Nobody", "Nobody Believes Me", "There's Always a Sequel"),
        "tragedy": ("The Bench Collapses", "Left Holding the Goat", "Nobody Panic"),
        "twist": ("Surprise!", "The Last Moustache", "The Insurance Investigator"),
    },
    intense_lines=(
        ("villain", "angry", "I'll wring your scrawny neck!", {"violence": 1}),
        ("hero", "angry", "Oh, blast and damnation!", {"profanity": 1}),
        ("comp", "afraid", "Something in that suitcase just growled. Something with teeth.", {"fear": 1}),
        ("villain", "sly", "Accidents happen at parties. Especially near balconies.", {"violence": 1, "fear": 1}),
        ("villain", "angry", "Throw them off the roof! Both of them! Now!", {"violence": 2}),
        ("comp", "surprised", "Is that a real sword? Why is it so pointy?", {"violence": 1}),
        ("hero", "angry", "Damn the ladder!", {"profanity": 1}),
    ),
    calm_lines=(
        ("comp", "happy", "Tea? Everything is less alarming after tea."),
        ("hero", "tired", "Just for one minute, could nothing happen?"),
        ("comp", "tender", "For the record, you make a very good duke."),
        ("hero", "happy", "Do you know, this is almost fun."),
        ("comp", "neutral", "I've been thinking about the ladder. I stand by the ladder."),
        ("wild", "sly", "Relax. Nobody's been unmasked in at least ten minutes."),
    ),
    hooks=(
        "Who sent the telegram that said 'tell nobody'?",
        "There is a third identical suitcase, and nobody knows who has it.",
        "{villain}'s real secretary is back from holiday and wants answers.",
        "Nobody ever found out where the goat came from.",
    ),
    moods=("funny", "silly", "lighthearted", "light-hearted", "goofy", "zany", "wacky", "cheerful", "playful"),
)
