"""Code events from sentences: who did what to whom, where and when, each tied to its sentence.

One sentence at a time: find triggers, then for each its actor (the noun just before it, an agent "by X",
or the sentence's subject), its target, its places, its date and its modality. A few article-level passes
then join what belongs together: "So have Denmark and Germany", a kill that is the result of the strike
just named, and later references back to an event already placed ("the attack").
"""
from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from geodata.names import normalize
from reading.actors import ActorSpan, Registry
from reading.article import Article
from reading.dates import DateMention, find_dates
from reading.model import Event, Fatalities, Place, Sentence
from reading.resolve import SITE_PREFIX
from reading.toponyms import DIRECTIONS, LOCATIONAL_HEADS
from reading.triggers import Trigger, find_triggers, governs, modality
from reading.vocabulary import ACTIONS, POSTURE_ACTIONS, VIOLENT_ACTIONS

HISTORICAL_AFTER_DAYS = 31
_PREMODIFIER = re.compile(r"^\s*(?:(?:a|an|the|its|their|air|drone|missile|rocket|military|deadly|fresh|new|retaliatory|heavy|suspected|alleged|artillery|army)\s+)*$", re.I)
_AGENT = re.compile(r"^[^.;]{0,40}?\bby\s+(?:(?:a|an|the)\s+)?(?:[\w'’]+-(?:backed|aligned|allied|supported|sponsored|funded|armed|linked|affiliated)\s+)?$", re.I)
# "struck three sites used by Kataib Hezbollah": "by" after another participle names who uses the object, not the
# striker; "an attack claimed by" or "carried out by" still names the doer.
# "rockets were fired", "missiles hit": a trigger whose subject is the weapon ("a drone strike" is an act, not a weapon).
_WEAPON_FIRST = re.compile(r"^(?:missiles?|rockets?|drones?|shells?|bombs?|mortars?|projectiles?)\s+(?!(?:strikes?|attacks?)\b)\w", re.I)
# "Ukrainian sea drones", "Russia's Shahed drones": whose the weapon is, a word or two before it.
_WEAPON_OWNER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}")
_OTHER_PARTICIPLE_BY = re.compile(r"\b(?!(?:claimed|carried|conducted|launched|fired|staged|mounted|ordered|organi[sz]ed|committed|"
                                  r"perpetrated)\b)(?:\w+ed|held|run|led|built|known|seen|set)\s+(?:out\s+)?by\s+(?:(?:a|an|the)\s+)?$", re.I)
_NON_SUBJECT = re.compile(r"\b(?:against|at|on|of|with|from|for|to|by|into|fighting|killed|kill|showing|about|since|after|before|during|despite|following|met|and)\s+(?:(?:a|an|the|his|her|its|their)\s+)?$", re.I)
_GROUP_NOUN = r"the (?:[a-z]+ )?(?:group|jihadists|militants|militia|militias|rebels|insurgents|fighters|attackers|gunmen|assailants|dissidents|guerrillas)"  # "the paramilitary group"
_PRONOUN_SUBJECT = re.compile(rf"(?:^\W*|\b)(they|it|he|she|loyalists|{_GROUP_NOUN})\b(?=(?:\s+\w+){{0,3}}\s*$)|^\W*(they|it|{_GROUP_NOUN})\b", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|his|her|their|its)\s+$|['’]s\s+$", re.I)
_PREPOSITION = re.compile(r"\b(?:against|at|on|of|with|from|for|to|by|into|met|killed|kill)\s+(?:(?:a|an|the|his|her|its|their)\s+)?$", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that|same)\s+$", re.I)
_COORDINATED_ACTOR = re.compile(r"^\s*(?:,|and|,\s*and)\s*(?:the\s+)?(?:(?:allied|rival|local|other|[a-z]+-(?:backed|aligned|allied|led))\s+)?$", re.I)
_OF_AGENT = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|their|its)\s+$", re.I)
_RELATIVE_SUBJECT = re.compile(r"^,?\s*(?:which|who|that|whose\s+(?:[\w-]+\s+){0,2}?(?:fighters|members|forces|troops|men|militants|gunmen|soldiers|units))\b", re.I)
_POSSESSOR = re.compile(r"(?:['’]s|\b(?:his|her|their|its))\s+$", re.I)
_ELLIPSIS = re.compile(r"^\W*(?:so|nor|neither)\s+(?:have|has|had|did|do|does|is|are|was|were|will)\b", re.I)
_RELATIVE_RESULT = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+){0,1}$", re.I)
_AND_PASSIVE = re.compile(r"\band\s+(?:were|was|had been|have been)\s+$", re.I)
_DESTINATION = re.compile(r"\b(?:to|into|towards|toward|heading for|headed for|bound for|heading to|en route to|reached|reaching)\s+"
                          r"(?:(?:the|a|an)\s+(?:[A-Za-z-]+\s+){0,3}(?:(?:near|outside|in|at)\s+)?)?$", re.I)  # "to a drone base near Agadez"
_ORIGIN = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?$", re.I)
_NOT_A_PLACE_OBJECT = re.compile(r"\b(?:out of|from)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:agreement|deal|treaty|accord|talks|race|election|pact)\b", re.I)
# "MOGADISHU -", "KYIV, 14 March (Reuters) -": where the story was filed, not where anything happened.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*\(|\s*[—–-])")
# "..., residents and officials said": the people a report cites are its sources, not a target.
_SOURCE_AFTER = re.compile(r"^(?:\s+and\s+[\w\s]{0,30}?)?(?:\s+(?:military|army|navy|government|officials?|ministry|command|forces))?"
                           r"\s+(?:said|say|says|told|reported|added|according)\b", re.I)  # "..., the US military said"
_OWNER_OF = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:mission|operation|force|forces|navy|army|government|coalition|"
                       r"alliance|command|ministry|embassy)\b", re.I)
_BORDER_OF = re.compile(r"^(?:['’]s)?\s+(?:border|frontier)\b", re.I)
_SAY = re.compile(r"\b(?:said|says|announced|claimed|added|reported|confirmed|stated|told \w+)\b", re.I)
# "Iranian officials said the strikes hit a village": verbs whose object is a clause; the speaker is not its doer.
_SAY_CLAUSE = re.compile(r"\b(?:said|says|say|told (?:\w+|the \w+)|reported|confirmed|stated|added),?\s+(?:on \w+\s+)?(?:that\s+)?", re.I)
# "seized rifles, grenade launchers and explosives": materiel taken, not ground.
_MATERIEL = re.compile(r"^\s+(?:(?:large\s+)?(?:quantities|amounts|caches?|stockpiles?|hauls?)\s+of\s+)?(?:[\w-]+\s+){0,2}?"
                       r"(?:weapons|arms|rifles|guns|ammunition|explosives|grenades|launchers|drugs|cocaine|heroin|cash|documents)\b", re.I)
# "said on Monday that it", "said in March that it", "said on 3 March that they", "said last week it".
_REPORTED_PRONOUN = re.compile(r"^\s*(?:(?:(?:late |early )?on|in|last|this|earlier|later)\s+(?:\d{1,2}\s+)?\w+\s+)?(?:that\s+)?"
                               r"(?:it|they|he|she|(?:its|their|his|her)\s+\w+)\b", re.I)
# Nouns that, after a possessive, act for the possessor: its armed men ("the junta's warplanes", "Haftar's
# fighters"), its office-holders ("Iraq's prime minister") and its state bodies ("Sudan's civil aviation authority").
_ARMED_NOUN = re.compile(
    r"^['’]s\s+(?:\w+\s+){0,2}?(?:forces|force|troops|soldiers|fighters|militants|gunmen|mercenaries|men|army|militia|"
    r"warplanes|jets|aircraft|drones|artillery|units|loyalists|police|navy|air force|coast guard|government|president|"
    r"prime minister|(?:defence|defense|foreign|interior) minist(?:er|ry)|parliament|leader|cabinet|"
    r"(?:aviation|port|border|security|military) authorit(?:y|ies)|defen[cs]e council|security council|security service)\b", re.I)
# Between two listed places: a comma or "and", then at most a few words that describe the next place.
_LIST_SEP = r"\s*(?:,|and|or|,\s*and|,\s*or|,?\s*including|,?\s*as well as|,?\s*and also)\s*(?:(?:the|a|an|its|their)\s+)?(?:[a-z][\w-]*,?\s+){0,4}"
# ...possibly across listed names the gazetteer does not know ("in Kayes, Diboli, Sandare and Niono"), and the
# rest of a name the gazetteer knows by its first words ("Nioro du Sahel").
_NAME_PARTICLE = r"(?:du|de|des|del|la|le|al|el|ad|as|ar|an|ash|az|bin|ibn)[\s-]+"
_UNKNOWN_NAME = f"[A-Z][\\w'’-]*(?:\\s+(?:{_NAME_PARTICLE})?[A-Z][\\w'’-]*){{0,2}}"
_LIST_GAP = re.compile(f"(?-i:(?:\\s+{_NAME_PARTICLE}[A-Z][\\w'’-]*)?{_LIST_SEP}(?:{_UNKNOWN_NAME}{_LIST_SEP}){{0,6}})")
_PLACE_PREPOSITION = re.compile(r"\b(in|on|at|near|of|around|outside)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I)
_LOCATOR_END = re.compile(r"\b(?:in|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s*(?:the\s+)?$", re.I)
# "Wad Madani, the capital of Gezira state": the area after it locates the town (but "Sanaa, the port city of
# Hodeidah" lists a second town).
_CAPITAL_OF = re.compile(r",\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:capital|seat|centre|center|hub|heart|part)\s+of\s+(?:the\s+)?", re.I)
_VERB_IN_GAP = re.compile(r"\b(?:said|says|told|was|were|is|are|has|have|had|will|would|while|where|which|who|when|after|before|but)\b", re.I)
# "protested against the strikes", "condemned the attack": a definite noun after these names an event told already.
_REFERENCE_BACK = re.compile(
    r"\b(?:against|after|before|following|over|despite|since|during|in|condemned|condemning|denounced|blamed \w+ for|responsibility for|"
    r"claimed|claiming|behind|called|retaliation for|response to|revenge for|vengeance for)\s+"
    r"(?:the|these|those|this|that|its|their|his|her|last \w+['’]s|what (?:it|they|he|she) (?:called|described as) (?:an?|the))\s+"
    r"(?-i:(?:[a-z][\w-]*\s+){0,2})$", re.I)  # "the same US strike" names its actor: kept
# "did not comment on the attack", "condemned the US strikes", "said it was investigating the attack": speech about
# an act of violence, whoever is named doing it; the speaker did not do it and it is not another act ("welcomed the
# withdrawal" may be the first news of one, so moves are left to the rules for acts told before).
_SPOKEN_ABOUT = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|comment(?:ed|ing|s)?\s+on|investigat\w*|inquir\w+\s+into|mourn\w*|welcom\w*|praised)\s+"
    r"(?:the|these|those|this|that|its|their|his|her|last \w+['’]s)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_FIRST_TIME_SINCE = re.compile(r"\bfirst\s+(?:\w+\s+){0,2}(?:since\s+)?$", re.I)
_SINCE = re.compile(r"\bsince\b[^,;]*$", re.I)
_WIDE_AREA = re.compile(r"\b(?:across|throughout|around|all over)\s+(?:the\s+)?(?:wider\s+|whole\s+|entire\s+)?(?:region|area)\b(?!\s+of\b)", re.I)
# "sent warships to the region", "massed troops along the border": somewhere the text leaves unnamed (which side of a
# border is not said).
_VAGUE_AREA = re.compile(r"\b(?:to|into|in|over)\s+the\s+(?:wider\s+|whole\s+|entire\s+)?(?:region|area)\b(?!\s+of\b)"
                         r"|\b(?:along|near|on|at|to)\s+the\s+(?:[a-z]+\s+)?(?:border|frontier)\b(?!\s+(?:with|of|between|in|near)\b)", re.I)
