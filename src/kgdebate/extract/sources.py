"""The source a text names for a figure, for the curator's `source:`.

A sentence names it ("according to the UN", "a survey taken in July by KIIS", "Erdoğan's
spokesman said", "the UN's 2023 appeal counted", "military analysts put it at"), or points back at
one named before ("The survey found that 84%", "The appeal sought $5.6 billion"): then the source
whose survey or appeal it was, else the source named last. A source is written as a curator
writes it: no "the", no titles, a person in full once the text has named them in full, a vague
source ("other accounts") as what it is.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import chain

from kgdebate.extract.figures import A_YEAR, SIGNS
from kgdebate.extract.layout import LIST_MARKER, table_cells, table_rows_above, unwrapped
from kgdebate.extract.names import (
    COMPANY_ENDINGS,
    DEMONYM,
    DETERMINERS,
    JOINED_DEED,
    NOT_ALONE,
    NUMBERS,
    OF_THE,
    OPENS_AFTER,
    PERSON_TITLES,
    STOP_NAMES,
    TITLES,
    without_titles,
)
from kgdebate.extract.spans import SpanIndex
from kgdebate.extract.trie import one_of

TIME_NAME = "|".join([m for m in calendar.month_name if m] + list(calendar.day_name))
MILITARY_UNIT = r"(?:Brigades?|Army|Armies|Division|Corps|Battalions?|Regiments?|Fleet|Squadron)\b"
SOURCE_NAME = (  # a name, joined by "of", "for", "and", "on", "the": "Bank of Russia", "RFE/RL",
    # "Office of the United Nations High Commissioner for Human Rights"; never into a time
    # ("UNHCR on Monday"); never a request's "Please" ("Please report on the remaining 57 centres")
    # never common words joined by hyphens that open a sentence before what they describe
    # ("Open-source trackers logged"; not "Newcastle-upon-Tyne City Council", "Inter-agency
    # Standing Committee", "targeted by the UN-coordinated plan")
    # nor a question's word ("Who said 40 jobs would be saved?")
    rf"(?!Please\b|(?-i:Who|Whom|Whose|What|Which|Why|How)\b)"
    rf"(?!(?<![^\n])[A-Z][\w.'’/&]*(?:-[a-z][\w.'’/&]*)+ [a-z])"
    rf"(?:\d{{1,3}}(?:st|nd|rd|th) (?=(?:[A-Z][\w'’-]* ){{0,3}}{MILITARY_UNIT}))?"  # "the 3rd
    # Assault Brigade", not "the 5th Floor"
    r"[A-Z][\w.'’/&-]*"
    rf"(?:(?:{OF_THE}|\s+(?:of|for|and|on|the))\s+(?!(?:{TIME_NAME})\b)"
    r"[A-Z][\w.'’/&-]*"
    r"|\s+[A-Z][\w.'’/&-]*)*"
    r"(?:\s+plc\b)?"  # a company's suffix in lower case: "Example Power plc told us"
)
AUTHORITIES = [  # an authority of a kind, never power ("delegated its authority in the camps")
    f"{kind} authority"
    for kind in "port local regional harbour customs health education housing transport".split()
]
KIN = (  # one's own, as a feature or an interview names them ("his sister told me", "my aunt
    # in Odesa says"): whose one is is part of who one is
    "sister brother mother father wife husband son daughter cousin aunt uncle niece nephew "
    "grandmother grandfather friend neighbour neighbor colleague"
).split()
WHOSE_KIN = ("my", "his", "her", "our", "their")
ONE_S_KIN = re.compile(rf"(?i:{'|'.join(WHOSE_KIN)}) (?i:{one_of(KIN)})\b")  # "my cousin …"
AFTER_WHOSE = "|".join(rf"(?<=\b(?i:{whose}) )" for whose in WHOSE_KIN)  # (each of fixed width)
VAGUE_NOUNS = (  # a source a text names without a name: "military analysts", "a staffer"
    "analyst journalist official authoritie expert observer account utility utilitie "
    "association source diplomat researcher monitor tallie staffer spokesperson aide insider "
    "broker trader resident witness pollster organiser organizer moderator economist partner "
    "commentator agencie volunteer group adviser advisor ambassador envoy negotiator mediator "
    "operator worker military army armie navy navie insurer driver shipper shipowner post "
    "agent guard administration blogger delegation media unions correspondent reporter dealer "
    "host sapper deminer practitioner contact master engineer lawyer bodie teacher desk trackers"
).split() + ["union leader", *AUTHORITIES]
ROLE_NOUNS = (  # an office or a body by what it is: "Ukraine's foreign minister", "the
    # regional governor", "Russia's defence ministry", "the Russian embassy in Washington"
    "minister ministry ministrie government office officer mayor governor president premier "
    "department intelligence "
    "chancellor embassy embassie spokesman spokeswoman prosecutor commander staff bank secretariat "
    "mission council service regulator"
).split()
VAGUE_NOUN = (  # (a trie: tried at every word); "people" only as those who know of it; a role
    # in lower case only: "the Office of the UN High Commissioner" is a name
    rf"(?:(?i:(?:{one_of(VAGUE_NOUNS)})(?:e?s)?"
    r"|people(?= (?:familiar with|close to|involved in|briefed on|with knowledge of)\b))"
    rf"|(?-i:(?:{one_of(ROLE_NOUNS)})(?:e?s)?)"  # (the whole word: not "presidential")
    # one of a body, only as that: "a member of the delegation", not "Committee members put"
    r"|(?i:members?)(?= (?:of|for) )"
    # who do something, after where they are from: "Ukrainian deminers", "Polish farmers"
    r"|(?<=(?:ian|ean|ese|ish|ern) )(?-i:[a-z]{3,}(?:ers|ors|ists))"
    # one's own, one of them: "his sister", "my aunt" (not "our brothers in the region", as a
    # speech calls other states)
    rf"|(?:{AFTER_WHOSE})(?i:{one_of(KIN)})(?!['’]))\b"  # (not "my colleague's report")
)
VAGUE_SOURCE = (  # with up to two words before it, none that starts a phrase of its own
    # ("by European ministers", "quoting sources")
    # nor "which military analysts say": who they are starts after "which"
    # ("a senior Ukrainian official": an article, then two words)
    rf"(?<![\w'’-])(?:(?i:an?|one) )?"  # (not from inside a word: "40-odd staff")
    rf"(?:(?!(?i:by|of|citing|quoting|which|that|who|whom|whose|where)\b)"
    r"[A-Za-z-]+(?:['’]s|s['’])? )"  # ("the vessels' masters")
    rf"{{0,2}}(?:(?i:sub|co|vice|deputy|ex)-)?{VAGUE_NOUN}"  # ("Sub-agents in Izmail" whole)
    r"(?! (?!I )[A-Z][\w'’-]*[ ,.;:])"  # never a name's first words ("the Example Utilities Forum")
)
TIME = re.compile(TIME_NAME)
BODY_NOUNS = (  # what a text calls a body it named before: "the agency", "the centre"
    r"agency|institute|organi[sz]ation|tracker|monitor|observatory|federation|association"
    r"|cent(?:re|er)"
)
A_BODY = re.compile(  # what "the group said" may stand for: a body named before
    rf"{BODY_NOUNS}|group|hub|coalition|network|charity|project|foundation|fund|mission|union"
    r"|trust|cluster"
)
NAMED_SO_ONLY = (
    "regulator", "authority", "watchdog", "inspectorate", "ombudsman", "administration",
    "directorate", "brigade", "battalion", "regiment",
)  # fmt: skip
"""What a text calls a body it named before whose name says it is one, and no other: "The
regulator said" after the Example Energy Regulator (not after a company it regulates)."""
POINTED_BODY = (  # and what else a text calls one it named before as it says something: "The
    # council said", "Prices, the bank said, rose 12%", "The consultancy expects"
    rf"{A_BODY.pattern}|body|outlet|newspaper|paper|site|website|broadcaster|ministry|council|bank|firm"
    r"|consultancy|office|bureau|commission|committee|department|service|company|alliance|desk"
    rf"|{'|'.join(NAMED_SO_ONLY)}"
)
POINTED_PERSON = (  # what it calls a person it named before: "the former president wrote"
    r"president|minister|spokes(?:man|woman|person)|governor|ombudsman|director|secretary"
    r"|envoy|ambassador|mayor|chancellor|premier|commander|prosecutor|chair(?:man|woman)?"
)
POINTED = rf"(?:[a-z-]+ ){{0,2}}(?P<noun>{POINTED_BODY}|(?P<person>{POINTED_PERSON}))"
A_PERSON_CALLED = re.compile(rf"(?:[a-z-]+ ){{0,2}}(?:{POINTED_PERSON})")
ONE_OF_A_BODY = (
    "official", "member", "members", "spokesperson", "spokesman", "spokeswoman", "contact"
)  # fmt: skip
OFFICE_OF = ("mayor", "governor", "president", "commander", "prosecutor")
"""The office of a place or a body, named: "the mayor of Exampleford" (not Exampleford), not
"the wife of the mayor of Exampleford", nor "the mayor of the town" (which town, said before)."""
ASKED_BY = r"(?:polled|surveyed|questioned|interviewed) by"  # (who asked them follows)
NARROWED = (  # what narrows a vague source down: "in Odesa", "involved in the talks", "at the
    # Ministry of Example Development", "to one European finance minister"; never a time ("in
    # January"), which may stand between it and what it says
    r"(?: (?:(?:involved|working|based|serving|stationed|familiar) )?"
    r"(?:in|at|from|on|with|to|close to"
    # one person of a body: "an official of the Example Ministry of Trade", "a member of the
    # Ukrainian delegation", "a spokesperson for the Board" (not "the Group of Seven")
    + "".join(f"|(?<={one} )(?:of|for)" for one in ONE_OF_A_BODY)
    + "".join(rf"|(?<!\bof the {one} )(?<={one} )of(?= (?:the )?[A-Z])" for one in OFFICE_OF)
    + r")"
    rf" (?!(?:{TIME_NAME})\b)(?:the )?(?:[A-Za-z][\w’'-]* ){{0,4}}"
    r"(?![a-z]+ly\b|(?:that|which|who|and|but|has|have|had)\b)[A-Za-z][\w-]*"
    # who asked them, by name or in a word or two: "economists polled by the Example Wire",
    # "witnesses questioned by investigators"
    rf"| {ASKED_BY} (?:the )?"
    rf"(?:{SOURCE_NAME}|[a-z]+(?: [a-z]+)?))?"
)  # not the adverb after it: "several diplomats in Brussels privately put it at"; nor the word
# that opens what they say ("… at the Ministry of Example Development that …"), nor the
# auxiliary of the verb that says it ("officials at the ministry have put it at")
NARROWED_TWICE = rf"(?:{NARROWED}){{0,2}}"  # "at one distribution point in Zaporizhzhia"
WHO_CLAUSE = (  # "who asked not to be named"; "I talk to", as an interview says it
    r" who (?:[a-z]+ ){0,5}?[a-z]+"
    r"|(?: (?:I|we) (?:have )?(?:talk|talked|spoke|speak|spoken) (?:to|with))"
)
# Who they are by what they do, in a few words that end at a comma: "the dealers who submitted
# bids," (never a figure, a date or a name in them: "analysts who estimate losses at $3 billion")
WHAT_THEY_DO = r" who (?:[a-z]+ ){0,4}[a-z]+(?=,)"
ASSUMES = r"assume[sd](?= that\b)"  # "The ministry assumes that 90% of it is repaid"
WHEN_SAID = rf"(?: (?:in|on|last|this|earlier this) (?:{TIME_NAME}|week|month|year))?"
A_FIGURE_AT = (
    rf"at (?:[a-z]+ ){{0,2}}(?:[{SIGNS}]|[A-Z]{{3}} ?)?\d"  # "at about £46,000", "at UAH 36"
)
BY_AN_AGENT = r"(?! by (?!(?:tele)?phone|post|e-?mail|drone|satellite|text|video|internet)\b)"
SAYS = (  # "X said", "X has estimated", "X later reported"
    r"(?:(?:has|have|had|also|further|later|earlier|previously|now|then|privately|publicly"
    r"|reportedly"
    r"|recently|separately|independently|officially|initially|originally|repeatedly|rightly"
    r"|openly|today|yesterday) )*"  # "privately put it at", "has rightly warned", "today
    # appealed for"; not "firmly believes"
    # ("were told": the one told, not who told them)
    r"(?:said|says|spoke of|speaks? of"
    r"|(?<!\bwere )(?<!\bwas )(?<!\bbeen )(?<!\bbeing )(?<!\bare )(?<!\bis )(?<!\bbe )told"
    r"|estimated|estimates|counted|counts|reported|reports"
    r"|put|puts|(?:is |are )?asking(?= (?:[a-z]+ )?for\b)"  # "is asking donors for"
    rf"|(?:had|has|have) it(?= {A_FIGURE_AT}"
    r"| at (?:[a-z]+ ){0,2}(?:one|two|three|four|five|half|a (?:third|quarter|fifth))\b)"
    # ("the desk had it at 0.6%", "at UAH 36.6", "at about one in three", as "put it at"; not
    # "NATO had it at Rzeszów airport")
    # ("find themselves at risk": where they are, no finding)
    r"|found(?! (?:themselves|itself|ourselves)\b)|finds(?! (?:themselves|itself)\b)"
    r"|recorded|records|appealed(?: to [a-z]+)? for|sought(?! to\b)|seeks(?! to\b)|noted|notes"
    r"|wrote|writes|stated|states(?= that\b)"  # (not "member states say")
    r"|announced|confirmed|calculated|calculates|projected|projects|forecast|forecasts|predicted"
    r"|predicts"
    r"|showed|shows|registered|say|estimate"
    r"|measured|measures|posted|listed|lists|repeated|repeats"  # "KIIS measured 80% in October"
    r"|verified|verifies|documented"  # "OHCHR has verified 9,806 civilian deaths"
    r"|register|registers|reckon|reckons|reckoned"  # "Shelters in Kharkiv register 400 a week"
    r"|logged|logs"  # "The Example Maritime Tracker has logged 84 ships"
    r"|assessed|assesses|conceded|concedes|acknowledged|acknowledges|admitted|admits"
    r"|(?:is |are )?seeking(?! to\b)"  # "UNHCR is seeking $1.1 billion"
    r"|set aside|sets aside|earmarked|earmarks|allocated|allocates"  # a pledge's author's
    r"|agreed to (?:spend|provide|give|lend|allocate)"  # "The EU has agreed to spend €50 billion"
    # "UNHCR added that …", not "the World Bank added $37.5 billion"
    # (a label's noun is no verb: "9. Market note (for information only): …")
    r"|(?:report|note|count)(?! ?[(:])|find(?! (?:themselves|ourselves)\b)|recalled"
    r"|added(?= that\b|[,.:]|$)"
    # (not "economists polled by the agency": who they are; "polled by phone 800 people" is)
    rf"|asked|asks|polled{BY_AN_AGENT}|polls"
    rf"|surveyed{BY_AN_AGENT}|surveys|interviewed{BY_AN_AGENT}"  # "EPI interviewed 1,204 adults"
    r"|claim|claims|claimed|insist|insists|insisted|warn|warns|warned|suggest|suggests"
    r"|proposes(?= to\b)|proposed(?= to\b)"  # a proposal, as a pledge, is its author's figure
    rf"|{ASSUMES}"
    # "costs our pledges at €2.1bn" (not "Shipping costs rose 12 percent at Odesa")
    r"|cost(?:s|ed)(?= (?:our|its|their|his|her|the) (?:[^\W\d][\w'’-]* ){0,3}at\b)"
    r"|suggested|believe(?! in\b)|believes(?! in\b)|describe|describes|described|tell|tells"
    r"|remind|reminds|reminded|argue|argues|argued|replied|replies|responded|countered"
    r"|cautioned|cautions|pledged|pledges"  # a pledge, like an appeal, is its author's figure
    # "Insurers in London quote … at about 1%" (not "quoted by", nor whom: "quoted Sergey …")
    r"|quote|quotes|quoted(?! (?:by|in|as)\b| [A-Z])"
    r"|identified|identifies|traced|traces"  # "The Centre identified at least 2,300 posts"
    # a sum promised, like one pledged ("promised $12 million", "committed €7.5 million")
    # or one promised, as a pledge is: "promises in its design statement that 70% of the flats"
    # ("Election promises that …": a plural)
    r"|promised(?=(?: in (?:its|their|his|her|the) [^,;.]{1,40})? that\b)"
    r"|promises(?= in (?:its|their|his|her|the) [^,;.]{1,40} that\b)"
    r"|(?:promised|promises|committed|commits|offered|offers|(?:will )?match(?:es)?)"
    r"(?= (?:me |us |them )?(?:another |a further )?"
    rf"(?:(?:up to|about|some|nearly|almost|more than) )?(?:[{SIGNS}]|US\$|EUR ?\d|USD ?\d))"
    # what one expects a number to do: "The IMF sees growth of 3%", "officials see a drop"
    r"|(?:see|sees|saw)(?= (?:an? )?(?:[a-z]+ )?(?:drop|fall|rise|decline|growth|increase"
    r"|losses|loss|gains|gain|cut|contraction|deficit|surplus)\b"
    r"| (?:it|them|prices|rates) (?:easing|rising|falling|climbing|dropping)\b)"  # "sees it easing"
    r"|(?:expect|expects|expected)(?! to\b)"  # "expects the treaty to take", not "expects to …"
    # "gave 21.8 million", "gave a figure of": never "gave shelter to"
    r"|(?:gave|gives|give)(?= [\"“]?(?:an? |the |its |their |that |this )?"
    r"(?:(?:lower|higher|smaller|larger|different|new|similar) )?(?:figure|number"
    r"|estimate|count|total|tally|\d|about|around|nearly|almost|some|more|over|at least)))"
    # not "confirmed its commitment": a pledge, not a report; not "gold …, calculated to be
    # worth": a participle
    r"(?! (?:its|their|our|his|her) (?:commitment|support|intention|readiness|position"
    r"|willingness|determination|resolve|solidarity)\b| to be\b"
    r"| (?:yes|no)\b(?! (?:more|less|fewer|longer)\b))"
    # nor "has said yes to talks": an answer, not a report ("said no more than 10%" is one)
)
REPORTS = (  # what one pointed back at says ("It verified", "…, the bank said"): fewer words
    # than SAYS, as "it" and "they" do much else ("It claimed 250,000 lives", "They also
    # reminded rich polluters", "It has concluded 27,000 treaties", "it lists")
    r"(?:(?:also|later|then|now|still|has|have|had) )?(?:found|finds|counted|counts|estimated"
    r"|estimates|count|say|report|estimate|expect|logged|logs"
    r"|reported|reports|added|adds|said|says|noted|notes|told|tells|put|puts|verified|verifies"
    r"|calculated|calculates|recorded|records|registered|wrote|writes"
    r"|expects|expected|projected|projects|assessed|assesses|showed|shows|stated|confirmed"
    rf"|{ASSUMES})"
)
DELIVERED = (  # what an aid body or a donor did, counted: its own figure
    r"delivered|cleared|repaired|distributed|evacuated|trained|disbursed|rebuilt|restored"
    r"|treated|vaccinated|sheltered|housed|supplied|funded|financed|registered|assisted|helped"
    r"|supported|reached|processed|screened|demined|installed|handed out|served"
    r"|imposed|opened|issued|froze|fined"  # an enforcer's: "It imposed penalties of €18.6m"
)
QUANTIFIERS = DETERMINERS | {"most", "many", "some", "few"}
"""Words before a vague source that say how much of it: part of it ("most published accounts")."""
OWN_BODY = re.compile(
    r"(?i:my|our) (?:[a-z]+ ){0,2}?(?:government|ministry|country|department|office|agency|embassy"
    r"|mission|services?)"
)
"""The speaker's own body, as a speech names it: the source as written."""
OUTLET = r"newsletter|newspaper|agency|website|channel|broadcaster|daily|weekly|group"
WORK = (
    r"appeal|survey|poll|polling|study|paper|report|tally|count|estimate|write-up|article|wave"
    r"|assessment|forecast|review|bulletin"
)
"""What a source makes, and a later sentence may point back at ("the appeal", "the survey")."""
# "Early estimates suggest", "Recent surveys show": a vague work, not a name "Early"
VAGUE_WORKS = (
    "estimates|surveys|figures|data|studies|reports|assessments|statistics|polls|projections"
    "|calculations"
)
VAGUE_WORK = re.compile(
    r"(?<!['’]s )"  # (not whose they are: "the Example Grain Monitor's latest data")
    r"\b(?P<by>(?i:early|recent|preliminary|initial|official|unofficial|conservative"
    r"|independent|international|national|local|latest|reliable|credible|available|provisional"
    r"|revised|updated|current|other|some|government|first|new|various|several)"
    rf" (?:{VAGUE_WORKS})"
    # records an office keeps, that show it, opening the sentence or its last clause ("…,
    # customs records show"; not "broke national records", "the council records 300 arrivals",
    # "since government records began", "requested court records")
    r"|(?:(?<![\s\S])|(?<=, ))"
    r"(?i:customs|court|official|government|public|police|hospital|council|port) records"
    r"(?= (?:show|shows|showed|suggest|suggests|indicate|indicates|put|reveal|reveals|revealed)\b))"
    r"\b"
    # (not those someone made: "Official figures released by Rosstat" are Rosstat's)
    r"(?!,? (?:released|published|compiled|produced|issued|collected|gathered) by\b)"
)
OFFICE_TITLE = r"(?:President|Secretary|Minister|Chair|Chairman|Chairwoman|Director|Head|Speaker)"
# What a work is, not whose, capitalised where it opens a sentence: "Telephone polls", "Exit polls"
WORK_KINDS = (
    "telephone phone online internet household exit opinion street postal field government "
    "official preliminary provisional final early recent latest new national regional local "
    "independent annual monthly weekly daily quarterly public private internal customs trade "
    "shipping satellite census"
).split()
NAMED_WORKS = rf"{WORK}|figure|data|calculation|database|tracker"  # "Reuters calculations"
A_KIND_OF_WORK = rf"(?i:{one_of(WORK_KINDS)}) (?:{NAMED_WORKS})s?\b"  # ("Exit polls gave")
NAME_SAYS = re.compile(  # not one wanted added ("Russia wanted Belarus added"), nor whom an
    # appeal is for ("the UN's appeal for Ukraine asked for $5.6 billion": the UN's), nor a
    # note's label ("[Translator's note: …]")
    r"(?<!\bwanted )(?<!\bwants )(?<!\bwant )(?<!\bappeal for )(?<!\bplan for )"
    rf"(?![A-Z][\w-]*['’]s notes?\b|{A_KIND_OF_WORK})"
    # (an office named whole: "The President of the General Assembly", not "The President")
    rf"(?P<by>(?:(?:[Tt]he )?{OFFICE_TITLE} of the )?"
    rf"{SOURCE_NAME}(?:['’]s (?:spokes(?:man|woman|person)|office|press service))?)"
    r"(?:\*\*?(?=,))?"  # a name in bold opening a witness's paragraph: "**Dr Ilse Example**,"
    r"(?:, \d{1,3}(?=,))?"  # an age: "Kateryna Example, 42, a nurse in Kharkiv, said"
    r"(?: \([A-Z][\w./-]*\))?"
    rf"(?: (?:{OUTLET}))?(?: of (?:the )?{SOURCE_NAME})?"
    r"(?: at the [a-z]+(?: [a-z]+)?(?= (?:told|said|says)\b))?"  # "Mrs Example-Boyd at the job
    # centre told me"
    # "…, of the Example Trade Council," "…, formerly of the Defence Staff," "…, director of …,"
    rf"(?: and (?:its|their) \w+|, (?:(?:an?|the|which|whose|our|its|their) "
    rf"|(?!citing|quoting)[a-z]+ing |(?:[a-z]+ ){{0,3}}(?:of|at|for) |(?:to|in|with|for) which )"
    rf"[^,;.]{{1,90}},"
    # "Amara Example, Director of Operations at the Office for … (OCHA), said"
    rf"|, (?:[A-Z][a-z-]+ ){{1,3}}(?:of|at|for) [^,;.]{{1,90}},"
    rf"|, who [^,;.]{{1,90}},|, (?:as )?(?:quoted|cited) by [^,;.]{{1,60}},|, for [^,;.]{{1,60}},"
    r"|, (?:he|she|they|it) (?:added|said|noted|argued),"  # "The Russian Federation, he added,"
    r"|, (?:more|less|far|much|rather|slightly) [a-z]+,"  # "the Monitor, more hopeful, says"
    # when, or what was done to it: "UNHCR, on Tuesday, said", "The Monitor, set up in 2019 by
    # former diplomats, counted"
    rf"|, (?:on|last|this|early|late|earlier|later) [^,;.]{{1,30}},"
    rf"|, (?:[a-z]+ed|set up|run|led|built|founded) [^,;.]{{1,60}},"
    rf"|, in (?:its|their|his|her|an?|the) [^,;.]{{1,60}},)?,?"  # ", in its April outlook,"
    # what it does before it says ("holds files on 3,100 detainees and says")
    r"(?: (?:holds|keeps|runs|tracks|monitors|follows|represents) (?:[^,;.]|[,.](?=\d)){1,60}?"
    r" and)?"
    rf"{WHEN_SAID} {SAYS}\b(?! {SAYS}\b)"
    r"(?! (?:now )?[\d,]+ (?:members|member states)\b)"  # "NATO counts 31 members": it has them
)
"""One named who says it: "X said", "X's spokesman said", "the United Nations and its
partners appealed for", "the Lab, a research group in Riga, estimates"."""
# "The UN launches a $5.6 billion appeal", "OCHA launched an appeal for $3.9 billion": the sum
# asked for is its author's figure (not what another says after "When the UN launched its appeal")
APPEAL_LAUNCHED = re.compile(  # also "The UN and its partners launched the appeal, asking for $…"
    rf"(?P<by>{SOURCE_NAME})(?: and (?:its|their) \w+)? (?:launched|launches|launch|issued|issues"
    rf"|opened|opens) (?:an?|its|their|the) (?:[^;]{{0,12}}[{SIGNS}][^;]{{0,30}}?\bappeal\b"
    rf"|(?:[\w-]+ )?appeal for (?:about |nearly |almost |some |more than |over )?[{SIGNS}]"
    rf"|(?:[\w-]+ ){{0,3}}appeal\b[^.;{SIGNS}]{{0,60}}?\b(?:asking|seeking|calling) for"
    rf" (?:about |nearly |almost |some |more than |over )?[{SIGNS}])"
)
# A tracker's record line "Example Development Bank (EDB) – $250 million in loans, announced at
# the opening session": a pledge is its donor's figure, whoever relays the announcement
PLEDGE_LINE = re.compile(
    rf"^(?P<by>{SOURCE_NAME})(?: \([A-Z][\w./-]*\))? [–—] [^\n–—]*?"
    r"\b(?:announced|pledged|committed|promised|offered)\b"
)
# A paper's authors and year as the subject, as scholars write: "Marsh and Okonkwo (2024)
# attribute …", "Hale et al. (2023) find" (any verb: "reads", "attribute", "estimate")
AUTHOR_YEAR = re.compile(
    r"(?<![\w(])(?P<by>[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+| et al\.?)?) \((?:19|20)\d\d[a-z]?\),?"
    r" (?:also |further |then )?[a-z]{3,}\b"
)
# "Martin Griffiths of the UN, who put the number … at": the one who says it
# (not "Moscow, who asked not to be named": the one asking it is the official before)
WHO_SAYS = re.compile(  # also after who they are, and with when: "Martin Griffiths, the UN's
    # relief chief, who in February put the number … at"
    rf"(?P<by>{SOURCE_NAME})(?: of (?:the )?{SOURCE_NAME})?"
    rf"(?:, (?:an?|the) [^,;.]{{1,60}})?, who{WHEN_SAID} (?!asked not\b){SAYS}\b"
)
# "the Kyiv International Institute of Sociology, which found in July 2022 that"; not "NATO,
# which now counts 31 members": what it has, not what it found
WHICH_FOUND = re.compile(
    # ("the Example Recovery Observatory (ERO), which"; not "the Consumer Prices Index (CPI)")
    rf"(?P<by>{SOURCE_NAME})(?:(?<!Product)(?<!Index)(?<!Report)(?<!Scheme)(?<!Rate)"
    r" \([A-Z]{2,}\))?, which (?:also |later )?"
    r"(?:found|finds|reported|reports"
    r"|estimated|estimates|showed|shows|recorded|records|published|put|puts|says|said|counted"
    r"|counts|logged)\b(?! (?:now )?[\d,]+ (?:members|allies|states|countries)\b)"
)
# who says it after it: "…,” said Martin Griffiths", "…, say Ukrainian officials", "…, estimates
# the Example Sanctions Lab"
SAYING_AFTER = (
    r"[,”\"] (?:said|says|say|wrote|writes|noted|notes|estimates|estimate|reported|reports) "
)
SAYS_AFTER = re.compile(
    rf"{SAYING_AFTER}(?P<by>{VAGUE_SOURCE}(?:{NARROWED_TWICE}|{WHO_CLAUSE})|(?:the )?{SOURCE_NAME})"
)
# A word of what one is called: never a relative, an article, a superlative, a preposition, a
# conjunction or a pronoun ("a move the finance ministry said", "a sum that his lawyer said",
# "the lowest ever reported", "The group of seven said")
NP_WORD = (
    r"(?!(?:the|a|an|that|which|who|whose|ever|yet|of|for|to|in|on|at|by|with|from|and|but|or"
    r"|while|he|she|it|they|we|i)\b)[a-z'’-]+(?<!est)"
)
# and the last word, what one is: nor the word before what says it ("The report also says"),
# a time ("The next morning he said", "The first quarter reported") or a work, which says what
# its maker says ("The annual report says": UNHCR's, named before)
NP_HEAD = (
    r"(?!(?:also|further|later|now|then|still|only|just|already|has|have|had|is|are|was|were"
    r"|first|he|she|it|they|we|day|morning|evening|night|week|month|year|quarter|time|round"
    rf"|half|{WORK})\b)[a-z-]+(?<!est)(?<!ly)"
)


