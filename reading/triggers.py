"""Words that signal an event, mapped to the action vocabulary of `reading.vocabulary`, and the modality around them.

Patterns are deliberately plain regular expressions: each one can be read, tested and argued about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reading.guard import PatternSet, fold, ignoring_case, text_for

_FORCES = (r"(?:troops|forces|soldiers|personnel|trainers|instructors|warships|jets|aircraft carriers?|aircraft|reinforcements|"
           r"fighters|advisers|advisors|marines|paratroopers|units|police|equipment|hardware|headquarters|batteries|systems|"
           r"air defences?|frigates?|destroyers?|warships?|(?:naval|navy|military|patrol) vessels?)")
_WORDS = r"(?:[\w,.'’-]+\s+)"  # a word with its space; numbers such as "1,000" count as words
# "the town of X", "the southern city of X": a settlement named after the verb.
_NAMED_SITE = r"(?=\s+(?:(?:much|most|all|parts?|large parts|swathes) of\s+)?(?:the\s+(?:\w+\s+){0,2}(?:towns?|city|cities|villages?|ports?|bases?|capital|airports?|districts?|regions?|provinces?|areas?|islands?|hills?|camps?|border towns?)\s+of\s+|the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?(?-i:[A-Z]))"

# What a force holds or leaves: "left the base at Faya-Largeau", "handed over its last base", "had taken the headquarters".
_SITE_NOUN = r"(?:bases?|air ?bases?|camps?|garrisons?|barracks|posts?|outposts?|positions?|headquarters|checkpoints?|facilit(?:y|ies))"

LEXICON: tuple[tuple[str, str], ...] = (
    ("suspend", r"\b(?:suspend(?:ed|s|ing)?|end(?:ed|s|ing)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:operations?|offensive|campaign)\b|halt(?:ed|s|ing)?|paus(?:ed|es|ing)|froze|freez(?:es|ing)|"
                r"(?:clos(?:ed|es|ing)|shut(?:s|ting)?(?:\s+down)?)\s+(?:[\w-]+\s+){0,3}?(?:airports?|airspace|(?:border )?crossings?|borders?|ports?|(?:oil |gas )?fields?|refiner(?:y|ies)|plants?|pipelines?|mines?|offices?|clinics?|hospitals?|embass(?:y|ies)|consulates?|schools))\b|"
                r"cancel(?:l?ed|s|l?ing)\s+(?:all\s+|its\s+|their\s+)?(?:[\w-]+\s+)?flights\b"),
    ("relocate", r"\b(?:relocat\w*|redeploy\w*)\b"),
    ("withdraw", r"\b(?:withdr(?:aw|ew|awn|awing|awal|aws)|reduc(?:ed|es|ing)\s+(?:its|their|the)\s+(?:\w+\s+)?(?:contingent|presence|troops|forces|footprint)|(?:cut|reduc(?:ed|es|ing)|halved)\s+the\s+number\s+of\s+(?:its\s+|their\s+)?(?:troops|soldiers|forces)|pull(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?(?:out|back)\b|pull-?out|retreat(?:ed|ing|s)?|left" + _NAMED_SITE + r"|"
                 r"left\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?" + _SITE_NOUN + r"\b|hand(?:ed|s|ing)\s+over\s+(?:(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?" + _SITE_NOUN + r"\b|control\b)|"
                 r"hand(?:ed|s|ing)\s+over" + _NAMED_SITE + r"|brought\s+out\s+of\b)"),
    ("relocate", r"\b(?:mov(?:ed|es|ing)|shift(?:ed|ing|s)?|transferr?(?:ed|ing)?)\s+(?:" + _WORDS + r"{0,3}?" + _FORCES + r"|(?:part|some|most|all|the rest|half) of (?:it|them)\b)"),
    ("deploy", r"\b(?:deploy(?:ed|s|ing|ment)?|(?:sent|send(?:s|ing)?|dispatch(?:ed|es|ing)?)\s+(?!to\s)" + _WORDS + r"{0,3}?" + _FORCES + r"|mass(?:ed|es|ing)\s+(?:[\w,-]+\s+){0,3}?(?:troops|forces|soldiers|tanks)|gather(?:ed|s|ing)?\s+(?:around|in|at|near|outside)|(?:began|begun|started) to arrive|arriv(?:ed|ing) in)\b"),
    ("reinforce", r"\b(?:reinforc\w*|(?:additional|more|extra)\s+(?:[\w-]+\s+){0,2}?" + _FORCES + r")\b"),
    ("evacuate", r"\b(?:evacuat\w*|(?:mov(?:ed|es|ing)|t(?:ook|aken|aking))\s+(?:[\w-]+\s+){0,4}?(?:staff|patients|employees|workers|diplomats|nationals|citizens|families)\s+out\s+of|"
                 r"(?:mov(?:ed|es|ing)|relocat(?:ed|es|ing)|bus(?:s)?(?:ed|ing))\s+(?:[\w,-]+\s+){0,5}?(?:villagers|residents|civilians|inhabitants|people|families)\s+(?:out\s+of|from|away\s+from)\b)"),
    # "Warsaw's airport and the airports at Modlin and Lublin were shut": closed, by whoever runs them.
    ("suspend", r"\b(?:airports?|airspace|(?:border )?crossings?|ports?|(?:oil |gas )?fields?|refiner(?:y|ies)|schools|markets?)\s+"
                r"(?:[\w,'’-]+\s+){0,6}?(?:was|were|had been|have been|has been|remained)\s+(?:\w+ly\s+)?(?P<act>shut|closed)\b"),
    # "agreed to give up the town", "surrendered the base": a force leaving what it held.
    ("withdraw", r"\b(?:g(?:ive|ave|iving|iven)\s+up|surrender(?:ed|s|ing)?|abandon(?:ed|s|ing)?)\s+(?:control\s+of\s+)?(?:the|its|their)\s+"
                 r"(?:[\w-]+\s+)?(?:town|city|base|garrison|post|positions?|headquarters|command|barracks|camp)\b"),
    # "the troops were being taken to Lashio": a force moved, by whoever moves it.
    ("relocate", r"\b(?:troops|soldiers|forces|garrison|units|men|personnel)\s+(?:were|was|are|is|had been|have been|has been)\s+"
                 r"(?:being\s+)?(?:taken|flown|moved|bused|bussed|trucked|ferried|airlifted|transferred)\s+(?:back\s+|out\s+)?to\b"),
    # "Botswana and Lesotho have taken their contingents home".
    ("withdraw", r"\b(?:t(?:aken|ook|aking)|br(?:ought|inging|ings?)|sen(?:t|ding))\s+(?:their|its|the)\s+(?:[\w-]+\s+){0,2}?"
                 r"(?:contingents?|troops|soldiers|forces|personnel|peacekeepers)\s+home\b"),
    ("resume", r"\bresum(?:ed|es|ing|e|ption)\b"),
    ("train", r"\b(?:(?:have|has|had|are|is|was|were|been|to)\s+(?:\w+\s+)?train(?:ed|s|ing)?|trained|trainers?)\b"),
    ("strike", r"\b(?:(?:missiles?|rockets?|drones?|shells?|strikes?|bombs?)\s+(?:hit|struck|slammed into|landed on|wrecked|destroyed|damaged|"
               r"crashed into|tore through|attacked|set fire to)|(?:air|drone|missile|rocket)[\s-]?strikes?|(?:drone|missile|rocket|mortar)\s+attacks?|airstrikes?|strikes?|struck|(?<!suicide )(?<!car )(?<!truck )(?<!roadside )bomb(?:ed|ing|ings)|(?:missiles?|rockets?|drones?)\s+(?:was\s+|were\s+)?(?:fired|launched)|(?:fired|launched)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|drones?)|pound(?:ed|ing|s)|dropp(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?bombs|"
               r"hit\s+(?:\w+\s+){0,4}?(?:positions|targets|sites|bases?|air ?bases?|airfields?|depots?|command|headquarters|facilities|infrastructure|convoys?|vehicles?|camps?|aircraft|warplanes|bombers|ships|vessels|bridges?)|"
               r"(?:air|bombing|drone|missile)\s+campaign)\b"),
    ("explosion", r"\b(?:detonat(?:ed|es|ing)|(?:car|truck|roadside|suicide)\s+bomb(?:s|ing|ings|er|ers)?(?:\s+(?:explosions?|blasts?|attacks?))?|(?:bomb|explosion|blast)s?\s+(?:hit|struck|killed|ripped|tore|brought down|destroyed|damaged)|explosive device|"
                  r"(?:bomb|device|grenade|(?:land)?mine|IED)s?\s+(?:exploded|went off|wounded|injured)|"
                  r"(?:car|truck|lorry|van|vehicle|motorbike|motorcycle|tanker)s?\s+(?:[\w-]+\s+){0,3}?(?:blew up|exploded|detonated)|"
                  r"(?:explosions?|blasts?)\s+(?:were\s+|was\s+)?(?:reported|heard|rocked|shook))\b"),
    ("shelling", r"\b(?:shell(?:ed|ing)|(?<!artillery )(?<!tank )(?<!of )shells(?= \w+ed\b| the\b| \w+ (?:town|city|village)s?\b)|artillery fire|mortar (?:fire|attack)|bombard(?:ed|ing|ment|s))\b"),
    ("ambush", r"\bambush(?:ed|es|ing)?\b"),
    # Force used on crowds: ACLED's excessive force against protesters, an attack on civilians.
    ("attack", r"\b(?:crushed|cracked down on|broke up|dispersed|fired (?:tear gas|live ammunition) (?:at|on|into))(?=\s+(?:\w+\s+){0,3}?(?:protests?|protesters|demonstrat\w+|crowds?|rall(?:y|ies)|marchers))"),
    ("attack", r"\b(?:(?:opened fire|fired) (?:on|at|into) (?!(?:\w+\s+){0,3}?(?:missiles?|rockets?|drones?)\b)|(?:came|come|comes|coming) under (?:\w+\s+)?(?:fire|attack|shelling|bombardment))"),
    ("attack", r"\b(?:(?:counter-?)?attack(?:ed|s|ing)?|assault(?:ed|s|ing)?|raid(?:ed|s|ing)?|storm(?:ed|ing)|(?<=to )storm|besieg(?:ed|ing|es)|laid siege to|siege of|ramm(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:vehicles?|cars?|trucks?|lorr(?:y|ies)|boats?)\s+(?:into|at)|(?:broke|broken|breaking)\s+into(?!\s+(?:tears|song|laughter|a\s+\w+))|offensive(?= by| against| on)|(?<=military )offensive|(?<=army )offensive|(?<=ground )offensive|"
               r"launch(?:ed|es|ing)?\s+(?:\w+\s+){0,3}?(?:(?:counter-?)?offensive|incursion|operation|assault)|"
               r"blockad(?:ed|ing|es)|(?:imposed|enforced|laid)\s+(?:a\s+)?(?:[\w-]+\s+)?blockade\s+(?:on|of|around))\b"),
    ("advance", r"\b(?:enter(?:ed|s|ing)?" + _NAMED_SITE + r"|enter(?:ed|s|ing)?\s+the\s+(?:city|town|village|capital|district|outskirts|suburbs)\b|"
                r"reach(?:ed|es|ing)(?:\s+the\s+(?:outskirts|edge|centre|center|gates|heart)\s+of)?" + _NAMED_SITE + r"|push(?:ed|es|ing)?\s+(?:\w+\s+)?into|advanc(?:ed|es|ing) (?:on|into|towards)|"
                r"cross(?:ed|es|ing)? (?:the (?:\w+\s+)?border )?into|forc(?:ed|ing) (?:their|its|his|a) way into|marched on|moved into|surround(?:ed|ing|s)|encircl(?:ed|ing|es)|"
                r"(?:walk(?:ed|ing)|roll(?:ed|ing)|sw(?:ept|eeping)|stream(?:ed|ing))\s+into(?:\s+the\s+(?:centre|center|heart)\s+of)?" + _NAMED_SITE + r")"),
    # "was leaving the country": a way out like fleeing, a withdrawal only when an armed actor leaves (events.py).
    # "Ukrainian troops were pushed out of the Kursk region": those driven out are the ones who leave.
    ("flee", r"\b(?:fle(?:d|eing|es)\s+(?:\w+\s+){0,3}?(?:into|to|towards|across)|(?:left|leav(?:e|es|ing))\s+the\s+country|"
             r"(?:were|was|been|being|are|is)\s+(?:\w+ly\s+)?(?:pushed|driven|forced|chased|expelled)\s+(?:back\s+)?(?:out\s+of|from)"
             r"(?!\s+(?:their|his|her|its)\s+homes?))\b"),
    # "French soldiers load armoured vehicles before leaving for Niger": a move to the place named.
    ("relocate", r"\b(?:leav(?:e|es|ing)|left)\s+for" + _NAMED_SITE),
    # "The last French soldiers departed from Niger", "foreign nationals were airlifted out of Port Sudan".
    ("withdraw", r"\bdepart(?:ed|s|ing)\s+from\b"),
    ("evacuate", r"\b(?:airlift(?:ed|ing|s)?|flown|ferried|bused|bussed)\s+out\s+of\b"),
    # "The rebels declared a ceasefire", "the two sides agreed a truce": a halt to operations by the parties (one who
    # announces it may be a mediator, so announcing is left out).
    ("suspend", r"\b(?:declar(?:ed|es|ing)|agree(?:d|s|ing)?(?:\s+to)?|observ(?:ed|ing|es))\s+(?:a|an|the)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:ceasefire|truce)\b"),
    # Violence against people and property told by its own verb: "massacred dozens", "torched homes", "hijacked a train".
    ("attack", r"\b(?:massacr(?:ed|ing|es)|torch(?:ed|ing|es)|set\s+(?:fire\s+to|alight|ablaze)|set\s+(?:[\w-]+\s+){1,3}?(?:ablaze|alight|on\s+fire)|"
               r"burn(?:ed|t)\s+down|razed|hijack(?:ed|ing|s)|(?:demolish(?:ed|es|ing)|bulldoz(?:ed|es|ing))\s+(?:[\w,-]+\s+){0,3}?(?:homes|houses|buildings|"
               r"mosques?|churches|schools|shops|villages?)|press(?:ed|es|ing)\s+(?:on\s+with\s+)?(?:their|its|the)\s+(?:[\w-]+\s+)?(?:offensive|advance|assault|attack))\b"),
    ("seize", r"\bliberat(?:ed|ing|es)(?=\s+(?:the\s+)?(?:(?:town|city|village|district|region)\s+of\s+)?(?-i:[A-Z]))"),
    ("strike", r"\b(?:drones?|missiles?|rockets?|shells?|jets|warplanes|aircraft)\s+(?:also\s+)?target(?:ed|ing|s)\b"),
    ("reinforce", r"\bmobili[sz](?:ed|es|ing)\s+(?:[\w,-]+\s+){0,3}?(?:reservists|troops|soldiers|forces|units|fighters|militias?)\b"),
    ("deploy", r"\bstation(?:ed|s|ing)\s+(?:[\w,-]+\s+){0,3}?(?:troops|soldiers|forces|units|missiles|jets|warships|weapons|fighters)\b"),
    # "the army had driven the militia out of several towns": whoever does the driving attacks (the passive above is
    # the retreat of those driven out).
    ("attack", r"\b(?:dr(?:ove|iven|ive|ives|iving)|push(?:ed|es|ing)?|forc(?:ed|es|ing)|chas(?:ed|es|ing)|expell(?:ed|ing|s)?)\s+"
               r"(?:the|its|their|rebel|militia|enemy|(?-i:[A-Z])[\w-]*)\s+(?:[\w-]+\s+){0,3}?(?:back\s+)?out\s+of\b"),
    # "a cargo ship hit by Houthi missiles": struck, by whoever fired them.
    ("strike", r"\b(?:hit|struck|targeted|damaged)(?=\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:missiles?|drones?|rockets?|shells?|"
               r"strikes?|bombs?|air\s*strikes?)\b)"),
    ("coup", r"\b(?:(?:seiz(?:ed|es|ing)|took|taken|taking|grabbed|seize|take) power|(?:staged|launched|mounted) a coup|overthr(?:ew|own)|toppled|ousted)\b"),
    ("seize", r"\b(?:seiz(?:ed|ing|es)|(?:re)?captur(?:ed|ing|es)|retook|retaken|retak(?:e|es|ing)|(?:took|taken|taking|seized|regained|gained|wrested|assumed)\s+(?:full\s+|complete\s+|total\s+)?control of|overr?(?:an|un)|went on the offensive|fell to|(?:took|taken|taking)" + _NAMED_SITE + r"|"
              r"(?:took|taken|taking)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?" + _SITE_NOUN + r"\b)"),
    # "Hama fell on Thursday": a town that fell was taken; kept only after a place (events.py), not "prices fell".
    ("fall", r"\bfell\b(?!\s+(?:to|short|sharply|by|silent|ill|apart|back|behind|into|from|off|under|below|in\b))"),
    ("clash", r"\b(?:clash(?:ed|es)?|fought|(?:is|are|was|were|been)\s+(?:still\s+)?fighting(?=\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:al|el|ash|as)-|(?:group|militants|rebels|"
               r"insurgents|jihadists|militias?|fighters|army|forces|troops)\b))|battl(?:ed|es|ing)|(?:heavy |fierce )?fighting(?= between| with| in| near| around| erupted| broke out| continued| began| started| raged| resumed| flared| spread| intensified| alongside)|gun ?battles?|firefights?|exchanged (?:gun|small-arms |heavy |artillery )?fire)\b"),
    ("kill", r"\b(?:kill(?:ed|s|ing)?|assassinat(?:e|ed|es|ing|ion)|blown to pieces|executed|beheaded|shot dead)\b"),
    ("abduct", r"\b(?:abduct(?:ed|s|ing|ion)|kidnap(?:ped|s|ping)?|(?:took|taken|taking|held|holding)\s+(?:[\w,-]+\s+){0,6}?hostages?)\b"),
    ("riot", r"\b(?<!anti-)riot(?:s|ed|ing)?\b(?!\s+(?:police|gear|shields?|squads?|control|units?|officers))"),
    # A campaign or election rally is politics, not a protest.
    # "Protesters blocked roads and burnt tyres in Gondar": what a crowd does in the street is its protest.
    ("protest", r"\b(?:stag(?:ed|es|ing)|h(?:eld|olds|olding))\s+(?:a\s+)?sit-ins?\b"),
    ("protest", r"\bchant(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,2}?slogans\b"),
    ("protest", r"\b(?:protesters|demonstrators|marchers|crowds?\s+of\s+(?:\w+\s+){0,2}?(?:people|residents|youths|students))\s+"
                r"(?:\w+\s+){0,2}?(?:blocked|burnt|burned|barricaded|marched|gathered|chanted|took to the streets|poured into|set up barricades)\b"),
    ("protest", r"\b(?:protest(?:ed|s|ing)?|demonstrat(?:ed|ions?|ing)|(?<!campaign )(?<!election )rall(?:y|ied|ies))\b"),
    ("march", r"\bmarch(?:ed|es|ing)\s+(?:through|in|to|towards|on|outside)\b"),
    ("arrest", r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|round(?:ed)? up)\b"),
    ("relocate", r"\b(?:were|was|been|being|are|is)\s+(?:flown|airlifted|ferried|shipped|trucked|bused|bussed)\s+(?=(?:[\w'’-]+\s+){0,4}?(?:from|to|into)\b)"),
    ("threaten", r"\b(?:threaten(?:ed|s|ing)?|vow(?:ed|s)?|sworn|swore|warn(?:ed|s)?)\b"),
    ("demand", r"\b(?:demand(?:ed|ing|s)?|call(?:ed|s|ing)? (?:for|on)|urg(?:ed|es|ing))\b"),
)

_PATTERNS = PatternSet((action, ignoring_case(rx)) for action, rx in LEXICON)

# "did not say who fired the missiles": a negation before a question word denies the saying, not the firing.
NEGATORS = ignoring_case(r"\b(?:not|no|never|n't|without|neither|nor)\b(?![^.;]*\b(?:who|which|what|how|why|where|when)\b)[^.;]{0,25}$")
DENIERS = ignoring_case(r"\b(?:denied|denies|deny|rejected claims)\b[^.;]{0,40}$")
THREAT_MARKERS = ignoring_case(r"\b(?:threaten(?:ed|s)? to|vow(?:ed|s)? to|warned (?:it|they|he|she) would|could|may|might)\s+(?:\w+\s+){0,2}$")
# "would keep fighting until it took Sirte": what is to happen before an intention ends has not happened.
UNTIL_INTENDED = ignoring_case(r"\b(?:would|will|vow\w* to|plans? to|intends? to)\b[^.;]{0,40}\buntil\s+(?:\w+\s+){0,3}$")
PLAN_MARKERS = ignoring_case(r"\b(?:will|plans? to|planned to|planning to|planning|plotting|intends? to|set to|expected to|to be|would|is to|are to|preparing to|"
                          r"(?:agreement|plan|proposal|request|deal|offer) (?:for|on)|"
                          r"(?:sent|dispatched|in order|so as|trying|tried|attempting|attempted|seeking|sought) to|prepar(?:e|es|ed|ing)(?:\s+for)?)\s+(?:\w+\s+){0,2}$")
# "would send troops to Cyprus to reinforce its bases": an act named as the purpose of another has not happened; "began
# to withdraw" has. Only a bare verb ("to reinforce") is a purpose: "in response to attacks" names an act.
PURPOSE = ignoring_case(r"\b(?!(?:began|begun|begin|begins|started|start|starts|continued|continue|continues|on|came|managed|used|had|have|has|"
                     r"appeared|seemed|forced|compelled)\b)\w+\s+to\s+(?:help\s+(?:to\s+)?|prepare\s+(?:to\s+|for\s+)?)?$")
_BARE_VERB = re.compile(r"^\w+(?<!s)(?<!ed)(?<!ing)(?<!ment)(?<!al)\b", re.I)
_USED_FOR = ignoring_case(r"\b(?:had|has|have)\s+used\b[^.;]*$")
# "tried to storm the army's positions but were driven off": an attempt at violence is violence done; an attempt to
# take a town or to leave is not the taking or the leaving.
ATTEMPT = ignoring_case(r"\b(?:try|tries|tried|trying|attempt|attempts|attempted|attempting)\s+to\s+(?:\w+\s+){0,2}$")
_ATTEMPTS_DONE = frozenset({"attack", "clash", "strike", "shelling", "ambush"})
# "a possible evacuation", "any eventual withdrawal": not yet either.
# "police reinforcements would be sent", "the withdrawal of US troops will be completed": an act still to come (but
# "the attack would be investigated" happened).
FUTURE_AFTER = re.compile(r"\s+(?:(?:of|from|to|in)\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?)?(?:would|will|is to|are to|were to|was to)\s+"
                          r"(?:\w+ly\s+|also\s+|soon\s+)?be\s+(?:sent|deployed|dispatched|flown|moved|completed|carried out|"
                          r"launched|conducted|staged|held|finished|brought)\b", re.I)
POSSIBLE = ignoring_case(r"\b(?:possible|potential|planned|proposed|eventual|future)\s+(?:\w+\s+)?$")
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$")
PARTICIPLE = re.compile(r"^(?:\w+(?:ed|en|wn)|struck|shot|hit|fought|held|caught|overrun|shut)$", re.I)


@dataclass(frozen=True, slots=True)
class Trigger:
    action: str
    start: int  # offsets within the sentence
    end: int
    text: str
    passive: bool


def find_triggers(sentence: str) -> list[Trigger]:
    """Non-overlapping triggers, earliest first; at one position the lexicon's earlier entry wins."""
    found: list[Trigger] = []
    folded = fold(sentence)  # offsets are the sentence's: folding keeps one character for one
    for action, pattern in _PATTERNS.candidates(sentence, folded):
        for match in pattern.finditer(text_for(pattern, sentence, folded)):
            # A pattern that needs its subject to be sure ("the airports ... were shut") marks the verb as the trigger.
            start, end = match.span("act") if "act" in pattern.groupindex and match.group("act") else match.span()
            if any(t.start < end and start < t.end for t in found):
                continue
            text = sentence[start:end]
            # "came under fire": the subject is what was hit, as in a passive.
            passive = bool(PARTICIPLE.match(text.split()[0]) and PASSIVE.search(sentence[:start])) \
                or re.match(r"(?:came|come|comes|coming) under", text, re.I) is not None
            found.append(Trigger(action, start, end, text, passive))
    return sorted(found, key=lambda t: t.start)