# "the killing of Hamas leader Ismail Haniyeh", "of the Iranian general Qasem Soleimani": a person named by two names.
_NAMED_VICTIM = re.compile(r"\s+of\s+(?:(?!(?:in|at|on|near|by|from)\b)[\w'’-]+\s+){0,4}?[A-Z][a-z][\w'’-]*\s+[A-Z][a-z][\w'’-]*")
# "... were killed in the strikes", "wounded during the raid": the act the toll belongs to, named as told already.
_IN_TOLD_ACT = re.compile(r"^[^.;]{0,50}?\b(?:in|during)\s+(?:the|these|those|this|that)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "capital"})  # "the capital": the city named last
_AREA_WORDS = frozenset({"province", "region", "state", "governorate", "district"})
_SITE_ANAPHOR = re.compile(
    r"\b(?:the|that|this)\s+(?-i:[a-z][\w-]*\s+)?(hotel|palace|camp|beach|crossing|gate|bridge|market|mosque|church|hospital|school|university|"
    r"stadium|prison|port|dam|square|checkpoint|refinery|compound|barracks|airport|air base|base|embassy|temple|monastery|"
    r"city|town|village|capital|province|region|state|governorate|district)\b(?!\s+of\b)", re.I)
# "shut both of its fields", "evacuated their two camps": several sites named before.
_SITES_ANAPHOR = re.compile(r"\s+(?:(?:both|all|each|two|three)\s+(?:of\s+)?)?(?:its|their|the)\s+(?:two\s+|three\s+|four\s+)?"
                            r"(fields|camps|bases|hospitals|refineries|plants|mines|ports|clinics|schools)\b", re.I)
_KIND_OF = re.compile(r"\s+(?:[a-z]+\s+)?(?:town|city|village|port|capital|district|province|region|enclave|state)\s+of\s+(?:the\s+)?")
_BLAME = re.compile(r"\bblam(?:ed|es|ing)\s+(?:the|that|this|both)\s+(?:(?P<where>(?-i:[A-Z])[\w-]+)\s+)?(?:\w+\s+)?"
                    r"(?:attacks?|bombings?|strikes?|raids?|assaults?|killings?|explosions?|blasts?|ambush)\s+on\s+(?:the\s+)?"
                    r"|\b(?:had been|has been|was|were)\s+(?:attacked|struck|hit|bombed|targeted|shot down|downed)\s+by\s+(?:the\s+)?", re.I)
_SUBJECT_IN_TRIGGER = re.compile(r"(?:car|truck|lorry|van|vehicle|motorbike|motorcycle|tanker|bomb|device|grenade|mine|landmine|"
                                 r"explosion|blast|missile|rocket|drone|shell)s?\b", re.I)
_OWN_BORDER = re.compile(r"\bto\s+(?:its|their|the country['’]s)\s+(?:[\w-]+\s+)?(?:borders?|frontiers?)\s+with\b", re.I)
_FORCE_MOVES = frozenset({"withdraw", "relocate", "deploy", "reinforce", "seize"})
_IN_OPERATION = re.compile(r"\s+(?:[\w,-]+\s+){0,6}?in\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:counter-?offensive|offensive|operation|raid|assault|"
                           r"counter-?attack|battle|clashes)\b", re.I)
# "The violence has killed thousands of people a year since 2015", "The conflict, now in its sixteenth year, has
# killed more than 40,000": a war's whole toll is background, not an act of the story.
_CONFLICT_TOLL = re.compile(r"\b(?:violence|conflict|war|insurgency|fighting|unrest|crisis|uprising|rebellion)(?:,[^,;]{0,60},)?\s+"
                            r"(?:has|have|had)\s+(?:\w+ly\s+|also\s+|now\s+)?$", re.I)
_CAUSE_LINK = re.compile(r"^[^.;]{0,40}?\b(?:when|as|after|in)\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_DEFINITE_NOUN_LEAD = re.compile(r"(?:\b(?:the|this|that|these|those)|['’]s)\s+(?-i:(?:[a-z][\w-]*\s+){0,2})$", re.I)
_EVENT_NOUNS = frozenset("attack strike raid assault offensive bombing shelling airstrike ambush killing withdrawal pullout "
                         "incursion explosion blast".split())
_PREP_LEAD = re.compile(r"\b(?:of|after|amid|following|despite|over|from|against|for)\s+(?:a|an|the|its|their)?\s*(?:[\w'’-]+\s+){0,4}$", re.I)
# A trigger's first word that is a verb, so the trigger is no noun ("taken the headquarters of the army's command").
_VERB_FORM = re.compile(r"^(?:\w+(?:ed|ing|en)|took|left|hit|struck|fought|shot|overran|retook|threw|blew)$", re.I)
_ADJECTIVE_LEAD = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.I)
_OWN_ASSETS = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:airspace|borders?|(?:border )?crossings?|ports?|airports?)\b", re.I)
_TARGET_OWNER = re.compile(r"\s(?:against|on|at|targeting)\s+(?:the\s+)?((?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2})['’]s\s", re.I)
_FINITE_VERB = re.compile(r"^(?:\w+ed|fired|struck|hit|shot|took|blew|threw|fought)$", re.I)
# "killed 54 soldiers in attacks on two army positions": what lies between a toll and the act that caused it.
_IN_ACT = re.compile(r"^[^.;:]{0,60}?\b(?:in|during)\s+(?:[\w-]+\s+){0,3}$", re.I)
_STRUCK_ON_FOOT = re.compile(r"\b(?:attackers|gunmen|fighters|militants|insurgents|rebels|jihadists|assailants|bombers?)\s+(?:\w+\s+)?$", re.I)
_BORDER_SIDE = re.compile(r"\bborders?\s+(?:of|between)\s+(?:the\s+)?$", re.I)
_PART_OF = re.compile(r"\s+(?:gate|side|part|outskirts|edge|entrance|perimeter|wall)\s+of\s+(?:the\s+)?", re.I)
_WORD_AFTER = re.compile(r" ([A-Za-z]+)")
_COORDINATION_BEFORE = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$")
# After a country, a possessive or a noun it qualifies ("Syria's", "Syrian forces"); not a following preposition.
_NOUN_AFTER = re.compile(r"['’]s?\b|\s+(?!(?:on|in|at|to|from|near|and|or|as|since|after|before|last|this|over)\b)(?-i:[a-z]+)\b")
# "have launched", "has fired more than 100 rocket and drone": the perfect, up to the trigger it governs.
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:(?:also|since|now|already|repeatedly|\w+ly)\s+)?"
                      r"(?:\w+(?:ed|en|wn|ne|ht|ck|ung)\s+(?:[\w,'’-]+\s+){0,6}?)?$", re.I)
_MOVES = frozenset({"relocate", "withdraw", "deploy"})
# Forces told of as getting away: where they reach is where they fled to, not a place they advanced on.
_RETREATING = re.compile(r"\b(?:surviving|fleeing|retreating|remaining|escaping|withdrawing|routed)\s+(?:[\w-]+\s+)?"
                         r"(?:soldiers|troops|forces|fighters|units|policemen|officers)\s+(?:(?:had|have|has|later|eventually)\s+)?$", re.I)
_AGENT_PHRASE = re.compile(r"\s+(?:by|of)\s+(?:the\s+)?[^,;.]{1,40}?\s+", re.I)
# "killed in fighting with the rebels": the rebels named before fought.
_WITH_GROUP_NOUN = re.compile(r"\s+with\s+the\s+(rebels|militants|jihadists|insurgents|fighters|group|militias?)\b", re.I)
_RESTATED_BY = re.compile(r"^s?\s+(?:was|were|is|are|has|had|came|comes|drew|prompted|sparked|followed|appeared|bore)\b", re.I)
# "in the village's monastery, where police fought them": a where-clause happens at the place it follows.
_WHERE = re.compile(r",\s+where\s+", re.I)
_WITH_OPPONENT = re.compile(r"\s+with\s+(?:the\s+)?", re.I)  # "fighting with the rebels"
_AFTER_THE_EVENT = re.compile(r"\b(?:after|since|following)\s+the\s+(?:\w+\s+)?(?:attacks?|strikes?|raids?|hijacking|siege|bombings?|"
                             r"killings?|massacre|offensive|incursion|assault|explosions?|blasts?|fighting|clashes|unrest|violence)\b", re.I)
_ACCORD = r"(?:talks|negotiations|deal|agreement|accord|treaty|pact|initiative|ceasefire|truce|participation|membership|cooperation|relations)"
_SUSPENDED_ACCORD = re.compile(r"\s+(?:(?:its|their|the|all|a)\s+)?(?:[\w-]+\s+){0,5}?" + _ACCORD + r"\b", re.I)
_NAMES_AN_ACCORD = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+(?:deal|agreement|accord|treaty|pact|initiative|talks)\b")
_CLAIMED_ACT = r"(?:the|both|these|that|this)\s+(?:\w+\s+)?(?:attacks?|bombings?|strikes?|raids?|assaults?|killings?|explosions?|blasts?|ambush)\b"
# "JNIM claimed the attack", "took responsibility for the bombing", "said it had carried out the attack".
_CLAIM = re.compile(r"\b(?:claim(?:ed|s)\s+(?:responsibility\s+for\s+)?|(?:took|takes|accepted|accepts)\s+responsibility\s+for\s+|"
                    r"(?:said|says|announced)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:carried out|staged|launched|conducted|"
                    r"mounted|was behind|were behind)\s+)" + _CLAIMED_ACT, re.I)
_SPEAKS_AFTER = re.compile(r"\s+(?:(?:\w+ly|later|also|then)\s+)?(?:said|says|apologi[sz]ed|announced|denied|denies|accused|blamed|"
                           r"condemned|insisted|responded|protested|rejected)\b", re.I)
_FRONTED = re.compile(r"^\W*(?:in|at|on|near|outside|across|from|inside|around)\b", re.I)
# "by the end of the year", "by 30 September": a deadline; "pushed out by African Union troops in 2011": an agent.
_DEADLINE_BEFORE = re.compile(r"\b(?:ahead of|until|till|by\s+the\s+(?:end|start|beginning|middle|close|time)\b|before|deadline|due)\b"
                              r"(?:\s+[\w'’-]+){0,5}\s+$|\bby\s+$", re.I)
_OWNED_BY = re.compile(r"\b(?:linked to|owned by|tied to|belonging to|flagged to|operated by|affiliated with)\s+(?:the\s+)?$", re.I)
_NAMED_AS = re.compile(r"\b(?:called|named|dubbed|code-?named|known as)\s+$", re.I)
_OPENING_NOUN = re.compile(r"^\W*(?:(?:on|late on|early on)\s+\w+\s+)?(?:an?|the|another)\s+(?:[a-z]+\s+)?$", re.I)
# "will send troops if the attacks continue": an act named in a condition has not happened.
_CONDITION = re.compile(r"\b(?:if|unless|in case)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# "asked how the militants crossed into Uganda": a question about an act already told, not news of another.
_INDIRECT_QUESTION = re.compile(r"\b(?:asked|ask|asking|wondered|questioned|investigating|explain|(?:to\s+)?say|tell|decide|decided)\s+"
                                r"(?:how|why|whether)\s+(?:[\w'’-]+\s+){0,4}$", re.I)  # "declined to say whether it would strike back"
# "aimed at ending the fighting", "a call to stop the attacks": violence that is ended or stopped is not told as done;
# "the strike was a deliberate attack on civilians": a predicate describes an act already told.
_ENDED_OR_DESCRIBED = re.compile(r"\b(?:(?:end|ends|ended|ending|stop|stops|stopped|stopping|halt|halts|halted|halting)\s+(?:the|all|further|its|their|a)\s+"
                                 r"(?:[\w-]+\s+){0,2}|(?:was|were|is|are)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2})$", re.I)
# "a route where the rebels have long ambushed travellers": a habit of years, not an event of the story.
_HABITUAL = re.compile(r"\b(?:have|has|had)\s+(?:long|often|frequently|regularly|repeatedly|routinely)\s+$", re.I)
_YEARS_BEFORE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years|decades)\s+"
                           r"(?:after|since)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
_REFERENCE_ACTIONS = {"coup": {"coup"}, "takeover": {"coup", "seize"}, "offensive": {"attack", "seize"},
                      "invasion": {"attack", "advance", "seize"}, "incursion": {"attack", "advance"},
                      "withdrawal": {"withdraw", "relocate"}}
_AFTER_REFERENCE = re.compile(r"\b(?:after|since|following)\s+the\s+(" + "|".join(_REFERENCE_ACTIONS) + r")\b", re.I)
_OBJECT_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}")  # "crushed peaceful street protests"
# "... in the Irkutsk region of Siberia, the Olenya base in the Murmansk region in the far north, and the Dyagilevo ...".
_LIST_AFTER_LOCATOR = re.compile(r"(?:\s+(?:province|region|state|district|governorate|oblast))?"
                                 r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?(?:,\s+(?:where|which|who)\b[^,.;]*)?"
                                 r",\s*(?:(?:and|as well as)\s+)?(?:the\s+(?:[a-z]+\s+){0,2}of\s+)?(?:the\s+)?")
_WIDER_LOCATOR = re.compile(r"(?:\s+(?:province|region|state|district|governorate|oblast))?\s+(?:of|in)\s+(?:the\s+)?")
# Where the clause of an act ends, for its places and its target: "vowed to keep up attacks until the war in Gaza
# ends", "would send troops to Cyprus, and France said ... Lebanon", "a strike, in what it called support for Gaza".
# "since 2016", "since Sunday" date a span; "since the war began" opens a clause.
_SINCE_A_TIME = (r"since(?!\s+(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December|"
                 r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|then|last|early|late|mid)\b)")
_CLAUSE_CUT = re.compile(r";|\b(?:until|unless|because|although|though|whereas|while|but|" + _SINCE_A_TIME + r")\b|,\s+in\s+(?:what|retaliation|response|support|"
                         r"solidarity|revenge|protest)\b|,\s+and\s+(?=(?:[\w'’-]+\s+){1,4}?(?:said|says|announced|added|warned|told)\b)"
                         r"|\band\s+(?=(?:had|has|have|was|were|is|are|would|will)\b)", re.I)  # "... and had no plans to send its army into Kosovo"
# "sent warships to the region to defend Israel": a purpose clause names no target of the sending.
_PURPOSE = re.compile(r"\s(?:in order |so as )?to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|north|south|east|west|"
                      r"central|northern|southern|eastern|western|[a-z]+ern)\b)(?-i:[a-z]+)\b", re.I)
