package dev.tailgap.harness.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The word lists of {@link RefusalDetector}, version 2 ({@code refusals(v2)}): English plus French, German, Spanish,
 * Italian and Portuguese. Written as plain text and folded the way answers are, so case, accents and apostrophes do
 * not matter ("I DON’T KNOW" is "i don t know", "weiß" is "weiss").
 */
final class RefusalPhrases {

    private RefusalPhrases() {
    }

    /** Phrases that refuse wherever they stand (unless they are part of a title). */
    static final List<String> ANYWHERE = build();

    /**
     * Refusals in French, German, Spanish, Italian and Portuguese: no title exception (German capitalises nouns, so
     * "Keine Ahnung" is no title).
     */
    static final List<String> OTHER_LANGUAGES = List.of("je ne sais pas", "je sais pas", "aucune idee", "pas sur",
            "pas certain", "je ne connais pas", "ich weiss nicht", "weiss ich nicht", "ich weiss es nicht",
            "keine ahnung", "nicht sicher", "weiss nicht", "no lo se", "no estoy seguro", "no estoy segura", "ni idea",
            "no tengo idea", "no sabria", "non lo so", "non so", "non sono sicuro", "non sono sicura", "nessuna idea",
            "nao sei", "nao tenho certeza", "nao tenho ideia", "sem ideia");

    /** Words that refuse only when they are not an attribute of the next word ("unknown" but not "unknown artist"). */
    static final List<String> PREDICATES = List.of("unknown", "uncertain", "unclear", "unsure", "unanswerable",
            "undetermined", "indeterminate", "unverifiable", "unknowable", "inconnu", "inconnue", "unbekannt",
            "desconocido", "desconocida", "sconosciuto", "sconosciuta", "desconhecido", "desconhecida", "incierto",
            "incerto");

    /** Answers that refuse only when they are the whole answer. */
    static final List<String> WHOLE = List.of("pass", "skip", "n/a", "na", "no comment", "nope", "none known",
            "no clue whatsoever", "?", "-");

    /** Words after which a predicate word is still a refusal ("unknown to me", "unclear whether"). */
    static final List<String> PREDICATE_FOLLOWERS = List.of("to", "at", "as", "in", "for", "of", "is", "was", "are",
            "were", "but", "and", "or", "me", "us", "yet", "though", "i", "it", "so", "sorry", "really", "exactly",
            "here", "there", "now", "then", "too", "also", "either", "unfortunately", "from", "by", "on", "because",
            "since", "which", "who", "whom", "what", "where", "when", "how", "why", "whether", "if", "about", "without",
            "at", "honestly", "currently", "still", "to", "answer", "information", "info", "please", "sir", "madam",
            "my", "friend", "a", "the", "an", "this", "that", "based", "given", "with", "pour", "fur", "para", "per");

    /** Words that mark a guess ("maybe Lyon"): with content after them, an answer is hedged. */
    static final List<String> GUESSES = List.of("maybe", "perhaps", "possibly", "probably", "likely", "i think",
            "i believe", "i guess", "i suspect", "my guess", "best guess", "a guess", "guessing", "could be",
            "might be", "may be", "i would say", "i d say", "if i had to", "it could", "it might", "it may",
            "but it s", "but it is", "but i think", "presumably", "i assume", "peut etre", "vielleicht",
            "vermutlich", "quizas", "quiza", "tal vez", "forse", "talvez", "probablement", "wahrscheinlich",
            "probablemente", "probabilmente", "provavelmente");

    private static List<String> build() {
        List<String> p = new ArrayList<>(List.of(
                "not sure", "not certain", "not 100 sure", "not entirely sure", "no idea", "no clue", "idk", "dunno",
                "no information", "no info", "no data", "no record", "no records", "no knowledge", "no reliable",
                "no details", "no way of knowing", "no way to know", "not enough information", "not enough info",
                "not enough context", "insufficient information", "insufficient data", "insufficient context",
                "lack information", "lack the information", "lack enough", "not known", "not available",
                "not aware", "not familiar", "not in my", "beyond my knowledge", "outside my knowledge",
                "my knowledge does not", "hard to say", "difficult to say", "impossible to say", "hard to tell",
                "impossible to determine", "not possible to", "no one knows", "nobody knows", "who knows",
                "beats me", "rather not", "prefer not to", "not going to guess", "won t guess", "will not guess",
                "i m afraid i", "i am afraid i", "as an ai", "as a language model", "as an assistant",
                "no answer", "not applicable", "not specified", "not documented", "not recorded", "not disclosed",
                "not publicly", "no public", "never heard", "haven t heard", "have not heard", "not heard of",
                "doesn t ring a bell", "does not ring a bell", "don t recognize", "do not recognize",
                "need more context", "need more information", "need more details", "without more context",
                "without more information", "without additional", "i m unable", "i am unable", "unable to",
                "not able to", "cannot be sure", "can t be sure", "ask someone else",
                "i apologize", "my apologies", "not something i know"));
        for (String neg : List.of("cannot", "can t", "can not", "could not", "couldn t", "unable to", "not able to",
                "won t be able to")) {
            for (String verb : List.of("answer", "say", "determine", "provide", "confirm", "be certain", "recall",
                    "remember", "find", "identify", "verify", "help", "tell", "know", "locate", "give", "access",
                    "be determined", "be verified", "be confirmed", "be answered", "comment", "assist", "be found")) {
                p.add(neg + " " + verb);
            }
        }
        for (String neg : List.of("don t", "do not", "dont", "didn t", "did not", "doesn t", "does not")) {
            for (String verb : List.of("know", "remember", "recall")) {
                p.add(neg + " " + verb);
            }
        }
        p.addAll(List.of("i don t have", "i do not have", "i dont have"));
        return List.copyOf(p);
    }
}