_GOVERNING_BREAK = re.compile(r",|\b(?:by|for|after|because|when|while)\b")
_SCHEDULE = re.compile(r"^\s*(?:a|an|the)\s+(?:timetable|date|deadline|plan|schedule|start|process)\s+(?:for|of|to)\s+", re.I)


def governs(gap: str) -> bool:
    """A demand or threat governs a later event only when the event is its direct object:
    "demanding an immediate American withdrawal", "called for a timetable for the coalition's withdrawal", not
    "vengeance for the killings caused by the missile"."""
    gap = _SCHEDULE.sub("", gap)
    return len(gap) <= 35 and not _GOVERNING_BREAK.search(gap)


def modality(sentence: str, trigger: Trigger, earlier: list[Trigger]) -> str:
    """What the text commits to about this event, judged from the words just before the trigger."""
    before = sentence[max(0, trigger.start - 60) : trigger.start]
    folded = fold(before)

    def said(pattern: re.Pattern[str]) -> bool:
        return pattern.search(text_for(pattern, before, folded)) is not None

    if trigger.action in ("threaten", "demand"):
        # A threat is words, not deeds: the map never shows it as having happened.
        return "negated" if said(NEGATORS) else ("threatened" if trigger.action == "threaten" else "asserted")
    governing = next((t.action for t in reversed(earlier) if governs(sentence[t.end : trigger.start])), None)
    if governing == "demand":
        return "demanded"
    if governing == "threaten" or said(THREAT_MARKERS):
        return "threatened"
    if said(DENIERS):
        return "denied"
    if said(NEGATORS):
        return "negated"
    # "had used drones smuggled in on lorries to hit the bombers": what a thing was used for was done with it.
    if trigger.action in _ATTEMPTS_DONE and said(ATTEMPT):
        return "asserted"
    purpose = said(PURPOSE) and bool(_BARE_VERB.match(trigger.text)) and not said(_USED_FOR)
    future = bool(FUTURE_AFTER.match(sentence, trigger.end))
    if said(PLAN_MARKERS) or said(UNTIL_INTENDED) or purpose or said(POSSIBLE) or future:
        return "planned"
    return "asserted"
