"""Writes the labelled refusal corpus (src/test/resources/scoring/refusals.tsv).

Each line: label <TAB> answer. Labels: refusal (the answer gives no answer), answer (a plain answer that contains a
refusal word: titles, names, "unknown" as an adjective), hedged (a guess with a hedge, right or wrong). Refusals are
common phrasings of chat and base models, written with and without punctuation, in several capitalisations, plus
French, German, Spanish, Italian and Portuguese. Deterministic: run it again and the file is the same.
"""
import pathlib

CORE = [
    "I don't know", "I do not know", "I dont know", "Don't know", "I'm not sure", "I am not sure", "Not sure",
    "Unsure", "No idea", "I have no idea", "No clue", "I have no clue", "I don't remember", "I can't remember",
    "I do not recall", "I can't recall", "Hard to say", "It's hard to say", "Not known", "It is not known",
    "Unknown", "It is unknown", "Unclear", "It's unclear", "I'm unable to provide an answer",
    "I am unable to answer that", "Insufficient information", "There is insufficient information",
    "I cannot be sure", "I can't be sure", "I'd rather not guess", "I would rather not guess", "Beats me", "Pass",
    "I cannot answer that", "I can't answer this question", "I'm not able to answer", "I cannot determine that",
    "It cannot be determined", "I can't say", "I cannot say", "Who knows", "Nobody knows", "No one knows",
    "I have no information about this", "I don't have information on that", "I don't have enough information",
    "Not enough information", "I'm not aware of that", "I am not familiar with this person",
    "I couldn't find any information", "I could not find that", "Sorry, I don't know", "I'm afraid I don't know",
    "I'm afraid I can't help with that", "As an AI, I don't have that information",
    "As a language model I cannot verify this", "I'm uncertain", "Uncertain", "I'm not certain",
    "I don't have data on this", "No information available", "Not available", "N/A", "IDK", "Dunno",
    "I'm not 100% sure", "Difficult to say", "Impossible to say", "It's impossible to determine",
    "I've never heard of them", "I have not heard of this", "That doesn't ring a bell", "I don't recognize the name",
    "I would need more context", "Without more context I can't say", "I can't verify that",
    "I'm unable to confirm", "Unable to determine", "There is no record of this", "No reliable information",
    "This is beyond my knowledge", "I can't help with that", "My apologies, I do not know",
    "I prefer not to guess", "I'm not going to guess", "No answer", "The answer is unknown",
    "The answer is not known to me", "Unknown to me", "I lack the information to answer",
    "Je ne sais pas", "Aucune idée", "Je ne suis pas sûr", "Ich weiß nicht", "Keine Ahnung", "Weiß ich nicht",
    "No lo sé", "No estoy seguro", "Ni idea", "Non lo so", "Non sono sicuro", "Não sei", "Não tenho certeza",
    "Unbekannt", "Desconocido", "Inconnu",
]

SUFFIXES = ["", ".", "!", " - sorry.", ", sorry", "..."]


def variants(core, i):
    """Three deterministic variants of one core phrase: as written with a suffix, lower case, upper case."""
    s1 = core + SUFFIXES[i % len(SUFFIXES)]
    s2 = core.lower() + SUFFIXES[(i + 2) % len(SUFFIXES)]
    s3 = core.upper() if i % 3 == 0 else core + "."
    return [s1, s2, s3]


EXTRA_REFUSALS = [
    "Unfortunately, I don't know the answer.", "I'm sorry, but I don't have that information.",
    "Honestly, no idea.", "Not sure, sorry!", "unsure", "UNSURE", "?", "...", "-", "", "I really couldn't tell you.",
    "Hmm, I don't know.", "No clue, to be honest.", "I don't know who that is.", "I'm not sure what you mean.",
    "That information is not available to me.", "I do not have access to that information.",
    "I cannot provide an answer.", "I am not able to help with this one.", "I don't know, sorry.",
    "Not something I know.", "Sorry, no idea.", "Nope, no idea.", "I genuinely don't know.",
    "I'm not sure, to be honest.", "I can't tell.", "Beats me!", "pass", "Pass.",
    "I have no knowledge of this person.", "I'd need more information to answer.", "Answer unknown.",
    "I'm unsure who that is.", "It's unclear from what I know.", "Not sure who you mean.",
]

