// Written by dreamreel from story override_jezero_station_ad29560b; compile with inklecate or inkjs.
# title: The Override of Jezero Station
# story:override_jezero_station_ad29560b

VAR alive_iris = true
VAR alive_ruby = true
VAR alive_delia = true
VAR alive_lorna = true
VAR alive_mara = true
VAR alive_evelyn = true
VAR trust_delia = 0
VAR deal_e1 = false
VAR approach_e1 = "" // unset until an effect sets it; placeholder
VAR deal_e2 = false
VAR approach_e2 = "" // unset until an effect sets it; placeholder
VAR deal_e3 = false
VAR approach_e3 = "" // unset until an effect sets it; placeholder

-> e1_setup

=== e1_setup ===
Another night in Jezero Station, another client who will not pay. # beat:e1_setup # episode:1 # title:Opening: the life-support bay in Dome Two # role:setup # place:life_support_bay # time:night # weather:clear # tension:0.2 # episode_title:Last Call # cast:iris,lorna # setup # noir # scifi
Iris pours a short drink, then pours it back. Lorna drops a newspaper on the desk. # action
Lorna Doyle: You read the paper? Another body turned up last night. # speaker:lorna
-> e1_inciting

=== e1_inciting ===
The trouble arrives in good shoes. # beat:e1_inciting # episode:1 # title:The Offer: the Commons under the Great Dome # role:inciting # place:commons_under_great # time:day # weather:dust # tension:0.45 # cast:iris,delia,lorna # inciting # noir # scifi
A trumpet hits a sour note. Delia lights a match and lets it burn down to her fingers. # action
Delia Marlowe: I need the master override for the air plant back by Sunday, or twelve thousand people lose their air before the supply ship arrives. # speaker:delia
How does Iris work the case? # prompt # choice:e1_approach # timeout:10
+ [Raid the docks tonight # option:bold # bold]
    ~ approach_e1 = "bold"
    -> e1_bold
+ [Buy Delia a drink and listen # option:careful # default # careful]
    ~ approach_e1 = "careful"
    ~ trust_delia = trust_delia + 1
    -> e1_careful

=== e1_bold ===
Iris does not knock. # beat:e1_bold # episode:1 # title:Straight In: the plain outside the north airlock # role:escalation # place:plain_outside_north # time:dusk # weather:dust # tension:0.62 # cast:iris,lorna # bold # noir # scifi
Iris kicks the door and the room goes quiet. Lorna grabs a ledger off the table before anyone moves. # action
Lorna Doyle: They know we're here! # speaker:lorna # emotion:afraid
-> e1_subplot

=== e1_careful ===
Outside, footsteps stop and start again. Delia closes the curtain and finally sits down. # beat:e1_careful # episode:1 # title:Slow Play: an abandoned survey hab on the crater rim # role:escalation # place:abandoned_survey_hab # time:night # weather:dust # tension:0.5 # cast:iris,delia # careful # noir # scifi # action
Iris Reyes: Who else knows you had it? # speaker:iris
-> e1_subplot

=== e1_subplot ===
Ruby winds a pocket watch and does not look up. Delia stands very still. # beat:e1_subplot # episode:1 # title:Meanwhile: the director's suite on Deimos Station # role:subplot # place:directors_suite_deimos # time:night # weather:fog # tension:0.55 # cast:ruby,delia # subplot # noir # scifi # action
Ruby Vance: Your detective is persistent. I admire that in a dog. # speaker:ruby # emotion:sly
-> e1_crisis

=== e1_crisis ===
Lorna struggles against the ropes. Ruby sets the override on a crate between them. # beat:e1_crisis # episode:1 # title:The Trap: the reactor service shaft # role:crisis # place:reactor_service_shaft # time:night # weather:rain # tension:0.8 # cast:iris,lorna,ruby # crisis # noir # scifi # action
Ruby Vance: You can have your friend or your evidence, detective. Not both. # speaker:ruby # emotion:sly
Ruby wants an answer. # prompt # choice:e1_crisis # timeout:10
+ [Trade the override for Lorna # option:save # default # save]
    ~ alive_lorna = true
    -> e1_showdown
+ [Grab the override # option:press # press]
    ~ alive_lorna = false
    -> e1_showdown
+ {(trust_delia >= 1)} [Let Delia make a deal # option:deal # deal]
    ~ alive_lorna = true
    ~ deal_e1 = true
    ~ trust_delia = trust_delia - 1
    -> e1_showdown

=== e1_climax_together ===
Lorna circles left while Iris walks straight at Ruby, hands open, talking slow. # beat:e1_climax_together # episode:1 # title:Showdown: the control deck of the atmosphere plant # role:climax # place:control_deck_atmosphere # time:night # weather:rain # tension:0.95 # cast:iris,lorna,ruby # climax_together # noir # scifi # action
Lorna Doyle: Whatever you're going to do, do it now. # speaker:lorna # emotion:afraid
Ruby is at the edge. # prompt # choice:e1_finale # timeout:10
+ [Trust Lorna's plan # option:plan # default # plan]
    -> e1_triumph
+ [Go for the override # option:solo # solo]
    -> e1_bittersweet
+ {(deal_e1 == true)} [Give Delia the signal # option:trade # trade]
    -> e1_twist

=== e1_climax_alone ===
Delia steps out of the shadow between them, and for a second nobody knows whose side she is on. # beat:e1_climax_alone # episode:1 # title:Alone: the control deck of the atmosphere plant # role:climax # place:control_deck_atmosphere # time:night # weather:rain # tension:0.95 # cast:iris,ruby,delia # climax_alone # noir # scifi # action
Delia Marlowe: I never wanted it to go this far. # speaker:delia # emotion:afraid
No one left to help. What now? # prompt # choice:e1_last_stand # timeout:10
+ [Take the override by force # option:finish # default # finish]
    -> e1_tragedy
+ [Lower your hands # option:spare # spare]
    -> e1_bittersweet

=== e1_triumph ===
The headline reads like a prayer. # beat:e1_triumph # episode:1 # title:Triumph: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.3 # cast:iris,lorna # ending:e1_triumph # ending_kind:triumph # ending_title:Daylight # ending_triumph # noir # scifi
Iris tips the fedora to the dawn and, for once, almost smiles. # action
Lorna Doyle: We did it. We actually did it. # speaker:lorna # emotion:happy
-> e2_setup // episode 1 ends

=== e1_bittersweet ===
Ruby walks free by noon; money always finds a door. # beat:e1_bittersweet # episode:1 # title:At a Price: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.35 # cast:iris,ruby # ending:e1_bittersweet # ending_kind:bittersweet # ending_title:No Verdict # ending_bittersweet # noir # scifi
Ruby tips a hat on the way out of the hearing. Iris does not look away. # action
Ruby Vance: No hard feelings, detective. It's only business. # speaker:ruby # emotion:sly
-> e2_setup // episode 1 ends

=== e1_tragedy ===
Iris got the truth, and the truth got everyone else. # beat:e1_tragedy # episode:1 # title:The Cost: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.4 # cast:iris # ending:e1_tragedy # ending_kind:tragedy # ending_title:The Rain Keeps Falling # ending_tragedy # noir # scifi
Iris walks out into the rain without a coat and does not feel it. # action
Iris Reyes: Case closed. Somebody else can open the next one. # speaker:iris # emotion:tired
-> e2_setup // episode 1 ends

=== e1_twist ===
Delia kept every promise but the one that mattered. # beat:e1_twist # episode:1 # title:The Turn: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.45 # cast:iris,delia # ending:e1_twist # ending_kind:twist # ending_title:Lipstick on the Mirror # ending_twist # noir # scifi
A train whistle sounds across the yards. Iris does not run after it. # action
Delia Marlowe: You knew, didn't you? From the first night. # speaker:delia # emotion:sly
-> e2_setup // episode 1 ends

=== e2_setup ===
Jezero Station. # beat:e2_setup # episode:2 # title:Opening: the hydroponics terraces # role:setup # place:hydroponics_terraces # time:day # weather:rain # tension:0.24 # episode_title:Before Dawn # cast:iris,mara # setup # noir # scifi
The telephone rings twice and stops. Mara looks up from the files. # action
Mara Calloway: Rent's due Friday. The landlord says this time he means it. # speaker:mara
-> e2_aftermath

=== e2_aftermath_saved ===
Iris still has a partner and a headache. # beat:e2_aftermath_saved # episode:2 # title:Reunion: the hydroponics terraces # role:setup # place:hydroponics_terraces # time:day # weather:rain # tension:0.29 # cast:iris,mara,lorna # aftermath_saved # noir # scifi
Lorna limps in with two coffees and sets one down without a word. # action
Lorna Doyle: You came back for me. Nobody comes back in this town. # speaker:lorna # emotion:tender
-> e2_inciting

=== e2_aftermath_lost ===
Nobody came to the funeral but the rain. # beat:e2_aftermath_lost # episode:2 # title:Mourning: the hydroponics terraces # role:setup # place:hydroponics_terraces # time:day # weather:rain # tension:0.34 # cast:iris,mara # aftermath_lost # noir # scifi
Iris turns Lorna's photograph face down, then face up again. # action
Iris Reyes: Lorna said this town would eat me alive. Got the order wrong. # speaker:iris # emotion:sad
-> e2_inciting

=== e2_inciting ===
Delia walks into Docking Ring Three on Phobos Station like she owns it, and maybe she does. # beat:e2_inciting # episode:2 # title:The Offer: Docking Ring Three on Phobos Station # role:inciting # place:docking_ring_three # time:night # weather:fog # tension:0.49 # cast:iris,delia,mara # inciting # noir # scifi
Delia slides an envelope of cash across the table. It is too much money, which is the first warning. # action
Delia Marlowe: They tell me you can find things. I lost something. The master override for the air plant. # speaker:delia # emotion:sly
Delia is lying. What now? # prompt # choice:e2_approach # timeout:10
+ [Kick the door in # option:bold # bold]
    ~ approach_e2 = "bold"
    -> e2_bold
+ [Play it slow and follow Delia # option:careful # default # careful]
    ~ approach_e2 = "careful"
    ~ trust_delia = trust_delia + 1
    -> e2_careful

=== e2_bold ===
Crates splinter, a lamp swings, and Mara is pinned behind the crates while Iris draws the fire away. # beat:e2_bold # episode:2 # title:Straight In: the reactor service shaft # role:escalation # place:reactor_service_shaft # time:night # weather:rain # tension:0.66 # cast:iris,mara # bold # noir # scifi # action
Iris Reyes: Evening, gentlemen. I'm here about the override. # speaker:iris # emotion:determined
-> e2_subplot

=== e2_careful ===
Delia pours two glasses and pushes one across. Iris does not touch it. # beat:e2_careful # episode:2 # title:Slow Play: the shuttle Kestrel in Hangar Four # role:escalation # place:shuttle_kestrel_in # time:night # weather:fog # tension:0.54 # cast:iris,delia # careful # noir # scifi # action
Delia Marlowe: You want the truth? I took the override. Then someone took it from me. # speaker:delia # emotion:sad
-> e2_subplot

=== e2_subplot ===
Ruby burns a letter in the fireplace and watches Delia's face while it curls. # beat:e2_subplot # episode:2 # title:Meanwhile: the director's suite on Deimos Station # role:subplot # place:directors_suite_deimos # time:night # weather:fog # tension:0.59 # cast:ruby,delia # subplot # noir # scifi # action
Ruby Vance: How much does Iris know? # speaker:ruby
-> e2_crisis

=== e2_crisis ===
A clock ticks. Ruby gestures at Mara, then at the door, then at the override. # beat:e2_crisis # episode:2 # title:The Trap: the plain outside the north airlock # role:crisis # place:plain_outside_north # time:dusk # weather:dust # tension:0.84 # cast:iris,mara,ruby # crisis # noir # scifi # action
Mara Calloway: Forget me. That's everything we need right there. # speaker:mara # emotion:determined
Mara or the override? # prompt # choice:e2_crisis # timeout:10
+ [Save Mara # option:save # default # save]
    ~ alive_mara = true
    -> e2_showdown
+ [Let Mara take the fall # option:press # press]
    ~ alive_mara = false
    -> e2_showdown
+ {(trust_delia >= 1)} [Call in Delia's favour # option:deal # deal]
    ~ alive_mara = true
    ~ deal_e2 = true
    ~ trust_delia = trust_delia - 1
    -> e2_showdown

=== e2_climax_together ===
Neon flickers. Ruby backs toward the edge, the override held out over the drop. # beat:e2_climax_together # episode:2 # title:Showdown: the freighter Perihelion at the launch gantry # role:climax # place:freighter_perihelion_launch # time:night # weather:clear # tension:0.98 # cast:iris,mara,ruby # climax_together # noir # scifi # action
Ruby Vance: One step closer and the override takes the long way down. # speaker:ruby # emotion:sly
Last move. Whose plan? # prompt # choice:e2_finale # timeout:10
+ [Keep Ruby talking # option:plan # default # plan]
    -> e2_triumph
+ [Take Ruby yourself # option:solo # solo]
    -> e2_bittersweet
+ {(deal_e2 == true)} [Let Delia make the trade # option:trade # trade]
    -> e2_twist

=== e2_climax_alone ===
Ruby holds the override like a winning hand. Iris counts the steps to the edge. # beat:e2_climax_alone # episode:2 # title:Alone: the freighter Perihelion at the launch gantry # role:climax # place:freighter_perihelion_launch # time:night # weather:clear # tension:0.98 # cast:iris,ruby,delia # climax_alone # noir # scifi # action
Ruby Vance: Alone at last. Your friends keep leaving you, detective. # speaker:ruby # emotion:happy
Delia is between you and Ruby. # prompt # choice:e2_last_stand # timeout:10
+ [Finish it # option:finish # default # finish]
    -> e2_tragedy
+ [Let Ruby walk # option:spare # spare]
    -> e2_bittersweet

=== e2_triumph ===
By morning the papers have the whole story: the master override for the air plant, the names, the money. # beat:e2_triumph # episode:2 # title:Triumph: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.3 # cast:iris,mara # ending:e2_triumph # ending_kind:triumph # ending_title:The Headline # ending_triumph # noir # scifi
Mara buys two coffees with the reward money and hands one over. # action
Mara Calloway: So what now, partner? # speaker:mara # emotion:happy
-> e3_setup // episode 2 ends

=== e2_bittersweet ===
The case closes without a verdict. # beat:e2_bittersweet # episode:2 # title:At a Price: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.35 # cast:iris,ruby # ending:e2_bittersweet # ending_kind:bittersweet # ending_title:Business as Usual # ending_bittersweet # noir # scifi
Iris files the report nobody will read and turns off the lamp. # action
Iris Reyes: You won this round. # speaker:iris # emotion:tired
-> e3_setup // episode 2 ends

=== e2_tragedy ===
It is over. # beat:e2_tragedy # episode:2 # title:The Cost: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.4 # cast:iris # ending:e2_tragedy # ending_kind:tragedy # ending_title:Cold Coffee # ending_tragedy # noir # scifi
Iris sits alone at the counter of an all-night diner, the cup gone cold. # action
Iris Reyes: Funny. I always thought winning would feel like something. # speaker:iris # emotion:sad
-> e3_setup // episode 2 ends

=== e2_twist ===
The deal holds until it doesn't. # beat:e2_twist # episode:2 # title:The Turn: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.45 # cast:iris,delia # ending:e2_twist # ending_kind:twist # ending_title:The Long Goodbye # ending_twist # noir # scifi
Iris reads the note twice, folds it, and laughs for the first time in years. # action
Delia Marlowe: Don't look for me, detective. You'd only find me. # speaker:delia # emotion:tender
-> e3_setup // episode 2 ends

=== e3_setup ===
Jezero Station. # beat:e3_setup # episode:3 # title:Opening: the life-support bay in Dome Two # role:setup # place:life_support_bay # time:night # weather:clear # tension:0.28 # episode_title:The Big Lie # cast:iris,evelyn # setup # noir # scifi
Iris pours a short drink, then pours it back. Evelyn drops a newspaper on the desk. # action
Evelyn Cole: You read the paper? Another body turned up last night. # speaker:evelyn
-> e3_aftermath

=== e3_aftermath_saved ===
The city washed the last night off its streets, but not off Iris. # beat:e3_aftermath_saved # episode:3 # title:Reunion: the life-support bay in Dome Two # role:setup # place:life_support_bay # time:night # weather:clear # tension:0.33 # cast:iris,evelyn,mara # aftermath_saved # noir # scifi
Mara taps the old case file on the desk. There is still something they missed. # action
Mara Calloway: I owe you one. Don't ever collect. # speaker:mara # emotion:sly
-> e3_inciting

=== e3_aftermath_lost ===
Mara is gone, and Jezero Station did not even slow down. # beat:e3_aftermath_lost # episode:3 # title:Mourning: the life-support bay in Dome Two # role:setup # place:life_support_bay # time:night # weather:clear # tension:0.38 # cast:iris,evelyn # aftermath_lost # noir # scifi
Evelyn stands in the doorway, hat in hand, not sure whether to come in. # action
Evelyn Cole: I heard about Mara. I'm sorry. # speaker:evelyn # emotion:sad
-> e3_inciting

=== e3_inciting ===
Delia walks into the Commons under the Great Dome like she owns it, and maybe she does. # beat:e3_inciting # episode:3 # title:The Offer: the Commons under the Great Dome # role:inciting # place:commons_under_great # time:day # weather:dust # tension:0.53 # cast:iris,delia,evelyn # inciting # noir # scifi
Delia slides an envelope of cash across the table. It is too much money, which is the first warning. # action
Delia Marlowe: I need the master override for the air plant back by Sunday, or twelve thousand people lose their air before the supply ship arrives. # speaker:delia
How does Iris work the case? # prompt # choice:e3_approach # timeout:10
+ [Go straight at Ruby's men # option:bold # bold]
    ~ approach_e3 = "bold"
    -> e3_bold
+ [Tail Delia home # option:careful # default # careful]
    ~ approach_e3 = "careful"
    ~ trust_delia = trust_delia + 1
    -> e3_careful

=== e3_bold ===
Iris does not knock. # beat:e3_bold # episode:3 # title:Straight In: the plain outside the north airlock # role:escalation # place:plain_outside_north # time:dusk # weather:dust # tension:0.7 # cast:iris,evelyn # bold # noir # scifi
Iris kicks the door and the room goes quiet. Evelyn grabs a ledger off the table before anyone moves. # action
Evelyn Cole: They know we're here! # speaker:evelyn # emotion:afraid
-> e3_subplot

=== e3_careful ===
Delia pours two glasses and pushes one across. Iris does not touch it. # beat:e3_careful # episode:3 # title:Slow Play: an abandoned survey hab on the crater rim # role:escalation # place:abandoned_survey_hab # time:night # weather:dust # tension:0.58 # cast:iris,delia # careful # noir # scifi # action
Delia Marlowe: You want the truth? I took the override. Then someone took it from me. # speaker:delia # emotion:sad
-> e3_subplot

=== e3_subplot ===
Ruby winds a pocket watch and does not look up. Delia stands very still. # beat:e3_subplot # episode:3 # title:Meanwhile: the director's suite on Deimos Station # role:subplot # place:directors_suite_deimos # time:night # weather:fog # tension:0.63 # cast:ruby,delia # subplot # noir # scifi # action
Ruby Vance: How much does Iris know? # speaker:ruby
-> e3_crisis

=== e3_crisis ===
A clock ticks. Ruby gestures at Evelyn, then at the door, then at the override. # beat:e3_crisis # episode:3 # title:The Trap: the reactor service shaft # role:crisis # place:reactor_service_shaft # time:night # weather:rain # tension:0.88 # cast:iris,evelyn,ruby # crisis # noir # scifi # action
Evelyn Cole: Forget me. That's everything we need right there. # speaker:evelyn # emotion:determined
Ruby wants an answer. # prompt # choice:e3_crisis # timeout:10
+ [Save Evelyn # option:save # default # save]
    ~ alive_evelyn = true
    -> e3_showdown
+ [Let Evelyn take the fall # option:press # press]
    ~ alive_evelyn = false
    -> e3_showdown
+ {(trust_delia >= 1)} [Let Delia make a deal # option:deal # deal]
    ~ alive_evelyn = true
    ~ deal_e3 = true
    ~ trust_delia = trust_delia - 1
    -> e3_showdown

=== e3_climax_together ===
Evelyn circles left while Iris walks straight at Ruby, hands open, talking slow. # beat:e3_climax_together # episode:3 # title:Showdown: the control deck of the atmosphere plant # role:climax # place:control_deck_atmosphere # time:night # weather:rain # tension:0.98 # cast:iris,evelyn,ruby # climax_together # noir # scifi # action
Ruby Vance: One step closer and the override takes the long way down. # speaker:ruby # emotion:sly
Ruby is at the edge. # prompt # choice:e3_finale # timeout:10
+ [Keep Ruby talking # option:plan # default # plan]
    -> e3_triumph
+ [Go for the override # option:solo # solo]
    -> e3_bittersweet
+ {(deal_e3 == true)} [Let Delia make the trade # option:trade # trade]
    -> e3_twist

=== e3_climax_alone ===
Ruby holds the override like a winning hand. Iris counts the steps to the edge. # beat:e3_climax_alone # episode:3 # title:Alone: the control deck of the atmosphere plant # role:climax # place:control_deck_atmosphere # time:night # weather:rain # tension:0.98 # cast:iris,ruby,delia # climax_alone # noir # scifi # action
Delia Marlowe: I never wanted it to go this far. # speaker:delia # emotion:afraid
Delia is between you and Ruby. # prompt # choice:e3_last_stand # timeout:10
+ [Take the override by force # option:finish # default # finish]
    -> e3_tragedy
+ [Let Ruby walk # option:spare # spare]
    -> e3_bittersweet

=== e3_triumph ===
The headline reads like a prayer. # beat:e3_triumph # episode:3 # title:Triumph: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.3 # cast:iris,evelyn # ending:e3_triumph # ending_kind:triumph # ending_title:Clean Sweep # ending_triumph # noir # scifi
Evelyn buys two coffees with the reward money and hands one over. # action
Evelyn Cole: So what now, partner? # speaker:evelyn # emotion:happy
-> END

=== e3_bittersweet ===
Ruby walks free by noon; money always finds a door. # beat:e3_bittersweet # episode:3 # title:At a Price: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.35 # cast:iris,ruby # ending:e3_bittersweet # ending_kind:bittersweet # ending_title:The Price of Rent # ending_bittersweet # noir # scifi
Iris files the report nobody will read and turns off the lamp. # action
Iris Reyes: You won this round. # speaker:iris # emotion:tired
-> END

=== e3_tragedy ===
It is over. # beat:e3_tragedy # episode:3 # title:The Cost: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.4 # cast:iris # ending:e3_tragedy # ending_kind:tragedy # ending_title:Last Man Standing # ending_tragedy # noir # scifi
Iris walks out into the rain without a coat and does not feel it. # action
Iris Reyes: Case closed. Somebody else can open the next one. # speaker:iris # emotion:tired
-> END

=== e3_twist ===
Delia kept every promise but the one that mattered. # beat:e3_twist # episode:3 # title:The Turn: the observation deck on the crater rim # role:resolution # place:observation_deck_crater # time:dawn # weather:clear # tension:0.45 # cast:iris,delia # ending:e3_twist # ending_kind:twist # ending_title:One Way Ticket # ending_twist # noir # scifi
Iris reads the note twice, folds it, and laughs for the first time in years. # action
Delia Marlowe: Don't look for me, detective. You'd only find me. # speaker:delia # emotion:tender
-> END

=== e1_showdown ===
// segment group: Lorna Doyle is at the showdown, or is lost
{(alive_lorna == true): -> e1_climax_together}
-> e1_climax_alone

=== e2_aftermath ===
// segment group: Lorna Doyle survived episode 1, or did not
{(alive_lorna == true): -> e2_aftermath_saved}
-> e2_aftermath_lost

=== e2_showdown ===
// segment group: Mara Calloway is at the showdown, or is lost
{(alive_mara == true): -> e2_climax_together}
-> e2_climax_alone

=== e3_aftermath ===
// segment group: Mara Calloway survived episode 2, or did not
{(alive_mara == true): -> e3_aftermath_saved}
-> e3_aftermath_lost

=== e3_showdown ===
// segment group: Evelyn Cole is at the showdown, or is lost
{(alive_evelyn == true): -> e3_climax_together}
-> e3_climax_alone
