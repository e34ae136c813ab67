"""Post-apocalyptic wasteland: a last settlement, a failing well, scavengers in the ruins and a water baron on the dam."""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="postapoc",
    label="post-apocalyptic",
    aliases=("postapoc", "post-apoc", "post apoc", "post-apocalyptic", "post apocalyptic", "postapocalyptic",
             "post-apocalypse", "post apocalypse", "apocalypse", "apocalyptic", "wasteland", "the wasteland",
             "mad max", "end of the world", "after the end of the world", "after the collapse", "nuclear wasteland",
             "scavengers", "water wars"),
    world_strength=0.85,
    tone="sun-bleached, desperate, stubbornly hopeful: water is law and kindness is rare",
    era="Year 43 After the Burn",
    world_names=("Last Haven", "Rustwater", "Cinderfall", "Sanctuary Nine", "Dry Creek Hold"),
    world_description=(
        "{world}, {era}: the last settlement on the edge of the Scour, three hundred stubborn souls behind a wall "
        "of car doors and sheet iron, living on one deep well.",
        "{world}, {era}. The old cities are rust and rubble, the rivers are dust, and whoever holds the water "
        "holds the law.",
        "{world}, {era}. Dust storms roll in every week, caravans come every month if they come at all, and the "
        "well gets a little lower every day.",
    ),
    rules=(
        "Whoever controls the water controls everything.",
        "Nobody crosses the Scour after dark.",
        "The old world's machines still work, if you can find the parts and the fuel.",
        "A trade is a promise; break one and you sleep outside the walls.",
        "Dust storms come without warning and strip the paint from steel.",
    ),
    places=(
        PlaceSpec("the yard under the water tower", "village", "home",
                  "A patched steel tank on stilts, the heart of the settlement, guarded day and night.",
                  "day", "dust"),
        PlaceSpec("the scrap workshop by the gate", "warehouse", "home",
                  "Tools on every wall, a half-built dune buggy, a radio that picks up nothing but static.",
                  "dusk", "clear"),
        PlaceSpec("the Rust Bucket trading post", "saloon", "hub",
                  "A tin-roofed trading hall where everything is bartered: water chits, batteries, rumours.",
                  "day", "dust"),
        PlaceSpec("the market under the broken overpass", "city_street", "hub",
                  "Stalls of scavenged junk in the shade of a collapsed highway, rags flapping like flags.",
                  "day", "clear"),
        PlaceSpec("the collapsed mall at the edge of the Scour", "ruins", "danger",
                  "Sagging escalators, sand drifting through broken skylights, raider marks on every door.",
                  "day", "storm"),
        PlaceSpec("the dry riverbed", "desert", "danger",
                  "A cracked channel where a river used to run, now a highway for raiders and dust storms.",
                  "dusk", "storm"),
        PlaceSpec("a buried subway car", "train", "hideout",
                  "An old subway car half sunk in sand, lit by candle stubs, a hand-drawn map on the ceiling.",
                  "night", "dust"),
        PlaceSpec("a cave behind the old quarry", "cave", "hideout",
                  "A cool, dark hollow where a thin trickle of water still seeps from the rock.",
                  "night", "clear"),
        PlaceSpec("the fortress on the great dam", "castle", "lair",
                  "A wall of concrete holding back the last lake in a hundred miles, crowned with scrap-metal towers.",
                  "dusk", "clear"),
        PlaceSpec("the spillway gates atop the dam", "rooftop", "summit",
                  "Rusted gate wheels, a sheer drop to the dry canyon, the wind howling across the concrete.",
                  "dusk", "storm"),
        PlaceSpec("the broken radio mast on Signal Hill", "mountain", "summit",
                  "A toppled steel mast on a bare hilltop, the whole wasteland laid out below.",
                  "night", "embers"),
        PlaceSpec("the ridge above the settlement", "mountain", "vista",
                  "A rocky ridge where you can see the settlement's lights and, on a clear day, a thin line of green.",
                  "dawn", "clear"),
        PlaceSpec("the salt flats at sunrise", "desert", "vista",
                  "White salt to the horizon, cracked into tiles, shining pink as the sun comes up.",
                  "dawn", "clear"),
    ),
    weathers=("dust", "storm", "clear", "embers"),
    weather_phrases={
        "dust": ("dust hangs in the air like a held breath", "grit rattles against the sheet-iron walls",
                 "the air tastes of grit and rust"),
        "storm": ("a wall of dust rolls in from the Scour", "the storm howls through the ruins like an animal",
                  "lightning flickers inside the dust cloud"),
        "clear": ("the air is dry and perfectly still", "not a cloud has crossed the sky in weeks",
                  "you can see clear to the edge of the world"),
        "embers": ("ash drifts down from fires far to the west", "embers ride the hot wind over the ruins"),
        "dawn": ("a red sun climbs out of the wasteland",),
    },
    mcguffins=(
        ("a working water purifier from the old world", "the purifier"),
        ("the map to the Green Valley", "the map"),
        ("a tin of heirloom seeds from the old seed vault", "the seed tin"),
        ("the valve wheel of the great dam", "the valve wheel"),
    ),
    schemes=(
        "damming the last river and selling the water back by the cup",
        "seizing every well in the wasteland, one settlement at a time",
        "hoarding the old world's medicine while the settlement falls sick",
        "fouling the settlement's well so its people have to come begging",
    ),
    stakes=(
        "the settlement's well runs dry",
        "three hundred people are driven out into the wasteland",
        "one tyrant rules every drop of water for a hundred miles",
        "the last green valley turns to dust",
    ),
    look="sun-bleached ochre wasteland: rusted metal, harsh noon light, red dusk",
    palette=("#3b2f2f", "#c2773a", "#e0b872", "#8c8c7a", "#5b6e5d", "#f2e3c6"),
    monochrome=False,
    contrast=0.7,
    grain=0.45,
    lighting="hard desert sun, long dusty shafts of light, firelight at night",
    motifs=("rusted car hulks", "water canteens", "patched goggles", "scrap-metal walls", "tattered flags",
            "a lone green sprout"),
    music="twangy baritone guitar, dry hand percussion, howling wind",
    names_first={
        "she": ("Mercy", "Tess", "Ada", "June", "Della", "Opal", "Greta", "Sage", "Marisol"),
        "he": ("Cormac", "Boone", "Silas", "Eli", "Jonah", "Ramon", "Abe", "Hank", "Tobias"),
        "they": ("Rook", "Sparrow", "Cinder", "Flint", "Wren", "Dusk", "Scrap", "Ember"),
    },
    names_last=("Hollis", "Crowe", "Mercer", "Stone", "Kettle", "Barrow", "Salt", "Rusk", "Ironside", "Weller",
                "Dune", "Cutter", "Thorne", "Gage", "Ashby"),
    archetypes={
        "hero": (
            Archetype("lone scavenger who knows the ruins", "find {mcguffin} before {stakes}",
                      "left the settlement once and never quite earned the way back in",
                      ("resourceful", "taciturn", "stubborn", "soft spot for strays"),
                      ("dusty duster coat", "patched leathers"), ("goggles", "canteen"),
                      ("shaggy", "braid", "buzzed"), "dry, sparing voice"),
            Archetype("settlement water warden", "keep the well honest and stop whoever is {scheme}",
                      "has had to turn thirsty strangers away from the gate and cannot forget their faces",
                      ("principled", "weary", "protective"), ("sun-faded uniform coat",), ("ring of well keys",),
                      ("short", "bun"), "firm, tired voice"),
            Archetype("wandering mechanic with a stubborn truck", "fix what the old world broke, starting with {world}",
                      "is running from an old debt to {villain}", ("clever", "restless", "wry"),
                      ("grease-stained overalls",), ("welding goggles", "wrench"), ("messy", "ponytail"),
                      "warm, drawling voice"),
        ),
        "villain": (
            Archetype("water baron of the great dam", "finish {scheme} and rule the dry lands",
                      "remembers being thirsty as a child and swore it would never happen again",
                      ("charismatic", "generous in public", "merciless in private"), ("bleached officer's coat",),
                      ("ring of valve keys", "mirrored goggles"), ("shaved", "long white mane"),
                      "warm, preaching voice"),
            Archetype("raider chief with a painted face", "go on {scheme} and keep the riders loyal",
                      "leads raiders who would turn on {villain.them} at the first sign of weakness",
                      ("loud", "cunning", "restless"), ("spiked shoulder armour",), ("painted face", "trophy necklace"),
                      ("mohawk", "shaved"), "harsh, barking voice"),
        ),
        "wild": (
            Archetype("caravan trader who deals with everyone", "sell {mcguffin} to whoever pays in water",
                      "has a caravan to feed and no loyalty to spare", ("charming", "shrewd", "funny", "lonely"),
                      ("layered desert robes",), ("jangling trade tokens", "wide hat"), ("long waves", "braid"),
                      "honeyed, bargaining voice",
                      secret="carries a map to a place where it still rains"),
            Archetype("raider deserter who wants a second chance", "trade {mcguffin} for a place inside the walls",
                      "still carries {villain}'s brand on one wrist and cannot hide it",
                      ("guarded", "quick", "ashamed"), ("scavenged armour",), ("scarf over the face",),
                      ("shaved sides", "short"), "low, wary voice",
                      secret="was sent by {villain} to open the settlement's gates"),
        ),
        "comp": (
            Archetype("settlement kid who wants to see the world", "prove {comp.they} can pull {comp.their} weight",
                      "has never been past the wall and dreams about it every night", ("eager", "reckless", "brave"),
                      ("oversized jacket",), ("slingshot",), ("messy", "pigtails"), "bright, quick voice"),
            Archetype("grey-haired medic who remembers the old world", "keep one more person breathing",
                      "is running out of medicine and hope at the same rate", ("gentle", "dry", "unshakable"),
                      ("patched white coat",), ("medical satchel", "reading glasses"), ("bun", "bald"),
                      "slow, kind voice"),
            Archetype("tinkerer who can fix anything but people", "get the old pump running again",
                      "talks to machines because machines never leave", ("awkward", "brilliant", "loyal"),
                      ("tool-belt and tank top",), ("magnifying goggles",), ("curly", "buzzed"), "quick, mumbling voice"),
            Archetype("reformed raider with a conscience", "make up for every settlement {comp.they} ever raided",
                      "is hunted by the riders {comp.they} used to run with", ("quiet", "tough", "penitent"),
                      ("faded raider leathers",), ("scarred knuckles",), ("shaved", "braid"), "rough, low voice"),
        ),
    },
    titles=("Dust over {world}", "The Last Well", "Thirst", "{world} Stands", "The Long Walk of {hero}"),
    episode_titles=("Dry Season", "Scavengers", "The Well", "Dust Storm", "Rust and Ash", "The Caravan",
                    "Water Rights", "Signal Fire"),
    loglines=(
        "In {world}, {hero.full}, {hero_archetype}, finds that someone is {scheme}, and has one storm season "
        "to stop it before {stakes}.",
        "{hero.full} has until the next dust storm to find {mcguffin} before {stakes}. Out here, nobody helps "
        "for free.",
        "The world already ended once. In {world}, {hero.full} is trying to stop it ending again.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, {era}. The water ration is half a cup lower than last week, and {hero.full} is the only "
                "one asking why.",
                "At {place}, {weather}. {hero} checks the well gauge, then checks it again. The line is lower. "
                "It is always lower now.",
                "Forty years after the world ended, {world} is still here: patched, thirsty and stubborn. So is "
                "{hero}.",
            ),
            action=(
                "{hero} drops a pebble down the well shaft and counts. The splash comes later than it should. "
                "{comp} stops whistling.",
                "{comp} shakes a canteen. It barely sloshes. {hero} tops it up from {hero.their} own ration "
                "without a word.",
                "{comp} hauls a sack of scavenged parts through the gate and dumps it at {hero}'s feet like treasure.",
            ),
            exchanges=(
                (("comp", "neutral", "Well's down another hand's width."),
                 ("hero", "tired", "Third week running."),
                 ("comp", "afraid", "The council says it's just the dry season."),
                 ("hero", "neutral", "The council said that last year. And the year before."),
                 ("comp", "determined", "So what do we do?"),
                 ("hero", "determined", "We find out where the water's going.")),
                (("comp", "happy", "Look! A whole roll of copper wire, and only a little bit chewed."),
                 ("hero", "sly", "Chewed by what?"),
                 ("comp", "neutral", "Didn't stay to ask."),
                 ("hero", "happy", "Smart. You might last out here after all.")),
                (("hero", "neutral", "Caravan's late."),
                 ("comp", "afraid", "Four days late. They're never late."),
                 ("hero", "tired", "Nobody's late on purpose out here."),
                 ("comp", "determined", "Then we go and look for them."),
                 ("hero", "neutral", "Not yet. First we look at who's smiling about it.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "The dust settled. {prev} made it home, sunburned and stitched up, and {world} has one more "
                "stubborn soul to feed.",
                "Somebody has tied a strip of red cloth to the gatepost, the old sign for someone who came back. In "
                "{place}, {prev} pretends not to notice it.",
            ),
            action=(
                "{prev} limps over with a tin cup of water and sets it down in front of {hero}: a gift worth more "
                "than gold out here.",
                "{prev} spreads a stolen map on the workbench and taps a mark that was not there before.",
                "{comp} fixes the strap on {prev}'s pack while {prev} tells the story of the rescue, louder every time.",
            ),
            exchanges=(
                (("prev", "tender", "You came back for me. Nobody comes back out there."),
                 ("hero", "tired", "Don't make a habit of needing it."),
                 ("prev", "happy", "No promises. I'm terrible at habits."),
                 ("comp", "neutral", "Good. Because {villain} isn't done."),
                 ("prev", "determined", "Neither am I.")),
                (("prev", "sly", "I owe you a cup of water. Clean water."),
                 ("hero", "neutral", "That's a big debt."),
                 ("prev", "determined", "So I'll pay it the hard way. Where's {villain}?"),
                 ("comp", "happy", "Welcome back. You're on night watch.")),
                (("hero", "neutral", "How's the leg?"),
                 ("prev", "tired", "Still attached. Complaining, but attached."),
                 ("comp", "sly", "Like the rest of you."),
                 ("prev", "happy", "Exactly like the rest of me.")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "{prev} is gone, out past the wall where the dust takes everything. {hero} still leaves a cup of "
                "water by the gate each night.",
                "The settlement has a saying: the wasteland keeps what it takes. It took {prev}. {hero} has not "
                "forgiven it.",
            ),
            action=(
                "{hero} scratches {prev}'s name into the gatepost beside the others, slowly, letter by letter.",
                "{comp} waits at the edge of the firelight, holding {prev}'s old canteen, unsure whether to come closer.",
            ),
            exchanges=(
                (("comp", "sad", "I heard about {prev}. I'm sorry."),
                 ("hero", "angry", "Sorry doesn't fill a well."),
                 ("comp", "determined", "Then let me help you fill it."),
                 ("hero", "tired", "Everyone who helps me ends up out past the wall.")),
                (("hero", "sad", "{prev} always said I'd be the last one standing."),
                 ("comp", "tender", "You don't have to stand alone."),
                 ("hero", "determined", "Then keep up. {villain} won't wait for us.")),
                (("comp", "neutral", "{prev} left this. Said it was for you, if..."),
                 ("hero", "sad", "If. Out here, everything's an if."),
                 ("comp", "tender", "Then let's make one of them a yes.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "{wild.full} rolls into {place} on the back of a dust-caked caravan and asks for {hero} by name.",
                "At {place}, while {weather}, a stranger called {wild} lays a trade on the table: news of "
                "{mcguffin}, for a favour nobody should agree to.",
                "Everyone at {place} goes quiet when {wild} walks in. Strangers mean trouble, and this one brings "
                "word that {mcguffin} is out there for the taking.",
            ),
            action=(
                "{wild} sets a sealed flask of clear water on the table. Half the room stares at it like gold.",
                "{wild} unrolls a scrap of old-world map, stained and torn, and puts a finger on a spot marked "
                "with a red X.",
                "{comp} eyes the brand on {wild}'s wrist and edges toward the door.",
            ),
            exchanges=(
                (("wild", "sly", "They say you know the ruins better than the rats do."),
                 ("hero", "neutral", "The rats would disagree."),
                 ("wild", "neutral", "I need {mcguffin}. Before {villain} gets it."),
                 ("comp", "surprised", "{villain}? You're racing {villain}?"),
                 ("wild", "sly", "I'm racing everybody. I'm just faster.")),
                (("wild", "afraid", "If {villain} gets {mcguffin_short} first, {stakes}."),
                 ("hero", "tired", "Everybody's selling the end of the world. We already had one."),
                 ("wild", "tender", "Then help me stop the second."),
                 ("comp", "sly", "Best pitch we've heard all year.")),
                (("comp", "neutral", "That's clean water. Where'd you get clean water?"),
                 ("wild", "sly", "Same place I get everything. From somebody else."),
                 ("hero", "neutral", "And what does it cost us?"),
                 ("wild", "neutral", "A walk into the ruins. Tonight.")),
            ),
        ),
        "bold": Scene(
            narration=(
                "No waiting for the storm to pass. {hero} and {comp} go straight into {place}, goggles down, "
                "scarves up.",
                "The direct way is the dangerous way, and {hero} takes it: through {place}, past raider marks and "
                "loose rubble.",
            ),
            action=(
                "{hero} pries open a rusted door with a crowbar while {comp} keeps watch from a heap of rubble.",
                "A beam groans overhead. {comp} dives clear as it crashes down in a cloud of grit, then scrambles "
                "up grinning.",
                "Engines whine in the distance. {comp} spots {villain}'s riders and pulls {hero} down behind a "
                "rusted car hulk.",
            ),
            exchanges=(
                (("comp", "afraid", "Riders! Coming fast from the east."),
                 ("hero", "determined", "Then we're faster. Grab what you can."),
                 ("comp", "surprised", "Look! Crates stamped with {villain}'s mark. Full of water!"),
                 ("hero", "angry", "So that's where the well's been going.")),
                (("hero", "neutral", "Stay close. Step where I step."),
                 ("comp", "afraid", "Everything here is falling down."),
                 ("hero", "sly", "Everything here fell down forty years ago. It's just slow about finishing."),
                 ("comp", "determined", "Found something! Fresh tracks, heading for {villain}'s camp.")),
                (("comp", "tired", "Remind me why we didn't wait for the storm to pass."),
                 ("hero", "neutral", "Because the storm covers our tracks."),
                 ("comp", "sly", "And our eyes. And our mouths."),
                 ("hero", "happy", "Breathe through the scarf. You'll live.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "{hero} plays it slow. In {place}, by the light of a single candle, {wild} finally starts telling "
                "the truth.",
                "Out here, patience keeps you alive. {hero} takes {wild} to {place}, off every trail {villain}'s "
                "scouts ride, and listens.",
            ),
            action=(
                "{wild} pours a careful half-cup of water and pushes it across. {hero} lets it sit.",
                "{hero} brushes their tracks from the entrance while {wild} lights a stub of candle.",
                "{wild} pulls back one sleeve to show a faded brand: {villain}'s mark.",
            ),
            exchanges=(
                (("hero", "neutral", "Nobody's listening here but the lizards. Talk."),
                 ("wild", "sly", "You don't trust me."),
                 ("hero", "tired", "I trust you to look after yourself. So make this good for you."),
                 ("wild", "sad", "I took {mcguffin_short} first. Then someone took it from me."),
                 ("hero", "neutral", "That's a start.")),
                (("hero", "neutral", "Who else knows you had it?"),
                 ("wild", "afraid", "{villain}. And {villain} never forgets a debt."),
                 ("hero", "determined", "Then we settle it first."),
                 ("wild", "tender", "You'd do that? For a stranger?"),
                 ("hero", "tired", "Out here, everyone's a stranger until they're not.")),
                (("wild", "surprised", "You've lived out here your whole life?"),
                 ("hero", "neutral", "Born the year the rivers stopped."),
                 ("wild", "sad", "I used to dream about rain."),
                 ("hero", "tender", "Keep dreaming. Someone has to remember what it looks like.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "In {place}, water runs freely from a brass tap, and {villain} lets it run, just to be seen letting it.",
                "Meanwhile at {place}, {wild} keeps a meeting with {villain.full} that nobody in {world} was meant "
                "to know about.",
            ),
            action=(
                "{villain} fills a cup to the brim, lets it spill over onto the floor, and watches {wild} stare at "
                "the puddle.",
                "{villain} studies a map of every well for a hundred miles, crossing them out one by one.",
                "Guards in scrap armour step aside as {wild} walks in. {villain} does not look up from the map.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend {hero} is stubborn. I admire stubborn. It's thirsty work."),
                 ("wild", "neutral", "{hero} isn't mine. {hero} isn't anyone's."),
                 ("villain", "neutral", "Everyone belongs to somebody out here. Bring me {mcguffin_short}, and "
                  "you'll belong to yourself."),
                 ("wild", "afraid", "And if I don't?"),
                 ("villain", "happy", "Then you'll find out how long a person can go without water.")),
                (("villain", "neutral", "How much does {hero} know?"),
                 ("wild", "sly", "Enough to be trouble. Not enough to stop you."),
                 ("villain", "sly", "Keep it that way. The gates close at the next full moon."),
                 ("wild", "sad", "And after that?"),
                 ("villain", "happy", "After that, every drop in {world} answers to me.")),
                (("wild", "neutral", "So it's true. You're {scheme}."),
                 ("villain", "neutral", "I'm keeping order. Water without order is a war."),
                 ("wild", "sad", "People are thirsty."),
                 ("villain", "sly", "Thirsty people are obedient people.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "It was a trap. At {place}, {villain}'s riders have {comp} roped to a rusted pylon at the lip of a "
                "sinkhole, and {mcguffin_short} hangs from {villain}'s belt.",
                "At {place}, while {weather}, {villain} makes the oldest offer in the wasteland: one thing you "
                "love for one thing you need.",
                "The storm closes in on {place}. The ground around {comp}'s pylon is crumbling into a sinkhole, and "
                "{villain} dangles {mcguffin_short} just out of reach.",
            ),
            action=(
                "{villain} holds {mcguffin_short} up in one hand and points at {comp} with the other. {comp} strains "
                "against the ropes.",
                "Sand pours into the sinkhole. The pylon {comp} is roped to tilts, and {villain} steps back with "
                "{mcguffin_short}, smiling.",
                "{villain}'s riders circle on their machines, throwing up dust, waiting for a signal.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend or your prize. The wasteland doesn't do both."),
                 ("comp", "afraid", "Forget me! Take it and run!"),
                 ("hero", "angry", "Let {comp} go, {villain}."),
                 ("villain", "neutral", "I'm not holding anyone. The desert is. Choose.")),
                (("comp", "determined", "Listen. That's water for the whole settlement. I'm one mouth."),
                 ("hero", "afraid", "You're not a mouth. You're my friend."),
                 ("villain", "happy", "Touching. Friends are a luxury out here."),
                 ("comp", "tender", "Then be rich for once.")),
                (("hero", "determined", "Talk to me, {comp}. Can you move?"),
                 ("comp", "afraid", "The ropes won't give. The ground will."),
                 ("villain", "neutral", "The storm will be here in a minute. Decide."),
                 ("hero", "angry", "A minute's plenty.")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "It ends at {place}, where {villain} stands over the last thing that matters. One order, and {stakes}.",
                "At {place}, with the storm at their backs, {hero} and {comp} face {villain} for the last time.",
            ),
            action=(
                "{comp} edges around the side while {hero} walks straight at {villain}, hands open.",
                "{villain} holds {mcguffin_short} out over the drop, the wind snapping at a tattered coat.",
                "{hero} and {comp} trade the nod they have used since their first scavenging run: you go high, I go low.",
            ),
            exchanges=(
                (("villain", "sly", "One more step and {mcguffin_short} goes over the edge. Then nobody gets it."),
                 ("comp", "determined", "I can get round behind. Keep {villain} talking."),
                 ("hero", "neutral", "You always liked an audience, {villain}."),
                 ("villain", "angry", "I kept this land alive when everyone else ran!"),
                 ("hero", "tired", "You kept it thirsty. There's a difference.")),
                (("comp", "afraid", "The storm's nearly here. Whatever we're doing, do it now."),
                 ("hero", "determined", "It's over, {villain}. Your riders already left."),
                 ("villain", "sly", "Riders come back when there's water."),
                 ("comp", "surprised", "Not this time. Look at the road. They're heading home.")),
                (("villain", "neutral", "Be smart. Join me, and you'll never be thirsty again."),
                 ("hero", "neutral", "I've been thirsty my whole life. I'm used to it."),
                 ("comp", "sly", "Also, we emptied your storeroom into the settlement's tanks this morning."),
                 ("villain", "surprised", "You did what?")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No partner now. Just {hero}, {villain}, {wild}, and the wind howling across {place}.",
                "{hero} climbs to {place} alone. {villain} is waiting, and so, of course, is {wild}.",
            ),
            action=(
                "{wild} steps between them with both hands raised, and for one long breath nobody knows whose side "
                "{wild} is on.",
                "{villain} lifts {mcguffin_short} high, and the riders below roar. {hero} counts the steps to the edge.",
            ),
            exchanges=(
                (("villain", "happy", "Alone at last. Your friends keep leaving you, {hero}."),
                 ("hero", "angry", "They didn't leave. You took them."),
                 ("wild", "sad", "Stop. Enough has been lost already."),
                 ("hero", "determined", "Then give me {mcguffin_short} and we're done.")),
                (("wild", "afraid", "I never wanted it to go this far."),
                 ("villain", "sly", "Nobody wants to be thirsty either. It happens anyway."),
                 ("hero", "tired", "Put {mcguffin_short} down, {villain}. We're all too tired for this.")),
                (("wild", "determined", "I can still open the gates, {hero}. Say the word."),
                 ("villain", "surprised", "You'd throw away your seat at my table?"),
                 ("wild", "sly", "I never liked the food."),
                 ("hero", "neutral", "Then choose quickly. The storm won't wait.")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "By sunrise the water is flowing back to {world}. {villain} sits in the settlement lockup, and for "
                "the first time in years, children are splashing in the trough.",
                "The well is full. {hero} and {comp} watch a red sun climb over the wasteland, and somewhere below, "
                "someone is laughing.",
            ),
            action=(
                "{comp} hands {hero} a full cup of clean water and grins while {hero} drains it to the last drop.",
                "{hero} kneels by a crack in the ground where a single green sprout has pushed through, and steps "
                "carefully around it.",
            ),
            exchanges=(
                (("comp", "happy", "We did it. The well's full to the top."),
                 ("hero", "tired", "Don't say that too loud. The sky might hear."),
                 ("comp", "tender", "Let it hear. Maybe it'll send rain."),
                 ("hero", "happy", "Now that would be something.")),
                (("comp", "happy", "So what now?"),
                 ("hero", "neutral", "Now I sleep for a week. Then we fix the roof."),
                 ("comp", "sly", "The roof's been broken for ten years."),
                 ("hero", "sly", "Then it can wait one more week.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} rides off into the wasteland with a handful of loyal riders and a grudge. The water is "
                "back, for now, and {hero} will take for now.",
                "The settlement survives, but the peace is thin. {hero} knows {villain} is still out there, "
                "counting wells.",
            ),
            action=(
                "{villain} pauses at the edge of the ridge, turns back once, and raises a hand to {hero}.",
                "{hero} watches the dust of {villain}'s riders until it melts into the haze.",
            ),
            exchanges=(
                (("villain", "sly", "No hard feelings. It's only water."),
                 ("hero", "determined", "It was never only water, {villain}."),
                 ("villain", "happy", "Spoken like someone who's never been truly thirsty."),
                 ("hero", "neutral", "Ride on. And don't come back.")),
                (("hero", "tired", "So you just walk away."),
                 ("villain", "neutral", "The wasteland is big. I'll find another well."),
                 ("hero", "determined", "Then I'll find you there."),
                 ("villain", "sly", "I'm counting on it.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "The water flows again, and it cost everyone who stood beside {hero}. The wind keeps blowing across "
                "{world} as if nothing happened.",
                "It is over. {villain} is gone, the settlement is saved, and {hero} is the only one left who "
                "remembers the price.",
            ),
            action=(
                "{hero} sits alone on the ridge, a full canteen untouched at {hero.their} side.",
                "{hero} scratches one more name into the gatepost, then another, then stops.",
            ),
            exchanges=(
                (("hero", "sad", "Water for everyone. Nobody left to share it with."),
                 ("hero", "tired", "Funny. I always thought winning would taste sweeter.")),
                (("hero", "tired", "Rest easy, all of you. The well is full."),
                 ("hero", "sad", "I'll keep it that way. That's all I've got left.")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The deal holds until it doesn't. By dawn {wild} is gone, and so is {mcguffin}. All that remains is "
                "a note under a stone at the gate, and a line of tracks heading east, toward the rumour of rain.",
                "{wild} kept every promise but the one that mattered. {hero} finds a note weighed down by a stone "
                "at the gate: a map, a thank you, and an apology.",
            ),
            action=(
                "{hero} reads the note twice, folds it into a pocket, and laughs for the first time in years.",
                "Far off, a plume of dust moves east. {hero} watches it go and does not follow.",
            ),
            exchanges=(
                (("wild", "tender", "Don't follow me, {hero}. You'd only find me."),
                 ("hero", "sly", "That was always the trouble with you."),
                 ("wild", "sad", "I'll bring back rain, if it's out there."),
                 ("hero", "tired", "Bring back yourself. That'll do.")),
                (("wild", "sly", "You knew I'd run."),
                 ("hero", "neutral", "I packed you water for three days."),
                 ("wild", "surprised", "Why?"),
                 ("hero", "tender", "Somebody ought to find out what's past the dust.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("How does {hero} go after it?", "{wild} is hiding something. What now?"),
            options={
                "bold": ("Head straight into the ruins", "Hit {villain}'s camp now", "Cross in the storm"),
                "careful": ("Follow {wild} and watch", "Hear {wild} out in secret", "Wait out the storm"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp} or {mcguffin_short}?", "The storm is coming. Choose."),
            options={
                "save": ("Save {comp}", "Trade {mcguffin_short} for {comp}"),
                "press": ("Grab {mcguffin_short}", "Leave {comp} and run"),
                "deal": ("Let {wild} bargain", "Call in {wild}'s debt"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Last stand. Whose plan?", "{villain} is at the edge."),
            options={
                "plan": ("Trust {comp}'s plan", "Keep {villain} talking"),
                "solo": ("Charge {villain}", "Go for {mcguffin_short}"),
                "trade": ("Let {wild} make the trade", "Give {wild} the signal"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("No one left. What now?", "{wild} stands between you and {villain}."),
            options={
                "finish": ("End {villain}'s reign", "Take {mcguffin_short} by force"),
                "spare": ("Let {villain} ride away", "Lower your hands"),
            },
        ),
    },
    ending_titles={
        "triumph": ("First Rain", "Full Well", "First Green"),
        "bittersweet": ("Thin Peace", "Another Well", "The Dust Settles"),
        "tragedy": ("The Last Cup", "Names on the Gate", "Dry Wind"),
        "twist": ("East of the Dust", "The Rumour of Rain", "Tracks at Dawn"),
    },
    intense_lines=(
        ("villain", "angry", "Leave them out in the sun. Let the wasteland do the rest.", {"violence": 2, "fear": 1}),
        ("hero", "angry", "Touch that well again and I'll bury you under it.", {"violence": 2}),
        ("comp", "afraid", "There's blood in the sand. Whose blood is that?", {"gore": 1, "fear": 1}),
        ("hero", "angry", "Damn it, run!", {"profanity": 1}),
        ("villain", "sly", "They say the raiders eat what they catch. I never ask.", {"violence": 1, "fear": 2}),
        ("comp", "afraid", "The radiation's in my skin. I can feel it burning.", {"fear": 2}),
        ("wild", "sly", "Chew a little of this root. Keeps the dust out of your head.", {"drugs": 1}),
    ),
    calm_lines=(
        ("hero", "tired", "Sit. Rest your feet. The dust will still be here tomorrow."),
        ("comp", "happy", "Look, a cloud! A real one. Think it'll rain?"),
        ("hero", "neutral", "Listen. No wind. Quietest it's been all month."),
        ("comp", "tender", "Here, have the last of my water. You look drier than the road."),
        ("hero", "happy", "My grandmother swore there used to be oceans. Whole oceans."),
    ),
    hooks=(
        "{villain}'s riders came from somewhere further east, and that somewhere has more water than anyone admits.",
        "Rumour says there is another like {mcguffin_short}, somewhere deep in the ruins.",
        "{wild}'s tracks lead east, toward a place nobody has ever come back from.",
        "Last night the old radio in the workshop crackled with a voice from beyond the Scour.",
    ),
    moods=("bleak", "desolate", "gritty", "dusty", "survival", "hopeful"),
)