_OPERATES = re.compile(r"\b(?:runs|ran|operates|operated|owns|manages|running|operating)\s+(?:the\s+|its\s+|a\s+)?$", re.I)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose|where)\b", re.I)
_PRONOUN_AT = re.compile(r"(?:it|they|he|she)\b", re.I)  # "…, where it has besieged El Fasher": the subject again
_OWN_SUBJECT_CLAUSE = re.compile(r"(?:where|while|whereas|although|though|but)\b", re.I)
_SCENE_CLAUSE = re.compile(r"\b(?:when|while|as|whereas|although|though|but)\s+", re.I)
_CLAUSE_START = re.compile(r"\b(?:when|as|after|before|because|while|whereas|although|though|but|where|(?<!has )(?<!have )(?<!had )(?<!ever )since|until)\s+|,\s*and\s+|;\s*", re.I)
# "shot down four drones launched from Yemen": what was brought down.
_INTERCEPT = re.compile(r"\b(?:shot down|shoots down|shooting down|intercepted|intercepts|intercepting|downed|destroyed)\s+(?:[\w,-]+\s+){0,3}$", re.I)
# "as it left Baghdad airport": a pronoun or a thing moving inside a time clause; "as Israeli troops pushed
# into Khan Younis" names a force and is news in its own right.
_TIME_CLAUSE = re.compile(r"\b(?:as|when|while|whenever|until)\s+(?:it|they|he|she|the\s+(?:car|vehicle|convoy|plane|ship|vessel|aircraft))\s+(?:\w+\s+)?$", re.I)
# "Most of the remaining soldiers were flown home", "Soldiers and some residents fled": a definite force, or a bare
# one opening the sentence, with no state named is the force told of before.
_FORCE_ANAPHOR = re.compile(r"(?:\bthe\s+(?:[\w-]+\s+){0,2}?|^\W*|\b(?:that|and|but|when|after|before|as|until)\s+)"
                            r"(?:soldiers|troops|forces|personnel|trainers|instructors|advisers|marines|units|contingent)"
                            r"(?:\s+and\s+(?:some|many|other|several)?\s*[a-z]+)?\s+(?:(?:had|have|has|then|later|also)\s+)?$", re.I)
_BARE_PRONOUN = re.compile(r"(?:^|[^\w'’])(?:they|it)\s+(?:(?:have|has|had|then|also|later)\s+)?$", re.I)
# "Fighters from the ADF killed": the group the fighters belong to is the subject.
_MEMBERS_OF = re.compile(
    r"^\W*(?:[\w,'’-]+\s+){0,6}?(?:fighters|militants|members|gunmen|gangs|gang members|loyalists|jihadists|attackers|cells|"
    r"troops|soldiers|forces|mercenaries|units|elements|"
    r"commanders|insurgents|rebels|convoy|column|contingent|battalion|detachment)\s+(?:from|of|loyal to|belonging to|linked to|led by|"
    r"commanded by)\s+(?:the\s+)?$", re.I)
# "Rwanda-backed M23 rebels", "Iran-supported militants": the backer modifies the subject; it does not act.
_BACKER = re.compile(r"^-(?:backed|aligned|allied|based|supported|sponsored|funded|armed|trained|run|held|controlled|occupied|recogni[sz]ed|brokered|mandated|"
                     r"(?:led|linked|affiliated|inspired)\b(?!\s+(?:insurgents|militants|fighters|jihadists|gunmen|rebels)\b))\b", re.I)
# ... except "Islamic State-linked insurgents": fighters of no other name act for the group they belong to; a
# backer's fighters ("Iran-backed militants") are still not the backer's.
_ADJECTIVE = re.compile(r"^[A-Z]\w*(?:an|ian|i|ese|ish|ch)$")
_TWO_SIDES = re.compile(r"^\s+between\s+(?:(?:the\s+)?two\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,3}?"
                        r"(?:sides|forces|rivals|parties|groups|militias|factions)|both\s+sides)\b", re.I)
# "Fighters from the two groups fought": the subject is both sides told before.
_BOTH_SIDES_SUBJECT = re.compile(r"\b(?:the\s+two\s+(?:rival\s+|armed\s+)?(?:groups|sides|militias|factions)|both\s+(?:groups|sides))\b", re.I)
# "fought soldiers for hours": the other side of a fight is the home state's forces.
_FOUGHT_FORCES = re.compile(r"\s+(?:government\s+|security\s+)?(?:soldiers|troops|the army|the military)\b", re.I)
_BETWEEN = re.compile(r"^\s+between\s+", re.I)
# Incursions count as attacks only when an armed actor makes them: aid convoys and refugees also "enter" places.
_STATE_TYPES = frozenset({"state-forces", "external-forces"})
_ARMED_TYPES = frozenset({"state-forces", "rebel-group", "political-militia", "identity-militia", "external-forces"})
ANAPHORA_SENTENCES = 3  # how far back "the strikes" or "they" may point
CLAIM_SENTENCES = 4  # a claim of responsibility often comes after the toll and the officials' account
_STILL = re.compile(r"\b(?:continues?|continuing|still|now|currently)\b", re.I)
_SIMPLE_PAST = re.compile(r"^\w+ed$|^(?:went|struck|fought|seized|overran|took|shot|blew|swore)$", re.I)
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_COUNT = r"(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r"|a|an|several|dozens of|scores of|hundreds of)"
_QUALIFIER = r"(?:at least |more than |some |about |around |nearly |up to |as many as )?"
_FATALITIES = re.compile(r"^\s*(?:between\s+" + _COUNT + r"\s+and\s+" + _COUNT + "|" + _QUALIFIER + _COUNT
                         + r"(?:\s*(?:to|-|–|or)\s*" + _COUNT + r")?)\b", re.I)
# "At least 21 people were killed": the toll stated before a passive killing.
_TOLL_BEFORE = re.compile(r"\b(" + _QUALIFIER + _COUNT + r"(?:\s+\w+){1,3}?)\s+(?:were|have been|had been|was)\s+(?:\w+ly\s+)?$", re.I)
_VAGUE = {"dozens of": (24, 24, 99), "scores of": (40, 40, 99), "hundreds of": (200, 200, 999), "several": (3, 3, 9)}


@dataclass(frozen=True, slots=True)
class SentencePlace:
    place: Place
    start: int  # offsets within the sentence
    end: int


@dataclass(frozen=True)
class Context:
    """What the event coder needs to know about the whole article."""

    article: Article
    published: date | None
    focus: str | None  # ISO2 of the country the article is mostly about
    focus_place: str | None  # the Place id of that country, where posture with no named place happens
    registry: Registry
    actor_type: dict[str, str]  # actor id -> type, for every actor in the article
    states: dict[str, str]  # ISO2 -> the actor id of that country's state
    literal_places: tuple[Place, ...] = ()  # for "the camp", "the town", "the province" said later
    country_places: dict[str, Place] = field(default_factory=dict)  # ISO2 -> the Place of each country named


@dataclass
class _Draft:
    """An event while it is being coded; frozen into an Event at the end."""

    action: str
    actor: str
    target: str | None
    places: list[Place]
    origin: str | None
    destination: str | None
    date: DateMention | None
    modality: str
    sentence: Sentence
    trigger: Trigger
    historical: bool = False
    implicit: bool = False
    fatalities: Fatalities | None = None
    definite: bool = False  # "the attack": likely a reference back to an event already told
    merged: bool = False  # folded into another draft as its toll


def code_events(ctx: Context, actors: list[ActorSpan], places: tuple[Place, ...]) -> tuple[Event, ...]:
    drafts: list[_Draft] = []
    narrative_date: DateMention | None = None
    actors_by_sentence: dict[int, list[ActorSpan]] = {}
    for span in actors:
        actors_by_sentence.setdefault(span.sentence, []).append(span)
    places_by_sentence = _places_by_sentence(ctx.article, places)
    ctx = replace(ctx, literal_places=tuple(p for p in places if p.role == "literal"),
                  country_places={p.country: p for p in places if p.kind == "country" and p.country})
    for sentence in ctx.article.sentences:
        if sentence.index == 0 and ctx.article.headline:
            continue  # a headline restates the story; the body carries the evidence
        in_sentence = actors_by_sentence.get(sentence.index, [])
        sentence_places = places_by_sentence.get(sentence.index, [])
        dates = find_dates(sentence.text, ctx.published)
        if _ELLIPSIS.search(sentence.text) and drafts:
            drafts.extend(_ellipsis(drafts, sentence, in_sentence))
            continue
        # A photo caption shows the story's own event, dated as the first act the story dated, not as the
        # background told just before it.
        told = (_lead_date(drafts) or narrative_date) if sentence.caption else narrative_date
        new = _sentence_events(ctx, sentence, in_sentence, sentence_places, dates, actors, told, drafts)
        drafts.extend(new)
        # "Since mid-October the militias have...", "since the end of its civil war in 1990": the start of a span, or a
        # time the story measures from, is not when the next sentence's acts happened.
        told_at = [d for d in dates if not _since_phrase(sentence.text, d)]
        # The story goes on at the date of the sentence's first act, not at a date a relative clause adds.
        acted_at = next((d.date for d in new if d.date is not None and d.date in told_at), None)
        narrative_date = acted_at or (told_at[-1] if told_at else (narrative_date if not sentence.caption and not dates else None))
    drafts = _claimed(ctx, _tolls_of_what_follows(_merge_results(drafts, ctx.actor_type), ctx.actor_type), actors_by_sentence)
    drafts = _blamed(ctx, drafts, actors_by_sentence)
    drafts = _without_references_back(_inherit_agents(_tolls_of_acts_told_before(_caused_by_what_follows(drafts)), actors), ctx.actor_type)
    drafts = _dated_by_reference(drafts)
    return tuple(_freeze(ctx, d, i) for i, d in enumerate(_unique(drafts), start=1))


def _lead_date(drafts: list[_Draft]) -> DateMention | None:
    return next((d.date for d in drafts if d.date is not None and d.modality == "asserted" and not d.historical), None)


def _places_by_sentence(article: Article, places: tuple[Place, ...]) -> dict[int, list[SentencePlace]]:
    """Literal place mentions of each sentence, with offsets inside it, in text order."""
    found: dict[int, list[SentencePlace]] = {}
    literal_ends = {m.end for place in places for m in place.mentions if m.role == "literal"}
    for place in places:
        for m in place.mentions:
            offset = article.sentences[m.sentence].start
            if (m.role == "literal" or _coordinated_with_literal(article.text, place, m, literal_ends)) \
                    and not _DATELINE.match(article.text[m.start : m.end + 4]) and not _qualifies_a_place(article.text, place, m):
                found.setdefault(m.sentence, []).append(SentencePlace(place, _phrase_start(article.text, place, m) - offset, m.end - offset))
    return {index: sorted(items, key=lambda sp: sp.start) for index, items in found.items()}


_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")