def _by_what_it_is_called(says: str) -> str:
    """One named by what it is, before what ``says`` it: "a sailor", "my cousin in Kraków",
    "the council's resettlement team" (not "the" and one word, nor a word for one named before:
    "the outlet says" points back)."""
    return (
        rf"(?:(?:[Aa]n?|[Oo]ne|[Mm]y) (?:{NP_WORD} ){{0,3}}?"
        rf"|[Tt]he (?!(?:same|other|latter|former|rest)\b|{POINTED} {says})(?:{NP_WORD} ){{1,3}}?)"
        rf"{NP_HEAD}(?: in [A-Z][\w-]+)?"
    )


# who says it, after it, named by what it is: "…, the air force said", "…, the council's
# resettlement team told us in June", "…; a sailor told me" (tried after all else: a body
# named is found first)
SAID_AFTER_BY_WHAT = (
    r"(?:said|says|reported|reports|told (?:us|me|reporters)|confirmed|noted|wrote|writes)"
)
SAID_BY_WHAT_IT_IS = re.compile(
    rf"(?<=[,;] )(?P<by>{_by_what_it_is_called(SAID_AFTER_BY_WHAT)}) {SAID_AFTER_BY_WHAT}"
    r"(?=[.;,:]| (?:in|on|last|this|earlier|yesterday|today)\b|$)"
)
# and before it: "My forwarder says you charged them $275", "a border guard told me 40 had
# crossed"
SAID_BEFORE_BY_WHAT = (  # (not "claimed": "A cyclone claimed 40 lives")
    r"(?:says|said|told (?:us|me|reporters)|reckons|reckoned|estimates|estimated|reported|reports"
    r"|writes|wrote)"
)
# and one who reckons a figure "puts" it at so much, the figure right after "at": "The health
# board's finance team puts the cost of the response at about £46,000" (not "puts the town at
# risk of losing 300 jobs", a time "at 11.40pm", nor what a thing does: "The new tax puts the
# average bill at £1,420")
RECKONER = (
    r"(?:team|officers?|managers?|executives?|directors?|economists?|auditors?|accountants?"
    r"|advis[eo]rs?|analysts?|officials?|staff|office|department|board|treasurer|surveyors?"
    r"|inspectors?|engineers?|valuers?|assessors?|chief|head|spokes(?:person|man|woman))"
)
PUTS_AT = (
    rf"puts?(?= (?:[^\W\d][\w'’-]* ){{1,6}}{A_FIGURE_AT}[\d,.]*(?![\d:]|[.,]\d|\s?[ap]\.?m\b))"
)
PART_OPENS = r"(?:^|(?<=[,;:] )|(?<=\bbut )|(?<=\band )|(?<=\bwhile ))"  # a sentence's part
WHAT_IT_IS_SAYS = re.compile(
    rf"{PART_OPENS}(?P<by>{_by_what_it_is_called(SAID_BEFORE_BY_WHAT)})"
    rf"(?:, [^,;]{{1,60}},)? {SAID_BEFORE_BY_WHAT}\b"
)
WHAT_IT_IS_PUTS = re.compile(
    rf"{PART_OPENS}(?P<by>(?:[Tt]he|[Aa]n?|[Oo]ne|[Mm]y) (?:{NP_WORD} ){{0,3}}{RECKONER})"
    rf"(?:, [^,;]{{1,60}},)? {PUTS_AT}"
)
# A record that shows a figure, before it or after it: "The plans show 12 parking spaces", "…,
# the council's occupancy list shows" (not what a boy, a team or an economy shows: "A boy showed
# me 3 scars", "The local economy showed growth of 2.1%")
A_RECORD = (
    r"(?:list|register|log|map|plans|timetable|dashboard|chart|ledger|spreadsheet|manifest|roll"
    r"|inventory|counter)"
)
RECORD_SHOWS = re.compile(
    rf"{PART_OPENS}(?P<by>[Tt]he (?:{NP_WORD} ){{0,3}}{A_RECORD}) (?:shows?|showed)\b"
)
RECORD_SHOWED = re.compile(  # (after the figure)
    rf"(?<=[,;] )(?P<by>the (?:{NP_WORD} ){{0,3}}{A_RECORD}) (?:shows|showed)"
    r"(?=[.;,:]| (?:in|on|last|this|earlier|yesterday|today)\b|$)"
)
# and those named by what they are, in the plural, with where they are: "Families in
# Zaporizhzhia told reporters …", "Staff at the regional hub in Dnipro said that …"
THOSE_WHO_SAY = re.compile(
    rf"{PART_OPENS}(?P<by>(?:{NP_WORD} ){{0,2}}(?:[A-Z]?[a-z]{{2,}}(?<![su])s|[Ss]taff)"
    rf"(?: (?:in|at|from) (?:the )?(?:[A-Za-z][\w’'-]* ){{0,4}}[A-Z][\w-]*))"
    r" (?:say|says|said|told (?:us|me|reporters))\b"  # (not "Exports from Odesa reported")
)
# "in a poll that the Kyiv International Institute of Sociology (KIIS) published last July"
WORK_THAT = rf"\b(?:{WORK})s? (?:that|which) "
WORK_THAT_ONE_MADE = re.compile(
    rf"{WORK_THAT}(?:the )?(?P<by>{SOURCE_NAME})(?: \([A-Z]{{2,}}\))?"
    r" (?:had |has |have )?(?:published|released|conducted|commissioned|carried out|ran|took)\b"
)
# "the Kyiv International Institute of Sociology, whose May–June poll found 84%": its poll's
WHOSE_WORK_FOUND = re.compile(
    rf"(?P<by>{SOURCE_NAME}),? whose (?:[\w–-]+ ){{0,3}}?(?:{WORK}|figures|data|records)s?"
    rf"(?: (?:last|this|in|on) [\w-]+)? {SAYS}\b"  # ("whose survey last month found")
)
# "Interfax quoted Sergey Example as saying that 40 drones were downed": the one quoted
AS_SAYING = r" as (?:saying|telling|estimating|writing|putting|reporting|stating)\b"
QUOTED_AS_SAYING = re.compile(
    rf"\b(?:quoted|cited) (?P<by>(?:the )?{SOURCE_NAME}|{VAGUE_SOURCE}{NARROWED_TWICE}){AS_SAYING}"
)
# A UN meeting's summary names its speakers by the state they speak for: "The representative of
# Ukraine said", the representative's words (not Ukraine's, which a speech gives as its own)
REPRESENTATIVE_SAYS = re.compile(
    rf"\b(?P<by>(?:[Pp]ermanent )?[Rr]epresentative of (?:the )?{SOURCE_NAME}) {SAYS}\b"
)
SPOKEN_FOR = re.compile(  # one who speaks for a body says what it says: "Speaking for the
    # European Union, the representative of Example announced a further €110 million"
    rf"^[Ss]peaking (?:for|on behalf of) (?:the )?(?P<by>{SOURCE_NAME}), "
    rf"(?:the )?[Rr]epresentative of (?:the )?{SOURCE_NAME} {SAYS}\b"
)
# "84% of Ukrainians told the Kyiv International Institute of Sociology": who asked them
TOLD = re.compile(
    rf"(?:%|\bper ?cent)(?: of [\w -]{{1,30}}?)? (?:told|tell) (?:the )?(?P<by>{SOURCE_NAME})"
)
# "The Example Post, citing a KIIS poll, reported": whose work the relayer cites
CITED_OPENING = r"(?:(?:the|an?|new|latest|recent) )*"  # "citing a new KIIS poll"
CITING = r"\b(?:citing|quoting|based on|drawn from|from) "  # "calculated from ministry data"
CITED_WORK = re.compile(
    rf"{CITING}{CITED_OPENING}(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE})"
    rf"(?:['’]s)? (?:[\w-]+ )?(?:{WORK}|figures|data|statistics)s?\b"
)
# "Russia's defence ministry said": a state's body named by what it is, as the text names it
OWNED_BODY_SAYS = re.compile(
    rf"\b(?P<by>{SOURCE_NAME}['’]s (?:[a-z-]+ ){{0,2}}(?:ministry|general staff|central bank"
    r"|border guard service|prosecutor['’]s office|prosecutor-general|statistics (?:office|service)"
    rf"|security service|armed forces|air force|navy|army|office|press service|press office)"
    # or by whose it is before it: "the UN human rights office said", "the UN refugee agency"
    rf"|(?<=\b[Tt]he ){SOURCE_NAME} (?:[a-z-]+ ){{0,3}}(?:office|agency|ministry|mission))"
    rf"(?:{WHEN_SAID}),? {SAYS}\b"
)
# whose own figure a text gives: "Here the city's own figure is about 4,200"
OWN_FIGURE_OF = re.compile(
    r"\b[Tt]he (?P<by>(?:[a-z-]+ )?(?:city|town|council|county|region|borough|municipality"
    r"|ministry|government|agency|office))['’]s own (?:figure|count|estimate|number|tally)s? "
    r"(?:is|was|stands at|puts)\b"
)
# "Our trade department estimates": the speaker's own body, as they call it
OWN_BODY_SAYS = re.compile(rf"\b(?P<by>{OWN_BODY.pattern}) {SAYS}\b")
# "Analysts at the Example Defence Review say": the body they speak for
STAFF_AT_SAYS = re.compile(
    r"\b(?i:analysts|researchers|experts|economists|staff|officials) (?:at|from|with|of) "
    rf"(?P<by>(?:the )?{SOURCE_NAME}),? {SAYS}\b"
)
# "3 of 11 analysts polled by the Example Maritime Monitor expect …", "40% of residents
# questioned by …": the poll's count, not the analysts'; but what those polled expect, where
# they open the sentence uncounted, is theirs ("Economists polled by the agency expect 180,000
# tonnes": VAGUE_SAYS, narrowed by the poll)
POLLED_BY = re.compile(
    rf"(?<=[\s\S])\b{VAGUE_SOURCE} {ASKED_BY} (?:the )?"
    rf"(?P<by>{SOURCE_NAME})"
)
# "military analysts put it at", "port officials in Odesa reported", "a diplomat involved in the
# talks said": the source with what narrows it down; "a Western ambassador who asked not to be
# named put it at"; "a Turkish shipping official quoted by the Example Desk put it at": the
# official made it
VAGUE_SAYS = re.compile(  # (not one pointed back at: "That post, published in May, puts …")
    r"(?<!\bThat )(?<!\bThis )(?<!\bThese )(?<!\bThose )"
    rf"\b(?P<by>{VAGUE_SOURCE}(?:{NARROWED_TWICE}|{WHO_CLAUSE})){WHEN_SAID}"
    rf"(?:,? (?:as )?(?:quoted|cited) by (?:the )?{SOURCE_NAME}{WHEN_SAID},?)?"
    rf"(?:, [a-z]+(?:ing|ed) [^,;.]{{1,60}},|, who [^,;.]{{1,60}},"  # (what they did)
    r"|, (?:he|she|they|it) (?:added|adds|said|says|noted|notes),)?,? "  # (who passes it on)
    rf"{SAYS}\b"
)
# A place of work named by where it is, which speaks for those in it: "the yard in Gdańsk says",
# "according to the pilot station at Sulina", "The clinic in Kharkiv recorded two doses"
FACILITIES = (
    "yard shipyard clinic hospital station terminal depot warehouse school office embassy "
    "consulate camp shelter centre center plant factory mine port elevator bakery mill farm "
    "base court"
).split()
A_FACILITY = (  # (not one where others are: "Doctors at the hospital in Kherson said")
    rf"(?<=\b[Tt]he )(?<!(?:at|of) the )(?<!from the )(?P<by>(?:[a-z-]+ )?(?:{one_of(FACILITIES)})"
    rf" (?:in|at) (?!(?:{TIME_NAME})\b)[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"
)
# what it says right after it (never "…, said X"), as one says it ("The hospital in Kherson has
# reported", "The elevator at Izmail posted"), but never what it shows or finds ("The school in
# Kyiv shows the scars")
FACILITY_SAYS = re.compile(
    rf"{A_FACILITY} (?!(?:[a-z]+ )*(?:shows?|showed|shown|found|finds|registers?|registered)\b)"
    rf"{SAYS}\b"
)
ACCORDING_TO_A_FACILITY = re.compile(rf"(?<=[Aa]ccording to the ){A_FACILITY}")
# "by one widely cited count", "by some estimates": a vague source, as written
BY_A_COUNT = re.compile(
    r"\b(?i:by) (?P<by>(?:one|a|another|some|several|most|many|other) (?:[\w-]+ ){0,2}"
    r"(?:counts?|estimates?|tally|tallies|reckonings?))\b"
)
# "by the organisers' count", "by UNHCR's estimate", "In the centre's count"
WHOSE_COUNT = (
    rf"(?i:by|in) (?:the |their |its )?(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE}|{A_BODY.pattern})"
    r"['’]s? (?:own )?(?:count|estimate|tally|reckoning|telling|account)\b"
)
BY_WHOSE_COUNT = re.compile(rf"\b{WHOSE_COUNT}")
# "according to cluster reporting." (not "according to my proposal": the speaker's own)
ACCORDING_TO_WORDS = re.compile(
    # (not one work named before: "according to the review" is whose review it is; "according to
    # press reports" is who they are)
    rf"\b(?i:according to) (?!the (?:[a-z]+ )?(?:{WORK})(?:[,.;:]|$))"
    r"(?:the )?(?!(?:my|our|his|her|their|its|him|them|it|us|me)\b)"
    r"(?P<by>[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,3}(?: at the time)?)(?=[,.;:]|$)"
)
# "… "at least three times", as the Belfer Center put it": whose words they are
AS_PUT_IT = re.compile(
    rf"(?:,? as|\bAs) (?P<by>(?:the )?{SOURCE_NAME}|{VAGUE_SOURCE}) (?:(?:has|have|had) )?"
    r"(?:put it|puts it|said|says|noted|notes|reported|reports|wrote|writes|shown|showed|shows"
    r"|found|finds|documented|estimated|estimates)\b"
)
WHOSE_TALLY = r"['’]s (?:[a-z-]+ )?(?:tally|count|data|figures|estimate)"  # "(Wikipedia's tally)"
BRACKETED = (  # a source in brackets after the figure
    # "6.2 million refugees (UNHCR) have left", "… displaced (UNHCR, as of February)" ending a
    # list item, "(source: UNHCR)"; not a dateline's agency ("KYIV, March 3 (Example Wire) –")
    re.compile(
        r"\d[\d,.]*(?:%| ?[a-z]+)?(?: [a-z]+){0,3} "
        rf"\((?i:sources?: )?(?P<by>{SOURCE_NAME})(?:,? (?:19|20)\d\d)?\)(?!\s*[–—-])"
    ),
    re.compile(
        rf"\d[^()\n]{{0,150}}\((?i:sources?: )?(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE})"
        rf"(?:{WHOSE_TALLY})?(?:[,;][^()\n]{{0,40}})?\)"
        r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\]|\^\d{1,2})?[.;]?$"
    ),
)
# A list item's credit after a dash, ending the item: "About 6 million refugees at the end of
# 2023 – UNHCR Global Trends, out last month" (a few words may follow; not one relayed: "74% in
# Dec 2023 – Interfax-Ukraine, citing KIIS" is KIIS's). Only in a list: in prose, a dash before
# a name at a paragraph's end signs it ("… to Kyiv. — Tomas Berg, Example Institute").
DASHED_CREDIT = re.compile(
    rf"\d[^–—\n]{{0,150}} [–—] (?P<by>{SOURCE_NAME})"
    r"(?:, (?!citing|quoting)[\w-]+(?: [\w-]+){0,3})?\.?$"
)
QUOTED_THEN_CREDITED = re.compile(  # 'Claim: "It shipped 60 million tonnes." – Senator X'
    r"[“\"](?P<quote>[^“”\"\n]{1,600})[”\"] ?[–—] ?"
    rf"(?P<by>{SOURCE_NAME})(?:, [\w-]+(?: [\w-]+){{0,3}})?\.?[ \t]*$",
    re.M,
)
QUOTATION_LINE = re.compile(r"[ \t]*(?:>|[\"“])")  # a quotation's line: "> …", a pull quote
QUOTATION_CREDIT = re.compile(  # its credit on its last line: "> — John Sample, Example Forum"
    rf"\n[ \t]*>?[ \t]*[–—][ \t]*(?P<by>{SOURCE_NAME})(?:,[^\n]*)?[ \t]*$"
)
MAKER_AND_TITLE = re.compile(
    r"(?P<maker>[A-Z]{2,}) (?:[A-Z][a-z][\w-]* ?)+"
)  # "UNHCR Global Trends"
NOT_WHO_DO = (
    "orders|numbers|papers|matters|factors|errors|registers|letters|borders|others|disasters"
    "|indicators|sectors|corridors|cent(?:er|re)s|waters|powers|layers|chambers|meters|barrels"
    "|dollars|quarters|headquarters|containers|computers|towers|rivers|offers|answers|dangers"
    # machines, tools and vessels, which measure or carry but say nothing
    "|counters|calculators|thermometers|filters|sensors|servers|scanners|printers"
    "|generators|transformers|heaters|boilers|chargers|tankers|carriers|bulkers|freighters"
    "|trawlers|trailers|tractors|harvesters|reactors|detectors"
)
"""Words in "-ers" and "-ors" that name things, not people who do something."""
# Those who do something, by what they do, who say it: "Millers in North Africa tell us", "In
# Leeds, archivists reported", "Prices rose 12%, retailers say". What people are called by their
# work ("-ers", "-ors", "-ists", "-ians") is open-ended, where the vague nouns are a list; so only
# as the sentence's speakers: opening it, with a verb of saying right after them, or saying it at
# its end. Never inside it, where they may say something else ("Prices rose 12% as retailers
# reported weak sales"), nor a question ("Do farmers say …?"), nor one word before them that is
# a verb or an adverb ("The survey shows farmers estimate", "Only farmers say"), nor "said to"
# ("Voters said to be undecided") or "tell … apart"; "-ians" in lower case only ("Ukrainians"
# say what they were asked).
WHO_DO = (
    rf"(?!(?i:{NOT_WHO_DO})\b)(?:(?i:[a-z]{{2,}}(?:ers|ors|ists))|[a-z]{{3,}}ians)"
    r"(?: (?:in|at|from) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?"  # "in North Africa"
)
TELL = (
    r"(?:said|say|says|told|tell|tells|estimate|estimates|estimated|reckon|reckons|reckoned"
    r"|report|reports|reported)\b(?! to\b)(?! (?:[\w'’-]+ ){0,4}apart\b)"
)
# one plain word before them ("Local bakers", "Some underwriters"): never a word of grammar, a
# verb in "-s" or an adverb in "-ly" ("The survey shows farmers", "Only farmers")
WORD_BEFORE_THEM = (
    r"(?:(?!(?i:the|a|an|and|but|or|that|which|who|of|for|to|in|on|at|by|with|from|as|while"
    r"|when|if|because|than|our|their|its|his|her|my|your|these|those|this|only|even|do|does"
    r"|did|can|could|will|would|should|may|might|must)\b)[A-Za-z]+(?<!s)(?<!ly) )?"
)
WHO_DO_SAY = re.compile(
    r"^(?:(?:But|And|Yet|So|Now|Still|Meanwhile) |[A-Z][^,;:\d]{0,40}, )?"  # ("In Leeds, …")
    rf"(?P<by>{WORD_BEFORE_THEM}{WHO_DO})(?: (?:also|now|privately|publicly|still))? {TELL}"
    r"(?![^?]*\?)"
)
WHO_DO_SAY_AFTER = re.compile(  # "Prices rose 12%, retailers say."
    rf", (?P<by>{WORD_BEFORE_THEM}{WHO_DO}) {TELL}(?: (?:on|last|this) [A-Z]?[a-z]+)?[.!]?[\"”’]?$"
)
# One named, then what one is by whose one is: "Dmytro Kuleba, Ukraine's foreign minister, said"
# (before, "Ukraine's foreign minister"), the name opening its part of the sentence: never one
# others speak of or for ("The family of Ana Example, Kyiv's first female pilot, said", "A letter
# to Tom Example, …'s chief executive, said")
NAME_ROLE_SAYS = re.compile(
    rf"{PART_OPENS}(?P<by>{SOURCE_NAME}), "
    rf"(?:[A-Z][\w'’-]* ){{0,3}}[A-Z][\w-]*['’]s [a-z][^,;.]{{0,60}}, {SAYS}\b"
)
# A forecast, a projection, a valuation or a price quoted, by or from whom right after it ("on
# a fixed-price quote from Example Build Services"; not "the forecast fall in visitors from
# Germany", "a quote from Churchill")
WORK_BY_WHOM = re.compile(
    r"\b(?:[Ff]orecasts?|[Pp]rojections?|[Vv]aluations?|(?:fixed-price|price|firm) quote)"
    rf" (?:by|from) (?:the )?(?!(?:Region|Sector|Area|Age|Year|Type|Country|Category)\b)"
    rf"(?P<by>{SOURCE_NAME})"  # (not a table's breakdown: "Forecasts by Region show 2.1%")
)
# a clause put before the sentence's own, whose work is no source of what follows ("Despite a
# forecast from the Met Office of heavy rain, 3,000 runners turned up")
FRONTED = re.compile(
    r"^\W*(?i:despite|ignoring|unlike|after|before|following|beside|besides|without|against)\b"
    r"[^,;]*$"
)
SAID = (  # who says it; where two start at one word, the first listed
    VAGUE_WORK,
    # "according to X", "a survey taken last July by X", "figures from X", "by the count of X"
    re.compile(
        r"\b(?i:according to|by the (?:count|estimate|tally) of|polling by|polls by|citing|quoting"
        r"|per(?! cent)"
        r"|(?:reported|estimated|published|released|compiled|collected|counted|requested"
        r"|sought|targeted|tracked|recorded|registered|verified|confirmed|measured|told"
        r"|projected|forecast|predicted|assessed|calculated|modelled|modeled"
        r"|drawn up|prepared|produced|conducted|carried out|commissioned|launched|offered"
        r"|pledged|promised"
        # "as set by Example Marine Underwriters" (not "as quoted by the Herald": who relayed
        # one's words)
        r"|(?<=\bas )(?:set|given|stated))"
        # (not "provided by", "committed by": who did it, not who said)
        # ("registered as newly displaced by", "registered for temporary protection by")
        r"(?: (?:as|in|at|on|for|across|among) (?:[a-z-]+ ){0,2}?[a-z-]+)? by"
        # "was put at 45 by the UN", "was put forward by UNHCR", "estimated at $150 billion by"
        r"|(?:put|estimated|placed) (?:forward|at [^,;:]{1,40}?) by"
        r"|in the (?:estimate|view|words|count|assessment|reckoning) of"
        # the rules one sets: "Under guidance from the Department, hosts receive £350 a month"
        r"|under (?:the )?(?:guidance|rules) (?:from|issued by|set by)"
        r"|according to (?:the )?(?:statistics|figures|data|estimates|records|count)"
        r" (?:of|(?:held|kept|published|compiled|collected) by)"  # "records held by the Practice"
        r"|(?:survey|poll|study|paper|report|tally|count|estimate|figures|data|research"
        r"|estimates|surveys|polls|studies|post|totals)\b"  # not "counts … from": a verb
        # nor "refugees from Ukraine": where they come from; "the deal's totals, from the UN"
        r"[^,;.:]{0,30}?(?:, )?\b(?:by|(?<!refugees )(?<!people )(?<!migrants )(?<!nationals )from)"
        # who ran a panel ("panel of 850 adults, run by Example Field Services"; not "a panel
        # organised by Chatham House", where one spoke)
        r"|panel\b[^,;.:]{0,30}?(?:, )?(?:run|conducted) by"
        # "The figure comes from the Register", "That count came from port officials"
        r"|(?:figure|count|number|estimate|tally|total|claim)s? (?:that [^,;:]{1,80}? )?"
        r"(?:comes?|came) from)\s+[\"“]?"
        # ("according to Nobel Prize winner Kailash Satyarthi": the winner)
        r"(?:(?:[A-Z][\w'’-]* ){1,3}(?:winner|laureate) )?"
        # a vague source first: "citing Ukrainian military figures" is the military's
        # ("citing the city's housing department": whose it is, then two words); records
        # cited by what they are ("citing customs data")
        rf"(?P<by>(?:the (?=[a-z]+['’]s |[A-Z][\w-]* [a-z]))?{VAGUE_SOURCE}"
        rf"(?:{WHAT_THEY_DO}|{NARROWED})"
        r"|(?<=citing )(?:[a-z-]+ ){1,2}(?:data|records|statistics)\b"
        # people a relay cites by what they do ("citing two people who follow the trade"), never
        # by their wish to go unnamed
        rf"|(?<=citing )(?:two|three|four|five|several|some|a few) people"
        rf"(?! who (?:asked|spoke|declined|requested|were not))(?-i:{WHAT_THEY_DO})"
        # who do something, cited by what they do ("citing beekeepers in Poltava region",
        # "citing agronomists in the district")
        rf"|(?<=citing )(?!(?:{NOT_WHO_DO})\b)(?-i:[a-z]{{3,}}(?:ers|ors|ists))\b"
        r"(?= (?:in|at|from) (?:[A-Z]|the (?:district|region|area|village|town|city|port)\b))"
        rf"(?:{NARROWED})"  # (only where they are: "citing factors beyond its control" is none)
        # a body named by whose it is ("according to the UN human rights office")
        rf"|(?:the )?{SOURCE_NAME} (?:[a-z-]+ ){{0,3}}(?:office|agency|ministry|mission)\b"
        rf"|(?:the )?{SOURCE_NAME}(?:(?:(?<=['’]s)|['’]s) spokes(?:man|woman|person))?"
        # "figures from my government show": the speaker's government, as they call it
        rf"|{OWN_BODY.pattern})"
    ),
    WORK_BY_WHOM,
    CITED_WORK,
    QUOTED_AS_SAYING,
    SPOKEN_FOR,
    REPRESENTATIVE_SAYS,
    NAME_ROLE_SAYS,
    NAME_SAYS,
    APPEAL_LAUNCHED,
    PLEDGE_LINE,
    AUTHOR_YEAR,
    WHO_SAYS,
    WHICH_FOUND,
    WHOSE_WORK_FOUND,
    WORK_THAT_ONE_MADE,
    TOLD,
    OWN_BODY_SAYS,
    OWNED_BODY_SAYS,
    OWN_FIGURE_OF,
    STAFF_AT_SAYS,
    BY_A_COUNT,
    BY_WHOSE_COUNT,
    POLLED_BY,
    VAGUE_SAYS,
    WHO_DO_SAY,
    WHO_DO_SAY_AFTER,
    ACCORDING_TO_WORDS,
    FACILITY_SAYS,
    ACCORDING_TO_A_FACILITY,
    AS_PUT_IT,
    SAYS_AFTER,
    *BRACKETED,
)
BODY_HEAD = (  # a name's head word that makes it a body: "Ukraine's Defence Ministry" is one
    r"Ministry|Office|Agency|Service|Committee|Council|Bureau|Department|Institute|Cent(?:re|er)"
    r"|Bank|Commission|Forces|Army|Navy|Government|Police|Guard|Staff|Administration|Mission"
    r"|Programme|Program|Fund|Authority|Directorate|Inspectorate"
)
# Whose work a figure comes from, when no one is said to say it:
# "the UN's 2023 appeal counted", "UNHCR's Global Trends report": whose figures they are
# (tried first: a work's title is not its maker; "Ukraine's Defence Ministry data" is)
NAMED_OWNERS_WORK = re.compile(
    rf"(?P<by>{SOURCE_NAME})['’]s (?:(?!(?:{BODY_HEAD})\b)[\w-]+ ){{0,3}}?"
    rf"(?:{WORK}|figures|data|evidence|submission|testimony|statement|records|results"
    r"|findings|tracker|database|register|calculation)s?\b"
)
# "The finance ministry's draft budget sets outlays at": a body named by what it is (and by a
# word more than that: "the monitor's own estimate" points back at the one named)
BODYS_WORK = re.compile(
    r"\b(?P<by>(?:(?!(?i:the|its|their|this|that|by|of|citing|quoting)\b)[A-Za-z-]+ ){1,2}"
    rf"{VAGUE_NOUN})(?:['’]s|(?<=s)['’]) (?:[\w-]+ ){{0,3}}?(?:{WORK}|budget|figures|data)s?\b"
)
# "never named Martin Griffiths, whose figure it is"
WHOSE_FIGURE = re.compile(
    rf"(?P<by>{SOURCE_NAME}),? whose (?:figure|number|estimate|count) (?:it|this|that)"
    r" (?:is|was)"
)
# "a KIIS survey", "UNHCR figures": whose work it is (not the verb: "the Ministry reports that
# 91% …")
NAMED_WORK = re.compile(
    rf"(?!{A_KIND_OF_WORK})(?P<by>{SOURCE_NAME}) (?P<work>{NAMED_WORKS})s?\b"
    r"(?! that\b)"
)
WHOSE_WORK = (NAMED_OWNERS_WORK, BODYS_WORK, WHOSE_FIGURE, NAMED_WORK)
ATTRIBUTION = SAID + WHOSE_WORK
# What a sentence must hold for a pattern to match in it (words the pattern cannot match
# without): a pattern is tried only where its cues are found, since most sentences hold no
# saying verb and trying every pattern on every sentence cost a tenth of extraction's time.
_SAYING = re.compile(rf"\b{SAYS}\b")  # (a whole word: not the "count" of "country")
# "by one count", "UNHCR's tally", "In Moscow's telling", "by their account"
_COUNTED = re.compile(r"(?i:counts?|estimates?|tally|tallies|reckonings?|telling)\b")
_BRACKET = re.compile(r"\(")
CUES: dict[re.Pattern[str], tuple[re.Pattern[str], ...]] = {
    VAGUE_WORK: (re.compile(rf"\b(?:{VAGUE_WORKS}|records)\b"),),
    NAME_SAYS: (_SAYING,),
    APPEAL_LAUNCHED: (re.compile(r"\bappeal\b"),),
    PLEDGE_LINE: (re.compile(" [–—] "),),
    AUTHOR_YEAR: (re.compile(r"\((?:19|20)\d\d"),),
    WHO_SAYS: (re.compile(", who "), _SAYING),
    WHICH_FOUND: (re.compile(", which "),),
    WORK_THAT_ONE_MADE: (re.compile(WORK_THAT),),
    SAYS_AFTER: (re.compile(SAYING_AFTER),),
    WHOSE_WORK_FOUND: (re.compile(r"\bwhose "), _SAYING),
    REPRESENTATIVE_SAYS: (re.compile("epresentative of "), _SAYING),
    SPOKEN_FOR: (re.compile("^[Ss]peaking "), _SAYING),
    QUOTED_AS_SAYING: (re.compile(AS_SAYING),),
    CITED_WORK: (re.compile(CITING),),
    TOLD: (re.compile(r"\b(?:told|tell) "),),
    OWN_BODY_SAYS: (_SAYING,),
    OWNED_BODY_SAYS: (_SAYING,),
    STAFF_AT_SAYS: (_SAYING,),
    POLLED_BY: (re.compile(r"(?:polled|surveyed|interviewed|questioned) by "),),
    VAGUE_SAYS: (_SAYING,),
    WHO_DO_SAY: (re.compile(rf"\b{TELL}"),),
    WHO_DO_SAY_AFTER: (re.compile(", "),),
    BY_A_COUNT: (_COUNTED,),
    BY_WHOSE_COUNT: (_COUNTED,),
    ACCORDING_TO_WORDS: (re.compile(r"(?i:according to)"),),
    FACILITY_SAYS: (_SAYING,),
    ACCORDING_TO_A_FACILITY: (re.compile("ccording to the "),),
    AS_PUT_IT: (re.compile(r"\b[Aa]s "),),
    BRACKETED[0]: (_BRACKET,),
    BRACKETED[1]: (_BRACKET,),
    NAMED_OWNERS_WORK: (re.compile("['’]s "),),
    BODYS_WORK: (re.compile("['’]s |s['’] "), re.compile(rf"(?:{WORK}|budget|figure|data)")),
    WHOSE_FIGURE: (re.compile(r"\bwhose "),),
    NAMED_WORK: (re.compile(NAMED_WORKS),),
    WORK_BY_WHOM: (re.compile(r"(?:ecast|ection|ation|quote)s? (?:by|from) "),),
    NAME_ROLE_SAYS: (re.compile("['’]s "), _SAYING),
}
_CUED = [(rank, pattern, CUES.get(pattern, ())) for rank, pattern in enumerate(ATTRIBUTION)]
OWNERS = (  # whose work a sentence names: "the UN launched its 2023 appeal", "a poll by KIIS"
    re.compile(
        rf"(?P<by>{SOURCE_NAME}) (?:launched|published|released|issued|conducted|commissioned)"
        rf" (?:its|their|a|an|the) (?:[\w-]+ ){{0,2}}?(?P<work>{WORK})s?\b"
    ),
    re.compile(rf"\b(?P<work>{WORK})\b[^,;.:]{{0,30}}?\bby (?P<by>(?:the )?{SOURCE_NAME})"),
    NAMED_WORK,  # "a KIIS survey"
)
# A source described where the text first names it ("The Pontic Freight Monitor, a private
# ship-tracking service based in Tallinn, follows …"): what "its count" later points back at.
DESCRIBED = re.compile(
    rf"^(?:The )?(?P<by>{SOURCE_NAME}), (?:an?|the) [^,;]{{0,60}}\b(?:service|group|monitor"
    r"|tracker|institute|agency|organi[sz]ation|project|consultancy|firm|centre|center)\b"
)
# Where a figure's source is given apart from its sentence: a table's "Source" column, a footnote,
# a "Source:" line under a paragraph or a table.
SOURCE_HEAD = re.compile(r"(?i:sources?|according to|reported by)")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
FOOTNOTE_MARK = re.compile(
    r"\[(?P<n>\d{1,2})\]|\^(?P<caret>\d{1,2})|(?<=[\w.,;:!?)\"”’%])(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
)  # a superscript after a word or after the sentence's full stop: "… concessions.¹"
FOOTNOTE = re.compile(  # a note at the end: "[3] …", "^3 …", "³ …", "3. …", Markdown's "[^3]: …"
    r"^[ \t]*(?:\[(?P<n>\d{1,2})\]|\[\^(?P<md>\d{1,2})\]:|\^(?P<caret>\d{1,2})"
    r"|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
    r"|(?P<dot>\d{1,2})\.)[ \t]+(?P<note>[^\n]+)",
    re.M,
)
SOURCE_LINE = re.compile(
    # ("Source for both lines: UNHCR")
    r"^[ \t]*[*_]{0,2}(?i:sources?|data|figures)(?: for [^:\n]{1,30})?[*_]{0,2}[ \t]*:[*_]{0,2}"
    r"[ \t]*(?P<by>[^\n]+)",
    re.M,
)


