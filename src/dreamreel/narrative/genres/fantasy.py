"""High fantasy: a kingdom in peril, a quest, magic that always takes its price, dragons stirring in the distance."""

from .kit import Archetype, ChoiceText, GenreKit, PlaceSpec, Scene

KIT = GenreKit(
    name="fantasy",
    label="high fantasy",
    aliases=("fantasy", "high fantasy", "epic fantasy", "heroic fantasy", "medieval fantasy", "sword and sorcery",
             "swords and sorcery", "sword & sorcery", "dragons", "dragon", "wizards", "wizard", "sorcery", "magic",
             "knights", "castles", "elves", "fairy tale", "fairytale"),
    world_strength=0.9,
    tone="epic, wondrous, bittersweet: every spell has a price and every hero pays it",
    era="Age of Embers",
    world_names=("Eldmere", "Carrowmoor", "Valdris", "Aurenhold", "Brightmarch"),
    world_description=(
        "{world} in the {era}: a kingdom of white castles and deep green forests, where magic is real, rare, and "
        "always takes its price.",
        "{world}, the {era}. The old king is failing, the northern forests have grown dark, and far beyond the "
        "mountains, dragons are waking.",
        "{world} in the {era}. Bells ring from the castle towers, pilgrims walk the forest roads, and every spell "
        "costs its caster something that can never be bought back.",
    ),
    rules=(
        "Every spell costs its caster something: a memory, a year, a warmth that never returns.",
        "An oath sworn on the crown binds for life.",
        "Dragons sleep beyond the Ashen Mountains, and the kingdom's peace depends on not waking them.",
        "The deep forest remembers every path, and it does not always let travellers leave.",
        "Only the rightful heir can wield the crown's old magic.",
    ),
    places=(
        PlaceSpec("the hearth hall of a border keep", "castle", "home",
                  "A stone hall with a great fireplace, banners faded by the years, hounds asleep in the rushes.",
                  "night", "snow"),
        PlaceSpec("the miller's cottage at Thornbury", "village", "home",
                  "Thatched roofs, a turning waterwheel, the warm smell of the baker's oven drifting down the lane.",
                  "day", "clear"),
        PlaceSpec("the common room of the Gilded Stag inn", "bar", "hub",
                  "Low beams, a roaring hearth, travellers trading rumours over bowls of stew.",
                  "night", "rain"),
        PlaceSpec("the great hall of Castle Aurel", "ballroom", "hub",
                  "A vaulted hall of banners and candlelight, where the court whispers behind painted fans.",
                  "night", "clear"),
        PlaceSpec("the Thornwood", "forest", "danger",
                  "Ancient trees grown so close the daylight never reaches the ground, and something always watching.",
                  "dusk", "fog"),
        PlaceSpec("the old dwarf-road under the Grey Peaks", "cave", "danger",
                  "A vast road carved by forgotten hands, lit by glowing crystals and echoing with far-off drums.",
                  "night", "clear"),
        PlaceSpec("a hermit's tower in the marshes", "ruins", "hideout",
                  "A crooked stone tower half sunk in reeds, its windows glowing with pale witchlight.",
                  "night", "fog"),
        PlaceSpec("a shepherd's hut high on the moor", "mountain", "hideout",
                  "A low stone hut with a peat fire, a sleeping dog, and the wind moaning over the heather.",
                  "night", "snow"),
        PlaceSpec("the Obsidian Tower", "castle", "lair",
                  "A black spire of glassy stone where candles burn without ever growing shorter.",
                  "night", "storm"),
        PlaceSpec("the summit of the Ashen Mountain", "mountain", "summit",
                  "A broken crown of rock above the clouds, warm underfoot, something vast breathing in the deep below.",
                  "night", "embers"),
        PlaceSpec("the ruined throne room of the old kings", "ruins", "summit",
                  "Shattered pillars, an empty throne, and lightning flickering through the broken roof.",
                  "night", "storm"),
        PlaceSpec("the castle walls at dawn", "castle", "vista",
                  "Battlements gilded by the rising sun, the whole kingdom green and gold below.",
                  "dawn", "clear"),
        PlaceSpec("the lakeshore below the falls", "beach", "vista",
                  "A silver lake at the foot of a waterfall, mist rising, swans drifting on the water.",
                  "dawn", "clear"),
    ),
    weathers=("clear", "rain", "fog", "snow", "storm", "embers"),
    weather_phrases={
        "clear": ("the sky is high and clear over the hills", "the air is clear and still, and bells carry for miles"),
        "rain": ("soft rain patters on the thatch", "rain drums on the old stone roofs"),
        "fog": ("mist coils between the ancient trees", "a white fog hides the road ahead"),
        "snow": ("snow falls soft and silent over the moor", "the wind carries snow down from the high peaks"),
        "storm": ("thunder rolls over the mountains like a dragon's growl", "lightning splits the sky above the towers"),
        "embers": ("embers drift on the wind from the burning peaks",
                   "far to the north, a dragon's fire glows against the clouds"),
        "dawn": ("dawn gilds the battlements",),
        "dusk": ("the sunset turns the river to gold",),
    },
    mcguffins=(
        ("the Crown of Embers", "the crown"),
        ("the last dragon's egg", "the egg"),
        ("the Book of True Names", "the book"),
        ("the Heartseed of the Elder Tree", "the heartseed"),
    ),
    schemes=(
        "binding the dragons to serve a single master",
        "draining the kingdom's magic into one cursed crown",
        "bewitching the old king and ruling from behind the throne",
        "opening the gate that keeps the old darkness out of the world",
    ),
    stakes=(
        "the dragons wake and the kingdom burns",
        "the kingdom falls into an endless winter",
        "magic fades from the world forever",
        "the old darkness pours through the gate",
    ),
    look="painterly high fantasy: golden light, deep green forests, banners and candlelit stone",
    palette=("#1e3a2f", "#c9a227", "#7a1e2c", "#e8dcc2", "#3c5a80", "#2a2238"),
    monochrome=False,
    contrast=0.5,
    grain=0.15,
    lighting="warm candle and hearth light, shafts of sun through leaves, cold blue moonlight",
    motifs=("banners in the wind", "candlelit stone", "ancient trees", "glowing runes",
            "a dragon's silhouette on the horizon", "a winding road"),
    music="sweeping orchestra, solo fiddle and harp, a low choir",
    names_first={
        "she": ("Elowen", "Isolde", "Maren", "Seren", "Rowena", "Aveline", "Tamsin", "Briar", "Lira"),
        "he": ("Aldric", "Corin", "Gareth", "Edric", "Tristan", "Osric", "Rhys", "Bran", "Cedric"),
        "they": ("Sorrel", "Linden", "Emrys", "Arden", "Vale", "Rue", "Tarrow", "Wynn"),
    },
    names_last=("Ashdown", "Blackthorn", "Greymantle", "Starling", "Holloway", "Brightwater", "Fenwick", "Vane",
                "Thornfield", "Oakhart", "Dunmore", "Ravenscar", "Silverleaf", "Marchbank"),
    archetypes={
        "hero": (
            Archetype("farmhand with a forbidden gift for magic", "find {mcguffin} before {stakes}",
                      "feels the cost of every spell and fears what the magic will take next",
                      ("brave", "uncertain", "kind", "stubborn"), ("homespun tunic and cloak",),
                      ("oak staff", "satchel"), ("shaggy", "braid", "curly"), "young, earnest voice"),
            Archetype("disgraced knight of the realm", "win back {hero.their} honour by stopping whoever is {scheme}",
                      "broke an oath once to save a life and was stripped of {hero.their} spurs",
                      ("honourable", "grim", "gentle with the weak"), ("dented plate armour", "travel-stained surcoat"),
                      ("longsword", "battered shield"), ("short", "long braid"), "deep, measured voice"),
            Archetype("reluctant heir raised in hiding", "stop whoever is {scheme} and claim a crown {hero.they} never wanted",
                      "was raised a commoner and does not believe the throne should belong to {hero.them}",
                      ("humble", "quick-witted", "restless"), ("plain travelling cloak",), ("hidden signet ring",),
                      ("messy", "ponytail"), "warm, uncertain voice"),
        ),
        "villain": (
            Archetype("court sorcerer who whispers in the king's ear", "finish {scheme} before the heir returns",
                      "paid for {villain.their} power with every warm memory and feels nothing anymore",
                      ("silken", "brilliant", "cold"), ("black and silver robes",),
                      ("crystal-tipped staff", "ring of office"), ("long straight", "shaved"), "soft, velvety voice"),
            Archetype("usurping duke with a hunger for the throne", "finish {scheme} and take the crown",
                      "was passed over for the throne as a child and never forgave the world",
                      ("proud", "charming", "ruthless"), ("crimson velvet doublet", "fur mantle"),
                      ("signet ring", "jewelled circlet"), ("slick", "silver crop"), "rich, commanding voice"),
            Archetype("witch-queen of the frozen north", "finish {scheme} and bring the endless winter",
                      "lost everything she loved to the kingdom's armies long ago",
                      ("regal", "sorrowful", "implacable"), ("gown of frost-white silk",), ("crown of ice",),
                      ("long straight", "silver braid"), "cold, musical voice", pronouns=("she",)),
        ),
        "wild": (
            Archetype("silver-tongued thief with a royal secret", "steal {mcguffin} and sell it to the highest bidder",
                      "owes a life-debt to {villain} and hates every day of it",
                      ("charming", "quick", "irreverent", "secretly lonely"), ("dark leather jerkin", "hooded cloak"),
                      ("lockpicks", "stolen rings"), ("messy", "long waves"), "light, teasing voice",
                      secret="is the lost child of the royal house"),
            Archetype("fae emissary bound by strange rules", "reclaim {mcguffin} for the court under the hill",
                      "cannot tell a lie, and so speaks only in careful truths",
                      ("otherworldly", "playful", "unreadable"), ("gown of living leaves", "silver-green cloak"),
                      ("circlet of thorns",), ("long straight", "wild curls"), "lilting, musical voice",
                      secret="struck a bargain with {villain} that comes due at midnight"),
        ),
        "comp": (
            Archetype("loyal squire who talks too much", "prove {comp.they} can be a true knight",
                      "is far braver in stories than in real life", ("chatty", "loyal", "clumsy", "brave when it counts"),
                      ("padded gambeson",), ("wooden shield",), ("bowl cut", "curly"), "bright, eager voice"),
            Archetype("old wizard whose magic is fading", "pass on one last secret before the magic is spent",
                      "has paid so many prices for magic that little of the old self remains",
                      ("wise", "forgetful", "wry"), ("patched star-blue robes",), ("gnarled staff", "pointed hat"),
                      ("long white", "bald"), "creaky, kindly voice"),
            Archetype("forest ranger who speaks to birds", "keep the old paths open",
                      "has never trusted anyone who lives behind walls", ("quiet", "watchful", "loyal"),
                      ("green hooded cloak",), ("longbow", "feathered cap"), ("braid", "short"), "low, calm voice"),
            Archetype("kitchen maid who sees what others miss", "protect the castle folk who raised {comp.them}",
                      "knows a palace secret that could cost {comp.them} everything", ("sharp", "warm", "fearless"),
                      ("apron over a plain dress",), ("ring of pantry keys",), ("bun", "pigtails"),
                      "quick, cheerful voice"),
        ),
    },
    titles=("The Quest for {mcguffin}", "Fire over {world}", "The Last Song of {world}",
            "{hero} and the Dragon's Shadow", "The Price of Magic"),
    episode_titles=("The Red Sky", "The Road North", "The Thornwood", "A Price Paid", "The Dark Moon", "Oathbreaker",
                    "The Dragon Wakes", "The Crown and the Thief"),
    loglines=(
        "In {world}, {hero.full}, {hero_archetype}, sets out to find {mcguffin} and learns that someone is {scheme}.",
        "Every spell has a price, and {hero.full} is about to pay the highest one: find {mcguffin} before {stakes}.",
        "Dragons stir beyond the mountains, a kingdom holds its breath, and {hero.full} is the only one who can "
        "hear the magic calling.",
    ),
    scenes={
        "setup": Scene(
            narration=(
                "{world}, the {era}. In {place}, {hero.full} has been dreaming of fire again, and waking with ash "
                "on the pillow.",
                "News comes slowly to {place}, and most of it is bad. Outside, {weather}, and {hero} cannot shake the "
                "feeling that the whole world is holding its breath.",
                "Long ago, the songs say, {world} was guarded by heroes. Now it has {hero}, who is mending harness "
                "in {place} and humming off-key.",
            ),
            action=(
                "{hero} kneels by the hearth and coaxes the fire higher with a whispered word. The flames obey, and "
                "{hero}'s fingertips turn cold as frost.",
                "{comp} bursts in, windblown and breathless, clutching a scroll sealed with black wax.",
                "{comp} polishes an old shield by the fire, telling the same story for the third time tonight.",
            ),
            exchanges=(
                (("comp", "surprised", "Did you see the sky last night? Red, all along the northern hills."),
                 ("hero", "neutral", "Sunset."),
                 ("comp", "afraid", "At midnight?"),
                 ("hero", "tired", "Then it's nothing we can mend tonight."),
                 ("comp", "determined", "The old stories say a red sky at midnight means the dragons are stirring."),
                 ("hero", "sly", "The old stories say a lot of things. Pass the bread.")),
                (("comp", "neutral", "You used magic again. Your hands are shaking."),
                 ("hero", "tired", "Only a little. The fire needed it."),
                 ("comp", "afraid", "And what did it take from you this time?"),
                 ("hero", "sad", "I can't remember my mother's song anymore. Only the tune."),
                 ("comp", "tender", "Then I'll hum it for you. I remember the words.")),
                (("comp", "happy", "A messenger rode through at dawn. From the castle!"),
                 ("hero", "surprised", "Nobody from the castle comes this far."),
                 ("comp", "sly", "Well, somebody did. And the messenger was asking about you."),
                 ("hero", "neutral", "Then trouble is already on the road.")),
            ),
        ),
        "aftermath_saved": Scene(
            narration=(
                "The healers did their work, and the bards have already begun. {prev} is alive, scarred and "
                "grinning, and {hero} has never been so glad of anything.",
                "In {place}, the hearth burns high and the cooks have outdone themselves. {prev} is home, and "
                "{world} has one more reason to sing.",
            ),
            action=(
                "{prev} sits by the fire with one arm in a sling, carving a little wooden dragon for {comp}.",
                "{prev} unrolls a map on the table and sets a candle on a mountain pass nobody has crossed in a "
                "hundred years.",
                "{comp} changes {prev}'s bandages, muttering an old healing charm, while {hero} pretends not to listen.",
            ),
            exchanges=(
                (("prev", "tender", "You came back for me. Against every rule of the quest."),
                 ("hero", "tired", "The rules may write me a complaint."),
                 ("prev", "happy", "I'll tell the bards you said that."),
                 ("comp", "neutral", "Tell them quickly. {villain} is on the move again."),
                 ("prev", "determined", "Then so are we.")),
                (("prev", "sly", "The healer says I need a month of rest."),
                 ("hero", "neutral", "And?"),
                 ("prev", "determined", "And I said the kingdom doesn't have a month. Where is {villain}?"),
                 ("comp", "happy", "Welcome back. You take first watch.")),
                (("hero", "neutral", "How's the arm?"),
                 ("prev", "happy", "Stiff. But it still swings."),
                 ("comp", "sly", "So does your mouth, apparently."),
                 ("prev", "happy", "Some things no wound can fix.")),
            ),
        ),
        "aftermath_lost": Scene(
            narration=(
                "They lit a lantern for {prev} on the castle wall, the old way, and let it burn until dawn. {hero} "
                "watched until the last flame went out.",
                "{prev} is gone, and the songs about it are already wrong. {hero} does not sing them.",
            ),
            action=(
                "{hero} lays {prev}'s cloak over the empty chair by the hearth and does not move it.",
                "{comp} waits at the door with a pack and a borrowed shield, unsure whether to come in.",
            ),
            exchanges=(
                (("comp", "sad", "I heard about {prev}. I'm so sorry."),
                 ("hero", "angry", "Sorry won't bring {villain} to justice."),
                 ("comp", "determined", "Then let me ride with you. I'll help bring {villain} down."),
                 ("hero", "tired", "Everyone who rides with me ends up in a song.")),
                (("hero", "sad", "{prev} always said I'd be the one to finish this."),
                 ("comp", "tender", "Then finish it. But you don't have to do it alone."),
                 ("hero", "determined", "Keep up, then. The road is long.")),
                (("comp", "neutral", "{prev} left this for you. A letter, sealed."),
                 ("hero", "sad", "I can't open it. Not yet."),
                 ("comp", "tender", "Then I'll carry it until you can.")),
            ),
        ),
        "inciting": Scene(
            narration=(
                "At {place}, a hooded stranger named {wild.full} sits down uninvited, lays a gloved hand on the "
                "table, and speaks of {mcguffin}.",
                "Rumours travel fast at {place}, and tonight there is only one: {mcguffin} has been stolen. {wild} "
                "says {hero} is the one the prophecy meant.",
                "At {place}, while {weather}, {wild} finds {hero} and makes an offer no sensible person would take.",
            ),
            action=(
                "{wild} pushes a tarnished silver coin across the table. On one side, the old king's face; on the "
                "other, a dragon.",
                "The candles gutter, though there is no wind. {wild} smiles as if that were an answer.",
                "{comp} reaches for a shield as {wild} sits down, then thinks better of it.",
            ),
            exchanges=(
                (("wild", "sly", "They say you can hear magic. Can you hear it now?"),
                 ("hero", "neutral", "I hear a stranger who wants something."),
                 ("wild", "neutral", "Clever. I want {mcguffin}. Before {villain} finds it."),
                 ("comp", "surprised", "{villain}? You'd have us cross {villain}?"),
                 ("wild", "sly", "I'd have you become a legend. Legends cross everybody.")),
                (("wild", "afraid", "If {mcguffin_short} is not found by the new moon, {stakes}."),
                 ("hero", "tired", "Every traveller in here has a doom to sell."),
                 ("wild", "tender", "Mine comes with a purse of gold, and my word."),
                 ("comp", "sly", "Is your word worth more than the gold?"),
                 ("wild", "sly", "That depends on who's asking.")),
                (("comp", "neutral", "Your cloak is dry. It's been raining for hours."),
                 ("wild", "sly", "The rain and I have an understanding."),
                 ("hero", "neutral", "And what do you want us to understand?"),
                 ("wild", "neutral", "That the road begins tonight, and it does not wait.")),
            ),
        ),
        "bold": Scene(
            narration=(
                "There is no time for caution. {hero} and {comp} ride straight into {place}, where the old stories "
                "say no traveller should go.",
                "The bold road is the short one. {hero} takes it, through {place}, with {comp} close behind and the "
                "light fading fast.",
            ),
            action=(
                "{hero} raises a hand and whispers a word of light. The darkness flinches back, and {hero} sways, "
                "paying the price.",
                "Roots twist across the path like grasping fingers. {comp} cuts a way through while {hero} keeps watch.",
                "Something huge stirs in the shadows. {comp} raises a shield; {hero} raises a hand glowing with pale fire.",
            ),
            exchanges=(
                (("comp", "afraid", "Did you hear that? Something's following us."),
                 ("hero", "determined", "Then we'd better stay ahead of it."),
                 ("comp", "surprised", "Look! Hoofprints, fresh ones. {villain}'s riders came this way."),
                 ("hero", "angry", "Then {mcguffin_short} is close. Keep moving.")),
                (("hero", "neutral", "Stay close. Step where I step."),
                 ("comp", "afraid", "The trees are moving. Trees shouldn't move."),
                 ("hero", "sly", "These ones never learned the rules."),
                 ("comp", "determined", "There! A light ahead. That has to be it.")),
                (("comp", "tired", "Remind me why we didn't take the long road."),
                 ("hero", "neutral", "The long road takes a month. The kingdom has days."),
                 ("comp", "sly", "The songs never mention how cold a hero's feet get."),
                 ("hero", "happy", "The songs leave out all the best parts.")),
            ),
        ),
        "careful": Scene(
            narration=(
                "{hero} chooses patience. In {place}, by the light of a single candle, {wild} begins to tell the "
                "truth, one careful word at a time.",
                "Wisdom is the quieter road. {hero} follows {wild} to {place}, far from {villain}'s spies, and listens.",
            ),
            action=(
                "{wild} traces a circle of chalk runes on the floor. Inside it the candle burns blue, and nobody can "
                "overhear.",
                "{wild} pours two cups of steaming nettle tea and pushes one across. {hero} lets it cool untouched.",
                "{wild} turns a ring on one finger, and {hero} sees the seal of {villain}'s house engraved on it.",
            ),
            exchanges=(
                (("hero", "neutral", "We're alone. Tell me the part you left out."),
                 ("wild", "sly", "Which part? I left out so many."),
                 ("hero", "tired", "The part that makes you look bad."),
                 ("wild", "sad", "I stole {mcguffin_short} first. Then someone stole it from me."),
                 ("hero", "neutral", "Now we can begin.")),
                (("hero", "neutral", "Who else knows you had it?"),
                 ("wild", "afraid", "{villain}. And {villain} never forgets a debt."),
                 ("hero", "determined", "Then we'll settle it first."),
                 ("wild", "tender", "You'd stand between {villain} and me?"),
                 ("hero", "determined", "I'd stand between {villain} and anyone.")),
                (("wild", "surprised", "You've paid for magic. I can see it in your eyes."),
                 ("hero", "neutral", "Every spell takes something. I knew the price."),
                 ("wild", "sad", "What did the last one take?"),
                 ("hero", "tender", "The colour of my father's eyes. I'd pay it again.")),
            ),
        ),
        "subplot": Scene(
            narration=(
                "High in {place}, where the candles never burn down, {villain} is waiting for {wild}.",
                "Meanwhile, in {place}, {villain.full} stands before a great scrying glass, watching {hero}'s every step.",
            ),
            action=(
                "{villain} passes a hand over a bowl of black water, and {hero}'s face ripples on its surface.",
                "{villain} sets a circlet of dark iron on the table between them and watches {wild} try not to look at it.",
                "Ravens shift on the rafters as {wild} enters. {villain} does not turn around.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend {hero} is brave. I do so enjoy watching bravery run out."),
                 ("wild", "neutral", "{hero} isn't mine. {hero} belongs to no one."),
                 ("villain", "neutral", "Everyone belongs to someone. Bring me {mcguffin_short}, and you may belong "
                  "to yourself."),
                 ("wild", "afraid", "And if I refuse?"),
                 ("villain", "happy", "Then you'll learn what my magic costs. Not me. You.")),
                (("villain", "neutral", "How much does {hero} know?"),
                 ("wild", "sly", "Enough to be a nuisance. Not enough to be a threat."),
                 ("villain", "sly", "Keep it so. When the moon goes dark, it is done."),
                 ("wild", "sad", "And after the dark moon?"),
                 ("villain", "happy", "After that, {world} will kneel.")),
                (("wild", "neutral", "So it's true. You're {scheme}."),
                 ("villain", "neutral", "I am saving this kingdom from its own weakness."),
                 ("wild", "sad", "The people will suffer."),
                 ("villain", "sly", "The people always suffer. I merely choose the reason.")),
            ),
        ),
        "crisis": Scene(
            narration=(
                "It was a trap, and an old one. At {place}, {villain}'s spell holds {comp} in chains of light, and "
                "{mcguffin_short} glows on a stone altar nearby.",
                "At {place}, {villain} offers the oldest bargain there is: the one you love, or the thing you came for.",
                "The ground splits open at {place}. {villain}'s spell binds {comp} at the very edge of the chasm, and "
                "{mcguffin_short} glows on an altar on the far side.",
            ),
            action=(
                "{comp} strains against glowing bonds that tighten with every breath. {villain} sets {mcguffin_short} "
                "down on the altar, almost gently.",
                "{villain} raises a hand, and the bonds around {comp} flare brighter. {hero} feels the magic in the "
                "air, and its price.",
                "An hourglass of black sand turns itself over. With every grain, the ground beside {comp} cracks wider.",
            ),
            exchanges=(
                (("villain", "sly", "Your friend or your quest. Even the old magic cannot give you both."),
                 ("comp", "afraid", "Don't wait for me! Take it and go! The kingdom needs it more!"),
                 ("hero", "angry", "Release {comp}, {villain}."),
                 ("villain", "neutral", "I hold nothing. The spell does. Choose.")),
                (("comp", "determined", "Listen to me. That's the whole kingdom. I'm one person."),
                 ("hero", "afraid", "You're not one person. You're my friend."),
                 ("villain", "happy", "How touching. Friendship is such an expensive habit."),
                 ("comp", "tender", "Then pay for it, just this once.")),
                (("hero", "determined", "Talk to me, {comp}. Can you hold on?"),
                 ("comp", "afraid", "Not long. The spell is pulling me under."),
                 ("villain", "neutral", "The sand runs out in moments. Decide."),
                 ("hero", "angry", "Moments are all I need.")),
            ),
        ),
        "climax_together": Scene(
            narration=(
                "It ends at {place}, where {villain} stands over the last power that matters. One word, and {stakes}.",
                "At {place}, with thunder rolling overhead, {hero} and {comp} face {villain} for the last time.",
            ),
            action=(
                "{comp} circles to the left while {hero} walks straight at {villain}, empty hands glowing faintly.",
                "{villain} raises {mcguffin_short} high. Far away, something vast answers with a roar.",
                "{hero} and {comp} trade the nod they have shared since the first night on the road: you left, me right.",
            ),
            exchanges=(
                (("villain", "sly", "One more step and {mcguffin_short} shatters. And your kingdom with it."),
                 ("comp", "determined", "I can get behind {villain}. Keep {villain} talking."),
                 ("hero", "neutral", "You always did love a grand speech, {villain}."),
                 ("villain", "angry", "I would have made this kingdom great!"),
                 ("hero", "tired", "You would have made it kneel. There's a difference.")),
                (("comp", "afraid", "The storm's breaking over us. Whatever you'll do, do it now!"),
                 ("hero", "determined", "It's over, {villain}. Your spells are failing. I can feel it."),
                 ("villain", "sly", "All magic fails in the end. That is its price."),
                 ("comp", "surprised", "{hero}! The runes on the floor. They're answering you!")),
                (("villain", "neutral", "Be wise. Kneel, and I'll make you a lord of the new realm."),
                 ("hero", "neutral", "I was happy as a nobody."),
                 ("comp", "sly", "Also, your guards went home. I told them supper was ready."),
                 ("villain", "surprised", "You did what?")),
            ),
        ),
        "climax_alone": Scene(
            narration=(
                "No companion now. Only {hero}, {villain}, {wild}, and the wind howling across {place}.",
                "{hero} climbs to {place} alone, as the prophecy foretold. {villain} is waiting, and so, of course, "
                "is {wild}.",
            ),
            action=(
                "{wild} steps between them, hood thrown back, and for one long heartbeat nobody knows whose side "
                "{wild} is on.",
                "{villain} lifts {mcguffin_short}, and the sky cracks with light. {hero} gathers the last of "
                "{hero.their} magic, knowing the cost.",
            ),
            exchanges=(
                (("villain", "happy", "Alone at last. Your companions keep falling away, {hero}."),
                 ("hero", "angry", "They didn't fall. You took them."),
                 ("wild", "sad", "Stop. Enough has been lost already."),
                 ("hero", "determined", "Then give me {mcguffin_short}, and it ends here.")),
                (("wild", "afraid", "I never meant for it to come to this."),
                 ("villain", "sly", "Nobody ever does. And yet, here we all are."),
                 ("hero", "tired", "Put {mcguffin_short} down, {villain}. We have all paid enough.")),
                (("wild", "determined", "I can still break the seal, {hero}. Say the word."),
                 ("villain", "surprised", "You'd betray me? After all I promised you?"),
                 ("wild", "sly", "You promised a great deal. You never paid."),
                 ("hero", "neutral", "Then decide, {wild}. The storm won't wait.")),
            ),
        ),
        "ending_triumph": Scene(
            narration=(
                "The bells of {world} ring from every tower. {villain} stands in chains before the high council, and "
                "for the first time in a generation, the kingdom sleeps soundly.",
                "The darkness is broken. {hero} and {comp} watch the sun rise gold over a kingdom that will remember "
                "this day in song.",
            ),
            action=(
                "{comp} hands {hero} a warm loaf from the castle kitchens and grins as the bells keep ringing.",
                "{hero} opens a palm. A tiny flame dances there, and for once it asks for nothing in return.",
            ),
            exchanges=(
                (("comp", "happy", "We did it. The bards are already arguing about the rhymes."),
                 ("hero", "tired", "Let them. I'm going to sleep for a week."),
                 ("comp", "tender", "You've earned a month."),
                 ("hero", "happy", "Then wake me for breakfast.")),
                (("comp", "happy", "So what does a hero do after saving the kingdom?"),
                 ("hero", "neutral", "Goes home. Mends the fence."),
                 ("comp", "sly", "The king offered you a castle."),
                 ("hero", "sly", "Castles are draughty. Fences are honest.")),
            ),
        ),
        "ending_bittersweet": Scene(
            narration=(
                "{villain} is banished beyond the mountains, the council too afraid to do more. The kingdom is safe, "
                "for now, and {hero} will take for now.",
                "The kingdom is saved, but the magic that saved it took its price. {hero} will never hear music "
                "quite the same way again.",
            ),
            action=(
                "{villain} pauses where the mountain road bends, turns back once, and bows to {hero}, mocking and "
                "sincere at once.",
                "{hero} watches {villain}'s escort vanish into the mist of the high pass.",
            ),
            exchanges=(
                (("villain", "sly", "No hard feelings. It was only a kingdom."),
                 ("hero", "determined", "It was never only a kingdom, {villain}."),
                 ("villain", "happy", "We'll see what your kingdom remembers in a hundred years."),
                 ("hero", "neutral", "Go. And never come back.")),
                (("hero", "tired", "So you simply walk away."),
                 ("villain", "neutral", "I am banished. The banished walk a great deal."),
                 ("hero", "determined", "Then I'll be watching the mountain roads."),
                 ("villain", "sly", "I would expect nothing less.")),
            ),
        ),
        "ending_tragedy": Scene(
            narration=(
                "The kingdom is saved, and it cost everyone who ever walked beside {hero}. The bells ring for a "
                "victory that {hero} cannot feel.",
                "It is over. {villain} is gone, the realm is safe, and {hero} is the last of the fellowship, with "
                "no one left to tell the true story to.",
            ),
            action=(
                "{hero} stands alone on the walls, watching the lanterns the people have lit for the fallen.",
                "{hero} lays a cloak, a shield and a letter on the stones, then walks away without looking back.",
            ),
            exchanges=(
                (("hero", "sad", "The songs will call it a victory."),
                 ("hero", "tired", "They'll get the names wrong. I'll remember them right.")),
                (("hero", "tired", "Rest now, all of you. The road is finished."),
                 ("hero", "sad", "I'll walk the rest of it alone.")),
            ),
        ),
        "ending_twist": Scene(
            narration=(
                "The bargain holds until it doesn't. By dawn {wild} is gone, and so is {mcguffin}. All that remains "
                "is a letter on {hero}'s pillow, weighted with a silver coin: the king's face on one side, a dragon "
                "on the other.",
                "{wild} kept every promise but the one that mattered. {hero} finds a letter sealed in green wax, in "
                "a hand that shimmers: thank you, and forgive me.",
            ),
            action=(
                "{hero} reads the letter twice, folds it away, and laughs for the first time since the quest began.",
                "Far off, a winged shape crosses the dawn. {hero} watches it go and does not follow.",
            ),
            exchanges=(
                (("wild", "tender", "Don't follow me, {hero}. You'd only find me."),
                 ("hero", "sly", "That was always the trouble with you."),
                 ("wild", "sad", "Some day I'll bring it back. When the world is ready."),
                 ("hero", "tired", "The world is never ready. Come back anyway.")),
                (("wild", "sly", "You knew I'd take it."),
                 ("hero", "neutral", "I knew the moment you sat down at my table."),
                 ("wild", "surprised", "Then why let me?"),
                 ("hero", "tender", "Because some things are safer with a thief than with a king.")),
            ),
        ),
    },
    choices={
        "approach": ChoiceText(
            prompts=("How does {hero} begin the quest?", "{wild} is hiding something. What now?"),
            options={
                "bold": ("Take the dangerous road", "Ride straight for {villain}", "Enter the forbidden forest"),
                "careful": ("Follow {wild} in secret", "Hear {wild}'s tale by candle", "Seek the hermit's counsel"),
            },
        ),
        "crisis": ChoiceText(
            prompts=("{comp} or {mcguffin_short}?", "The sand is running out."),
            options={
                "save": ("Save {comp}", "Trade {mcguffin_short} for {comp}"),
                "press": ("Seize {mcguffin_short}", "Leave {comp} and go on"),
                "deal": ("Let {wild} strike a bargain", "Call in {wild}'s debt"),
            },
        ),
        "finale_together": ChoiceText(
            prompts=("Last stand. Whose plan?", "{villain} raises {mcguffin_short}."),
            options={
                "plan": ("Trust {comp}'s plan", "Keep {villain} talking"),
                "solo": ("Face {villain} alone", "Spend all your magic"),
                "trade": ("Let {wild} make the trade", "Give {wild} the signal"),
            },
        ),
        "finale_alone": ChoiceText(
            prompts=("No one left beside you. What now?", "{wild} stands between you and {villain}."),
            options={
                "finish": ("Break {villain}'s power", "Take {mcguffin_short} by force"),
                "spare": ("Show {villain} mercy", "Lower your hand"),
            },
        ),
    },
    ending_titles={
        "triumph": ("The Bells of Morning", "A Song for the Ages", "The Kingdom Wakes"),
        "bittersweet": ("The Price of Magic", "Banished", "What the Kingdom Remembers"),
        "tragedy": ("The Last of the Fellowship", "Lanterns on the Wall", "The Road Alone"),
        "twist": ("The Thief's Coin", "A Letter in Green Wax", "Wings at Dawn"),
    },
    intense_lines=(
        ("villain", "angry", "Burn the village. Let them see what defiance costs.", {"violence": 2}),
        ("hero", "angry", "Touch them again and my magic will tear you apart.", {"violence": 2}),
        ("comp", "afraid", "There's blood on the snow. Whose is it?", {"gore": 1, "fear": 1}),
        ("hero", "angry", "Damn you, {villain}!", {"profanity": 1}),
        ("villain", "sly", "The dragon feeds tonight. I've promised it something sweet.", {"violence": 1, "fear": 2}),
        ("comp", "afraid", "The shadows are whispering my name. They want me to follow.", {"fear": 2}),
        ("wild", "sly", "One sip of faerie wine, and you'll forget your troubles for a hundred years.", {"drugs": 1}),
    ),
    calm_lines=(
        ("hero", "tired", "Rest. The road will still be here in the morning."),
        ("comp", "happy", "Look, there, above the mountains! A dragon, I swear it!"),
        ("hero", "neutral", "Listen. The forest is singing tonight."),
        ("comp", "tender", "Eat something. You look like a ghost who missed supper."),
        ("hero", "happy", "My grandmother said the stars are old heroes, watching. I hope they're enjoying this."),
    ),
    hooks=(
        "{villain} answered to something older, something that still sleeps beneath the mountains.",
        "The old books speak of a twin to {mcguffin_short}, hidden somewhere in the far north.",
        "{wild}'s silver coin bears a royal crest that should not exist.",
        "Beyond the mountains, a dragon has woken, and it is flying south.",
    ),
    moods=("epic", "magical", "heroic", "enchanted", "mythic", "whimsical"),
)