def _phrase_start(text: str, place: Place, mention) -> int:
    """Where the place's phrase starts: "eastern" of "in eastern Congo" belongs to it (the mention is the name
    alone, as the corpora annotate it), so "the largest city in eastern Congo" still reads as a locator."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    direction = DIRECTIONS.get(before.group(1).lower()) if before else None
    return before.start() if direction and place.id.endswith(f"-{direction}") else mention.start


def _qualifies_a_place(text: str, place: Place, mention) -> bool:
    """"the Chadian capital N'Djamena", "the Iraqi border": the country says where the place is, the place named
    by the noun is where things happen."""
    following = _WORD_AFTER.match(text, mention.end)
    return place.kind == "country" and following is not None and following.group(1).lower() in LOCATIONAL_HEADS


def _coordinated_with_literal(text: str, place: Place, mention, literal_ends: set[int]) -> bool:
    """"targets in Iraq and Syria on Friday": a country listed right after a place where something is, and not
    qualifying a noun ("Iraq and Syrian forces"), is such a place too."""
    lead = _COORDINATION_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    return place.kind == "country" and lead is not None and lead.start() in literal_ends \
        and not _NOUN_AFTER.match(text, mention.end)


def _sentence_events(
    ctx: Context, sentence: Sentence, in_sentence: list[ActorSpan], places: list[SentencePlace],
    dates: list[DateMention], all_actors: list[ActorSpan], narrative_date: DateMention | None, prior: list[_Draft],
) -> list[_Draft]:
    triggers = [t for t in find_triggers(sentence.text) if not _is_scenery(sentence.text, t, prior) and not _restates(sentence.text, t, prior)]
    # "have largely halted attacks on US troops": what was suspended is not an act of its own.
    triggers = [t for i, t in enumerate(triggers)
                if not (t.action in VIOLENT_ACTIONS and i and triggers[i - 1].action == "suspend"
                        and governs(sentence.text[triggers[i - 1].end : t.start]))]
    # "left Mali on Monday, crossing into Niger": the way out, not an incursion; the move goes on to Niger.
    triggers = [t for i, t in enumerate(triggers)
                if not (t.action == "advance" and any(p.action in ("withdraw", "relocate") for p in triggers[:i]))]
    drafts: list[_Draft] = []
    used_places: set[str] = set()
    for i, trig in enumerate(triggers):
        next_start = triggers[i + 1].start if i + 1 < len(triggers) else len(sentence.text)
        doers, target = _actor_and_target(ctx, sentence, trig, in_sentence, all_actors)
        chained = drafts and not _CLAUSE_START.search(sentence.text[drafts[-1].trigger.end : trig.start]) \
            and not _after_preposition(sentence.text, trig, 0)
        if doers == ["unknown"] and chained and (not trig.passive or _AND_PASSIVE.search(sentence.text[: trig.start])):
            doers = [drafts[-1].actor]  # "went on the offensive, seizing ...", "pulled out ... and were flown": one subject
        lead = sentence.text[: trig.start]
        # "they hit positions" points back to the last actors; "the RSF controls Darfur, where it has besieged
        # El Fasher" points to the subject already named in the sentence.
        bare_pronoun = bool(_BARE_PRONOUN.search(lead)) and not _SAY.search(lead) \
            and not any(a.end <= sentence.start + trig.start for a in in_sentence)
        if (doers == ["unknown"] or bare_pronoun) and not trig.passive:
            doers = _antecedents(ctx, sentence, trig, prior) or doers
        if doers == ["unknown"] and trig.action == "attack" and _OPENING_NOUN.match(lead):
            # "Russia struck Odesa... An attack on the nearby port of Chornomorsk...": the same attacker, the same kind
            # of attack, when the sentence before told one and this one names no one.
            source = next((d for d in reversed(prior) if d.sentence.index == sentence.index - 1
                           and d.action in VIOLENT_ACTIONS and d.actor != "unknown" and d.modality == "asserted"), None)
            if source is not None:
                doers, trig = [source.actor], replace(trig, action=source.action)
        if doers == ["unknown"] and trig.action in ("protest", "march") and "protesters" in ctx.actor_type:
            doers = ["protesters"]  # "thousands of people protested": the crowd is the actor
        trigger_places, first = places, i == 0
        if trig.action == "fall":
            fallen = next((sp for sp in places if sp.end == trig.start - 1 and sp.place.kind in ("city", "facility")), None)
            if fallen is None:
                continue
            # "Hama fell": taken by whoever was taking towns in the sentences before.
            trig, trigger_places, first = replace(trig, action="seize"), [fallen], True
            doers = _antecedents(ctx, sentence, trig, prior, any_lead=True) or doers
        placed_here: list[_Draft] = []
        for actor in doers:
            for action_name in _specific_action(trig, sentence.text, ctx.actor_type.get(actor, "unknown")):
                if action_name == "seize" and _captured_person(sentence.text, trig, trigger_places):
                    action_name = "arrest"
                draft = _Draft(
                    action=action_name, actor=actor, target=target, places=[], origin=None, destination=None,
                    date=_event_date(trig, dates, narrative_date, sentence), modality=modality(sentence.text, trig, triggers[:i]),
                    sentence=sentence, trigger=trig, definite=bool(_DEFINITE.search(sentence.text[: trig.start])),
                    # "nearly two years after the RSF seized it": told as years before the story, whatever date is near
                    historical=bool(_YEARS_BEFORE.search(sentence.text[: trig.start]) or _HABITUAL.search(sentence.text[: trig.start])
                                    or _CONFLICT_TOLL.search(sentence.text[: trig.start])),
                )
                placed_here.extend(_placed(ctx, draft, trigger_places, next_start, set(used_places), first=first))
        placed_here = [_closed_by_its_state(ctx, d) for d in placed_here]
        gap = sentence.text[drafts[-1].trigger.end : trig.start] if drafts else ""
        if chained and trig.action in VIOLENT_ACTIONS and drafts[-1].places and gap.endswith(" and ") and not _SAY.search(gap):
            # "attacked the airport in Port-au-Prince and exchanged fire with police": the same place
            placed_here = [replace(d, places=list(drafts[-1].places)) if not d.places else d for d in placed_here]
        # "a helicopter sent to evacuate soldiers from Nasir came under fire": a place given to a planned or
        # denied act is still free for the act that did happen.
        used_places.update(p.id for d in placed_here if d.modality == "asserted" for p in d.places)
        drafts.extend(placed_here)
    return _left_the_scene(_placed_by_object(sentence.text, drafts), prior)


def _restates(text: str, trig: Trigger, prior: list[_Draft]) -> bool:
    """"Kurti said the attack was organised by Belgrade", "The attack came a day after...": a definite event noun
    that is the subject of its own verb, after an act of that kind was told, speaks of that act."""
    nominal = len(trig.text.split()) == 1 and not re.search(r"(?:ed|ing)$", trig.text, re.I)
    violent = trig.action in VIOLENT_ACTIONS
    return nominal and bool(_DEFINITE.search(text[: trig.start])) and bool(_RESTATED_BY.match(text[trig.end :])) \
        and any(d.action == trig.action or (violent and d.action in VIOLENT_ACTIONS) for d in prior if d.modality == "asserted")


def _left_the_scene(drafts: list[_Draft], prior: list[_Draft]) -> list[_Draft]:
    """"overran a base in Marte ... before the troops pulled back", "The attackers set fire to houses before
    withdrawing into the forest": a pull-back that names no place of its own leaves the scene of the fighting told
    just before it, in its sentence or, by the same actor, in the sentence before; not the whole country. A move to
    a named place with no origin named sets out from that scene."""
    for i, draft in enumerate(drafts):
        moved_on = draft.action in ("withdraw", "relocate") and draft.destination is not None and draft.origin is None
        if not moved_on and (draft.action != "withdraw" or draft.destination or any(p.kind != "country" for p in draft.places)):
            continue
        index = draft.sentence.index
        scenes = [d for d in drafts[:i] if d.action in VIOLENT_ACTIONS] + [
            d for d in reversed(prior) if d.sentence.index == index - 1 and (moved_on or d.actor == draft.actor) and d.action in VIOLENT_ACTIONS]
        scene = next((d for d in scenes if d.modality == "asserted" and d.places and d.places[0].kind in ("city", "facility")), None)
        if scene is not None and moved_on:
            draft.origin = scene.places[0].id  # "the surviving soldiers reached Dikwa": from the base overrun
        elif scene is not None:
            draft.places, draft.implicit, draft.origin = list(scene.places[:1]), True, None
    return drafts


def _placed_by_object(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """"crushed protests in Mandalay", "attacked a convoy of refugees in Sake": an act whose object is another act
    happened where that one did."""
    for draft, following in itertools.pairwise(drafts):
        gap = text[draft.trigger.end : following.trigger.start]
        if not draft.places and following.places and draft.action in VIOLENT_ACTIONS and not draft.trigger.passive \
                and _OBJECT_GAP.fullmatch(gap):
            draft.places = list(following.places)
    return drafts


def _captured_person(text: str, trig: Trigger, places: list[SentencePlace]) -> bool:
    """"soldiers captured Ovidio Guzman in Jesus Maria": a capitalised name right after "captured" that is no place
    is a person detained, not ground taken."""
    name = re.match(r"\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)", text[trig.end :])
    start = trig.end + (len(name.group()) - len(name.group().lstrip())) if name else -1
    return name is not None and trig.text.lower().startswith("captur") and not any(sp.start <= start < sp.end for sp in places)


def _is_scenery(text: str, trig: Trigger, prior: list[_Draft]) -> bool:
    """Words that look like an event but only describe the background of one."""
    nominal = not trig.text.split()[0].lower().endswith("ed")  # "since the group seized the city" is a new fact
    # "revenge for the killing of Ismail Haniyeh in Tehran": the first telling of a named person's killing is news,
    # however it is named; "for the killing" after one was told points back to it.
    first_news = _NAMED_VICTIM.match(text, trig.end) is not None and not any(d.action == trig.action for d in prior)
    # "gave for ordering the attack": a definite act named after a preposition was told before.
    told_before = _after_preposition(text, trig, 0) and bool(_DEFINITE_NOUN_LEAD.search(text[: trig.start])) and not first_news
    # "lorries wait at the closed Torkham crossing", "the besieged city": a participle used as an adjective.
    adjective = trig.text.split()[0].lower().endswith("ed") and bool(_ADJECTIVE_LEAD.search(text, 0, trig.start))
    return adjective or _is_background_participle(text, trig) or _is_circumstance(text, trig) or told_before or _intercepted(text, trig) \
        or (nominal and bool(_REFERENCE_BACK.search(text[: trig.start])) and not first_news) \
        or (nominal and trig.action in VIOLENT_ACTIONS and bool(_SPOKEN_ABOUT.search(text[: trig.start]))) \
        or bool(_NOT_A_PLACE_OBJECT.search(text[trig.start : trig.end + 60])) \
        or bool(_INDIRECT_QUESTION.search(text[: trig.start])) or bool(_CONDITION.search(text[: trig.start])) \
        or (trig.action in VIOLENT_ACTIONS and not trig.text.lower().startswith("siege")  # "ended the siege" by force
            and bool(_ENDED_OR_DESCRIBED.search(text[: trig.start])))


def _intercepted(text: str, trig: Trigger) -> bool:
    """"shot down four drones launched from Yemen": weapons brought down are not a strike by whoever downed them."""
    return trig.action == "strike" and bool(_INTERCEPT.search(text[max(0, trig.start - 40) : trig.start]))


def _is_circumstance(text: str, trig: Trigger) -> bool:
    """"as it left Baghdad airport": a movement inside a time clause sets the scene; it is not an event."""
    return trig.action in ("withdraw", "advance", "flee") and bool(_TIME_CLAUSE.search(text[: trig.start]))


def _is_background_participle(text: str, trig: Trigger) -> bool:
    """"units mainly trained by the Americans": a participle describing a state, not an event."""
    word = trig.text.split()[-1].lower()
    if not word.endswith("ed") or trig.passive:
        return False
    before = text[: trig.start].rstrip().split()
    after = text[trig.end : trig.end + 4]
    prior = before[-1].lower() if before else ""
    return after.startswith(" by") and (prior.endswith("ly") or prior.endswith("s")) and trig.action not in VIOLENT_ACTIONS


def _specific_action(trig: Trigger, text: str, actor_type: str) -> list[str]:
    """Refine the lexicon's action with the words around it: what was suspended, whether a move has a destination."""
    tail = text[trig.end : trig.end + 60].lower()
    if trig.action == "suspend":
        kinds = [k for k, word in (("suspend-training", "training"), ("suspend-operations", "operation")) if word in tail]
        return kinds or ["suspend-operations"]
    # "handed over the base to Niger's armed forces": a recipient, not a destination.
    if trig.action == "withdraw" and re.search(r"\b(?:to|into|towards)\s+[A-Z][\w-]*\b(?!['’]s)", text[trig.end : trig.end + 40]):
        return ["relocate"]
    if trig.action == "relocate" and re.match(r"\s+(?:[\w-]+\s+){0,4}?into\b", text[trig.end :]) \
            and not re.search(r"\b(?:from|out of)\b", tail):
        return ["deploy"]  # "moved troops into the buffer zone": a force going in, not one relocating
    if trig.action == "strike" and trig.text.lower() == "struck" and _STRUCK_ON_FOOT.search(text[: trig.start]):
        return ["attack"]  # "the attackers struck near the border", "a suicide bomber struck crowds": not fire from afar
    if trig.action in ("attack", "clash") and actor_type in ("protesters", "rioters"):
        return ["riot"]
    if trig.action == "advance" and trig.text.lower().startswith("reach") and _RETREATING.search(text[: trig.start]):
        return ["relocate"] if actor_type in _ARMED_TYPES else []  # "the surviving soldiers reached Dikwa": where they fled to
    if trig.action in ("advance", "flee"):
        # "entered the city", "fled across the border": military only when an armed actor does it.
        return ([] if actor_type not in _ARMED_TYPES else ["attack" if trig.action == "advance" else "withdraw"])
    if trig.action == "deploy" and trig.text.lower().startswith("gather") and actor_type in ("unknown", "protesters", "civilians"):
        # a crowd gathering is a protest, not a deployment; "residents gather outside the burnt church" is neither
        return ["protest"] if actor_type != "civilians" else []
    if trig.action == "deploy" and (actor_type == "civilians" or (actor_type == "unknown" and "arriv" in trig.text.lower())):
        return []  # "displaced families arrived in Kaya": people fleeing, not a force deploying
    if trig.action == "march":
        return ["protest"] if actor_type in ("unknown", "protesters", "civilians") else []
    if trig.action == "seize":
        return [] if _MATERIEL.match(text[trig.end :]) else ["seize"]
    if trig.action in _FORCE_MOVES and actor_type == "civilians":
        return []  # "residents said the attackers ... before pulling out": civilians flee, they do not withdraw
    if trig.action == "kill" and _IN_OPERATION.match(text, trig.end):
        return ["attack"]  # "killed a large number of terrorists in a counter-offensive": the counter-offensive
    return [trig.action]