def _by_what_it_is(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """Who says what a sentence holds, named by what it is, where nothing else credits it: after
    its figures ("…, the air force said; it shot down 32 of them") or before the figure at
    ``position`` ("…, but my forwarder says you charged them $275"; not "I paid 350 hryvnias, and
    my cousin writes that she paid 120 złoty": the 350 is the speaker's)."""
    words, before = text[sentence[0] : sentence[1]], position - sentence[0]
    puts = WHAT_IT_IS_PUTS.search(words)  # (in the whole sentence: it reads the figure after)
    said = (
        SAID_BY_WHAT_IT_IS.search(words)
        or WHAT_IT_IS_SAYS.search(words, 0, before)
        or (puts if puts and puts.end() <= before else None)
        or THOSE_WHO_SAY.search(words, 0, before)
        # a record's, in its own part of the sentence only ("The plans show 12 spaces, but
        # neighbours say 40 are needed": not the plans' 40)
        or next(
            (
                shown
                for shown in (RECORD_SHOWS.search(words), RECORD_SHOWED.search(words))
                if shown
                and not PART_BREAK.search(
                    words, min(shown.start(), before), max(shown.end(), before)
                )
            ),
            None,
        )
    )
    return THE.sub("", said.group("by")) if said else None


# What opens another part of a sentence
PART_BREAK = re.compile(r";|, (?:but|and|though|although|while|whereas|so|yet|as) ")
THE = re.compile(r"^(?:[Tt]he|[Aa]n?) ")  # (as a source is written: "air force", "sailor")


# A table's row or a list's item, and a title over them with a credit in brackets at its end
BLOCK_LINE = re.compile(r"[ \t]*(?:\||[•*–-][ \t]|\d{1,2}[.)][ \t])")
TITLE_CREDIT = re.compile(r"[^\n.!?]{1,100}\((?P<credit>[^()\n]{3,80})\)[ \t]*:?[ \t]*")
# A sentence that points back at a source named before it ("The survey … found that 84% …").
ITS_WORK = re.compile(rf"(?i:its) (?:[\w-]+ )?(?:{WORK}|figures?|data)")  # "its annual report"
BACK_REFERENCE = re.compile(  # not "the highest figure in our history"
    # (nor "this ministry": a speaker's own, as a briefing names it)
    r"\b(?i:the|its|that|this(?! (?:ministry|government|office|department|embassy|mission)\b)"
    r"|these|those|same|his|her|their) (?:(?:[\w-]+ )?"  # ("the same report": "the" …)
    rf"(?P<work>{WORK}|institute|agency|authors|organi[sz]ation|ministry|office"
    r"|tracker|monitor|observatory|federation|association|post(?!-)"
    r"|pollster|researchers|reckoning|firm|evidence|submission|cent(?:re|er)(?! of\b))"
    r"(?:(?<=wave)s)?"  # ("its waves")
    r"|figures?|data)\b"
    # a person's centre ("Her centre estimates"); "the centre counted", never "the centre of
    # our country"
    r"|\b(?i:his|her|their) (?P<centre>cent(?:re|er))\b"
)
# A pronoun for the last source named: a sentence that opens with one ("He estimated that more
# than 90 ships …", "It found …"; matched at the sentence's start), or one after what was said
# ("…, he added.").
POINTS_BACK = re.compile(  # ("The body says": the one just named, as a wire story calls it)
    rf"(?:It|They|He|She|The {POINTED}) {REPORTS}\b"
    # what a body it stands for did, its own count: "It has delivered 280 generators", "It
    # cleared 95 square kilometres" (not what a war or a deal did: "It claimed 250,000 lives")
    rf"|It (?:(?:has|had|also|then|now|already|so far) )*(?:{DELIVERED})\b"
    # the same series, compared: "That is down from 87% in May 2022"
    r"|(?:That|This|It) (?:is|was) (?:down|up) (?:from|on)\b"
    # "According to him, 30 ships are waiting"
    r"|According to (?:him|her|them|it)\b"
    # whose view the sentence gives: "In his view neither army could advance more than 20 km"
    r"|In (?:his|her|its|their) (?:own )?(?:view|estimate|words|reckoning|assessment|opinion"
    r"|judge?ment|count)\b"
)
OWN_WORK = re.compile(
    r"\b(?i:our|my|this (?:institute|centre|center|organi[sz]ation|group)['’]s) own "
    rf"(?:[\w-]+ )?(?:{WORK}|research|analysis|figures|data|seminar|panel|class|sample|team"
    r"|reckoning|calculations?|rate)"  # ("…; our own rate was 71%")
)
HIS_OR_HER = re.compile(  # "her own survey", "His preliminary report": a person's (but "Her
    # centre estimates" is the centre's)
    rf"(?i:his|her) (?:own |(?=(?:[\w-]+ )?(?:{WORK})\b))"
)
OPENS_WITH_ITS = re.compile(r"(?:(?:By|In|Under) )?(?:Its|Their|its|their) ")  # "Its survey …"
IT = re.compile(r"\W*(?i:it)\b")  # "It counted …", "…, it says"
PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him)\b")
TITLED_PERSON = re.compile(  # (initials too, and never whose: "Cllr. M. Example-Doyle's office";
    # not "Mr", as a speech greets the Assembly's President: "I congratulate Mr. Csaba Kőrösi")
    r"(?<!\bthank )(?<!\bcongratulate )(?<!\bwelcome )"
    r"\b(?:Dr|Mrs|Ms|Prof|Professor|Cllr)\.? (?P<name>(?:[A-Z]\. ){0,2}"
    r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?(?: [A-Z][\w-]*(?:['’][A-Z][\w-]*)?){0,2})"  # ("O'Brien")
)
ACTS = (  # what one does, named before what one says: "Vladimir Putin held his news conference",
    # "Example Research follows wheat shipments" (besides a verb in "-ed")
    r"runs|leads|heads|held|holds|met|meets|follows|covers|studies|gave|gives|spoke|wrote|writes"
    r"|began|became"  # "Marta Example-Lind became a mediator"
)
A_DOER = re.compile(  # one who did or said something: "Greta Holm-Adeyemi answered", "said the
    # coalition's director, Nadia Ferreira-Holm", "Anna Example, who heads it, spoke first"
    r"(?P<said>\b(?:said|says|told|added)(?: the [\w’' -]{1,40},)? )?"
    r"\b(?P<name>(?:[A-Z][a-z]{1,3}\. )?(?:[A-Z][\w'’-]+ ){0,3}[A-Z][\w'’-]+)"
    # (past an aside or whose they are: "Hanna Example of the Example Policy Lab said")
    # or the end of an apposition: "KIIS's director, Anton Hrushetskyi, presented the results"
    r"(?P<does>(?:, [^,.;:]{1,60},|,| of (?:the )?(?:[A-Z][\w'’-]+ |of |for ){0,5}[A-Z][\w'’-]+)?"
    r" (?:also |then |later )?(?:[a-z]+ed|said|says|told|tells"
    r"|thinks|argues|warns|notes|adds|replies|answers|points|put|puts|directs|chairs"
    rf"|{ACTS})\b)?"  # (who she is: "heads the …")
)
BODY_DOES = re.compile(  # a body of two words or more, or an acronym, that does something
    r"(?P<by>(?:[A-Z][\w'’-]* ){1,5}[A-Z][\w'’-]*|[A-Z]{2,}) (?:(?:has|have|had) )?"
    r"(?:[a-z]+ed|run|made|spent|sent|paid|built|held|kept|gave|took|says|said|counts|reports)\b"
)
SUBJECT = re.compile(  # a body that opens a sentence and does something: "The Example Refugee
    # Hub published its quarterly review", "OCHA launched its appeal" (not a person's: "he" is
    # one of the persons the text names)
    rf"(?:The )?(?P<by>{SOURCE_NAME}) (?:also |now |later |first )?(?:[a-z]+ed|has|had|is|was"
    r"|tracks|publishes|keeps|collects|monitors|represents|issues|coordinates|compiles"
    rf"|maintains|produces|conducts|releases|{ACTS})\b"
)
NO_PERSON = (  # a name with one of these words is a body's or a publication's
    rf"(?!.*\b(?:{BODY_HEAD}|Nations|States|Union|Kingdom|Republic|Federation|Network|Forum"
    r"|Group|Alliance|Coalition|Association|Foundation|Society|University|Party|Independent"
    r"|Review|Verify|News|Times|Post|Monitor|Daily|Journal|Hub|Tracker|Observatory|Project|Lab"
    r"|Board|Desk|Watch|Initiative|Trust|Data|Index|Research|Analytics|Markets|Securities"
    r"|Capital|Partners)\b)"
)
ONE_PERSON = re.compile(  # "he" or "she" may stand for: "Martin Griffiths", "one official in Odesa"
    rf"{NO_PERSON}(?:[A-Z][a-z]{{1,3}}\. )?(?:[A-Z][\w'’-]+ ){{1,2}}[A-Z][\w'’-]+"  # "Col. …"
    rf"|{NO_PERSON}(?:[A-Z]\. ){{1,2}}[A-Z][\w'’-]+"  # initials: "M. Example-Doyle"
    r"|(?:(?:an?|one|the) )?(?:[\w-]+ ){0,2}(?:analyst|journalist|official|expert|observer"
    r"|diplomat|researcher|staffer|spokes(?:person|man|woman)|aide|insider|trader|resident"
    r"|witness|organi[sz]er|moderator|economist|commentator|volunteer|advis[eo]r|ambassador"
    r"|envoy|negotiator|mediator|agent|representative)\b.*"
)
SAID_AFTER = re.compile(  # "…, it says.", "…, he claimed, …" (not "…, they told us that")
    rf"[,”\"] (?:it|they|he|she|the {POINTED}) (?!(?:told|tells) (?:us|me|them|him|her)\b)"
    rf"(?:{REPORTS}|claimed|claims|insisted|insists|warned|warns)\b"
)
PUBLICATION = re.compile(  # a name that says it is a paper's or a site's: "Kyiv Independent"
    r"\b(?:News|Times|Post|Herald|Review|Daily|Journal|Gazette|Independent|Tribune|Courier"
    r"|Telegraph|Guardian|Observer|Weekly|Standard|Express|Mirror|Pravda|Babel)\b"
)
COMPANY = re.compile(rf"\b(?:{COMPANY_ENDINGS})\b\.?$")  # "Nordvik Example Trading Ltd"
INSTITUTION = re.compile(rf"{BODY_NOUNS}|ministry|office")
"""What "the agency", "the institute" may stand for: the last name that says it is one."""
PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ed")
DEMONYM_PLURAL = re.compile(r"[A-Z][a-z]+(?:ians|ans|ese|is)$")
CONTRAST = re.compile(
    r"[,;](?:\[\d{1,2}\])?\s+(?:while|whereas|but|although|though|yet)\s|;\s"  # (",[3] while")
    # a clause opened by one who says what follows ("… to 45 countries, and shipping analysts
    # count more than 1,000 voyages"): theirs is the figure they go on to give, not the one before
    # (past whom they cite: ", and regional partners, citing the Home Department, expect")
    rf"|(?:, and| while| whereas) (?=(?:the )?(?:{VAGUE_SOURCE}(?:{NARROWED})?|{SOURCE_NAME})"
    rf"(?:, (?:citing|quoting) [^,;]{{1,60}},)? {SAYS}\b"
    # or by whose work it is: ", and the UN's appeal asked for", ", and a KIIS wave found"
    rf"|(?:the )?{SOURCE_NAME}['’]s (?:[\w-]+ ){{0,2}}(?:{WORK}|figures|data)s?\b"
    rf"|an? {SOURCE_NAME} (?:{WORK})s?\b)"
)
"""Where a sentence sets one part against another: a source named in one is not the other's."""
A_PERSON = re.compile(  # "Pilar Ostrowska-Vane", not "Kyiv Independent" or "Example Verify"
    rf"{NO_PERSON}[A-Z][a-z]+(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){{1,2}}"
)
FULL_NAME = re.compile(  # the first capital matched before what stands before it is checked
    r"[A-Z](?<![\w'’][A-Z])[\w-]+ (?:[A-Z][\w-]+ ){0,3}[A-Z][\w-]+\b"
)
NAMES = re.compile(SOURCE_NAME)
WHERE_FROM = re.compile(r"\b(?:from|in|into|to|across|through) (?:the )?$")
# A name read on into the next sentence ("the Example Centre for Prisoner Data. The centre …"),
# not past initials ("U.S. Department of State", "Dr. Example")
SENTENCE_AFTER = re.compile(r"(?<=[a-z]{2})\. .*", re.S)


class FigureSources:
    """The sources a text names, sentence by sentence (the header lines are sentences too)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        # Read with each Markdown link as its words ("[UNHCR](https://…) says": "UNHCR says"),
        # offsets moved to match
        text, self.moved = _without_links(text)
        text = unwrapped(text)  # "according\nto UNHCR" as "according to UNHCR"
        if self.moved is not None:
            sentences = [(self.moved[start], self.moved[end]) for start, end in sentences]
        self.text = text
        self.sentences = SpanIndex(sentences)
        self.spans = sorted(sentences)
        self.full_names = _full_names(text)
        self.said: dict[tuple[int, int], str | None] = {}  # read when a figure asks
        self.named: list[tuple[int, str]] = []  # read when a sentence points back, up to it
        self.subjects: list[tuple[int, str]] = []  # and the bodies that open those naming none
        self.sentences_read = 0  # how many of the sentences (spans) those were read from
        self.persons: list[tuple[int, str]] | None = None  # read when "he" or "she" does
        self.person_names: frozenset[str] | None = None  # their names, to tell them from bodies
        self.owned: dict[str, list[tuple[int, str]]] = {}  # per kind of work, in text order
        self.notes: list[tuple[int, str, str]] | None = None  # footnotes: where, number, text
        self.source_lines = [(m.start(), m.group("by")) for m in SOURCE_LINE.finditer(text)]
        self.issuer = _issuer(text)

    def of(self, position: int) -> str | None:
        """The source of a figure at ``position``: its table row's "Source" cell; its
        sentence's; its footnote's; a "Source:" line under its paragraph or table; or the one its
        sentence points back at. None where that is the body whose document it is ("The Bank
        expects inflation to average 4.1%" in the bank's own press release): the document
        itself is the provenance, as a speaker's own figures are."""
        said = self._credited(position)
        if said and said.casefold() in self.issuer:
            return None
        return said

    def _credited(self, position: int) -> str | None:
        if self.moved is not None:
            position = self.moved[position]
        held = self.sentences.holding(position)
        if held is None:
            return None
        if _in_who_aside(self.text, held, position):
            return None  # "Selin Demirtaş, who has tracked the traffic for 12 years, said"
        if OWN_WORK.search(self.text, *_part_holding(self.text, held, position)):
            return None  # "This institute's own survey of aid workers found": the writer's
        anew = self._acting_anew(held[0], position)  # a part where another acts: its own
        # its part set against another, from where another acts
        clause = _not_before(_contrasted_clause(self.text, held, position), anew)
        said = (
            self._source_cell(held)
            or _appeal_holding(self.text, held, position)
            or _credited_after(self.text, position, held[1])
            or _which_they_say(self.text, held, position)
            or _who_says(self.text, held, position)
            or _gapped(self.text, clause, position)
            or self._said_inside(clause, position)
            or self._said(clause)
            or self._said(_not_before(_up_to_clause(self.text, held, position), anew))
            or (anew and anew[1])
            or self._credit_after_dash(held)
            or self._quoted_then_credited(position)
            or self._footnote(position, held[1])
            or self._source_line(position)
            or self._block_title(position)
            or self._note_holding(position)
            or self._credited_next(held)
        )
        if said and A_BODY.fullmatch(said):  # "In the centre's count": the centre named before
            said = self._named_before(said, held[0])
        if said:
            return said
        # what points back in its part of the sentence or before it, not after ("We cost it at
        # €4 million; the Foundation puts the figure at …": not the Foundation's figure)
        back = next(  # (not the whole a share is of: "6.5% of the UN appeal")
            (
                back
                for back in BACK_REFERENCE.finditer(
                    self.text, *_up_to_clause(self.text, held, position)
                )
                if not _the_whole_of_a_share(self.text, back.start(), back.end(), held[0])
            ),
            None,
        )
        pronoun = POINTS_BACK.match(self.text, held[0], held[1]) or SAID_AFTER.search(
            self.text, held[0], held[1]
        )
        if back is None and pronoun is None:  # who says it named by what it is, if anyone
            return _by_what_it_is(self.text, held, position)
        # "…, it reports." or "…, its annual report shows" after a body that did something in
        # the sentence: that body's ("our partner the Example Medical Corps has run 38,400
        # consultations, it reports"; "EOSI opened 412 investigations, its report shows")
        done_before = None
        if back is not None and ITS_WORK.fullmatch(back.group()):
            done_before = back.start()
        elif pronoun and pronoun.re is SAID_AFTER and not PERSONAL.search(pronoun.group()):
            done_before = None if back else position
        doer = (
            BODY_DOES.search(self.text, held[0], done_before) if done_before is not None else None
        )
        body = _as_written(doer["by"]) if doer else None
        if body:
            return body
        self._read_up_to(held[0])
        earlier = self.named[: bisect_left(self.named, (held[0], ""))]
        if back is not None and pronoun and pronoun.start() <= back.start():
            # "In his estimate": his, as "he" is; "He said 26 ships … and that his firm had …":
            # what points back after the one who says it is part of what is said
            back = None
        own = back is not None and back.group("work") and HIS_OR_HER.match(back.group())
        if own:
            back, pronoun = None, back  # "In her own survey of 62 negotiators": a person's
        if (
            back is None
            and pronoun
            and (PERSONAL.search(pronoun.group()) or pronoun.groupdict().get("person"))
        ):
            return self._person_pointed_at(held[0], pronoun.start() + 1, bool(own))
        # "The appeal sought …": whose appeal it was; else the source named last before, or
        # "the institute" the institute named last, whichever the text named later
        work = _work(back.group("work") or back.group("centre") or "") if back else ""
        # or what the one who says it is called: "The council said", "The same institute found"
        called = "" if back else ((pronoun and pronoun.groupdict().get("noun")) or "").lower()
        if self.owned.get(work):
            # whose work the sentence itself names first ("X published its survey: 84% …")
            last = bisect_left(self.owned[work], (held[0] + 1, "")) - 1
            if last >= 0:
                return self.owned[work][last][1]
        if INSTITUTION.fullmatch(work):  # "the observatory": a body, never a person
            earlier = [named for named in earlier if not A_PERSON.fullmatch(named[1])]
            earlier += self._institutions(work, held[0])
        elif called:  # "…, the observatory found": the one whose name says it is one, else
            # the body named last, in the sentence before too (never a person nor a vague
            # source, for "the company": "Ukrainian investigators" named since are no company)
            named_so = self._institutions(called, held[0], only_one=called in NAMED_SO_ONLY)
            if not named_so and pronoun and pronoun.start() > held[0]:
                # or, where none was before, the one its own sentence names ("Exampleford
                # Borough Council will close 3 libraries, the council said"): one only
                named_so = [  # (not two joined: "Exampleford Borough Council and Northshire
                    # County Council")
                    (at, name)
                    for at, name in self._institutions(called, pronoun.start(), only_one=True)
                    if name.lower().count(called) == 1
                ]
            if named_so:
                return named_so[0][1]
            if called in NAMED_SO_ONLY:
                return None  # "The regulator said": no company regulated, nor one of two
            if not pronoun or not pronoun.groupdict().get("person"):
                earlier = self._bodies_before(held[0], earlier)
        if back is None and pronoun and IT.match(pronoun.group()):
            earlier = self._bodies_before(held[0], earlier)  # "it" is a body
        if not earlier and (back is None or OPENS_WITH_ITS.match(self.text, held[0])):
            # "It counted …", "The institute said …", "Its survey found …" where no source was
            # named before: the body that opened a sentence before ("The Example Hub published
            # its review.", "ISW published its daily assessment.")
            earlier = self.subjects[: bisect_left(self.subjects, (held[0], ""))]
        if back is not None and back.group("work"):  # "The report says": no one's cousin's
            earlier = [named for named in earlier if not ONE_S_KIN.match(named[1])]
        return max(earlier)[1] if earlier else None

    def _acting_anew(self, sentence: int, position: int) -> tuple[int, str | None] | None:
        """Where the part of the sentence (at ``sentence``) that holds ``position`` opens, and
        who gives its figures, where no source named in an earlier part reaches it: one named by
        what they are who says so, or gives a figure of their own ("…, but port agents say only
        320"; "…, while one shipowner we act for paid $23,000"); or no one, where the part
        before ends with who told it and a body or a state named does something of its own
        ("…, the Kyiv Independent reported; Ukraine handed over 55 prisoners"). A report's
        other parts stay its own ("UNHCR said …, and Poland hosted 1 million of them"), as do
        those of one pointed back at ("…, and the agency counted 3.7 million")."""
        parts = [*NEW_PART.finditer(self.text, sentence, position)]
        if not parts:
            return None
        opens = parts[-1].end()
        described = DESCRIBED_SAYS.match(self.text, opens, position)
        if described and not POINTED_SUBJECT.fullmatch(described["by"]):
            by = _as_written(described["by"])
            if by and (described["says"] or ONE_OF_THEM.fullmatch(described["by"])):
                return opens, by
        if whose := WHOSE_ONE_SAYS.match(self.text, opens, position):
            return opens, whose["by"]  # "…, and her doctor says the list has 4,000 names"
        # a part told by one named at its end reaches no further than it, where another acts
        told = CREDITED_AT_ITS_END.search(self.text, max(sentence, opens - 200), parts[-1].start())
        if told and NAMED_ACTS.match(self.text, opens, position):
            return opens, None
        return None

    def _person_pointed_at(self, sentence: int, before: int, own: bool = False) -> str | None:
        """Whom "he", "she", "his", "her" or "the former president" stands for, said in the
        sentence that starts at ``sentence``: the last source named before it that one may
        speak for, or the last person the text named before ``before``, whatever they did
        ("Greta Holm-Adeyemi answered that …"), whichever the text named later; for "his own"
        or "her own" work, a person."""
        self._read_up_to(sentence - 1)  # (not the sentence itself: it may be being read)
        sources = [
            (at, by)
            for at, by in self.named[: bisect_left(self.named, (sentence, ""))]
            if ONE_PERSON.fullmatch(by) or not own and self._one_may_speak_for(by, at)
        ]
        persons = self._persons()
        persons = persons[: bisect_left(persons, (before, ""))]
        later = max(sources[-1:] + persons[-1:], default=None)
        return later[1] if later else None

    def _a_body(self, name: str) -> bool:
        """A body's name: an acronym, or two words or more, the first and the last capitalised
        (not "one official in Odesa", "Ukrainian port officials"), that is no person the text
        names as one who did or said something."""
        words = name.split()
        if name.isupper():
            return len(name) > 1
        return (
            len(words) > 1
            and words[0][:1].isupper()
            and words[-1][:1].isupper()
            and name not in self._person_names()
        )

    def _person_names(self) -> frozenset[str]:
        if self.person_names is None:  # (asked once per body a sentence may point back at)
            self.person_names = frozenset(person for _, person in self._persons())
        return self.person_names

    def _bodies_before(
        self, sentence: int, earlier: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """What "it", "its" or "the company" may stand for, said in the sentence at
        ``sentence``: of the sources named ``earlier``, the bodies (never a person, nor those
        who are no one body: "regional health officials", "Ukrainian deminers"), and the
        bodies the sentence before names, each where it is named."""
        bodies = [named for named in earlier if self._a_body(named[1])]
        return bodies + self._bodies_named(self._sentence_before(sentence))

    def _sentence_before(self, start: int) -> tuple[int, int] | None:
        at = bisect_left(self.spans, (start, start)) - 1
        return self.spans[at] if at >= 0 else None

    def _bodies_named(self, sentence: tuple[int, int] | None) -> list[tuple[int, str]]:
        """The bodies a sentence names, each where it is named ("The Example Health Network,
        citing regional health officials, reported …": the network)."""
        if sentence is None:
            return []
        return [
            (match.start(), by)
            for match in NAMES.finditer(self.text, *sentence)
            if self.text[match.start() - 1 : match.start()] != "("  # "(KIIS)": the name before
            # (nor a body's owner: "OCHA, the UN's humanitarian office": OCHA)
            if not match.group().endswith(("'s", "’s"))
            if (by := _as_written(match.group())) and self._a_body(by)
        ]

    def _one_may_speak_for(self, source: str, named_at: int) -> bool:
        """Whether "he" or "she" may stand for ``source``, named in the sentence at
        ``named_at``: a person ("Martin Griffiths", "one official in Odesa"), or a body that
        speaks through one ("UNHCR said …. …, she added"), unless its own sentence gave its
        words to one ("KIIS found …, she noted"); not those who are no one person ("port
        officials", "one widely cited count")."""
        if ONE_PERSON.fullmatch(source):
            return True
        if not source.split()[-1][:1].isupper():
            return False
        sentence = self.sentences.holding(named_at)
        return sentence is None or not any(
            PERSONAL.search(said.group()) for said in SAID_AFTER.finditer(self.text, *sentence)
        )

    def _persons(self) -> list[tuple[int, str]]:
        """The persons named as ones who did or said something ("Greta Holm-Adeyemi answered",
        "Holm-Adeyemi pointed to …", "said the coalition's director, Nadia Ferreira-Holm"), in
        full, each with where the text names them; not "the Promised Land", nor "Vladimir
        Putin" in "Bennett spent three hours with Vladimir Putin"."""
        if self.persons is None:
            doers = [
                match
                for match in A_DOER.finditer(self.text)
                if match.group("said") or match.group("does")
            ]  # and one a title says is a person ("The Crown relies on Dr Lyudmila Example-Vance")
            self.persons = sorted(
                {
                    (match.start("name"), person)
                    for match in doers + list(TITLED_PERSON.finditer(self.text))
                    if (person := self._person(match.group("name"), match.start("name")))
                }
            )
        return self.persons

    def _person(self, name: str, at: int) -> str | None:
        """``name`` in full if it is a person's: as written, or as named in full before."""
        words = without_titles(name.split())
        if len(words) == 1:
            earlier = [full for end, full in self.full_names.get(words[0], []) if end <= at]
            words = earlier[-1].split() if earlier else words
        named = " ".join(words)
        return named if len(words) > 1 and ONE_PERSON.fullmatch(named) else None

    def _institutions(
        self, kind: str, before: int, only_one: bool = False
    ) -> list[tuple[int, str]]:
        """The last name before ``before`` that says it is an institution of this kind ("the
        Vistula Institute for Security Studies" for "the institute"); ``only_one``: none where
        two are named ("the Example Port Authority and the Example Transit Authority")."""
        says_so = _says_it_is(kind)
        names = (  # (a name's line, not a heading above it: "APPEAL\nThe Example … Trust")
            (match.start(), SENTENCE_AFTER.sub("", match.group().rsplit("\n", 1)[-1]))
            for match in NAMES.finditer(self.text, 0, before)
        )
        found = [  # (never the kind's word alone: a header's "Company update")
            (at, name) for at, name in names if says_so.search(name) and " " in name.strip()
        ]
        # not one named as where something came from or went ("Players came from the Russian
        # Federation. The federation says …"), where another is named
        found = [
            (at, name) for at, name in found if not WHERE_FROM.search(self.text, 0, at)
        ] or found
        if only_one and len({name for _, name in found}) > 1:
            return []
        by = found and _as_written(found[-1][1])
        return [(found[-1][0], by)] if by else []

    def _said(self, sentence: tuple[int, int]) -> str | None:
        if sentence not in self.said:
            by = _attribution(self.text[sentence[0] : sentence[1]])
            if by and re.search(rf"\b(?i:the) {re.escape(by)}\b", self.text[slice(*sentence)]):
                by = self._named_before(by, sentence[0])  # "the port officials" named before
            elif (
                by
                and by[:1].islower()
                and re.search(rf"\b(?i:its) {re.escape(by)}\b", self.text[slice(*sentence)])
            ):
                # "Its officials said": those of the body "its" stands for, who speak for it
                self._read_up_to(sentence[0] - 1)
                earlier = self.named[: bisect_left(self.named, (sentence[0], ""))]
                bodies = self._bodies_before(sentence[0], earlier)
                by = max(bodies)[1] if bodies else by
            # (the issuer's own word is the issuer: "the Council" in a council's report is
            # no other council named in full before)
            if by and by.casefold() not in self.issuer:
                by = _in_full(by, self.full_names, sentence[0])
            self.said[sentence] = by
        return self.said[sentence]

    def _said_inside(self, clause: tuple[int, int], position: int) -> str | None:
        """Who says a figure inside what another says: the one named in the part that holds it,
        after "that", a colon or ", and" ("Cllr Shah noted that UNHCR's report recorded about 6
        million": UNHCR's; "X said the count was too low: the Network puts it at 240": the
        Network's), the one who made the figure, not the one who passes it on."""
        parts = list(INNER_PART.finditer(self.text, clause[0], position))
        if not parts:
            return None
        last = parts[-1]
        if BIDDEN.search(self.text, clause[0], last.end()):
            return None  # "recommends that the Republic set aside €15 million": not yet done
        by = self._said((last.end(), clause[1]))
        named = by and re.compile(rf"\b{re.escape(by.split()[-1])}\b").search(
            self.text, last.end(), position
        )
        return by if named else None  # named before the figure, not after it

    def _credit_after_dash(self, sentence: tuple[int, int]) -> str | None:
        """A list item's credit after a dash at its end (DASHED_CREDIT), as its maker; a
        quotation's on its last line ("> — John Sample", or under a pull quote in quotation
        marks), whom it quotes."""
        line = self.text.rfind("\n", 0, sentence[0]) + 1
        if QUOTATION_LINE.match(self.text, line):
            block_end = self.text.find("\n\n", sentence[0])
            block = self.text[line : len(self.text) if block_end < 0 else block_end]
            credit = QUOTATION_CREDIT.search(block)
            return _as_written(credit.group("by")) if credit else None
        if not LIST_MARKER.fullmatch(self.text, line, sentence[0]):
            return None
        credit = DASHED_CREDIT.search(self.text, *sentence)
        if credit is None:
            return None
        return _as_written(_maker(credit.group("by")))

    def _quoted_then_credited(self, position: int) -> str | None:
        """Whose words a quotation is, credited after a dash at its line's end: a figure in
        'Claim: "It shipped 60 million tonnes." – Senator Mark Example' is the senator's."""
        line = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        credit = QUOTED_THEN_CREDITED.search(self.text, line, len(self.text) if end < 0 else end)
        if credit is None or not credit.start("quote") <= position < credit.end("quote"):
            return None
        return _as_written(credit.group("by"))

    def _named_before(self, vague: str, before: int) -> str:
        """ "the port officials" as the text named them before ("Ukrainian port officials"); "the
        officials" as "Ukrainian port officials in Odesa"."""
        if not vague[:1].islower():
            return vague
        fuller = list(
            re.finditer(
                # (no verb between: "Ines Example-Varga says port officials")
                rf"\b(?:[A-Z][\w-]* )+(?:(?!says |said )[a-z][\w-]* ){{0,2}}{re.escape(vague)}\b"
                r"(?: (?:in|at|from) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)?",
                self.text[:before],
            )
        )
        named = fuller and _as_written(fuller[-1].group())
        if named and named != vague:  # (not "The centre" or "In the centre": no fuller name)
            return named
        if " " in vague:  # "the port administration": the Example Izmail Port Administration
            titled = list(
                re.finditer(
                    rf"\b(?:[A-Z][\w'’-]* )+{re.escape(vague.title())}\b", self.text[:before]
                )
            )
            named = titled and _as_written(titled[-1].group())
            if named:
                return named
        if A_PERSON_CALLED.fullmatch(vague):  # "the former president wrote", as "he" is
            return self._person_pointed_at(before, before) or vague
        # the sentences before this one read (not this one: it is being read)
        self._read_up_to(before - 1)
        head = vague.split()[-1].lower()
        earlier = [by for at, by in self.named if at < before]
        if re.fullmatch(POINTED_BODY, head):
            # "while the Association put the number at 57": the association named last, by its
            # fullest name ("the Example Mutual War Risks Association said", not "The
            # Association says")
            # (and by the words that tell it apart: "the education ministry" is no "Example
            # Finance Ministry")
            told_apart = set(vague.lower().split()[:-1]) - {"the", "a", "an", "its", "their"}
            alike = [
                by
                for by in earlier
                if by.split()[-1].lower() == head and told_apart <= set(by.lower().split())
            ]
            if alike:
                return ([by for by in alike if " " in by] or alike)[-1]
            # or one that said something after another in its sentence: "Ukrainian officials
            # say …, while the Example Maritime Desk puts it at 900,000. … The desk counts";
            # never past another of its kind named since ("… opened a new desk. The desk counts")
            said_too = [
                m for m in SAID_TOO.finditer(self.text, 0, before) if m["head"].lower() == head
            ]
            named = said_too and _as_written(said_too[-1].group("by"))
            if (
                named
                and told_apart <= set(named.lower().split())
                and not re.search(
                    rf"\b(?:an?|another|new|other) (?:[a-z]+ )?{head}\b",
                    self.text[said_too[-1].end() : before],
                )
            ):
                return named
        # "The officials told her" after "port officials in Odesa count …": those named so
        alike = [
            by for by in earlier if by[:1].islower() and re.search(rf"\b{re.escape(head)}\b", by)
        ]
        if alike:
            return alike[-1]
        if not A_BODY.fullmatch(vague):
            return vague
        # "The monitor says": the last name that says it is a monitor ("the Example Energy
        # Monitor", not the Example Grid Observatory named after it)
        named_so = self._institutions(head, before)
        if named_so:
            return named_so[0][1]
        # "The group said": the body named last before ("The Example Refugee Hub published …")
        bodies = [
            (at, by)
            for at, by in self.named + self.subjects
            if at < before and by[:1].isupper() and not A_PERSON.fullmatch(by)
        ]
        return max(bodies)[1] if bodies else vague

    def _source_cell(self, row: tuple[int, int]) -> str | None:
        """In a table with a "Source" column, that cell of the figure's row: a Markdown table, or
        one set out with tabs or runs of spaces (its rows have as many cells as this one). The
        header is the nearest row above, of the same table, with a "Source" cell."""
        row_text = self.text[row[0] : row[1]].strip()
        piped = row_text.startswith("|")
        if not piped and ("\n" in row_text or ("\t" not in row_text and "  " not in row_text)):
            return None  # (most sentences: no table's row, not split)
        cells = table_cells(row_text)
        if len(cells) < (2 if piped else 3):
            return None
        for header in table_rows_above(self.text, *row):
            column = next((i for i, cell in enumerate(header) if SOURCE_HEAD.fullmatch(cell)), None)
            if column is not None:
                return _named_in(cells[column]) if column < len(cells) else None
        return None

    def _footnote(self, position: int, sentence_end: int) -> str | None:
        """A marker after the figure in its sentence ("[3]", "³") and the note it points to,
        listed further down ("[3] UNHCR, Ukraine situation, 2023"): the note's first name."""
        marker = FOOTNOTE_MARK.search(self.text, position, sentence_end)
        between = _after_number(self.text, position, marker.start()) if marker else ""
        # (a range's other end and a year are no later figure: "between 82% and 87% from May
        # 2022 to May 2023,^4")
        between = A_YEAR.sub("", RANGE_OTHER_END.sub("", between, count=1))
        if marker is None:
            return None
        if re.search(r"\d", between) and self.text[marker.end() : sentence_end].strip(" .;"):
            return None  # a marker after a later figure of the sentence is that figure's (but
            # one that ends the sentence credits all of it: "between 82% and 87% …, and the
            # survey of 5 June found 84%.[3]")
        if self.notes is None:  # read once, when a text has a marker
            self.notes = [
                (n.start(), _note_number(n), n.group("note")) for n in FOOTNOTE.finditer(self.text)
            ]
        number = _note_number(marker)
        below = [note for start, at, note in self.notes if at == number and start > marker.end()]
        return _named_in(below[-1]) if below else None

    def _credited_next(self, sentence: tuple[int, int]) -> str | None:
        """The next sentence's credit for this one's figures ("84% held that view and 10%
        disagreed. KIIS published these results on 9 June.")."""
        at = bisect_left(self.spans, sentence) + 1
        if at >= len(self.spans):
            return None
        credit = NEXT_CREDIT.match(self.text, *self.spans[at])
        if credit is None:
            return None
        named = credit.group("by") or credit.group("from") or credit.group("of")
        if named or credit.group("whose")[:1].isupper():
            return _as_written(named or credit.group("whose"))
        return self._named_before(credit.group("whose"), sentence[0])  # "the ministry's"

    def _note_holding(self, position: int) -> str | None:
        """In a note at the end ("[1] UN, Black Sea Grain Initiative page. The deal's original
        term was 120 days."), the source the note names first."""
        line = self.text.rfind("\n", 0, position) + 1
        note = FOOTNOTE.match(self.text, line)
        if note is None or note.group("dot") or note.start("note") > position:
            return None  # "3." may open a numbered list's item as well as a note
        return _named_in(note.group("note"))

    def _source_line(self, position: int) -> str | None:
        """A "Source:" line below the figure, with no other paragraph between them."""
        at = bisect_left(self.source_lines, (position, ""))
        if at == len(self.source_lines):
            return None
        start, by = self.source_lines[at]
        first_break = self.text.find("\n\n", position, start)
        if first_break >= 0 and self.text[first_break:start].strip():
            return None  # a paragraph between them, or a line above it in its own
        while at > 0 and SAME_SOURCE.fullmatch(by.strip()):  # "Source: same survey."
            at -= 1
            by = self.source_lines[at][1]
        return _named_in(by)

    def _block_title(self, position: int) -> str | None:
        """The credit in brackets in the title over the table or list a figure is in: "3
        Financials (per EDGT management accounts)" over its table's rows, "What other hosts tell
        us (Example Hosts Network survey, April)" over its bullets."""
        start = self.text.rfind("\n", 0, position) + 1
        if not BLOCK_LINE.match(self.text, start):
            return None
        blank = False  # one blank line may part the title from its block
        while start > 0:
            above = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[above : start - 1]
            if BLOCK_LINE.match(line) and not blank:
                start = above
            elif not line.strip() and not blank:
                blank, start = True, above
            else:
                title = TITLE_CREDIT.fullmatch(line)
                return (
                    self._said((above + title.start("credit"), above + title.end("credit")))
                    if title
                    else None
                )
        return None

    def _read_up_to(self, position: int) -> None:
        """The source and the works named of every sentence that starts at or before
        ``position``, those before read already: only a sentence that points back needs them,
        and only those up to it (most figures' sources are in their own sentence)."""
        while (
            self.sentences_read < len(self.spans) and self.spans[self.sentences_read][0] <= position
        ):
            start, end = self.spans[self.sentences_read]
            self.sentences_read += 1
            sentence = self.text[start:end]
            described = DESCRIBED.match(sentence)
            by = (
                self._said((start, end))
                or self._credit_after_dash((start, end))
                or (described and _as_written(described.group("by")))
            )
            if by:
                self.named.append((start, by))
            elif (subject := SUBJECT.match(sentence)) and (body := _as_written(subject["by"])):
                self.subjects.append((start, body))
            for pattern in OWNERS:
                for owned in pattern.finditer(sentence):
                    owner = _as_written(owned.group("by"))
                    if owner:
                        work = _work(owned.group("work"))
                        self.owned.setdefault(work, []).append((start, owner))


NEXT_CREDIT = re.compile(  # "KIIS published these results"; "The figure comes from X"
    rf"(?:The )?(?P<by>{SOURCE_NAME}) (?:published|released|reported|collected|compiled|gathered)"
    r" (?:these|those|the) (?:results|figures|numbers|data|findings|estimates)\b"
    r"|(?:The|These|Those|That|This) (?:figures? |numbers? |data |counts? |estimates? "
    r"|tall(?:y|ies) |totals? )(?:comes?|came) from (?:the )?"
    rf"(?P<from>{VAGUE_SOURCE}(?:{NARROWED})?|{SOURCE_NAME})"  # "Ukrainian port officials", whole
    # "That is the finding of the Kyiv International Institute of Sociology"
    r"|(?:That|This|These|Those|It) (?:is|are|was|were) the (?:finding|findings|figure|figures"
    rf"|estimate|result|results|conclusion|count) of (?:the )?(?P<of>{SOURCE_NAME})"
    # "That is the ministry's own assessment", "That's the agriculture ministry's number"
    r"|(?:That|This|It)(?: is|['’]s| was) (?:the )?"
    rf"(?P<whose>{SOURCE_NAME}|(?:[a-z-]+ )?{VAGUE_NOUN})['’]s (?:own )?(?:assessment|estimate"
    r"|figure|number|count|tally|quote|data|reckoning)\b(?=[ ,]*(?:[.;,]|$))"  # (not "number one")
)
WHO_ASIDE = re.compile(
    r", (?:who (?P<what>[^,;.]{1,90})"
    # what a body has, said in passing: "NATO, which has had 31 members since April 2023,"
    r"|which (?P<has>(?:now |still )?(?:has|had|have|counts|numbers|includes|hosts|hosted"
    r"|houses|shelters|employs)\b[^,;.]{1,90})"
    r"),"
)


MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{1,1000}\)")


ISSUER = re.compile(  # a letterhead: a body's name on the first line ("EXAMPLE RESERVE BANK")
    rf"(?:The )?(?P<name>(?:[A-Z][\w'’&-]* ){{0,7}}?(?P<head>(?i:{BODY_HEAD}))"
    r"(?: (?i:of|for)(?: (?i:the))?(?: [A-Z][\w'’&-]*){1,4}){0,2})"
)
LETTERHEAD_PARTS = re.compile(r"\s+[|·–—]\s+")  # "EPBO | Example Parliamentary Budget Office"


def _says_it_is(kind: str) -> re.Pattern[str]:
    """What in a name says it is one of this kind ("company", "paper", "institute")."""
    if kind in ("company", "firm"):
        return COMPANY
    if kind in ("paper", "newspaper", "site", "website", "outlet", "daily", "weekly"):
        return PUBLICATION
    # the name's head word: "the Example Nurses Union", "the Centre for Prisoner Data" (not
    # "Union Street", "Network Rail", "Group Captain Ana Example")
    return re.compile(rf"\b{kind}(?:['’]s?)?\.?(?:$| (?:of|for|on)\b)", re.I)


def _issuer(text: str) -> frozenset[str]:
    """What a text calls the body whose document it is, named on its first line as its
    letterhead: its name, its acronym, its head noun ("Example Parliamentary Budget Office",
    "EPBO", "office"), in lower case."""
    parts = LETTERHEAD_PARTS.split(text.lstrip().split("\n", 1)[0].strip())
    names: set[str] = set()
    for part in parts:
        letterhead = ISSUER.fullmatch(part)
        if letterhead:
            name = letterhead.group("name")
            initials = [word[0] for word in name.split() if word.lower() not in MINOR_WORDS]
            names |= {name, "".join(initials), letterhead.group("head")}
    if names:  # "EPBO | …": the acronym beside the name
        names |= {part for part in parts if LETTERHEAD_ACRONYM.fullmatch(part)}
    return frozenset(name.casefold() for name in names)


LETTERHEAD_ACRONYM = re.compile(r"[A-Z]{2,6}")
MINOR_WORDS = {"of", "for", "the", "and", "on"}  # no initials: "Office for National Statistics"


def _without_links(text: str) -> tuple[str, list[int] | None]:
    """``text`` with each Markdown link as its words, and where each offset of ``text`` (and its
    end) moved to (``None`` without a link): an offset inside a link's address is its words' end."""
    if "](" not in text:
        return text, None
    parts: list[str] = []
    moved: list[int] = []
    done = length = 0
    for link in MARKDOWN_LINK.finditer(text):
        before, words = text[done : link.start()], link.group(1)
        moved.extend(range(length, length + len(before)))
        length += len(before)
        moved.append(length)  # the "[": where the words start
        moved.extend(range(length, length + len(words)))
        moved.extend([length + len(words)] * (link.end() - link.end(1)))  # "](…)"
        length += len(words)
        parts += [before, words]
        done = link.end()
    if not parts:
        return text, None
    rest = text[done:]
    moved.extend(range(length, length + len(rest) + 1))
    return "".join([*parts, rest]), moved


def _appeal_holding(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """The author of an appeal whose words hold the figure: "Griffiths said when the UN
    launched its $5.6 billion appeal" (the sum is the UN's, though Griffiths spoke first), or
    of a pledge whose sum it is ("Welcomes the Example Commission's pledge of €300 million")."""
    words = text[sentence[0] : sentence[1]]
    if "appeal" not in words and "pledge" not in words and "offer" not in words:
        return None  # (most sentences: neither pattern matches without one of these words)
    for appeal in APPEAL_LAUNCHED.finditer(text, *sentence):
        if appeal.start() <= position < appeal.end():
            return _as_written(appeal.group("by"))
    for pledge in PLEDGE_OF.finditer(text, *sentence):
        if pledge.end() <= position <= pledge.end() + len("more than "):
            return _as_written(pledge.group("by"))
    return None


PLEDGE_OF = re.compile(  # the sum right after it is its author's (not "and calls for a further …")
    rf"(?P<by>{SOURCE_NAME})['’]s (?:[\w-]+ ){{0,2}}(?:pledge|appeal|offer) (?:of|for) "
    rf"(?=(?:up to |about |nearly |almost |some |more than |over )?(?:[{SIGNS}]|US\$|EUR|USD))"
)


def _in_who_aside(text: str, sentence: tuple[int, int], position: int) -> bool:
    """Whether ``position`` is in an aside that says who a source is (", who has tracked the
    traffic for 12 years,") or what a body has (", which has had 31 members since April,"): the
    writer's words, not a source's (", who put the number at" is the source's)."""
    return any(
        aside.start("has") <= position < aside.end("has")
        if aside.group("has")
        else aside.start("what") <= position < aside.end("what")
        and not re.match(SAYS, aside.group("what"))
        for aside in WHO_ASIDE.finditer(text, sentence[0], sentence[1])
    )


def _part_holding(text: str, sentence: tuple[int, int], position: int) -> tuple[int, int]:
    """The part of the sentence, between semicolons, that holds ``position``: "banks clear 80%,
    a survey found; our own rate was 71%" (the writer's own is only the second)."""
    start = text.rfind("; ", sentence[0], position)
    end = text.find("; ", position, sentence[1])
    return (sentence[0] if start < 0 else start + 2, sentence[1] if end < 0 else end)


def _up_to_clause(text: str, sentence: tuple[int, int], position: int) -> tuple[int, int]:
    """The sentence up to the end of the part (between semicolons) that holds ``position``: a
    source named before reaches on ("KIIS reported …; only 10 percent disagreed"), but not into
    a part in the first person ("…; we gave €18 million"); one named in a later part does not
    ("… 43 million; RFE/RL put the number at 21.8 million")."""
    if BRACKETED_AT_END.search(text, sentence[0], sentence[1]):
        return sentence  # "84% …; the share was 80% in October (KIIS)." gives both their source
    if SAID_AT_END.search(text, max(sentence[0], sentence[1] - 120), sentence[1]):
        return sentence  # "A released 215, while B handed over 55, officials in Kyiv said."
    part = _part_holding(text, sentence, position)
    if (
        part[0] > sentence[0]
        and FIRST_PERSON.match(text, *part)
        and len(OPEN_OR_CLOSE_QUOTE.findall(text, sentence[0], part[0])) % 2 == 0  # (unquoted:
        # in 'She noted that "Russia's budget is $140 billion; ours is $2 billion"', hers)
        and not BACK_REFERENCE.search(text, *part)  # "…; we could not verify its figure of 12"
        and not SAID_AFTER.search(text, *part)  # "…; we have lost three plants, he added."
    ):
        return part  # "…; our country gave €18 million": the writer's own, reached by no one
    end = text.find("; ", position, sentence[1])
    # nor one in a part set against it ("$10 a ton, while according to an IMF estimate …")
    contrast = CONTRAST.search(text, position, end if end >= 0 else sentence[1])
    end = contrast.start() if contrast else end
    return (sentence[0], end if end >= 0 else sentence[1])


def _not_before(span: tuple[int, int], anew: tuple[int, str | None] | None) -> tuple[int, int]:
    """``span`` from where another acts (:meth:`FigureSources._acting_anew`), if it opens later."""
    return (max(span[0], anew[0]), span[1]) if anew else span


NEW_PART = re.compile(  # (not ", as": "UNHCR said, as Russia launched its offensive, that …")
    r"(?:[,;](?:\[\d{1,2}\])?\s+(?:and|but|while|whereas|though|although|yet|so)|;)\s+"
)
CREDITED_AT_ITS_END = re.compile(  # "Russia released 215 people, the Kyiv Independent reported"
    rf",\s+(?:the\s+)?(?:{VAGUE_SOURCE}(?:{NARROWED})?|{SOURCE_NAME})\s+"
    r"(?:said|says|say|reported|reports|added|noted|told \w+)"
    r"(?: (?:on|in|at|last|this|earlier) [\w ]{1,20})?$"
)
MEASURED = (  # what a measured thing does, or what a report counts of one: "…; Kharkiv had
    # 71%", "…, and exports rose 12%", "…; China took 2.1 million"
    r"rose|fell|grew|dropped|climbed|increased|decreased|declined|stood|reached|totall?ed"
    r"|numbered|doubled|tripled|halved|remained|stayed|accounted|topped|hit|came|went|edged"
    r"|slipped|jumped|surged|soared|plunged|slumped|recovered|peaked|averaged|amounted|ranked"
    r"|scored|polled|trailed|led|followed|lagged|received|got|saw|needed|faced|lived|voted"
    r"|hosted|welcomed|exported|imported|shipped|contracted|exceeded|suffered|attracted"
    r"|supplied|returned|took|gave|lost|produced|destroyed|abandoned|killed|evacuated|admitted"
    r"|accepted|recorded|registered|counted|showed|gained|earned|spent|paid|bought|sold"
    r"|borrowed|donated|pledged|sent|delivered|used|consumed|generated|employed|reported"
)
AS_IT_WENT = r"(?:also |then |later )?"  # "the Kremlin then let", "port agents also say"
DID = (  # what one did: a verb in the past
    r"[a-z]+ed|let|made|built|held|kept|won|set|cut|put|shut|struck|fired|began|ran|brought"
    r"|drew|froze|chose"
)
NAMED_ACTS = re.compile(  # a body or a state named, then what it did: "Ukraine handed over" (not
    # a people, nor a place's share: "Ukrainians in the west", "Lviv had", "Poles paid")
    r"(?:[Tt]he )?(?![A-Z][a-z]+(?:ians|ans|ese|is|es)\b)"
    r"[A-Z][\w'’-]*(?: (?:of |for |and )?[A-Z][\w'’-]*){0,5}"
    rf" {AS_IT_WENT}(?!(?:{MEASURED})\b)(?:{DID})\b"
)
OWN_FIGURE = (  # what one pays, offers, wants or charges is a figure of one's own
    r"paid|pays|offered|offers|wants|wanted|promised|pledged|charged|charges|quoted|quotes"
)
DESCRIBED_SAYS = re.compile(  # a source by what it is, who says something or gives a figure of
    # its own ("…, but port agents say only 320", "…, while one shipowner we act for paid $23,000")
    rf"(?P<by>(?:(?i:the|our|my|their) )?(?:{VAGUE_SOURCE}(?:{NARROWED})?"
    rf"|(?:[a-z-]+ ){{0,2}}(?:{A_BODY.pattern}))"
    r"(?: (?:we|I) (?:act|work|speak|talk|spoke|talked) (?:for|to|with)(?: in [A-Z][\w-]+)?)?)"
    rf" {AS_IT_WENT}(?:(?P<says>{SAYS})|{OWN_FIGURE})\b"
)
ONE_OF_THEM = re.compile(r"(?i:one|an?|the|our|my) (?:[\w-]+ )*?[\w-]*[^\Ws](?: (?:we|I) .*)?")
"""One who gives a figure of their own ("one shipowner we act for", "the city council"), not
many ("residents paid £900": what they paid, as the one before counts it)."""
WHOSE_ONE_SAYS = re.compile(  # one of someone's who says something: "her doctor says"
    rf"(?P<by>(?i:{'|'.join(WHOSE_KIN)}) (?!own\b|(?:{WORK}|figures|data|numbers)s?\b)[a-z-]+)"
    rf" {AS_IT_WENT}(?:says|said|tells|told|writes|wrote|adds|added|reckons"
    r"|reckoned|insists|insisted|claims|claimed)\b"
)
POINTED_SUBJECT = re.compile(rf"(?i:the) (?:{POINTED_BODY})")  # "the agency": the one just named


OPEN_OR_CLOSE_QUOTE = re.compile('["“”]')
FIRST_PERSON = re.compile(r"(?i:we|ours?|I|my)\b")
"""What opens a part that is the writer's own, where no earlier part's source reaches ("…; ours
(38%) does not")."""
SAID_AT_END = re.compile(  # the sentence's reporting clause, after all it reports
    rf",\s+(?:the\s+)?(?:{VAGUE_SOURCE}(?:{NARROWED})?|{SOURCE_NAME})\s+"
    r"(?:said|say|says|reported|reports|added|noted|told \w+)[.!]?[\"”’]?\s*$"
)
NUMBER_AHEAD = re.compile(r"\D*?[\d.,]+")  # "roughly 40 per cent": its "40"
BRACKETED_AT_END = re.compile(rf"\((?i:sources?: )?{SOURCE_NAME}(?:{WHOSE_TALLY})?\)[.;]?\s*$")


A_DIGIT = re.compile(r"\d")
GIVEN_AFTER = re.compile(  # "the 10% contraction some economists had forecast", "the 20,000
    # that Western officials estimated": who gave the figure, in the clause right after it
    r"[\d.,]*\d(?:%| ?per ?cent)?(?: [a-z-]+){0,2}? (?:that )?"  # (not "5,000, X said")
    r"(?P<by>(?:(?:some|many|most|several|other|the|a|an|one) )?(?:[A-Z][\w-]* )?(?:[a-z-]+ )?"
    rf"{VAGUE_NOUN}|(?:the )?{SOURCE_NAME}) (?:had |has |have )?"
    r"(?:forecast|predicted|expected|projected|promised|pledged|estimated|requested|sought"
    r"|counted|recorded|reported|claimed|cited|told|said|attributes|attributed|published)\b"
)


def _credited_after(text: str, position: int, end: int) -> str | None:
    """Who gave a figure, said right after it, not the sentence's first source: in the clause
    after it ("far less than the 10% contraction some economists had forecast", "against the
    20,000 that Western officials estimated"), whose count it is ("€85 billion by the Example
    Defence Review's count"), or in an aside ending the sentence ("It carried 33 million tonnes
    in 1,000 voyages, figures the UN published")."""
    digit = A_DIGIT.search(text, position, end)
    number = NUMBER_AHEAD.match(text, position, end)
    said = (
        (digit and GIVEN_AFTER.match(text, digit.start(), end))
        or (number and COUNTED_AFTER.match(text, number.end(), end))
        or FIGURES_GIVEN_BY.search(text, position, end)
    )
    return _as_written(said.group("by")) if said else None


COUNTED_AFTER = re.compile(rf"(?:bn|m|k|%)?(?: [a-z-]+){{0,3}},? {WHOSE_COUNT}")  # ("€85bn by")


WHICH_THEY_SAY = re.compile(  # "14 villages, which military analysts say had about 5,000 people"
    # ("…, a figure US officials put closer to 120,000")
    r", (?:(?:a|the) (?:figure|number|count|estimate|total) (?:which |that )?"
    r"|(?:which|that|where) )"
    rf"(?P<by>{VAGUE_SOURCE}(?:{NARROWED})?|{SOURCE_NAME}|the (?:{A_BODY.pattern}))"
    r" (?:say|says|said|estimate|estimates|believe|believes|reckon|reckons|think|thinks|put"
    r"|puts|place|places)\b[^;:]*$"
)


FIGURES_GIVEN_BY = re.compile(  # "…, figures the UN published at the time.", "…, a number the
    # Interior Ministry published last month."
    r", (?:(?:(?:the|all|both) )?(?:figures|numbers|data|estimates|counts)"
    r"|an? (?:figure|number|count|estimate|total)) (?:that |which )?"
    rf"(?:the )?(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE}) (?:has |have |had )?"
    r"(?:published|released|gave|gives|reported|reports|compiled|put out)\b[^;:,]*$"
)


def _which_they_say(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """Who says what the relative clause holding a figure says: "Ukraine had recaptured 14
    villages, which military analysts say had about 5,000 people" is the analysts' 5,000,
    not the sentence's first source's."""
    said = WHICH_THEY_SAY.search(text, sentence[0], position)
    return _as_written(said.group("by")) if said else None


CLAUSE_ENDS = re.compile(r"[;:]|, (?:and|but|while|whereas|as)\b")
ONE_S_PART = re.compile(r"(?:\b(?:of|in|at|from|for|near|across)(?: the| an?)?|['’]s),? $")


def _who_says(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """Whose figure it is, said in a clause of their own after their name: "Hürriyet quotes
    President Erdoğan, who put the number at 200" is the president's 200, not the paper's;
    "… told the Example Danube Observer, which counted 120 vessels" is the Observer's."""
    if text.find(", wh", sentence[0], position) < 0:
        return None  # (most sentences: no clause of one's own to read)
    asides = chain(  # (read to the sentence's end: what follows may say it is no saying)
        WHO_SAYS.finditer(text, sentence[0], sentence[1]),
        WHICH_FOUND.finditer(text, sentence[0], sentence[1]),
    )
    for said in sorted(asides, key=_starts, reverse=True):  # the clause nearest the figure
        if said.end() > position or CLAUSE_ENDS.search(text, said.end(), position):
            continue  # a clause closed before it ("…, who said talks would go on, and …")
        # the whole of who it is, not a place or body that ends it ("port officials in Odesa,
        # who said"): that is read as usual
        if not ONE_S_PART.search(text, sentence[0], said.start("by")):
            return _as_written(said.group("by"))
    return None


def _starts(match: re.Match[str]) -> int:
    return match.start()


INNER_PART = re.compile(r": |, and | that ")  # where what one says another says may begin


OPENED_BY_CONTRAST = re.compile(  # "While UNHCR records 6 million, the Monitor counts 5.5 million"
    r"(?:While|Whereas|Although|Though) [^,;]{1,150}(?P<boundary>,\s+)"
)


def _contrasted_clause(text: str, sentence: tuple[int, int], position: int) -> tuple[int, int]:
    """The part of the sentence set against another that holds ``position``: "UNHCR counts 6
    million, while the Monitor puts it at 5 million" (each figure's source is in its part), as
    "While UNHCR counts 6 million, the Monitor puts it at 5 million"."""
    start, end = sentence
    if opened := OPENED_BY_CONTRAST.match(text, start, end):
        if opened.end() <= position:
            start = opened.end()
        else:
            end = opened.start("boundary")
    for boundary in CONTRAST.finditer(text, start, end):
        if boundary.end() <= position:
            start = boundary.end()
        elif boundary.start() >= position:
            end = boundary.start()
            break
    return (start, end)


GAPPED = re.compile(  # "; the EPA, 41": the verb of the clause before left out
    rf"(?:the )?(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE}), "
)


def _gapped(text: str, clause: tuple[int, int], position: int) -> str | None:
    """Who gives the figure in a clause that leaves out the verb of the clause before: "The MFA
    counts 37 funded projects; the EPA, 41" (the EPA's 41); "The Office puts their number at
    about 86,000, the Red Crescent at nearer 110,000" (the Red Crescent's)."""
    put_at = GAPPED_AT.search(text, clause[0], position)
    if put_at and put_at.end() == position:
        return _as_written(put_at.group("by"))
    if not text.endswith("; ", 0, clause[0]):
        return None
    gapped = GAPPED.match(text, clause[0], clause[1])
    return _as_written(gapped.group("by")) if gapped and gapped.end() == position else None


GAPPED_AT = re.compile(  # "… puts it at 86,000, the Example Red Crescent Society at nearer …"
    rf"\b(?:puts?|placed?|estimates?|estimated) [^;]{{1,80}}? at [^;]{{1,40}}, (?:the )?"
    rf"(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE}) at (?:[a-z]+ ){{0,2}}"  # (a hedge: "at nearer")
)


RANGE_OTHER_END = re.compile(r"^\s*(?:and|to|-|–)\s*\d[\d.,]*\s?(?:%|per ?cent\b)?")


def _after_number(text: str, position: int, end: int) -> str:
    """The text from after the number at ``position`` to ``end``."""
    number = NUMBER_AHEAD.match(text, position, end)
    return text[number.end() : end] if number else text[position:end]


def _note_number(match: re.Match[str]) -> str:
    """A footnote's number however it is marked: "[3]", "^3", "³", "3."."""
    groups = match.groupdict()
    number = next(groups[name] for name in ("n", "md", "caret", "sup", "dot") if groups.get(name))
    return number.translate(SUPERSCRIPTS)


NOTE_RELAY = re.compile(  # ("citing Examplia's finance ministry": the ministry, not Examplia)
    rf",? (?:reporting|citing|quoting) (?:an? |the )?(?P<by>{VAGUE_SOURCE}|{SOURCE_NAME})"
)


def _named_in(note: str) -> str | None:
    """The source a note or a cell names first: "UNHCR, Ukraine situation, 2023" is UNHCR;
    "local authorities; IOM" is local authorities."""
    relayed = NOTE_RELAY.search(note)  # "Kyiv Independent, 27 July 2022, reporting a KIIS poll"
    if relayed:
        return _as_written(relayed.group("by"))
    first = re.split(r"[;,(]| and |\. ", note.strip(), maxsplit=1)[0].strip()
    named = re.match(rf"(?:the )?{SOURCE_NAME}|{VAGUE_SOURCE}", first, re.I)
    if named is None:
        return None
    return _as_written(_maker(named.group()))


def _maker(credit: str) -> str:
    """Who made the work a note or a list credits: "KIIS survey" (as reported by …), "UNHCR
    data" (for February), "UNHCR Global Trends", "Estimate of the Example Agrarian Council" are
    UNHCR's, KIIS's and the Council's; "press reports" stays."""
    titled = MAKER_AND_TITLE.fullmatch(credit)
    if titled:
        return titled.group("maker")
    # "Estimate of the Example Agrarian Council", "Data from the Example Freight Index"
    credit = re.sub(rf"^(?i:(?:{WORK}|data|figures)s? (?:of|by|from)) (?:the )?", "", credit)
    return re.sub(rf"^([A-Z].*?) (?:{WORK}|data)$", r"\1", credit)


def _work(word: str) -> str:
    return "poll" if word.lower() in ("polling", "survey") else word.lower()


def _attribution(sentence: str) -> str | None:
    """The source named first in the sentence ("Port officials in Odesa reported": the
    officials, not Odesa), where two patterns start at one word the one listed first; one who
    speaks before whose work it is ("At the launch of the UN's appeal, Martin Griffiths spoke
    of …", "When the UN launched its appeal, Martin Griffiths said …"), a work cited in
    brackets after it ("a KIIS wave found 84% (Babel 2023)": the one who made the figure, not
    where it was read)."""
    cued: dict[int, bool] = {}  # per cue (by its id: hashing a pattern reads all of it)

    def holds(cue: re.Pattern[str]) -> bool:  # each cue searched for once (six share one)
        if id(cue) not in cued:
            cued[id(cue)] = cue.search(sentence) is not None
        return cued[id(cue)]

    found = sorted(
        (
            2
            if pattern in BRACKETED and CITED.search(match.group())
            # whose work it is, and whose appeal (its sum is its author's: _appeal_holding),
            # only where no one says it: "When the UN launched its appeal, Griffiths said …"
            else pattern in WHOSE_WORK or pattern is APPEAL_LAUNCHED,
            not RELAYED.search(sentence, 0, match.start("by")),  # the one relayed made it
            match.start(),
            rank,
            match.start("by"),
            match.group("by"),
            match.end(),
        )
        for rank, pattern, cues in _CUED
        if all(holds(cue) for cue in cues)
        for match in pattern.finditer(sentence)
    )
    for _, _, _, rank, start, name, end in found:
        if any(no(sentence, start, end) for no in NOT_WHO_SAYS.get(ATTRIBUTION[rank], ())):
            continue
        matched_end = start + len(name)  # (where the name as matched ends)
        if ATTRIBUTION[rank] is NAME_SAYS and (owner := OWNERS_TITLE.search(sentence, 0, start)):
            if TITLED_WORK.search(name):  # "The UN's 2024 … Response Plan seeks": the UN's
                name = owner.group("owner")
        if ATTRIBUTION[rank] is NAME_SAYS and (work := _reported_work(sentence, end)):
            name = work  # "Interfax-Ukraine reports a new KIIS figure of 74%": KIIS's
        elif ATTRIBUTION[rank] in SAYING and (cited := THAT_ACCORDING_TO.match(sentence, end)):
            name = cited.group("by")  # "X reminded the room that, according to the UN, …"
        elif ATTRIBUTION[rank] in SAYING and (told := SAYS_ANOTHER_SAYS.match(sentence, end)):
            name = told.group("by")  # "Our correspondent says port officials count 16 ships"
        # (a representative is named whole: "representative" is a title before a name)
        # (a capital at the sentence's start may be no name's, after a quote mark, a bullet, an
        # item's number or a speaker's tag)
        opens = bool(OPENS_AFTER.fullmatch(sentence, 0, start))
        whole = ATTRIBUTION[rank] in (REPRESENTATIVE_SAYS, FACILITY_SAYS, ACCORDING_TO_A_FACILITY)
        by = name if whole else _as_written(name, opens)
        if by and not _spelled_out(sentence, start, matched_end, name):
            return by.lower() if ATTRIBUTION[rank] is VAGUE_WORK else by
    return None


SAYING = (NAME_SAYS, VAGUE_SAYS, STAFF_AT_SAYS, OWN_BODY_SAYS, OWNED_BODY_SAYS, REPRESENTATIVE_SAYS)
"""Who says it, before what they say: which may be what another found."""
THAT_ACCORDING_TO = re.compile(  # what one says that another found: the other's figure, where
    # the words that follow "that" credit it ("reminded the House that, according to the UN, …",
    # "that the deal moved 33 million tonnes, according to the UN")
    rf"(?: [\w'’-]+){{0,3}}? that,? (?:[^;]*?[ ,])?(?:according to|in the (?:estimate|view"
    r"|count|assessment|reckoning) of|by the (?:count|estimate|tally) of) (?:the )?"
    # ("…, in the estimate of Ukrainian energy officials", "according to the national grid
    # operator"): a vague source too, where it ends the sentence
    rf"(?P<by>{SOURCE_NAME}|{VAGUE_SOURCE}(?=[.;]?$))"
)
SAYS_ANOTHER_SAYS = re.compile(  # what one says another counts: the other's figure
    rf" (?:that )?(?P<by>(?:the )?{VAGUE_SOURCE}(?:{NARROWED})?) {SAYS}\b"
)
CITED = re.compile(r"\b(?:19|20)\d\d\)")  # an author and a year in brackets: "(Babel 2023)"
REPORTED = re.compile(r" (?:an? |the )?(?:(?:new|latest|fresh|recent|updated|revised) )?")


def _reported_work(sentence: str, said: int) -> str | None:
    """Whose work it is that one reports, right after the verb: "reports a new KIIS figure"."""
    at = REPORTED.match(sentence, said)
    work = at and (
        NAMED_OWNERS_WORK.match(sentence, at.end()) or NAMED_WORK.match(sentence, at.end())
    )
    return work.group("by") if work else None


RELAYED = re.compile(
    rf"\b(?:citing|quoting|as) {CITED_OPENING}$"
    # "calculated from finance ministry data", "citing data from the operator"
    rf"|\b(?:based on|drawn from|(?:calculated|calculations|computed|estimated) from"
    rf"|citing (?:[\w-]+ ){{1,3}}?(?:from|of|by)) {CITED_OPENING}$"
    r"|^(?i:according to) [^,;.]{1,60}, (?:the )?$"  # "According to the Post, UNHCR counted"
)
"""Before the one a relayer cites ("The Daily said, citing port operators"; "…, as the Belfer
Center put it"): the one who made the figure, the source."""
A_WORKS_TITLE = re.compile(  # ("the World Bank's Rapid Damage and Needs Assessment")
    rf"['’]s (?![\w -]*\b(?:{BODY_HEAD})\b)(?:(?:[A-Z][\w-]*|and|of|for|on) )*[A-Z][\w-]*$"
)
"""A possessive and a title ("UNHCR's Global Trends"): a work, not "Ukraine's Defence Ministry"."""
WHO_NARROWED = re.compile(rf"{VAGUE_NOUN}{NARROWED}")  # "sources in the presidential office"
A_ROLE = re.compile(rf"(?:{one_of(ROLE_NOUNS)})s?")  # "president", "ministries": which, unsaid
SAME_SOURCE = re.compile(r"(?i:(?:the )?same (?:survey|poll|source|report|data|wave)|ibid|idem)\.?")
"""A source line that gives the one above it."""
OWNERS_TITLE = re.compile(rf"(?P<owner>{SOURCE_NAME})['’]s (?:(?:19|20)\d\d )?$")
TITLED_WORK = re.compile(rf"\b(?:(?i:{WORK})|Plan|Overview|Update|Index)$")
"""A work's title after whose it is ("the World Bank's Rapid Damage and Needs Assessment"):
what it says, its maker's."""
BIDDEN = re.compile(
    r"\b(?:recommends?|recommended|urges?|urged|proposes?|proposed|asks?|asked|calls? on"
    r"|called on)(?: that)? (?:the )?$"
)
"""Before one bidden to do what follows, who has not done it: no source."""
SHARE_OF = re.compile(r"(?:%|\bper ?cent|\bpercent) of (?:the )?$")
ITS_PEOPLE = re.compile(r"['’]s\b| (?:respondents|participants|sample|panel)\b")


def _the_whole_of_a_share(text: str, start: int, end: int, opens: int) -> bool:
    """Whether ``text[start:end]`` names the whole a share is of ("about 6.5% of the UN
    appeal", "in 93% of the polling stations"), not whose work asked the people the share is
    of ("64% of the KIIS poll's respondents")."""
    return bool(SHARE_OF.search(text, opens, start)) and not ITS_PEOPLE.match(text, end)


BY_WHOM = re.compile(r"\bby (?:[\w'’-]+ ){0,2}$")
"""Before a vague source that is not who says it, but by whom a thing was made."""
IN_A_PLACE = re.compile(r"\b(?:in|from|across|inside|within|near)(?: [a-z][\w-]*)? $")
COUNTED_FOR = re.compile(  # "The UN's figures for the Black Sea Grain Initiative give": the UN's
    r"\b(?:figures|data|estimates?|numbers|statistics|count|tally|records) (?:for|on) (?:the )?$"
)
NotWho = Callable[[str, int, int], bool]
"""Whether what stands around one who seems to say it (the sentence, where they start and end)
says they do not."""


def _before(pattern: re.Pattern[str]) -> NotWho:
    """What ``pattern`` finds right before them says so."""
    return lambda sentence, start, _end: bool(pattern.search(sentence, 0, start))


NOT_WHO_SAYS: dict[re.Pattern[str], tuple[NotWho, ...]] = {
    # "2,400 adults in government-controlled Ukraine asked": not Ukraine; "recommends that the
    # Republic of Examplia set aside €15 million": not yet; what the figures are for
    NAME_SAYS: (_before(IN_A_PLACE), _before(BIDDEN), _before(COUNTED_FOR)),
    # "a review of 140 statements by European ministers found": the review's
    VAGUE_SAYS: (_before(BY_WHOM), _before(BIDDEN)),
    WORK_BY_WHOM: (_before(FRONTED),),
    # "We recommend that the Ministry of Finance report to us every 3 months": no report yet;
    # "about 6.5% of the UN appeal": the whole a share is of
    NAMED_WORK: (
        _before(BIDDEN),
        lambda sentence, start, end: _the_whole_of_a_share(sentence, start, end, 0),
    ),
}


def _spelled_out(sentence: str, start: int, end: int, name: str) -> bool:
    """An abbreviation in brackets that spells out the words before it ("Group of 20 (G-20)",
    "official development assistance (ODA)", "displaced persons (IDPs)") names no source: it
    fills its brackets, ``sentence[start:end]`` ("(Wikipedia's running tally)" is a name's)."""
    if not sentence.endswith("(", 0, start) or not sentence.startswith(")", end):
        return False
    parts = re.findall(r"[A-Z]|\d+", re.sub(r"s$", "", name))
    linking = ("of", "and", "the", "for")
    words = [w for w in re.findall(r"\w+", sentence[:start]) if w.lower() not in linking]
    if not parts or len(parts) > len(words):
        return False
    initials = [w if w.isdigit() else w[0].upper() for w in words[-len(parts) :]]
    return initials == parts


SAID_TOO = re.compile(  # one that says something after another in a sentence, by its name
    rf"(?:[,;] (?:while|whereas|but|and)|;) (?:the )?(?P<by>(?:[A-Z][\w-]* )+"
    rf"(?P<head>(?=[A-Z])(?i:{POINTED_BODY})))(?= {SAYS}\b)"
)


def _as_written(name: str, opens: bool = True) -> str | None:
    """A source as the curator writes it: not "the UN", "the UN's", "In May Reuters"; "other
    accounts" as the vague source it is. ``None`` if nothing is left ("June"). ``opens``: the
    name may open its sentence, where a vague source's first word is capitalised only there
    ("Port officials said"); one inside it keeps its capital ("the Odesa harbour master")."""
    if OWN_BODY.fullmatch(name.strip()):
        return name.strip()
    if titled := A_WORKS_TITLE.search(name):  # "UNHCR's Global Trends": UNHCR's report
        one = titled.group()[3:]  # ("'s " is three characters)
        # but one name after whose it is, a person: "Russia's Lavrov", "Ukraine's Zelenskyy"
        name = one if " " not in one and not one.isupper() else name[: titled.start()]
    words = re.sub(rf"['’]s?$|-(?:{JOINED_DEED})$", "", name.strip()).split()
    if words and words[-1].endswith(".") and "." not in words[-1][:-1] and words[-1] != "al.":
        words[-1] = words[-1][:-1]  # "according to the UN." ends a sentence; "U.S." keeps its own
    if len(words) > 2 and words[1] == "the":  # "Watch the UNHCR", a verb opening a sentence
        words = words[2:]
    if (
        len(words) > 2
        and words[0] in ("Last", "Next", "Early", "Late")
        and TIME.fullmatch(words[1])
    ):
        words = words[1:]  # "Last Thursday the Belfer Center posted": the Center
    named_with_the = bool(words) and words[0] == "The"  # "The Monitor" is a name, "Traders" not
    while words and words[0].lower() in STOP_NAMES - TITLES - NUMBERS:
        if len(words) > 1 and words[0].lower() in WHOSE_KIN and words[1].lower() in KIN:
            break  # "his sister", "My aunt in Odesa": whose they are, written
        if words[0].lower() in QUANTIFIERS and len(words) > 1 and words[1][:1].islower():
            break  # "various statistics", "most published accounts"; "Certain ECOWAS" is ECOWAS
        if words[0][:1].isupper() and len(words) > 2 and words[1] in ("of", "for"):
            break  # "Government of Ukraine", "Ombudsman for Children": the name's head
        if len(words) > 2 and WHO_NARROWED.fullmatch(" ".join(words)):
            break  # "sources in the presidential office": who they are
        words = words[1:]
    for at, word in enumerate(words[:-2]):  # "NATO Secretary-General Jens Stoltenberg": the
        if word.lower() in PERSON_TITLES and A_PERSON.fullmatch(" ".join(words[at + 1 :])):
            words = words[at + 1 :]  # person, not the body whose title they hold
            break
    if (
        not words
        or len(words) == 1
        and (
            DEMONYM_PLURAL.match(words[0])
            or DEMONYM.match(words[0])
            or words[0].lower() in NOT_ALONE  # "all G-20 member States pledged": no one named
            # "the president said": which one, the text said before (not "the Secretary-General")
            or bool(A_ROLE.fullmatch(words[0]))
            or bool(PARTICIPLE.fullmatch(words[0]))  # "Funded projects reached …": no one
        )
    ):
        return None  # "80% of Ukrainians said": who answered, not who asked; "African" no one
    vague = re.fullmatch(
        rf"(?P<who>{VAGUE_SOURCE})(?:{NARROWED_TWICE}|{WHO_CLAUSE})", " ".join(words)
    )
    if (
        vague is None
        and len(words) > 2
        and words[0].lower() in TITLES
        and words[1] in ("of", "for")
    ):
        return " ".join(words)  # an office, named whole: "President of the General Assembly",
        # "Ombudsman for Children"
    if vague is None:
        return " ".join(without_titles(words))  # "Turkish President Recep Tayyip Erdoğan"
    who = vague.group("who").split()  # "Ukrainian port officials" keeps who they are
    if (
        (who[-1].islower() or len(who) == 1 and not named_with_the)
        and not (
            DEMONYM.match(words[0]) or words[0].endswith("ern")  # "Western diplomats"
        )
        and not words[0].isupper()
        and not words[0].endswith(("'s", "’s"))  # "Poland's border guard": a name owns it
        and not (  # "United Nations agencies", not "Two European officials"
            len(words) > 2 and words[1][:1].isupper() and not DEMONYM.match(words[1])
        )
        and not (len(words) > 2 and words[1] in PLACE_OF)  # "Sumy regional administration"
        and opens
    ):  # "ECOWAS officials" keeps its acronym
        words[0] = words[0].lower()
    return " ".join(words)


PLACE_OF = {"regional", "city", "municipal", "local", "oblast", "district", "provincial", "state"}
"""Words after a place's name in a vague source: the place keeps its capital."""


def _full_names(text: str) -> dict[str, list[tuple[int, str]]]:
    """Runs of two to five capitalised words, without titles, by their last word, in text order."""
    names: dict[str, list[tuple[int, str]]] = {}
    for match in FULL_NAME.finditer(text):
        words = without_titles(match.group().split())
        while words and words[0].lower() in STOP_NAMES:  # "When Israel …" opening a sentence
            words = words[1:]
        if len(words) > 1:
            names.setdefault(words[-1], []).append((match.end(), " ".join(words)))
    return names


def _in_full(source: str, full_names: dict[str, list[tuple[int, str]]], before: int) -> str:
    """A person named by surname, after being named in full: "Erdoğan's spokesman" after
    "Turkish President Recep Tayyip Erdoğan" is "Recep Tayyip Erdoğan's spokesman"."""
    head = re.match(r"[^\s'’]+", source)
    if head is None or not head.group()[:1].isupper() or source[head.end() :][:1] not in "'’":
        return source  # not one name alone ("Erdoğan", "Erdoğan's spokesman")
    earlier = [name for end, name in full_names.get(head.group(), []) if end <= before]
    return earlier[-1] + source[head.end() :] if earlier else source
