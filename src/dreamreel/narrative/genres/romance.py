"""Romantic drama: two people, a misunderstanding, a rival, a festival, a train about to leave.

The wildcard is the love interest: an old flame or a stranger off the city train, bound to
the villain (a manipulative ex, a controlling parent, a rival suitor) by a promise nobody
chose. Companions are friends and family; a companion who is "lost" leaves town on the
last train, never worse. Every exchange says its heart in the first two lines, because the
planner often keeps only two lines a beat.
"""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="romance",
    label="romantic drama",
    # Bare "love" is left out on purpose: "I'd love a western" would turn every request romantic.
    aliases=("romance", "romantic", "love story", "rom-com", "romcom", "rom com", "romantic comedy",
             "romantic drama", "love affair", "star-crossed", "star crossed"),
    world_strength=0.15,
    tone="warm and yearning, bittersweet; every glance means something and nobody says it in time",
    era="1950s",
    world_names=("Port Amberly", "Saint Clement's Bay", "Larkspur", "Willowmere", "Harrow-by-the-Sea"),
    world_description=(
        "{world} in the {era}: a little harbour town of painted shutters and a dance hall on the pier, where "
        "everybody knows everybody's business and nobody knows their own heart.",
        "{world}, {era}. One long summer, one festival, one train a day to the city, and far too many things "
        "left unsaid.",
    ),
    rules=(
        "Everyone in town hears the news before the people it is about.",
        "The last train to the city leaves at nine, and it never waits.",
        "A promise made at the festival is a promise kept.",
        "Letters are always delivered, but rarely on time.",
    ),
    places=(
        PlaceSpec("the bakery on Harbour Lane", "interior", "home",
                  "Flour on every surface, a bell over the door, and the smell of cinnamon at six in the morning.",
                  "dawn", "clear"),
        PlaceSpec("the flat above the bookshop", "apartment", "home",
                  "Stacks of paperbacks, a window seat over the harbour, a kettle that whistles off-key.",
                  "dusk", "rain"),
        PlaceSpec("the Midsummer Festival on the green", "village", "hub",
                  "Paper lanterns, a brass band, a ring-toss stall and the whole town in its best clothes.",
                  "dusk", "clear"),
        PlaceSpec("the Grand Hotel tea room", "interior", "hub",
                  "Palm fronds, white tablecloths, and a pianist who plays the same love song every afternoon.",
                  "day", "rain"),
        PlaceSpec("platform two at the railway station", "train", "danger",
                  "A big clock, a guard's whistle, a steaming engine and a crowd of people saying goodbye.",
                  "night", "rain"),
        PlaceSpec("the engagement party at the big house", "ballroom", "danger",
                  "Crystal chandeliers, a string quartet, and two hundred guests watching every move.",
                  "night", "clear"),
        PlaceSpec("the harbour wall in a storm", "beach", "danger",
                  "Waves throw spray over the railings; the harbour lights swing in the wind.", "night", "storm"),
        PlaceSpec("the old boathouse", "interior", "hideout",
                  "Oars on the walls, a leaky roof, and a rowing boat with two names carved into the seat.",
                  "night", "rain"),
        PlaceSpec("the lighthouse keeper's cottage", "village", "hideout",
                  "Whitewashed walls, a warm stove, and the beam sweeping past the window every ten seconds.",
                  "night", "fog"),
        PlaceSpec("the big house on the hill", "interior", "lair",
                  "Portraits, polished silver, and a family that has never once been told no.", "night", "clear"),
        PlaceSpec("the country club terrace", "interior", "lair",
                  "Striped umbrellas, lawn tennis, and the sort of people who own the view.", "day", "clear"),
        PlaceSpec("the dance hall on the pier", "ballroom", "summit",
                  "A mirror ball, a swing band, and a sprung floor that has heard a thousand proposals.",
                  "night", "clear"),
        PlaceSpec("the chapel on the cliff", "village", "summit",
                  "White flowers, a full congregation, and a vicar waiting to ask whether anyone objects.",
                  "day", "clear"),
        PlaceSpec("the cliff path at sunrise", "beach", "vista",
                  "Sea pinks, skylarks, and the whole bay turning gold.", "dawn", "clear"),
        PlaceSpec("the end of the pier", "sea", "vista",
                  "Gulls, a penny telescope, and nothing but open sea.", "dusk", "clear"),
    ),
    weathers=("clear", "rain", "fog", "storm"),
    weather_phrases={
        "clear": ("the evening is warm and smells of the sea", "paper lanterns sway in a soft breeze",
                  "the sky turns pink over the harbour"),
        "rain": ("a summer rain comes down soft and warm", "rain patters on the awnings",
                 "the rain arrives all at once, the way feelings do"),
        "fog": ("a sea fog rolls in and softens every light", "the foghorn calls out across the bay"),
        "snow": ("the first snow drifts past the lamps", "snow settles quietly on every windowsill"),
        "storm": ("the wind throws the sea over the harbour wall", "thunder rolls in across the bay"),
        "dawn": ("the sun comes up gold over the water",),
    },
    mcguffins=(
        ("Grandmother Rose's engagement ring", "the ring"),
        ("a bundle of love letters that were never sent", "the letter bundle"),
        ("the deed to the dance hall on the pier", "the deed"),
        ("the silver locket from the first festival", "the locket"),
    ),
    schemes=(
        "buying up the harbour front to tear it all down",
        "marrying into the town's oldest fortune for the money alone",
        "selling the dance hall on the pier to developers",
    ),
    stakes=(
        "the dance hall on the pier is torn down by Monday",
        "the bakery closes its doors for good",
        "two people who belong together never find out",
        "the festival never comes back to town",
    ),
    look="soft-focus golden light, warm pastels, rain-streaked windows, a halo on every lamp",
    palette=("#f6d6c9", "#e8a49c", "#b5656f", "#5e4b6b", "#f9efe0"),
    monochrome=False,
    contrast=0.35,
    grain=0.15,
    lighting="warm golden-hour key, soft backlight halos, lantern and candle glow",
    motifs=("paper lanterns", "a train whistle", "rain on a window", "a letter never sent", "a dance floor",
            "a pressed flower"),
    music="sweeping romantic strings, a lonely piano theme, a swing band at the dance",
    names_first={
        "she": ("Clara", "Rosie", "Juliet", "Eleanor", "Nora", "Hazel", "Lucy", "Maggie", "Vivian"),
        "he": ("Oliver", "Henry", "Theo", "Samuel", "Daniel", "Leo", "Jamie", "Will", "Arthur"),
        "they": ("Robin", "Avery", "Ellis", "Rowan", "Jordan", "Sasha", "Kit", "Frankie"),
    },
    names_last=("Hartley", "Bennett", "Whitcombe", "Ashby", "Fairfax", "Lovell", "Marsh", "Penrose", "Ellsworth",
                "Holloway", "Thornton", "Carrow", "Linden", "Sinclair"),
    archetypes={
        "hero": (
            Archetype("small-town baker who stopped believing in love",
                      "save what matters in {world} before {stakes}, and finally say the words out loud",
                      "was left waiting at a station once, and has not trusted a promise since",
                      ("warm", "stubborn", "funny", "guarded"), ("flour-dusted apron", "cardigan"),
                      ("headscarf", "wristwatch"), ("bun", "curly", "short"), "warm, low voice"),
            Archetype("bookshop owner who reads about love instead of living it",
                      "stop anyone from {scheme}, and stop hiding behind other people's stories",
                      "has loved the same person in silence for ten years",
                      ("shy", "clever", "romantic", "braver than anyone knows"), ("tweed jacket", "knitted jumper"),
                      ("reading glasses", "a paperback"), ("messy", "bob", "short"), "soft, thoughtful voice"),
            Archetype("wedding planner who has never had a wedding",
                      "get through the wedding of the season before {stakes}",
                      "arranges everyone else's happy ending and cannot face {hero.their} own",
                      ("organised", "witty", "secretly lonely"), ("smart suit", "linen trouser suit"),
                      ("clipboard", "pencil behind the ear"), ("bob", "long waves", "slick"),
                      "bright, quick voice"),
        ),
        "villain": (
            Archetype("manipulative ex with a charming smile", "win {wild} back while quietly {scheme}",
                      "cannot bear to lose anything, least of all in front of the whole town",
                      ("charming", "jealous", "polished", "manipulative"), ("linen suit", "tennis whites"),
                      ("signet ring", "sports car keys"), ("slick", "long waves"), "smooth, easy voice"),
            Archetype("controlling parent of the richest family in town",
                      "marry the family well and finish {scheme} before the summer ends",
                      "gave up a great love long ago for a good name, and expects everyone else to do the same",
                      ("formidable", "elegant", "cold", "secretly lonely"), ("tailored coat", "three-piece suit"),
                      ("pearls", "walking cane"), ("bun", "slick", "bald"), "cool, precise voice"),
            Archetype("rival suitor with a yacht and a plan", "win {wild}'s hand, and finish {scheme} by autumn",
                      "has never wanted anything that somebody else did not want first",
                      ("confident", "generous in public", "petty in private"), ("blazer", "cream flannels"),
                      ("yachting cap", "gold cufflinks"), ("slick", "short"), "hearty, confident baritone"),
        ),
        "wild": (
            Archetype("old flame back in town for the summer",
                      "find out whether what was lost can be found again",
                      "left {world} years ago without a word, and has never explained why",
                      ("magnetic", "guarded", "tender", "restless"), ("travelling coat", "summer linens"),
                      ("suitcase", "sunglasses"), ("long waves", "short"), "low, warm voice",
                      secret="came back to {world} because of {mcguffin}, not because of {hero}"),
            Archetype("charming stranger off the city train", "find {mcguffin} and leave before any hearts get broken",
                      "is promised to someone else, on paper if not in heart",
                      ("charming", "mysterious", "kind", "evasive"), ("city suit", "silk blouse"),
                      ("hat", "gloves"), ("slick", "bob"), "bright, teasing voice",
                      secret="has been promised to {villain} since childhood by an old family agreement"),
            Archetype("runaway from a society wedding", "stay hidden in {world} until the summer ends",
                      "is the reason the wedding of the season was called off",
                      ("spirited", "funny", "impulsive", "braver than they look"), ("borrowed overalls", "sun hat"),
                      ("bicycle", "straw basket"), ("curly", "ponytail"), "quick, laughing voice",
                      secret="has been writing to {hero} all summer without signing a name"),
        ),
        "comp": (
            Archetype("loyal best friend who gives terrible advice", "see {hero} happy, even if it takes a scheme",
                      "is secretly planning to leave {world} for good",
                      ("loyal", "meddling", "hilarious", "soft-hearted"), ("polka-dot shirt", "rolled shirtsleeves"),
                      ("bicycle", "sunglasses"), ("curly", "ponytail", "short"), "quick, warm voice"),
            Archetype("younger sibling with a secret engagement", "marry for love without the whole town finding out",
                      "has promised to run away on the nine o'clock train",
                      ("dreamy", "bold", "secretive"), ("school blazer", "gingham shirt"), ("satchel",),
                      ("ponytail", "messy"), "bright, breathless voice"),
            Archetype("grandparent who has run the bakery for fifty years",
                      "see one more festival before hanging up the apron",
                      "knows exactly how the last great romance of {world} ended, and has never told",
                      ("wise", "mischievous", "unsentimental about everything but love"), ("apron", "cardigan"),
                      ("spectacles", "walking stick"), ("bun", "short"), "slow, kindly voice"),
            Archetype("shy musician from the dance band", "play one song at the festival that means something",
                      "has been offered a job in the city and has not told anyone",
                      ("gentle", "talented", "nervous"), ("dinner jacket", "band uniform"), ("trumpet case",),
                      ("slick", "curly"), "soft, shy voice"),
        ),
    },
    titles=("One Summer in {world}", "The Last Train from {world}", "Lanterns over {world}", "Say It Before Saturday",
            "Letters to {hero}", "Speak Now"),
    episode_titles=("The Festival", "Rain on the Platform", "The Engagement Party", "Unsent", "The Last Dance",
                    "Speak Now", "Second Chances", "A Ticket for Two"),
    loglines=(
        "In {world}, {hero.full} has one festival week to win back {wild.full} and stop {villain.full} from "
        "{scheme}.",
        "{hero.full} has spent years not saying it. Now {wild.full} is back in {world}, {villain.full} is {scheme}, "
        "and the last train leaves on Saturday.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, {era}. Outside, {weather}. At {place}, {hero.full} is pretending this summer will be "
                "just like every other summer.",
                "It is festival week in {world}, and {hero} has promised {comp} not to fall in love. It is the "
                "kind of promise that only gets made right before it gets broken.",
                "Outside, {weather}. Inside {place}, {hero} and {comp} are having the argument they have every "
                "year: whether anything ever changes in {world}.",
            ),
            action=(
                "{comp} turns the sign on the door to Closed and leans on the counter with a look that means trouble.",
                "{hero} folds a letter, unfolds it, and puts it back in the drawer where it has lived for years.",
                "{comp} tries on a festival mask and strikes a pose. {hero} laughs in spite of everything.",
            ),
            exchanges=(
                (("comp", "sly", "The festival's on Saturday. You're coming, and you're dancing."),
                 ("hero", "tired", "I don't dance."),
                 ("comp", "happy", "You danced once. I was there. It was wonderful."),
                 ("hero", "sad", "That was a long time ago."),
                 ("comp", "tender", "Then it's about time you did it again.")),
                (("comp", "neutral", "Have you heard? They say {villain} is {scheme}."),
                 ("hero", "angry", "Not in {world}. Nobody would stand for it."),
                 ("comp", "sad", "Nobody's been asked."),
                 ("hero", "determined", "Then somebody has to say something.")),
                (("hero", "sad", "Do you ever feel like you're waiting for your life to start?"),
                 ("comp", "tender", "Every day. So stop waiting. Go and get it."),
                 ("hero", "neutral", "It isn't that simple."),
                 ("comp", "happy", "It never is. That's why it's worth doing.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "{prev} did not get on the train after all. The whole of {world} is talking about it, and {prev} "
                "is pretending not to notice.",
                "The morning after, {place} smells of coffee and second chances. {prev} is still here, and {hero} "
                "cannot stop smiling about it.",
            ),
            action=(
                "{prev} sets a train ticket on the table, torn neatly in half.",
                "{prev} hugs {hero} a little too long, then introduces {comp} as if nothing at all had happened.",
            ),
            exchanges=(
                (("prev", "tender", "You came to the station. In the rain. In your slippers."),
                 ("hero", "happy", "I didn't have time to change."),
                 ("prev", "happy", "It's the nicest thing anyone has ever done for me."),
                 ("comp", "sly", "I'm sorry, slippers? I need the whole story.")),
                (("prev", "neutral", "I'm staying. For now, at least."),
                 ("hero", "tender", "For now is good. For now is plenty."),
                 ("comp", "neutral", "Good. Because {villain} isn't finished with this town."),
                 ("prev", "determined", "Then neither are we.")),
                (("hero", "tender", "I thought I'd lost you for good."),
                 ("prev", "sly", "You very nearly did. Don't make a habit of being late."),
                 ("comp", "happy", "Now that everyone's stopped crying, can I say hello?")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "{prev} left on the morning train, and the whole of {world} heard about it before {hero} did. Only "
                "a note remains, in a careful hand.",
                "The seat by the window at {place} is empty now. {prev} has gone to the city, and {hero} keeps "
                "setting out two cups.",
            ),
            action=(
                "{hero} reads {prev}'s note one more time, then puts it in the drawer with the others.",
                "{comp} sets down a warm loaf and a cup of tea and says nothing, which is exactly the right thing "
                "to say.",
            ),
            exchanges=(
                (("comp", "sad", "I heard about {prev}. I'm so sorry."),
                 ("hero", "sad", "I ran for the train. I was one minute late."),
                 ("comp", "tender", "One minute isn't forever."),
                 ("hero", "tired", "It is when the train doesn't come back.")),
                (("hero", "sad", "{prev} left a note. It says, don't follow me."),
                 ("comp", "neutral", "And are you going to listen?"),
                 ("hero", "determined", "Not this time. But first, {villain}."),
                 ("comp", "happy", "Now that sounds like you.")),
                (("comp", "tender", "You can miss someone and still get out of bed."),
                 ("hero", "tired", "I'm out of bed. That's as far as I've got."),
                 ("comp", "sly", "Then let's get you as far as the door.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "At {place}, {weather}, and {wild.full} walks back into {hero}'s life as if the years apart had "
                "been one long afternoon.",
                "The crowd at {place} parts, and there is {wild}: the one face in {world} that {hero} has spent "
                "years not looking for.",
                "It begins with a collision at {place}: two people, one umbrella, and {mcguffin} falling to the "
                "ground between them.",
            ),
            action=(
                "{wild} picks up {mcguffin_short}, stares, and looks at {hero} as if the past had just sat down at the "
                "table.",
                "{comp} elbows {hero} in the ribs, hard, then pretends to be fascinated by a jam stall.",
                "{wild} holds out a hand. {hero} holds out a hand at the same moment, and they both laugh at once.",
            ),
            exchanges=(
                (("wild", "tender", "Hello, {hero}. It's been a long time."),
                 ("hero", "surprised", "{wild}. You're here."),
                 ("comp", "sly", "Funny. {hero} hasn't mentioned you once. Every single day."),
                 ("hero", "angry", "Thank you, {comp}."),
                 ("wild", "happy", "I've missed this town.")),
                (("wild", "afraid", "I need your help. It's about {mcguffin}."),
                 ("hero", "neutral", "Why me?"),
                 ("wild", "sad", "Because {villain} is {scheme}, and you're the only one in {world} I still trust."),
                 ("comp", "surprised", "Still? What does still mean?"),
                 ("hero", "tired", "It's a long story.")),
                (("wild", "neutral", "I'm only here until the festival ends."),
                 ("hero", "sad", "You always are."),
                 ("wild", "tender", "That's not fair."),
                 ("hero", "neutral", "No. But it's true."),
                 ("comp", "happy", "Right! Who wants a toffee apple?")),
            ),
        ),
        "bold": Scene(
            narration=(
                "No more waiting. {hero} and {comp} walk into {place} uninvited, under the eyes of half of {world}.",
                "At {place}, {weather}. {hero} has decided to say exactly what is on {hero.their} mind, out loud, in "
                "public, for the first time in years.",
                "{comp} talked {hero} into this, which is how the best and worst ideas begin. Now they are at "
                "{place}, and there is no turning back.",
            ),
            action=(
                "Every conversation in the room stops at once. Somewhere, somebody drops a teaspoon.",
                "{hero} climbs onto a chair and asks for everyone's attention. {comp} holds the chair steady and "
                "hopes for the best.",
                "{comp} slips away behind the cake table and comes back with {mcguffin_short} and a guilty grin.",
            ),
            exchanges=(
                (("comp", "afraid", "Everyone is staring at us."),
                 ("hero", "determined", "Good. Let them stare."),
                 ("comp", "surprised", "Who are you, and what have you done with my friend?"),
                 ("hero", "happy", "I think I've finally woken up.")),
                (("hero", "angry", "Everyone here deserves to know what {villain} is doing."),
                 ("comp", "determined", "Then tell them. I've got your back."),
                 ("hero", "afraid", "What if nobody listens?"),
                 ("comp", "tender", "Then I'll listen. And I'll shout it louder.")),
                (("comp", "happy", "I found {mcguffin_short}! In the cloakroom, of all places!"),
                 ("hero", "surprised", "You just walked in and took it?"),
                 ("comp", "sly", "Nobody ever suspects the one carrying a tray of cakes.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "Away from the crowd, at {place}, {hero} and {wild} finally talk, really talk, for the first time in "
                "years.",
                "Outside, {weather}. At {place}, {hero} and {wild} shelter from the world, and the silence between "
                "them says more than either of them can.",
                "{hero} follows {wild} to {place} meaning to ask one question, and stays to hear the whole answer.",
            ),
            action=(
                "{wild} traces two names carved into the old wood, worn almost smooth.",
                "{hero} puts a coat around {wild}'s shoulders against the cold. Their fingers touch, and neither of "
                "them lets go straight away.",
                "The lamp flickers. {wild} starts to say something, stops, and starts again.",
            ),
            exchanges=(
                (("hero", "sad", "Why did you leave?"),
                 ("wild", "sad", "Because if I'd stayed, I'd never have been brave enough to go."),
                 ("hero", "neutral", "And now?"),
                 ("wild", "tender", "Now I'm afraid I was wrong.")),
                (("wild", "neutral", "{villain} has a hold over me. I can't explain it yet."),
                 ("hero", "tired", "You never could explain anything."),
                 ("wild", "tender", "Trust me one more time. Just until Saturday."),
                 ("hero", "sad", "That's what you said last time."),
                 ("wild", "determined", "Last time I was a coward. I'm not any more.")),
                (("hero", "neutral", "Do you remember the last dance at the festival?"),
                 ("wild", "happy", "You stepped on my feet eleven times."),
                 ("hero", "happy", "Ten. The eleventh was the band's fault."),
                 ("wild", "tender", "I've never been happier than I was that night.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "Up at {place}, {villain.full} pours the tea and sets the terms. {wild} listens, smiles, and says "
                "nothing true.",
                "Meanwhile, at {place}, {villain} is reminding {wild} of a promise made long ago, and of the price "
                "of breaking it.",
            ),
            action=(
                "{villain} slides a small velvet box across the table. {wild} does not open it.",
                "{villain} straightens a framed photograph of the two of them, taken in a happier summer.",
                "{wild} looks out of the window towards the lights of the town and turns a ring that does not quite "
                "fit.",
            ),
            exchanges=(
                (("villain", "sly", "You've been seen with {hero}. The whole town is talking."),
                 ("wild", "neutral", "The whole town is always talking."),
                 ("villain", "angry", "Not about me. Never about me."),
                 ("wild", "sly", "Then perhaps you should try being more interesting.")),
                (("villain", "neutral", "We had an agreement. Saturday, in front of everyone."),
                 ("wild", "sad", "You made an agreement. Nobody ever asked me."),
                 ("villain", "sly", "Keep your promise, and nobody touches {mcguffin_short}. Break it, and {stakes}."),
                 ("wild", "afraid", "You wouldn't."),
                 ("villain", "happy", "The papers are already drawn up.")),
                (("villain", "tender", "I can give you everything {hero} can't. A house, a name, a future."),
                 ("wild", "neutral", "You can give me a cage with very nice curtains."),
                 ("villain", "angry", "Careful. I'm the only one in {world} who knows your secret."),
                 ("wild", "determined", "Then I'd better tell it before you do.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "It was all a lie, and {comp} believed it. Now {comp} is at {place} with a packed suitcase and a "
                "ticket for the last train, and {villain} is walking away with {mcguffin_short}.",
                "A train whistle blows. At {place}, {comp} is about to leave {world} for good, and a few steps away "
                "{villain} is about to finish {scheme}.",
                "At {place}, {weather}. {villain} has told {comp} something unforgivable, and told it well. {comp} "
                "is leaving on the last train, and {villain} has {mcguffin_short}.",
            ),
            action=(
                "{comp} picks up a packed suitcase and turns for the door. Somewhere down the hill, a train whistle blows.",
                "{villain} lets {hero} see {mcguffin_short}, just for a moment, and smiles.",
                "The clock on the wall ticks over. The last train leaves in ten minutes.",
            ),
            exchanges=(
                (("villain", "sly", "You can run after your friend, or you can stop me. Not both."),
                 ("comp", "sad", "Don't follow me. {villain} told me everything."),
                 ("hero", "angry", "Whatever {villain} told you, it isn't true!"),
                 ("villain", "happy", "Isn't it? The train won't wait while you decide.")),
                (("comp", "sad", "Nobody needs me here any more. You'll be fine without me."),
                 ("hero", "afraid", "That's not true. Please, just wait."),
                 ("villain", "neutral", "How touching. The last train leaves in one minute."),
                 ("comp", "determined", "Go. Stop {villain}. That's what matters.")),
                (("hero", "determined", "Give {mcguffin_short} back, {villain}."),
                 ("villain", "sly", "Or what? You'll make a scene? Darling, you already have."),
                 ("comp", "afraid", "The whistle! They're closing the doors!"),
                 ("hero", "sad", "Hold on! Please, just hold on!")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "The whole of {world} is at {place}, and so is {villain}, halfway through a speech about the future. "
                "{hero} and {comp} walk in together.",
                "At {place}, {weather}, and the music stops. {hero} and {comp} have one chance to tell the truth in "
                "front of everyone.",
                "It comes down to this: {place}, a crowd in its best clothes, {villain} at the front, and a question "
                "hanging in the air. Does anyone object?",
            ),
            action=(
                "{hero} steps forward into the light, holding up {mcguffin_short} for the whole room to see.",
                "{comp} signals the band. The music stops mid-note, and two hundred faces turn.",
                "{villain} keeps smiling for the crowd, but the smile has gone thin at the edges.",
            ),
            exchanges=(
                (("villain", "sly", "You're making a fool of yourself, {hero}. Again."),
                 ("hero", "determined", "Maybe. But I'm done being quiet."),
                 ("comp", "determined", "Tell them. Tell them everything."),
                 ("hero", "neutral", "{villain} has been {scheme}, and here is the proof."),
                 ("villain", "angry", "Lies! Every word of it!")),
                (("comp", "tender", "Whatever happens, I'm proud of you."),
                 ("hero", "afraid", "My knees are shaking."),
                 ("comp", "happy", "That's how you know it's worth saying."),
                 ("villain", "neutral", "Go on, then. Say it. Nobody will believe you.")),
                (("villain", "angry", "I object to this interruption!"),
                 ("hero", "sly", "You don't get to object. That's my line."),
                 ("comp", "happy", "It's a very good line."),
                 ("villain", "tired", "Will somebody please show these people out?")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No friend at {hero}'s side now. Just {hero}, alone at {place}, and {wild} about to promise forever "
                "to {villain}.",
                "{hero} arrives at {place} soaked to the skin and out of breath. {villain} and {wild} turn, and the "
                "whole room turns with them.",
            ),
            action=(
                "{wild} stops in the middle of a sentence and looks at {hero} as if nobody else were there.",
                "{villain} steps between them, still smiling, still holding {wild}'s hand a little too tightly.",
            ),
            exchanges=(
                (("hero", "determined", "I object."),
                 ("villain", "angry", "You can't object. You weren't even invited."),
                 ("wild", "surprised", "{hero}. You came."),
                 ("hero", "tender", "I should have come years ago.")),
                (("villain", "sly", "Too late, {hero}. You're always too late."),
                 ("wild", "sad", "Please. Don't make this harder."),
                 ("hero", "sad", "I'm not here to make it harder. I'm here to make it honest."),
                 ("wild", "tender", "Then say it. Say it now, in front of everyone.")),
                (("wild", "afraid", "Why are you here?"),
                 ("hero", "tender", "Because I never told you. And I'm not letting another train leave without saying it."),
                 ("villain", "angry", "This is absurd."),
                 ("wild", "tender", "No. This is the first thing that's made sense all summer.")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "By sunrise the whole of {world} knows the truth. {villain}'s plans are in pieces, nobody will ever "
                "take {mcguffin_short} again, and {wild} is waiting at the end of the path.",
                "The festival goes on after all. Lanterns rise into the sky, and {hero} finally dances, badly and "
                "happily, in front of everyone.",
            ),
            action=(
                "{comp} throws a handful of confetti that has clearly been saved for exactly this moment.",
                "{hero} and {comp} sit on a low wall and watch the sun come up over a town that got one thing right.",
            ),
            exchanges=(
                (("comp", "happy", "You did it. You actually said it out loud."),
                 ("hero", "happy", "I did, didn't I?"),
                 ("comp", "tender", "Now go. {wild} is waiting."),
                 ("hero", "tender", "Thank you. For everything.")),
                (("comp", "sly", "I told you you'd dance."),
                 ("hero", "happy", "You tell me a lot of things."),
                 ("comp", "happy", "And I'm always right.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} keeps the money and the big house. But {hero} kept what mattered, and it was "
                "never for sale.",
                "The town never learns the whole truth, and {villain} still walks through it like royalty. {hero} "
                "knows, and that will have to be enough.",
            ),
            action=(
                "{villain} drives past in an open car and raises a hand. {hero} does not raise one back.",
                "{hero} and {villain} pass in the street, and for a moment neither of them looks away.",
            ),
            exchanges=(
                (("villain", "sly", "No hard feelings, {hero}. It's only a town."),
                 ("hero", "determined", "It was never only a town."),
                 ("villain", "neutral", "Then keep it. I'm keeping everything else.")),
                (("hero", "tired", "You won."),
                 ("villain", "sad", "Did I? Nobody danced with me either."),
                 ("hero", "neutral", "Then maybe we both lost.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "The train is gone, the festival is over, and the lanterns are coming down one by one. {hero} stands "
                "alone at {place}, too late for everything.",
                "Everybody left. {hero} kept {mcguffin_short}, and learned too late what was really worth keeping.",
            ),
            action=(
                "{hero} sits on an empty bench and reads an old letter under the last lamp still lit.",
                "{hero} lets a paper lantern go and watches it drift up into the dark until it is gone.",
            ),
            exchanges=(
                (("hero", "sad", "I always thought there would be more time."),),
                (("hero", "sad", "I had the words. I just said them to an empty platform."),
                 ("hero", "tired", "Next time. If there is a next time.")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The letters were never from a stranger. {wild} wrote every one of them, and {hero} has kept them all.",
                "{wild} gets on the train, and then, as the doors close, steps back off again with {mcguffin_short} and "
                "a ticket for two.",
            ),
            action=(
                "{wild} hands over a faded envelope addressed in handwriting {hero} would know anywhere.",
                "{wild} tears up a ticket, lets the pieces blow away across the platform, and holds out a hand.",
            ),
            exchanges=(
                (("wild", "tender", "It was me. All those letters. It was always me."),
                 ("hero", "surprised", "I've read every one of them a hundred times."),
                 ("wild", "sad", "I was waiting for you to write back."),
                 ("hero", "tender", "Then this is my answer.")),
                (("wild", "sly", "I was never going to marry {villain}, you know."),
                 ("hero", "tender", "I know. I just needed to hear you say it."),
                 ("wild", "happy", "I only wanted {mcguffin_short} back. And to see if you'd come."),
                 ("hero", "tender", "I came."),
                 ("wild", "tender", "I know. I saw.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("How does {hero} face this?", "{wild} is back. What now?"),
            options={
                "bold": ("Crash the party", "Say it out loud, in public", "Confront {villain} tonight"),
                "careful": ("Walk {wild} home", "Talk to {wild} alone", "Meet {wild} somewhere quiet"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp}'s train, or {mcguffin_short}?", "The whistle is blowing. Choose."),
            options={
                "save": ("Run after {comp}", "Stop {comp} leaving"),
                "press": ("Stop {villain}", "Go after {mcguffin_short}"),
                "deal": ("Ask {wild} for help", "Let {wild} talk to {villain}"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Everyone is watching. What now?", "{villain} is smiling. Your move."),
            options={
                "plan": ("Trust {comp}'s plan", "Let {comp} stop the music"),
                "solo": ("Speak up yourself", "Face {villain} alone"),
                "trade": ("Let {wild} make a deal", "Give {wild} the signal"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("Speak now, or never?", "{wild} is waiting for a word."),
            options={
                "finish": ("Expose {villain}, whatever it costs", "Object, loudly"),
                "spare": ("Let {wild} choose", "Walk away with grace"),
            },
        ),
    },
    ending_titles={
        "triumph": ("The Last Dance", "Lanterns", "Happily, For Now"),
        "bittersweet": ("What We Kept", "The House on the Hill", "Almost"),
        "tragedy": ("The Last Train", "Empty Platform", "Too Late"),
        "twist": ("Every Letter", "A Ticket for Two", "Speak Now"),
    },
    intense_lines=(
        ("villain", "angry", "If I can't have you, nobody will.", {"fear": 1}),
        ("villain", "angry", "I'll ruin you. I'll ruin every last one of you.", {"fear": 1}),
        ("hero", "angry", "Damn it, I loved you!", {"profanity": 1}),
        ("comp", "afraid", "The boat's gone over in the storm! Somebody help!", {"fear": 2}),
        ("villain", "angry", "Touch {wild} again and I'll break your hand.", {"violence": 1}),
        ("wild", "tender", "Stay tonight. Please. Just stay.", {"sexual": 1}),
        ("hero", "angry", "To hell with your agreement! The whole town is going to hear this!", {"profanity": 1}),
    ),
    calm_lines=(
        ("comp", "happy", "Eat something. Heartbreak is no excuse for skipping breakfast."),
        ("hero", "tender", "Listen to that rain. It sounds like the whole town is holding its breath."),
        ("comp", "sly", "You're smiling at your tea again."),
        ("hero", "happy", "Do you know, I think this might be a good summer after all."),
        ("wild", "tender", "Dance with me. Nobody's watching."),
    ),
    hooks=(
        "Who sent the last letter, the one with no name?",
        "{wild} kept one train ticket, and never said where to.",
        "{villain}'s family has another secret, older than this one.",
        "An old photograph from the dance hall shows a couple nobody in town remembers.",
    ),
    moods=("romantic", "heartfelt", "swoony", "tender", "yearning", "bittersweet", "sweet", "dreamy"),
)