def _actor_and_target(
    ctx: Context, sentence: Sentence, trig: Trigger, in_sentence: list[ActorSpan], all_actors: list[ActorSpan]
) -> tuple[list[str], str | None]:
    """The actors who did it (several when coordinated: "Denmark and Germany suspended") and its target."""
    sides = _sides(ctx, sentence, trig, in_sentence, all_actors)
    if sides:
        return sides, None
    actor, target, chosen = _actor_target_span(ctx, sentence, trig, in_sentence, all_actors)
    if trig.action == "clash":
        lead = sentence.text[: trig.start]
        opponent = next((a for a in in_sentence if _WITH_OPPONENT.fullmatch(ctx.article.text[sentence.start + trig.end : a.start])), None)
        noun = _WITH_GROUP_NOUN.match(sentence.text, trig.end)
        named = _group_noun_actor(ctx, sentence, noun.group(1).lower(), all_actors) if opponent is None and noun else "unknown"
        if _BOTH_SIDES_SUBJECT.search(lead):
            return _main_sides(ctx, sentence, all_actors) or [actor], None
        if re.search(r"\bin\s+(?:\w+\s+)?$", lead) and (opponent is not None or named != "unknown"):
            # "were killed in fighting with the rebels": the rebels fought
            return [_acting_for(ctx, opponent.actor if opponent is not None else named)], None
        if opponent is not None and trig.text.lower().startswith("exchanged"):
            return list(dict.fromkeys([actor, _acting_for(ctx, opponent.actor)])), None  # an exchange of fire has two sides
        # "Israeli troops have been fighting Hezbollah": the side fought is a side of the fight too.
        fought = next((a for a in in_sentence if re.fullmatch(r"\s+(?:the\s+)?", ctx.article.text[sentence.start + trig.end : a.start])
                       and ctx.actor_type.get(a.actor) in _ARMED_TYPES), None) if re.search(r"(?:fought|fighting|battled)$", trig.text) else None
        if fought is not None and actor != "unknown":
            return list(dict.fromkeys([actor, _acting_for(ctx, fought.actor)])), None
        home = ctx.states.get(ctx.focus or "")
        if home and actor not in ("unknown", home) and trig.text.lower() in ("fought", "battled") \
                and _FOUGHT_FORCES.match(sentence.text, trig.end):
            return [actor, home], None  # "cartel gunmen fought soldiers in Culiacan": both sides fought
        clauses = list(_CLAUSE_START.finditer(lead))
        boundary = clauses[-1].end() if clauses else 0
        # "fighting began near the temple on the border between Thailand's Surin province and...": a possessive
        # after the trigger qualifies a place; it names no side.
        later = any(a.start >= sentence.start + trig.end and ctx.actor_type.get(a.actor) in _ARMED_TYPES
                    and ctx.article.text[a.end : a.end + 2] not in ("'s", "’s") for a in in_sentence)
        if opponent is None and not later and (chosen is None or chosen.start - sentence.start < boundary):
            sides = _main_sides(ctx, sentence, all_actors)
            return (sides, None) if sides else ([actor], target)  # "clashes were reported in Gondar": no side is the target
    doers = [actor]
    if chosen is not None:
        for span in in_sentence:
            last = in_sentence[in_sentence.index(chosen) + len(doers) - 1] if chosen in in_sentence else None
            if last is not None and span.start > last.start and span.end <= sentence.start + trig.start \
                    and _COORDINATED_ACTOR.match(ctx.article.text[last.end : span.start]):
                doers.append(_acting_for(ctx, span.actor))
    return list(dict.fromkeys(doers)), target


def _actor_target_span(
    ctx: Context, sentence: Sentence, trig: Trigger, in_sentence: list[ActorSpan], all_actors: list[ActorSpan]
) -> tuple[str, str | None, ActorSpan | None]:
    rel = [(a, a.start - sentence.start, a.end - sentence.start) for a in in_sentence]
    # "13 civilians had died and troops had killed the attackers", "staff of the aid group X were killed when the
    # fighters attacked": civilians and civilian bodies are told of as victims of violence, never as its doers.
    before = [(a, s, e) for a, s, e in rel if e <= trig.start
              and not (trig.action in VIOLENT_ACTIONS and ctx.actor_type.get(a.actor) == "civilians")]
    after = [(a, s, e) for a, s, e in rel if s >= trig.end]
    text = sentence.text
    agent = next((a for a, s, e in after if _AGENT.search(text[trig.end : s]) and not _OTHER_PARTICIPLE_BY.search(text[trig.end : s])
                  and not _BACKER.match(text[e:])), None)  # "by Iran-backed Kataib Hezbollah": the group, not its backer
    possessor = next((a for a, s, e in reversed(before) if _POSSESSOR.match(text[s : trig.start][len(a.text):])), None)
    nominal = not _VERB_FORM.match(trig.text.split()[0]) or bool(_DETERMINER.search(text[: trig.start])) \
        or any(e == trig.start - 1 and _ADJECTIVE.search(a.text) for a, s, e in before)  # "Ukrainian shelling"
    premodifier = next((a for a, s, e in reversed(before) if nominal and _PREMODIFIER.match(text[e : trig.start])), None)
    relative = next((a for a, s, e in reversed(before) if _RELATIVE_SUBJECT.match(text[e : trig.start])), None)
    # "X was killed when Israeli jets bombed ...": the subject of the trigger's own clause comes first.
    clauses = list(_CLAUSE_START.finditer(text, 0, trig.start))
    boundary = clauses[-1].end() if clauses else 0
    candidates = [(a, s, e) for a, s, e in before if not _SAY_CLAUSE.search(text, max(e, boundary), trig.start)
                  and (s == boundary or re.fullmatch(r"(?:the|a|an)\s+", text[boundary:s], re.I)
                      or not _NON_SUBJECT.search(text[max(0, s - 30) : s]) or _members_of(text[boundary:s]))
                  and (text[e : e + 2] not in ("'s", "’s") or _ARMED_NOUN.match(text[e:])) and not _BACKER.match(text[e:])]
    # "Russian mercenaries from the Wagner Group": the group the men belong to, before their nationality.
    members = [a for a, s, e in candidates if s >= boundary and _members_of(text[boundary:s])]
    subject = (members[0] if members else None) or next((a for a, s, e in candidates if s >= boundary), None)
    # "the Iran-backed militia Kataib Hezbollah launched": a kind of actor, then its name; the name acts.
    subject = next((a for a, s, e in candidates if subject is not None and _is_generic(ctx, subject)
                    and re.fullmatch(r"\s+", ctx.article.text[subject.end : a.start])), subject)
    own_subject = (clauses and _OWN_SUBJECT_CLAUSE.match(clauses[-1].group()) and not _PRONOUN_AT.match(text[boundary:])) \
        or bool(_SUBJECT_IN_TRIGGER.match(trig.text))  # "and a truck packed with explosives blew up": the truck's clause
    if subject is None and not own_subject and not _FORCE_ANAPHOR.search(text, boundary, trig.start):
        # "X was killed when jets bombed": the sentence's subject, unless the clause has a subject of its own
        # that is no actor ("…, where at least 12 rockets landed", "…, while aid trucks waited").
        subject = next((a for a, s, e in candidates), None)
    if _after_preposition(text, trig, boundary):
        subject = None  # "moving troops out after a wave of attacks": the movers did not make the attacks
    # "an offensive of the army", but "the killing of Hamas leader Haniyeh": whom a killing or an abduction is of is its victim.
    of_agent = next((a for a, s, e in after if nominal and trig.action not in ("kill", "abduct", "arrest")
                     and _OF_AGENT.match(text[trig.end : s])), None)
    if nominal and _POSSESSIVE_PRONOUN.search(text[: trig.start]):
        if trig.action in ("kill", "abduct", "arrest"):
            return "unknown", None, None  # "his killing": the victim is named elsewhere, the killer not here
        # "the RSF shelled the city as the group pressed its siege": whose the act is, is who does it.
        owner = next((a for a, s, e in reversed(before) if not _BACKER.match(text[e:])), None)
        return _acting_for(ctx, owner.actor if owner else _pronoun_actor(ctx, sentence, trig, all_actors)), None, owner
    if possessor and nominal and trig.action in POSTURE_ACTIONS and not trig.passive:
        return _acting_for(ctx, possessor.actor), None, possessor  # "the coalition's withdrawal": the coalition moves
    if _WEAPON_FIRST.match(trig.text) and not trig.passive:
        # "The US military did not comment; rockets were fired at the base": the weapon is the subject, and only
        # whose it is ("Houthi missiles", "Russia's drones") or an agent ("launched by") names who fired it.
        chosen = next((a for a, s, e in reversed(before) if _WEAPON_OWNER.fullmatch(text[e : trig.start]) and not _BACKER.match(text[e:])
                       and not find_triggers(text[e : trig.start])), None) or agent
    elif trig.passive or (possessor and nominal and not premodifier):
        victim = next((a for a, s, e in before if not _PREPOSITION.search(text[max(0, s - 30) : s])), None) if trig.passive else possessor
        return (agent.actor if agent else "unknown"), (victim.actor if victim else None), None
    else:
        chosen = premodifier or of_agent or agent or relative or subject
    if chosen is not None and _generic_anaphor(ctx, chosen):
        chosen = None  # "the attackers struck": those who attacked before, not an unknown group
    actor = chosen.actor if chosen else _pronoun_actor(ctx, sentence, trig, all_actors)
    target_span = next((a for a, s, e in after if a.actor != actor and a is not agent and a is not of_agent
                        and not _SOURCE_AFTER.match(text[e:]) and not _BACKER.match(text[e:]) and s < _own_clause_end(text, trig)), None)
    return _acting_for(ctx, actor), target_span.actor if target_span else None, chosen


@functools.lru_cache(maxsize=1024)  # asked again for each actor after the trigger and each place of a move
def _own_clause_end(text: str, trig: Trigger, purpose: bool = True) -> int:
    """Where the clause the trigger stands in ends (see _CLAUSE_CUT); with `purpose`, a purpose clause ends it too."""
    cuts = [m.start() for m in (_CLAUSE_CUT.search(text, trig.end), _PURPOSE.search(text, trig.end) if purpose else None) if m]
    return min(cuts, default=len(text))


def _is_generic(ctx: Context, span: ActorSpan) -> bool:
    """"militia", "gunmen", "rebels": a kind of actor more than a named one."""
    entry = ctx.registry.entries.get(span.actor)
    return entry is not None and (entry.generic or entry.type == "unknown")


def _generic_anaphor(ctx: Context, span: ActorSpan) -> bool:
    """"the attackers", "the gunmen": a definite generic unknown actor points back to an actor named before."""
    entry = ctx.registry.entries.get(span.actor)
    lead = ctx.article.text[max(0, span.start - 4) : span.start]
    return entry is not None and entry.type == "unknown" and lead.lower() == "the "


def _after_preposition(text: str, trig: Trigger, clause_start: int) -> bool:
    """"after a wave of rocket attacks", "for ordering the attack": an act named as a noun after a preposition,
    whose doer is not the subject of the sentence around it."""
    words = trig.text.split()
    if len(words) > 1 and _FINITE_VERB.match(words[0]):
        return False  # "after Cambodian troops fired rockets": a clause with its own subject, not a noun
    noun = words[-1].lower()
    return (noun.endswith("s") or noun in _EVENT_NOUNS) and bool(_PREP_LEAD.search(text[clause_start : trig.start]))


def _members_of(lead: str) -> bool:
    """"Last month several hundred Russian mercenaries from the": the sentence opens with men of the group
    named next, with no verb in between (so not "killed 15 fighters of the ...")."""
    return bool(_MEMBERS_OF.search(lead)) and not find_triggers(lead)


def _sides(ctx: Context, sentence: Sentence, trig: Trigger, in_sentence: list[ActorSpan], all_actors: list[ActorSpan]) -> list[str]:
    """"fighting between the army and the Fano militia": both sides are actors of the clash; "between the two
    sides": the two armed actors the article has named most often so far."""
    if trig.action != "clash" or not _BETWEEN.match(sentence.text[trig.end :]):
        return []
    if _TWO_SIDES.match(sentence.text[trig.end :]):
        return _main_sides(ctx, sentence, all_actors)
    after = [a for a in in_sentence if a.start >= sentence.start + trig.end]
    if len(after) < 2 or not re.fullmatch(r"\s*and\s+(?:the\s+)?", ctx.article.text[after[0].end : after[1].start]):
        return []
    return list(dict.fromkeys(_acting_for(ctx, a.actor) for a in after[:2]))


def _main_sides(ctx: Context, sentence: Sentence, all_actors: list[ActorSpan]) -> list[str]:
    """The two armed actors the article has named most often before this sentence: the sides of a fight told
    with none named ("between the two sides", "clashes were reported in Gondar")."""
    armed = [a for a in all_actors if ctx.actor_type.get(a.actor) in _ARMED_TYPES and not _civil_possessor(ctx, a)]
    counts = Counter(_acting_for(ctx, a.actor) for a in armed if a.start < sentence.start)
    if len(counts) < 2:  # "Fighting between two armed groups in Tripoli killed 55": the sides are named later
        counts = Counter(_acting_for(ctx, a.actor) for a in armed)
    return [actor for actor, _ in counts.most_common(2)] if len(counts) >= 2 else []


def _civil_possessor(ctx: Context, span: ActorSpan) -> bool:
    """"Libya's emergency medicine centre": a state named as the owner of something not armed does not fight."""
    after = ctx.article.text[span.end : span.end + 60]
    return after[:2] in ("'s", "’s") and not _ARMED_NOUN.match(after)


def _antecedents(ctx: Context, sentence: Sentence, trig: Trigger, prior: list[_Draft], any_lead: bool = False) -> list[str]:
    """"The strikes hit sites near Sanaa", "they hit positions": a definite or pronoun subject with no actor named
    points back to whoever did the same kind of thing in the last few sentences; "troops had killed the attackers"
    to the state forces told of, not to the attackers, or else to the forces of the country the article is about."""
    lead = sentence.text[: trig.start]
    force = bool(_FORCE_ANAPHOR.search(lead))
    if not (any_lead or _DEFINITE.search(lead) or _BARE_PRONOUN.search(lead) or force):
        return []
    recent = [d for d in prior if sentence.index - d.sentence.index <= ANAPHORA_SENTENCES
              and d.actor != "unknown" and d.modality == "asserted"
              and (not force or ctx.actor_type.get(d.actor) in _STATE_TYPES)]
    violent = trig.action in VIOLENT_ACTIONS
    # The same kind of act first ("the strikes" -> who struck), then any act of the same family.
    source = next((d for d in reversed(recent) if d.action == trig.action), None) \
        or next((d for d in reversed(recent) if (d.action in VIOLENT_ACTIONS) == violent), None)
    if source is None:
        home = ctx.states.get(ctx.focus or "")
        return [home] if force and home else []
    return list(dict.fromkeys(d.actor for d in recent if d.sentence.index == source.sentence.index and d.trigger == source.trigger))