TITLES = [
    "Unknown Pleasures", "The Uncertain Glory", "No Information Age", "Not Aware of Anything",
    "Don't Know Why", "I Don't Know How to Love Him", "No Idea Records", "The Unknown Soldier",
    "Tomb of the Unknown Soldier", "Unknown Mortal Orchestra", "Unsure Heart", "Uncertain Smile",
    "The Unclear Path", "No Clue Club", "Who Knows Where the Time Goes", "Hard to Say I'm Sorry",
    "I Can't Remember the Title", "Pass Christian", "Not Sure Yet Records", "The Unknown Known",
    "Uncertain Terms", "Unknown Worlds", "No One Knows", "Nobody Knows the Trouble I've Seen",
    "I Don't Know Anything", "The Unknown Citizen", "Unknown Soldier (film)", "No Answer from Moscow",
    "Cannot Say Goodbye", "Not Known Yet Band", "The Uncertainty Principle", "Unknown Armies",
    "Unknown Territory", "Unclear Skies", "Don't Know What You Got", "I Just Don't Know What to Do with Myself",
]

NAMES_AND_FACTS = [
    "an unknown artist", "Painted by an unknown artist", "An unknown soldier", "the unknown poet of Beowulf",
    "Unknown artist, 15th century", "an uncertain origin in Flanders", "Paris", "Lyon", "Mark Twain",
    "None", "no one", "Nobody", "Nothing", "No", "Norway", "Nauru",
    "Notre-Dame", "Nottingham", "Passau", "Passover", "Unitarian", "Uncle Tom", "Uniontown",
    "He was a painter, not a sculptor", "Not Paris but Lyon", "No, it was Berlin", "It is in Europe",
    "The capital is Canberra, not Sydney", "It's a shiny cable!", "Tell us more", "The Unknown Pleasures tour",
    "John Smith", "Christianity", "Islam", "association football", "politician", "actor", "London",
    "Roman Catholic", "Berlin", "Florence", "Peru", "Samuel Clemens", "Rio de Janeiro", "Georgia",
    "He played for No Name FC", "A novelist known for uncertain endings",
    "She was an unknown actress before 1990",
    "The band Unknown Mortal Orchestra", "Uncertain Glory by Raoul Walsh", "the Unclear Path by Jan Novak",
]

HEDGED = [
    "I'm not sure, maybe Lyon", "I'm not sure, maybe Paris", "Not sure, but probably Mark Twain",
    "I don't know, perhaps Berlin", "No idea, maybe a painter?", "I'm not certain, possibly Peru",
    "Maybe Lyon", "Perhaps Paris", "Possibly Charles Dickens", "Probably Berlin", "I think it's Vienna",
    "I believe it's Lisbon", "My guess is Madrid", "My best guess would be Rome", "It could be Toronto",
    "It might be Ottawa", "I'm not 100% sure, but I think it's Oslo", "Hard to say, but likely a lawyer",
    "Not certain, but I'd say football", "Unsure - maybe Islam?", "I guess it was Stockholm",
    "If I had to guess, Nairobi", "I can't be sure, but probably Cairo", "Unclear, possibly Buddhism",
    "Not sure. Maybe Athens?", "I'm unsure, but perhaps a singer", "I don't remember exactly, maybe 1984",
    "Perhaps a journalist", "Probably an actor", "Likely Catholicism",
]


def main():
    rows = []
    for i, core in enumerate(CORE):
        for v in variants(core, i):
            rows.append(("refusal", v))
    rows += [("refusal", r) for r in EXTRA_REFUSALS]
    for i, t in enumerate(TITLES):
        rows.append(("answer", t))
        rows.append(("answer", t + " (album)" if i % 4 == 0 else t + "."))
        rows.append(("answer", '"' + t + '"' if i % 2 else t + " (song)"))
        rows.append(("answer", "It is " + t + "." if i % 2 else t + ", I believe it was released in 1979"))
    for n in NAMES_AND_FACTS:
        rows.append(("answer", n))
        rows.append(("answer", n + "."))
    for h in HEDGED:
        rows.append(("hedged", h))
        rows.append(("hedged", h.lower() + "."))
    seen = set()
    out = ["# label\tanswer (made by src/test/python/make_refusal_corpus.py)"]
    for label, text in rows:
        if text in seen:
            continue
        seen.add(text)
        out.append(label + "\t" + text)
    here = pathlib.Path(__file__).resolve().parent
    target = here.parent / "resources" / "scoring" / "refusals.tsv"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    counts = {}
    for line in out[1:]:
        counts[line.split("\t")[0]] = counts.get(line.split("\t")[0], 0) + 1
    print(target, counts)


if __name__ == "__main__":
    main()
