"""The words that mark a passage about Russia's war against Ukraine, and each stance label.

Rules, not a model: no model weights can be downloaded here, and a rule names the words that
fired, which the curator sees beside every machine stance. Each label is a list of patterns; a
pattern is strong (the words alone say it) or weak (they say it only beside a strong cue of the
war in the same sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(*patterns: str) -> re.Pattern[str]:
    # Word boundaries, hyphens included: "Russia-Ukraine war" names both.
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


# Naming the war, its places or the parties. "Russia" alone is a cue: speeches name Russia
# almost only over this war in 2022 and 2023.
WAR = _words(
    r"Ukrain\w*",
    r"Russia(?:n)?(?: Federation)?",
    r"Kyiv",
    r"Kiev",
    r"Crimea\w*",
    r"Donbas+",
    r"Donetsk",
    r"Luhansk",
    r"Zaporizhzhia",
    r"Zaporozhye",
    r"Mariupol",
    r"Bucha",
    r"Kherson",
    r"war (?:in|on|to) (?:the heart of )?Europe(?:an soil)?",
    r"war on (?:our|the European) continent",
    r"(?:conflict|war|aggression|fighting) in (?:eastern )?Europe",
    r"European (?:war|conflict)",
    r"special military operation",
    r"Black Sea (?:Grain )?Initiative",
    r"grain (?:deal|corridor|initiative|agreement)",
    r"(?:pandemic|COVID(?:-19)?),? (?:and|then) (?:a |the )?war",
)

# Other conflicts a speech turns to: a sentence that names one (and not this war) is about it,
# and the paragraph's topic has moved on.
OTHER_CONFLICTS = _words(
    r"Cyprus",
    r"Cypriots?",
    r"Palestin\w*",
    r"Israel\w*",
    r"Gaza",
    r"West Bank",
    r"Jerusalem",
    r"Syria\w*",
    r"Yemen\w*",
    r"Libya\w*",
    r"Sudan\w*",
    r"Darfur",
    r"Ethiopia\w*",
    r"Tigray",
    r"Somalia\w*",
    r"Sahel",
    r"Afghan\w*",
    r"Myanmar",
    r"Rohingya",
    r"Korean Peninsula",
    r"Kosovo",
    r"Serbia\w*",
    r"Bosnia\w*",
    r"(?:Nagorno-)?Karabakh",
    r"Azerbaijan\w*",
    r"Western Sahara",
    r"Haiti\w*",
    r"Kashmir",
    r"Great Lakes",
    r"Abkhazia",
    r"South Ossetia",
    r"Tskhinvali",
    r"Taiwan",
)

# Words that point back at a war named earlier in the paragraph: "the conflict", "the parties".
ANAPHOR = _words(
    r"(?:the|this|that) (?:war|conflict|crisis|hostilities|fighting|aggression|invasion)",
    r"(?:the|both|all) (?:parties|sides)(?: concerned| to the conflict)?",
    r"(?:a |an )?(?:ceasefire|cease-fire|cessation of hostilities)",
)

# The war's effects: food, energy, fertiliser, prices, nuclear risk.
EFFECTS = _words(
    r"food",
    r"energy",
    r"grain",
    r"fertili[sz]ers?",
    r"prices?",
    r"inflation",
    r"supply chains?",
    r"nuclear (?:power )?(?:plant|facility|safety|risk|threat|weapons?)",
    r"cost of living",
    r"commodit\w+",
)


@dataclass(frozen=True)
class Label:
    """One stance label: its notation and the patterns that show it."""

    notation: str
    patterns: re.Pattern[str]
    refuted_by: re.Pattern[str] | None = None  # words in the sentence that turn the cue away
    needs: re.Pattern[str] | None = None  # words the sentence must also have for the cue to count


# Talks on Ukraine's terms, on conditions, or refused are not a call for talks now; talks
# about grain and food are about the war's effects; talks held or hosted are a report.
_NOT_TALKS_NOW = _words(
    r"peace formula",
    r"no (?:negotiations|talks|dialogue)",
    r"cannot negotiate",
    r"refus\w+",
    r"(?:settlement|resolution) of (?:international )?disputes",  # the Charter's principle
    r"only if",
    r"until",
    r"unless",
    r"(?:not|never) want",
    r"grain",
    r"wheat",
    r"cereals?",
    r"food",
    r"fertili[sz]ers?",
    r"export\w*",
    r"preconditions?",
    r"prerequisites?",
    r"(?:on|under) (?:the |these |such )?conditions?",
    r"illusions?",
    r"peace(?:keeping|building)",
    r"peace missions?",
    r"hosted",
    r"pursued",
    r"nuclear arsenals?",
    r"strategic stability",
    r"arms control",
    r"across the globe",
    r"around the world",
    r"withdraw\w*",
    r"(?:19|20)\d\d",
    r"impose",
    r"freez\w+",
    r"(?:sham|illegal|so-called) \w+",
    r"nuclear disarmament",
    r"two-State solution",
    r"as an? (?:country|nation|State) (?:\w+ )?committed",  # what a speaker is, not what it asks
)

CALLS_FOR_TALKS = Label(
    "calls-for-talks",
    _words(
        r"cease-?fires?",
        r"cessation of (?:the )?hostilities",
        r"negotiat\w+",
        r"dialogue",
        r"diplomac\w+",
        r"diplomatic (?:solution|settlement|resolution|means|path|track)",
        r"peaceful (?:settlements?|solutions?|resolutions?|means)",
        r"political (?:solutions?|settlements?)",
        r"(?:cease|stop|halt) (?:all |the )?"
        r"(?:military actions|military operations|hostilities|fighting)",
        r"an? end to (?:the |all )?(?:fighting|hostilities)",
        r"peace (?:talks|process|negotiations)",
        r"de-?escalat\w+",
        r"mediat\w+",
        r"(?:silence|lay down) (?:the|their) (?:guns|arms|weapons)",
        r"restore peace through talks",
        r"make peace",
        r"off-?ramp",
        r"talk to each other",
        r"(?:platform|venue|forum|table) for (?:peace )?talks",
        r"(?:resume|start|begin|hold|return to|open) (?:peace |direct )?talks",
        r"peaceful resolution",
    ),
    refuted_by=_NOT_TALKS_NOW,
)

# "An end to the war" is a call for talks only from a speaker who asks nothing of either side:
# beside a demand on Russia, or on Ukraine's borders, it is the end on Ukraine's terms.
CALLS_FOR_AN_END = Label(
    "calls-for-talks",
    _words(
        r"(?:an|the) end (?:to|of) (?:the |this |that )?(?:[\w-]+ ){0,2}(?:war|conflict|bloodshed)"
    ),
    refuted_by=_words(
        _NOT_TALKS_NOW.pattern,
        r"aggression",
        r"territorial integrity",
        r"sovereign\w*",
        r"(?:on|urge|urges|call upon|calls upon) Russia",
        r"Russia (?:must|to|should)",
        r"Cold War",
    ),
)

WITHDRAWAL_OR_INTEGRITY = Label(
    "withdrawal-or-territorial-integrity",
    _words(
        r"withdraw\w*",
        r"territorial integrity",
        r"internationally recogni[sz]ed borders",
        r"(?:just|comprehensive|fair)(?: and (?:lasting|durable|sustainable))? peace",
        r"peace formula",
        r"(?:in|with) (?:line|accordance|conformity|keeping) with the "
        r"(?:United Nations |UN )?Charter",
        r"restor\w+ (?:its |the |Ukraine's )?(?:sovereignty|borders)",
        r"liberat\w+ (?:of )?(?:all |the |its |their )?(?:occupied |Ukrainian )?territor\w+",
        r"territor\w+ (?:(?:must|should|will) )?(?:is |are |be )?liberated",
        r"(?:change|move|redraw|alter)\w* (?:\w+ )?borders by force",
        r"(?:invasion|aggression|attempt\w*|war) (?:\w+ ){0,6}"
        r"(?:(?:must|should|will|can) not|cannot) succeed",
        r"pull(?:ing)? out",
    ),
)

CONDEMNS_RUSSIA = Label(
    "condemns-russia",
    _words(
        r"aggress\w+",
        r"invasion",
        r"invad\w+",
        r"unprovoked",
        r"unjustified",
        r"illegal (?:war|invasion|annexation|occupation|referend\w+)",
        r"illegal(?:ly)? annex\w+",
        r"annex\w+",
        r"sham referend\w+",
        r"war crimes",
        r"atrocities",
        r"(?:violat\w+|breach\w*) (?:of )?(?:the )?(?:United Nations |UN )?Charter",
        r"war of conquest",
        r"(?:unwarranted|unacceptable|senseless|unjust|barbaric|criminal) (?:\w+ )?"
        r"(?:war|invasion|aggression|attack|assault)",
    ),
    # Aggression against another state named in the sentence is someone else's aggression.
    refuted_by=_words(
        r"NATO",
        r"the West",
        r"Western",
        r"(?:aggression|attack\w*) against (?:the )?(?:Republic of |State of |people of )?"
        r"(?!Ukrain)(?-i:[A-Z])\w+",
        r"(?:every|any|all) (?:\w+ )?violations?",  # a rule stated for all, not a charge
    ),
)

# Words that condemn whatever the sentence is about: they condemn Russia only beside its name.
CONDEMNS_RUSSIA_BY_NAME = Label(
    "condemns-russia",
    _words(
        r"condemn\w*",
        r"deplor\w+",
        r"occup\w+",
        r"imperial\w*",
        r"brutal\w*",
    ),
    refuted_by=_words(r"NATO", r"the West", r"Western"),
    needs=_words(r"Russia\w*", r"Moscow", r"Kremlin", r"Putin"),
)

BLAMES_WEST_OR_SANCTIONS = Label(
    "blames-west-or-sanctions",
    _words(
        r"unilateral (?:coercive measures|sanctions)",
        r"(?:illegal|illegitimate|unilateral|unjust|indiscriminate) sanctions",
        r"lift\w* (?:the |all )?sanctions",
        r"counter-?sanctions",
        r"sanctions (?:war|regime)s?",
        r"sanctions (?:have|has|that) (?:\w+ ){0,3}(?:hurt|harm|hit|affect|exacerbat|disrupt)\w*",
        r"NATO(?:'s|’s)? (?:expansion|enlargement|eastward)",
        r"eastward (?:expansion|enlargement)",
        r"expansion of NATO",
        r"collective West",
        r"Western (?:sponsors|masters|patrons|hegemony)",
        r"the West (?:has|have|is|are) (?:\w+ ){0,3}(?:provok|fuel|prolong|escalat|us)\w*",
        r"proxy war",
        r"neo-?Nazi\w*",
        r"Kyiv regime",
        r"Kiev regime",
        r"foment\w*",
        r"legitimate security (?:concerns|interests)",
        r"russophob\w+",
        r"provocat\w+ (?:\w+ ){0,8}against Russia",
        r"(?:NATO|Western|the West)(?:['’]s)? provocat\w+",
        r"provoked by (?:NATO|the West)",
        r"pumping (?:\w+ )?weapons",
        r"arms supplies",
    ),
)

# The order in which a sentence's labels are reported.
LABELS = (
    CALLS_FOR_TALKS,
    CALLS_FOR_AN_END,
    WITHDRAWAL_OR_INTEGRITY,
    CONDEMNS_RUSSIA,
    CONDEMNS_RUSSIA_BY_NAME,
    BLAMES_WEST_OR_SANCTIONS,
)
EFFECTS_ONLY = "effects-only"