def _acting_for(ctx: Context, actor_id: str) -> str:
    """A person named as the actor acts for a state or a group (Trump for the US); so does a national army
    named by its own name (the IDF for Israel)."""
    principal = ctx.registry.principal(actor_id)
    if principal.startswith("country:"):
        return ctx.states.get(principal.split(":", 1)[1], actor_id)
    return principal


def _pronoun_actor(ctx: Context, sentence: Sentence, trig: Trigger, all_actors: list[ActorSpan]) -> str:
    """"It", "they", "the jihadists": the last armed group named before this sentence."""
    reporter = _reporting_subject(ctx, sentence, trig, all_actors)
    if reporter is not None:
        return reporter
    match = _PRONOUN_SUBJECT.search(sentence.text[: trig.start])
    if not match:
        return "unknown"
    return _group_noun_actor(ctx, sentence, (match.group(1) or match.group(2)).lower(), all_actors)


def _group_noun_actor(ctx: Context, sentence: Sentence, word: str, all_actors: list[ActorSpan]) -> str:
    """The last actor named before this sentence whose kind the word may stand for ("the rebels", "they")."""
    noun = word.split()[-1]
    wanted = ctx.registry.group_nouns.get(word.removeprefix("the ").strip()) or ctx.registry.group_nouns.get(word) \
        or ctx.registry.group_nouns.get("the group" if noun == "group" else noun)
    wanted = wanted or ("rebel-group", "political-militia")
    for span in reversed([a for a in all_actors if a.start < sentence.start]):
        # "..., two security sources and a member of a local militia said": a source of the news, not a side in it.
        if ctx.actor_type.get(span.actor) in wanted and not _SOURCE_AFTER.match(ctx.article.text[span.end : span.end + 80]):
            return span.actor
    return "unknown"


def _reporting_subject(ctx: Context, sentence: Sentence, trig: Trigger, all_actors: list[ActorSpan]) -> str | None:
    """"Sudan's army said on Friday that it had recaptured the palace": "it" is whoever said so."""
    lead = sentence.text[: trig.start]
    # The pronoun stays the subject to the trigger unless a new clause starts on the way ("...said it had used drones
    # smuggled in on lorries to hit the bombers").
    says = [m for m in _SAY.finditer(lead) if _REPORTED_PRONOUN.match(lead[m.end() :])
            and (len(lead) - m.end() < 45 or (len(lead) - m.end() < 90 and not _CLAUSE_START.search(lead, m.end())))]
    if not says:
        return None
    said_at = sentence.start + says[-1].start()
    speakers = [a for a in all_actors if sentence.start <= a.start and a.end <= said_at]
    # A speaker we cannot name ("the UN agency said it had…") is still the speaker, not the last armed group.
    return speakers[-1].actor if speakers else "unknown"


def _since_phrase(text: str, when: DateMention) -> bool:
    """"since 17 October", "since the Hamas attack on Israel on 7 October": the start of a span, not when an act was."""
    return bool(_SINCE.search(text, max(0, when.start - 40), when.end))


def _event_date(trig: Trigger, dates: list[DateMention], narrative: DateMention | None, sentence: Sentence) -> DateMention | None:
    # "ahead of the end of its mandate in December", "before the 31 August deadline": a deadline, not when it happened.
    dates = [d for d in dates if not _DEADLINE_BEFORE.search(sentence.text[max(0, d.start - 50) : d.start])]
    # "Since November the group has fired missiles": a campaign still going on, not an act of November; "struck
    # Aleppo for the first time since 2016": the act is now, the year is the last time before.
    ongoing = bool(_PERFECT.search(sentence.text[: trig.start]))
    dates = [d for d in dates if not (_since_phrase(sentence.text, d)
                                      and (ongoing or _FIRST_TIME_SINCE.search(sentence.text, max(0, d.start - 40), d.start)))]
    if dates:
        # "clashed at Torkham on Monday, which Pakistan closed on 21 February": a date past the act's own clause
        # dates another act; the nearest date before the trigger ("On Monday, ...") is then the act's.
        clause_end = min(_own_clause_end(sentence.text, trig), _relative_clause_start(sentence.text, trig.end))
        within = [d for d in dates if trig.end <= d.start < clause_end]
        before = [d for d in dates if d.end <= trig.start]
        return within[0] if within else before[-1] if before else dates[-1]
    word = trig.text.split()[0]
    # "have launched an offensive": the perfect tells news of now, not the past the sentence before was about.
    # "suspended after the hijacking": an act dated by the story's own event, not by the background told before.
    perfect = bool(_PERFECT.search(sentence.text[: trig.start])) or bool(_AFTER_THE_EVENT.search(sentence.text))
    if narrative is not None and (sentence.caption or _SIMPLE_PAST.match(word)) and not _STILL.search(sentence.text) and not perfect:
        return narrative
    return None


def _home_country_place(ctx: Context, actor: str) -> Place | None:
    iso2 = next((iso for iso, state in ctx.states.items() if state == actor), None)
    return ctx.country_places.get(iso2) if iso2 else None


def _closed_by_its_state(ctx: Context, draft: _Draft) -> _Draft:
    """"The airports at Rzeszow and Lublin were shut": an airport, a crossing or airspace closed by no one named was
    closed by the state it lies in."""
    closed = draft.trigger.text.lower() in ("shut", "closed")  # "flights were suspended": by the airline, perhaps
    if not (draft.actor == "unknown" and draft.trigger.passive and closed and draft.places):
        return draft
    state = ctx.states.get(draft.places[0].country)
    return replace(draft, actor=state) if state else draft


def _operated_site(text: str, draft: _Draft, places: list[SentencePlace]) -> list[Place]:
    """"Partners In Health, the charity that runs the University Hospital of Mirebalais, said it had suspended its
    services": what an operator stops or empties, with no place of its own, is the site it is said to run."""
    if draft.action not in POSTURE_ACTIONS:
        return []
    return [sp.place for sp in places if sp.end <= draft.trigger.start and sp.place.kind == "facility"
            and _OPERATES.search(text, max(0, sp.start - 30), sp.start)][:1]


def _relative_clause_start(text: str, start: int) -> int:
    match = _RELATIVE_CLAUSE.search(text, start)
    return match.start() if match else len(text)


def _placed(ctx: Context, draft: _Draft, places: list[SentencePlace], clause_end: int, used: set[str], first: bool) -> list[_Draft]:
    """One draft per place where the event happened; moves get origin and destination."""
    trig, text = draft.trigger, draft.sentence.text
    if trig.text.lower().endswith("the country"):
        return [replace(draft, places=_country_named_before(ctx, draft), implicit=True)]  # "was leaving the country"
    if draft.action in _MOVES:
        # "relocated soldiers to Kuwait, while Italy moved part of it to Jordan": a move's places end with its clause.
        own_clause = min(clause_end, next((m.start() for m in _CLAUSE_START.finditer(text, trig.end)), len(text)),
                         _own_clause_end(text, trig, purpose=False))
        home = _home_country_place(ctx, draft.actor) if _OWN_BORDER.search(text, trig.end, own_clause) else None
        if home is not None:
            # "moving 40,000 troops to its borders with Belarus and Russia": to its own side of them
            used.add(home.id)
            return [replace(draft, action="deploy", places=[home], origin=None, destination=home.id)]
        destinations = [sp for sp in places if trig.end <= sp.start < own_clause and _DESTINATION.search(_lead_in(text, places, sp))
                        and text[sp.end : sp.end + 2] not in ("'s", "’s")]
        origins = [sp for sp in places if trig.end <= sp.start < clause_end and _ORIGIN.search(text[: sp.start])]
        # "would send troops to Cyprus": a force sent out leaves from home, which the text does not name; only a
        # force moving on or out ("moved its trainers to Jordan") leaves the country the article is about.
        origin = origins[0].place.id if origins else (_implicit_origin(ctx, destinations) if draft.action != "deploy" else None)
        if destinations:
            for sp in destinations:
                used.add(sp.place.id)
            return [replace(draft, places=[sp.place], origin=origin, destination=sp.place.id) for sp in destinations]
        if draft.action == "relocate" and origins:
            draft = replace(draft, action="withdraw")  # "moving personnel out of Iraq", bound nowhere named: leaving it
    clause_end = min(clause_end, _own_clause_end(text, trig, purpose=False))
    # "vowed attacks across the region for the killing ... in Tehran": an act spread over a vague area has no place
    # of its own, neither one named later in the sentence nor the last province named.
    wide = _WIDE_AREA.search(text, trig.end, clause_end)
    clause_end = wide.start() if wide else clause_end
    following = [sp for sp in places if trig.end <= sp.start < clause_end and sp.place.id not in used
                 and not _BORDER_OF.match(text[sp.end :])  # "near the Bangladesh border" locates, it is not the site
                 and not _OWNER_OF.match(text[sp.end :])  # "to join the European Union's naval mission"
                 and not _BORDER_SIDE.search(_lead_in(text, places, sp))  # "where the borders of Benin and Niger meet"
                 and not _NAMES_AN_ACCORD.match(text, sp.end)  # "the Black Sea grain deal"
                 and not _SPEAKS_AFTER.match(text, sp.end)  # "and Baku later apologised": the state, not a site
                 and not (draft.action in VIOLENT_ACTIONS and _OWNED_BY.search(text[: sp.start]))  # "vessels linked to Israel"
                 and not _NAMED_AS.search(text[: sp.start])  # "an operation called Mirador"
                 # "urged the United States and Europe to answer it": whom a demand is made of is not where
                 and not (draft.action == "demand" and _lead_in(text, places, sp)[trig.end :].strip() in ("", "the"))
                 and not (draft.action in VIOLENT_ACTIONS and _launched_or_routed(text, places, sp))]
    # A place before the trigger belongs to it only when no earlier event in the sentence could claim it, or when
    # it lies in a passive's own subject ("a helicopter sent to evacuate soldiers from Nasir came under fire").
    # "was on his first visit to India when the fighting broke out": a place before the time or contrast clause the
    # trigger stands in is not its place ("a state of emergency in Amhara after days of fighting" still is).
    clauses = list(_SCENE_CLAUSE.finditer(text, 0, trig.start))
    clause_start = clauses[-1].end() if clauses and not _FRONTED.match(text) else 0
    # "The United States called on Belgrade": a place right before the verb is its subject, who acted, not where
    # (but "Hama fell" is where).
    earlier = [sp for sp in places if clause_start <= sp.start and sp.end <= trig.start and sp.place.id not in used
               and not _in_apposition(text, sp) and (trig.passive or trig.text == "fell" or text[sp.end : trig.start].strip())][:1] if first or trig.passive else []
    # "Flights at Mitiga were suspended and diverted to Misrata": a passive's own subject names where it happened.
    if earlier and trig.passive and draft.action in POSTURE_ACTIONS:
        # "Warsaw's Chopin airport and the airport at Lublin were shut": every site of the subject.
        sites = [sp for sp in places if clause_start <= sp.start and sp.end <= trig.start and sp.place.id not in used
                 and sp.place.kind == "facility"]
        chosen = sites or earlier
    else:
        chosen = _coordinated(text, following) if following else earlier
    chosen_places = _most_precise(text, chosen) or _site_named_before(ctx, draft, clause_end) or _where_antecedent(ctx, draft, places) \
        or _operated_site(text, draft, places)
    for place in chosen_places:
        used.add(place.id)
    if chosen_places:
        return [replace(draft, places=[p]) for p in chosen_places]
    # "sent two aircraft carrier groups and about 900 more troops to the region": the vague place may lie past the
    # next trigger of the same clause.
    if wide or _VAGUE_AREA.search(text, trig.end, _own_clause_end(text, trig, purpose=False)):
        return [draft]  # "sent warships to the region": somewhere unnamed, not the country the article is about
    if draft.action.startswith("suspend") and _SUSPENDED_ACCORD.match(text, trig.end):
        return [draft]  # "suspended peace talks", "its part in the treaty": an accord is suspended nowhere in particular
    own = _own_country(ctx, draft, clause_end) or _owner_of_target(ctx, draft, clause_end)
    if own is not None:
        return [replace(draft, places=[own], implicit=True)]
    # "Qatar and Saudi Arabia urged both sides to show restraint": another state's call is made from nowhere in particular.
    third_party = draft.action == "demand" and draft.actor in ctx.states.values() and draft.actor != ctx.states.get(ctx.focus or "")
    if draft.action in POSTURE_ACTIONS | {"demand"} and ctx.focus_place and not third_party:
        return [replace(draft, implicit=True, origin=ctx.focus_place if draft.action == "withdraw" else None)]
    return [draft]


def _own_country(ctx: Context, draft: _Draft, clause_end: int) -> Place | None:
    """"Qatar, Bahrain and Kuwait closed their airspace": a state that closes its own airspace, borders or ports does
    so in its own country, not in the country the article is about."""
    iso2 = next((code for code, actor in ctx.states.items() if actor == draft.actor), None)
    country = ctx.country_places.get(iso2 or "")
    if not draft.action.startswith("suspend") or country is None \
            or not _OWN_ASSETS.search(draft.sentence.text, draft.trigger.start, max(clause_end, draft.trigger.end)):
        return None
    return country


def _owner_of_target(ctx: Context, draft: _Draft, clause_end: int) -> Place | None:
    """"an air campaign against Iran's nuclear programme", "strikes on Ukraine's power grid": with no place named, an
    attack on what a country owns happened in that country."""
    if draft.action not in VIOLENT_ACTIONS:
        return None
    for owner in _TARGET_OWNER.finditer(draft.sentence.text, draft.trigger.end, max(clause_end, draft.trigger.end)):
        start = draft.sentence.start + owner.start(1)
        country = next((p for p in ctx.country_places.values() if any(m.start == start for m in p.mentions)), None)
        if country is not None:
            return country
    return None


def _in_apposition(text: str, sp: SentencePlace) -> bool:
    """"JNIM, al-Qaeda's affiliate in the Sahel, claimed...": a place inside the commas that describe the subject
    (unlike a fronted "In Kinshasa, protesters...")."""
    first, second = text.find(","), text.find(",", text.find(",") + 1)
    return 0 < first < sp.start and (second == -1 or sp.end <= second) and not _FRONTED.match(text)


def _launched_or_routed(text: str, places: list[SentencePlace], sp: SentencePlace) -> bool:
    """"rockets fired from Rafah", "a train travelling from Quetta to Peshawar": where a weapon or a vehicle set
    out from, and where it was going, are not where the violence happened."""
    if _ORIGIN.search(text[: sp.start]):
        return True
    return bool(_DESTINATION.search(text[: sp.start])) and any(
        o.end <= sp.start and _ORIGIN.search(text[: o.start]) and re.fullmatch(r"\s+(?:to|towards)\s+(?:the\s+)?", text[o.end : sp.start])
        for o in places)


def _site_named_before(ctx: Context, draft: _Draft, clause_end: int) -> list[Place]:
    """"stormed the hotel", "sent troops to the province": the place of that kind the article named last."""
    text, trig = draft.sentence.text, draft.trigger
    plural = _SITES_ANAPHOR.search(text, trig.start, min(clause_end, trig.end + 40))
    if plural:
        return _sites_of_kind(ctx, draft, plural.group(1).lower().removesuffix("s"))
    match = _SITE_ANAPHOR.search(text, trig.start, clause_end) or _SITE_ANAPHOR.search(text[max(0, trig.start - 30) : trig.start])
    return _site_of_kind(ctx, draft, match.group(1).lower()) if match else []


def _sites_of_kind(ctx: Context, draft: _Draft, head: str) -> list[Place]:
    """"shut both of its fields": every site of that kind named in the sentences just before."""
    recent = [p for p in ctx.literal_places if p.kind == "facility" and _is_a(p, head)
              and any(0 < draft.sentence.index - m.sentence <= ANAPHORA_SENTENCES for m in p.mentions)]
    if recent:
        draft.implicit = True
    return recent


def _where_antecedent(ctx: Context, draft: _Draft, places: list[SentencePlace]) -> list[Place]:
    """"barricaded themselves in the village's monastery, where police fought them": an act in a where-clause
    that names no place of its own happened at the place the clause follows."""
    text, trig = draft.sentence.text, draft.trigger
    where = None
    for where in _WHERE.finditer(text, 0, trig.start):
        pass
    if where is None or _CLAUSE_START.search(text, where.end(), trig.start):
        return []
    before = [sp for sp in places if sp.end <= where.start()]
    if before:
        return [before[-1].place]
    anaphors = list(_SITE_ANAPHOR.finditer(text, 0, where.start()))
    return _site_of_kind(ctx, draft, anaphors[-1].group(1).lower()) if anaphors else []


def _site_of_kind(ctx: Context, draft: _Draft, head: str) -> list[Place]:
    """The place of the kind a head noun names ("hotel", "town") that the article named last."""
    earlier = [(max(m.start for m in p.mentions if m.sentence <= draft.sentence.index), p) for p in ctx.literal_places
               if _is_a(p, head) and min(m.sentence for m in p.mentions) <= draft.sentence.index
               and (head != "region" or _called_region(ctx.article.text, p))]
    if not earlier:
        return []
    draft.implicit = True
    return [max(earlier, key=lambda pair: pair[0])[1]]


def _country_named_before(ctx: Context, draft: _Draft) -> list[Place]:
    """"had completed its mission in Mali and was leaving the country": the country named last before the words."""
    at = draft.sentence.start + draft.trigger.start
    named = [(max(m.start for m in p.mentions if m.start < at), p) for p in ctx.country_places.values() if any(m.start < at for m in p.mentions)]
    return [max(named, key=lambda pair: pair[0])[1]] if named else []


def _called_region(text: str, place: Place) -> bool:
    """"the region" points back to "the Kursk region" or "Tigray region", not to "Anbar province" or "southern
    Lebanon": in conflict news it is otherwise the wider region the story is set in."""
    return any(re.match(r"\s+region\b", text[m.end : m.end + 8], re.I) for m in place.mentions) or "region" in place.name.lower()


def _is_a(place: Place, head: str) -> bool:
    """Whether "the <head>" can point back to this place: a hotel to a hotel, a town to a town."""
    if head in _SETTLEMENT_WORDS:
        return place.kind == "city"
    if head in _AREA_WORDS:
        return place.kind in ("admin1", "region")
    return place.kind == "facility" and head in place.name.lower()


def _lead_in(text: str, places: list[SentencePlace], sp: SentencePlace) -> str:
    """Text before a place, skipping back over places coordinated with it ("to Jordan and Kuwait")."""
    start = sp.start
    for other in reversed([p for p in places if p.end <= sp.start]):
        if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:other\s+(?:towns|cities|villages|areas|parts)\s+of\s+)?", text[other.end : start]):
            start = other.start
    return text[:start]


def _implicit_origin(ctx: Context, destinations: list[SentencePlace]) -> str | None:
    """A foreign force moving out to other countries moves out of the country the article is about."""
    if ctx.focus and destinations and all(sp.place.country != ctx.focus for sp in destinations):
        return ctx.focus_place
    return None


def _coordinated(text: str, following: list[SentencePlace]) -> list[SentencePlace]:
    """The first place after the trigger and those listed with it: "near Sanaa, the port city of Hodeidah and the
    northern stronghold of Saada, as well as targets around Taiz"."""
    if len(following) > 1 and following[0].place.kind in ("country", "region") \
            and re.fullmatch(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}", text[following[0].end : following[1].start]):
        following = following[1:]  # "in Russia's Saratov region", "north-eastern Congo's Ituri province": in the province
    if len(following) > 1 and following[0].place.kind in ("country", "region", "admin1") \
            and _KIND_OF.fullmatch(text[following[0].end : following[1].start]):
        following = following[1:]  # "the northern Burkina Faso town of Djibo": in the town
    while len(following) > 1 and _PART_OF.fullmatch(text[following[0].end : following[1].start]):
        following = following[1:]  # "at the Abbey Gate of Kabul airport", "the Gaza side of the Rafah crossing"
    chosen = [following[0]]
    last_end, after_locator = following[0].end, False
    for sp in following[1:]:
        gap = text[last_end : sp.start]
        # "Goma, the largest city in North Kivu", "Bara, north of El Obeid": the next place locates this one.
        if _CAPITAL_OF.fullmatch(gap) and sp.place.kind in ("admin1", "region", "country"):
            last_end = sp.end
            continue
        if _LIST_GAP.fullmatch(gap) and not find_triggers(gap) and not _VERB_IN_GAP.search(gap) and not _LOCATOR_END.search(gap):
            chosen.append(sp)
        elif after_locator and _LIST_AFTER_LOCATOR.fullmatch(gap) and not find_triggers(gap):
            chosen.append(sp)  # "Bahawalpur and Muridke in Punjab province, where ..., and the towns of Muzaffarabad"
        elif not after_locator and _LOCATOR_END.search(gap) and re.fullmatch(r"\s+(?:[a-z]+\s+)?in\s+(?:the\s+)?", gap):
            last_end, after_locator = sp.end, True  # the province that locates the places listed: skipped, the list may go on
            continue
        elif after_locator and sp.place.kind in ("admin1", "region", "country") and _WIDER_LOCATOR.fullmatch(gap):
            last_end = sp.end  # "in the Irkutsk region of Siberia, the Olenya base ...": the wider area locates it too
            continue
        elif _parallel(text, chosen[0], gap):
            chosen.append(sp)  # "on the al-Tanf garrison in Syria and on al-Harir air base in Iraq"
        else:
            break
        last_end, after_locator = sp.end, False
    return chosen


def _parallel(text: str, first: SentencePlace, gap: str) -> bool:
    """"drone attacks on the al-Tanf garrison in Syria and on al-Harir air base", "left the base at Faya-Largeau on
    26 December and the one at Abeche": a phrase coordinated with the first place's, led by the same preposition."""
    lead = _PLACE_PREPOSITION.search(text, max(0, first.start - 40), first.start)
    if lead is None:
        return False
    parallel = re.fullmatch(rf"(?:\s+[^,;]*?)?,?\s+and\b\s*(?:,[^,;]*,\s*)?(?:[\w'’-]+\s+){{0,8}}?{lead.group(1)}\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}", gap, re.I)
    return parallel is not None and not find_triggers(gap) and not _VERB_IN_GAP.search(gap)


def _most_precise(text: str, chosen: list[SentencePlace]) -> list[Place]:
    """Drop a country that only locates the place beside it: "Baghdad, Iraq" is Baghdad, "its last base in Chad, the
    Adji Kossei camp" is the camp; but "in Pakistan and Azad Kashmir" names two areas."""
    located = set()
    for prev, sp in itertools.pairwise(chosen):
        if prev.place.country == sp.place.country and not re.search(r"\b(?:and|or)\b", text[prev.end : sp.start]):
            located |= {p.id for p in (prev.place, sp.place) if p.kind == "country"} if prev.place.kind != sp.place.kind else set()
    return [sp.place for sp in chosen if sp.place.id not in located]


def _ellipsis(drafts: list[_Draft], sentence: Sentence, in_sentence: list[ActorSpan]) -> list[_Draft]:
    """"So have Denmark and Germany": the previous sentence's events, done by these actors."""
    previous = [d for d in drafts if d.sentence.index == drafts[-1].sentence.index]
    copies = []
    for span in in_sentence:
        for d in previous:
            copies.append(replace(d, actor=span.actor, sentence=sentence, trigger=Trigger(d.action, 0, len(sentence.text), sentence.text, False)))
    return copies


def _merge_results(drafts: list[_Draft], actor_type: dict[str, str]) -> list[_Draft]:
    """"an attack ... that killed a US contractor": the killing is the attack's toll, not another event; only
    a named person killed by it ("killed Qasem Soleimani") is an event of its own."""
    merged: list[_Draft] = []
    for draft in drafts:
        same_sentence = itertools.takewhile(lambda m: m.sentence.index == draft.sentence.index, reversed(merged))
        # "10 were killed in Guayaquil, and gunmen shot dead two officers in Nobol": a killing is no other's toll.
        host = next((m for m in same_sentence if m.action in VIOLENT_ACTIONS - {"kill"} and m.trigger.end <= draft.trigger.start), None)
        lead = draft.sentence.text[: draft.trigger.start]
        # ", killing 13 service members": a participle after a comma has the main clause's doer, whatever it names.
        participle = draft.trigger.text.lower().endswith("ing") and bool(re.search(r",\s*$", lead))
        # "an offensive by ELN guerrillas killed about 80 people": the act named with its doer is the killer.
        by_agent = host is not None and bool(_AGENT_PHRASE.fullmatch(draft.sentence.text[host.trigger.end : draft.trigger.start]))
        result = host is not None and (_RELATIVE_RESULT.search(lead) or participle or by_agent
                                       or draft.actor in (host.actor, "unknown"))
        if draft.action == "kill" and result:
            toll = _fatalities(draft.sentence.text[draft.trigger.end :])
            if toll is not None or actor_type.get(draft.target or "") != "person":
                host.fatalities = toll or host.fatalities
                host.target = host.target or draft.target
                # "A drone strike killed a commander in eastern Baghdad": the toll's place is the strike's.
                host.places = host.places or draft.places
                continue
            # A named person killed by that strike is an event of its own, where and when the strike was.
            draft = replace(draft, actor=host.actor, places=draft.places or host.places, date=draft.date or host.date)
        merged.append(draft)
    return merged


def _tolls_of_what_follows(drafts: list[_Draft], actor_type: dict[str, str]) -> list[_Draft]:
    """"killed 15 fighters in a joint raid in Anbar", "killed scores of civilians in an attack on Barsalogho": the
    killing is the toll of the act named next, which is the event (done by the killers when it names no one)."""
    kept: list[_Draft] = []
    for draft in drafts:
        if draft.action == "kill" and not draft.trigger.passive and actor_type.get(draft.target or "") != "person":
            host = next((h for h in drafts if h.sentence.index == draft.sentence.index and h.action in VIOLENT_ACTIONS - {"kill"}
                         and h.trigger.start >= draft.trigger.end and h.actor in (draft.actor, "unknown")
                         and _IN_ACT.search(draft.sentence.text[draft.trigger.end : h.trigger.start])), None)
            if host is not None:
                host.actor = draft.actor if host.actor == "unknown" else host.actor
                host.target = host.target or draft.target
                host.fatalities = host.fatalities or _fatalities(draft.sentence.text[draft.trigger.end :])
                host.date = host.date or draft.date
                continue
        kept.append(draft)
    return kept


def _claimed(ctx: Context, drafts: list[_Draft], actors_by_sentence: dict[int, list[ActorSpan]]) -> list[_Draft]:
    """"IS-K claimed the bombing", "JNIM claimed the attack": the claimant did the unattributed act told just before."""
    for sentence in ctx.article.sentences:
        claim = _CLAIM.search(sentence.text)
        # "The al-Qaeda-linked group JNIM claimed": the last actor named before the verb, not a backer or an owner.
        speakers = [a for a in actors_by_sentence.get(sentence.index, []) if a.end - sentence.start <= (claim.start() if claim else -1)
                    and not _BACKER.match(ctx.article.text[a.end :]) and ctx.article.text[a.end : a.end + 2] not in ("'s", "’s")]
        if not speakers:
            continue
        claimant = _acting_for(ctx, speakers[-1].actor)
        # "claimed the attacks and said it had killed 70 soldiers": the claimed act's toll, not another killing.
        drafts = [d for d in drafts if not (d.sentence.index == sentence.index and d.action == "kill"
                                            and d.trigger.start > claim.start())]
        for draft in drafts:
            # "16 attackers were killed": who was killed is told, not who killed them (the claimant's own men, often).
            passive_toll = draft.action == "kill" and draft.trigger.passive
            if 0 < sentence.index - draft.sentence.index <= CLAIM_SENTENCES and draft.action in VIOLENT_ACTIONS \
                    and ctx.actor_type.get(draft.actor, "unknown") == "unknown" and not passive_toll:
                draft.actor = claimant
    return drafts


def _blamed(ctx: Context, drafts: list[_Draft], actors_by_sentence: dict[int, list[ActorSpan]]) -> list[_Draft]:
    """"He blamed the Cali bombing on the Jaime Martinez front", "said the helicopter had been attacked by the Gulf
    Clan": whom a later sentence names for an act told with no one doing it did it; the restatement is no new act."""
    for sentence in ctx.article.sentences:
        for match in _BLAME.finditer(sentence.text):
            at = sentence.start + match.end()
            # "on the Jaime Martinez front, a faction of the FARC dissidents": the first actor the phrase names
            named = next((a for a in actors_by_sentence.get(sentence.index, []) if 0 <= a.start - at <= 60
                          and not re.search(r"[;.]|\b(?:and|but|while)\b", ctx.article.text[at : a.start])), None)
            if named is None:
                continue
            where = match.group("where")
            unknown = [d for d in drafts if 0 < sentence.index - d.sentence.index <= 2 and d.action in VIOLENT_ACTIONS
                       and ctx.actor_type.get(d.actor, "unknown") == "unknown" and d.modality == "asserted"
                       and not (d.action == "kill" and d.trigger.passive)]
            if where:
                unknown = [d for d in unknown if any(_named_or_in(ctx, p, where) for p in d.places)]
            for draft in unknown[:2] if where else unknown[:1]:
                draft.actor = _acting_for(ctx, named.actor)
            if unknown:
                # the restating passive ("had been attacked by the Gulf Clan") is the same act
                drafts = [d for d in drafts if not (d.sentence.index == sentence.index and d.trigger.passive
                                                    and match.start() <= d.trigger.start < match.end())]
    return drafts


def _named_or_in(ctx: Context, place: Place, name: str) -> bool:
    """Whether a place is called `name`, or is a site placed in the town of that name ("the Cali bombing" was at
    the aviation school in Cali)."""
    anchor_id = place.id.split("@", 1)[1] if place.id.startswith(SITE_PREFIX) and "@" in place.id else None
    anchor = next((p for p in ctx.literal_places if p.id == anchor_id), None)
    return any(normalize(name) == normalize(p.name) for p in (place, anchor) if p is not None)


def _caused_by_what_follows(drafts: list[_Draft]) -> list[_Draft]:
    """"Nasrallah was killed on Friday when Israeli jets bombed a headquarters in Beirut": the killing was done
    by whoever did the act that follows, and where it happened."""
    for draft, cause in itertools.pairwise(drafts):
        same_sentence = cause.sentence.index == draft.sentence.index
        if not (same_sentence and draft.trigger.passive and draft.actor == "unknown" and cause.action in VIOLENT_ACTIONS):
            continue
        if cause.actor == draft.target:
            continue  # "peacekeepers were killed in fighting with the rebels": the victims' own side did not kill them
        if _CAUSE_LINK.search(draft.sentence.text[draft.trigger.end : cause.trigger.start]):
            draft.actor = cause.actor
            draft.places = draft.places or cause.places
            draft.date = draft.date or cause.date
            toll = _TOLL_BEFORE.search(draft.sentence.text[: draft.trigger.start])
            if draft.action == "kill" and draft.target is None and toll:
                # "At least 21 people were killed after militants stormed the hotel": the attack's toll.
                cause.fatalities = cause.fatalities or _fatalities(toll.group(1))
                draft.merged = True
    return [d for d in drafts if not d.merged]


def _tolls_of_acts_told_before(drafts: list[_Draft]) -> list[_Draft]:
    """"US aircraft struck three sites. ... one militant was killed in the strikes near Hilla": deaths in an act told
    before are its toll, and a place the toll names is where that act happened too."""
    kept: list[_Draft] = []
    for draft in drafts:
        text, trig = draft.sentence.text, draft.trigger
        act = next((t for t in find_triggers(text[trig.end : trig.end + 80]) if t.action in VIOLENT_ACTIONS - {"kill"}
                    and _IN_TOLD_ACT.search(text[trig.end : trig.end + t.start])), None) \
            if draft.action == "kill" and draft.actor == "unknown" and trig.passive else None
        source = next((d for d in reversed(kept) if act is not None and d.action == act.action and d.actor != "unknown"
                       and d.modality == "asserted" and 0 < draft.sentence.index - d.sentence.index <= ANAPHORA_SENTENCES), None)
        if source is None:
            kept.append(draft)
            continue
        toll = _TOLL_BEFORE.search(text[: trig.start])
        fatalities = _fatalities(toll.group(1)) if toll else None
        new_places = [p for p in draft.places if p not in source.places]
        if not new_places:
            source.fatalities = source.fatalities or fatalities
            continue
        kept.append(replace(draft, action=source.action, actor=source.actor, target=source.target or draft.target,
                            places=new_places, date=draft.date or source.date, fatalities=fatalities))
    return kept


def _fatalities(after: str) -> Fatalities | None:
    """Deaths stated at the start of `after`: "at least 12", "between 10 and 15", "dozens of"."""
    match = _FATALITIES.match(after)
    if not match:
        return None
    counts = [_count(word) for word in match.groups() if word]
    if len(counts) == 1:
        return counts[0]
    low, high = counts[0], counts[-1]
    return Fatalities(low.low, low.low, high.high)  # a range: the lower figure is the best estimate, as ACLED does


def _count(word: str) -> Fatalities:
    word = word.lower()
    if word in _VAGUE:
        return Fatalities(*_VAGUE[word])
    n = 1 if word in ("a", "an") else int(word.replace(",", "")) if word[0].isdigit() else _NUMBER_WORDS[word]
    return Fatalities(n, n, n)


def _inherit_agents(drafts: list[_Draft], actors: list[ActorSpan]) -> list[_Draft]:
    """"al-Muhandis ... was blown to pieces alongside him": a passive with no agent whose sentence names the target
    of an earlier violent event was done by that event's actor."""
    for draft in drafts:
        if draft.actor != "unknown" or not draft.trigger.passive:
            continue
        named = {a.actor for a in actors if a.sentence == draft.sentence.index}
        source = next(
            (d for d in drafts if d.actor != "unknown" and d.action in VIOLENT_ACTIONS and d.target in named
             and d.sentence.index < draft.sentence.index),
            None,
        )
        if source is not None:
            draft.actor = source.actor
    return drafts


def _without_references_back(drafts: list[_Draft], actor_type: dict[str, str]) -> list[_Draft]:
    """Drop place-less violent drafts that only point back to an event already placed ("the attack", "his killing"),
    and tolls said on their own ("26 civilians had been killed"): deaths with no killer, place or named victim."""
    placed = [d for d in drafts if d.places and d.action in VIOLENT_ACTIONS]
    placed_targets = {d.target for d in placed if d.target}
    placed_actors = {d.actor for d in placed}
    twins = {(d.sentence.index, d.actor, d.action) for d in drafts if d.places}
    # "A drone launched by X hit the base": one act told with two verbs; the one with no doer and no place is the other's twin.
    told = {(d.sentence.index, d.action, d.modality) for d in drafts if d.places or d.actor != "unknown"}
    kept = []
    for i, draft in enumerate(drafts):
        if not draft.places and ((draft.sentence.index, draft.actor, draft.action) in twins
                                 or (draft.actor == "unknown" and (draft.sentence.index, draft.action, draft.modality) in told)):
            continue
        if draft.action not in VIOLENT_ACTIONS and _told_before(draft, drafts[:i]):
            continue
        if draft.action in ("withdraw", "relocate") and draft.actor == "unknown" and not draft.trigger.passive:
            continue  # "28,000 Armenians have left": people on the move, not a force's posture
        if draft.places or draft.implicit or draft.action not in VIOLENT_ACTIONS:
            kept.append(draft)
            continue
        # "the attack on the base", "his killing" point back; "a landmine wounded five soldiers" is news of its own.
        lead = draft.sentence.text[: draft.trigger.start]
        same_target = draft.target in placed_targets and (draft.definite or bool(_POSSESSIVE_PRONOUN.search(lead))
                                                          or not re.search(r"\b(?:a|an)\s+$", lead, re.I))
        restated = draft.target is None and draft.trigger.text.endswith("ing")  # "the president, assassinating another"
        refers_back = (draft.definite or restated) and draft.actor in placed_actors
        toll = draft.action == "kill" and draft.trigger.passive and draft.actor == "unknown" \
            and actor_type.get(draft.target or "") != "person"
        # Riots and abductions are news with no doer named ("riots broke out in several prisons").
        empty = (draft.actor == "unknown" and draft.target is None and draft.action not in ("riot", "abduct")) or toll
        if not (same_target or refers_back or empty):
            kept.append(draft)
    return kept


def _dated_by_reference(drafts: list[_Draft]) -> list[_Draft]:
    """"After the coup, troops crushed street protests": an undated act told after an event the article dated is
    dated by it (so background stays background)."""
    for i, draft in enumerate(drafts):
        match = _AFTER_REFERENCE.search(draft.sentence.text)
        if draft.date is not None or match is None:
            continue
        wanted = _REFERENCE_ACTIONS[match.group(1).lower()]
        source = next((d for d in reversed(drafts[:i]) if d.action in wanted and d.date is not None
                       and d.sentence.index < draft.sentence.index), None)
        if source is not None:
            draft.date = source.date
    return drafts


def _told_before(draft: _Draft, earlier: list[_Draft]) -> bool:
    """"said the arrests violated the deal", "demanding the resignation" after a protest: a definite noun naming an
    act told already, or a protest's demand, is not another event."""
    words = draft.trigger.text.split()
    nominal = draft.definite and not re.search(r"(?:ed|ing)$", words[0])
    if nominal and any(d.action == draft.action and d.sentence.index < draft.sentence.index for d in earlier):
        return True
    lead = draft.sentence.text[: draft.trigger.start]
    return draft.action == "demand" and bool(re.search(r",\s*$", lead)) and any(
        d.action in ("protest", "riot") and d.sentence.index == draft.sentence.index for d in earlier)


def _unique(drafts: list[_Draft]) -> list[_Draft]:
    seen: set[tuple] = set()
    result = []
    for d in drafts:
        key = (d.actor, d.action, d.places[0].id if d.places else None, d.destination, d.date.value if d.date else None, d.modality)
        if key not in seen:
            seen.add(key)
            result.append(d)
    return result


def _is_historical(ctx: Context, when: DateMention | None) -> bool:
    if when is None or ctx.published is None:
        return False
    return when.last_day < ctx.published - timedelta(days=HISTORICAL_AFTER_DAYS)


def _category(action: str, actor_type: str, actor_country: str | None, focus: str | None) -> str:
    if action in ("protest", "riot") or actor_type in ("protesters", "rioters"):
        return "civil-unrest"
    if action in POSTURE_ACTIONS and (actor_type == "external-forces" or (actor_country and actor_country != focus)):
        return "coalition-posture"
    if action in VIOLENT_ACTIONS | {"deploy", "threaten"} and actor_type in ("rebel-group", "political-militia", "identity-militia", "unknown"):
        return "militia-activity"
    return "state-action"


def _freeze(ctx: Context, d: _Draft, number: int) -> Event:
    place = d.places[0].id if d.places else (ctx.focus_place if d.implicit else None)
    actor_type = ctx.actor_type.get(d.actor, "unknown")
    actor_country = next((iso2 for iso2, state in ctx.states.items() if state == d.actor), None)
    return Event(
        id=f"e{number}",
        category=_category(d.action, actor_type, actor_country, ctx.focus),
        action=d.action,
        acled_type=ACTIONS.get(d.action),
        actor=d.actor,
        target=d.target,
        place=place,
        origin=d.origin,
        destination=d.destination,
        date=d.date.value if d.date else None,
        date_precision=d.date.precision if d.date else "unknown",
        historical=d.historical or _is_historical(ctx, d.date),
        modality=d.modality,
        fatalities=d.fatalities,
        sentence=d.sentence.index,
        span=(d.sentence.start, d.sentence.end),
        evidence=d.sentence.text,
        place_implicit=d.implicit,
    )
