package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part a country mention plays in its sentence, read from the words just before it
 * ({@code mention-roles.tsv}): the place where something happens (بالرباط، في مدريد، بالعاصمة النمساوية فيينا،
 * بمقر المديرية العامة…, or a dateline «مدريد –»), the place someone travels to (إلى الرباط), a counterpart
 * (نظيره الإسباني، مع إسبانيا), or none of these, which is where the agent of the sentence is found. The nearest
 * marker decides: «مع لقاءات في السعودية» is a place.
 */
enum MentionRole {
    VENUE, DESTINATION, DATELINE, COUNTERPART,
    /** The nationality of an official or a delegation named just before (وزير الداخلية الإيطالي). */
    NATIONALITY,
    /** The country an ambassador or envoy named just before represents (سفير دولة الكويت): received where he serves. */
    ENVOY,
    /** Where a traveller came from (قادما من بغداد): neither a party nor the act's place. */
    ORIGIN,
    /**
     * The country a matter the sentence speaks of is named after, an affair (الملف السوري، تطورات أفغانستان، الأوضاع في
     * سوريا) or its hostile act (الهجوم الإسرائيلي، الغارات الجوية التركية): what talks were about, no party to them.
     */
    TOPIC,
    OTHER;

    private enum Word { AT, AT_ATTACHED, TO, TO_ATTACHED, VISITS, VISIT_NOUN, GATHERING, CITY, SEAT, COUNTERPART, OFFICIAL, ENVOY, STATE, STATE_AFTER, PORTFOLIO, FROM, ARRIVING, COMPANY, HOSTILITY, MATTER, BINDS, TIES }

    /** The folded words of each kind; {@link #STEMS} holds the forms that take any ending. */
    private static final Map<Word, Set<String>> WORDS = new EnumMap<>(Word.class);
    private static final Map<Word, List<String>> STEMS = new EnumMap<>(Word.class);
    /** How many words before a mention most markers may stand: a counterpart marker three words before it. */
    private static final int WORDS_READ = 4;
    /** How many words an official's title may run to, between the official and «في/ب + state» (وزيرة الداخلية والإصلاحات المؤسساتية والتجديد الديمقراطي بمملكة بلجيكا). */
    private static final int TITLE_WORDS_READ = 8;
    /** How many words before «بـ + country» a word of binding may stand: the one side's name (دولة الكويت) between. */
    private static final int BOUND_WORDS_READ = 3;
    /** How far before a verb of binding the ties it binds may be named: «علاقات التعاون التي تربط». */
    private static final int TIES_BEFORE_VERB = 3;

    static {
        for (Word kind : Word.values()) {
            WORDS.put(kind, new HashSet<>());
            STEMS.put(kind, new ArrayList<>());
        }
        for (Lexicons.Row row : Lexicons.table("mention-roles.tsv")) {
            Word kind = Word.valueOf(row.get("kind"));
            String word = row.get("word");
            if (word.endsWith("*")) {
                STEMS.get(kind).add(NormalizedText.fold(word.substring(0, word.length() - 1)));
            } else {
                WORDS.get(kind).add(NormalizedText.fold(word));
            }
        }
    }

    /** Whether {@code word} (folded) is a preposition of place, written as a word (في) or onto the next (ب). */
    static boolean isPlacePreposition(String word) {
        return is(Word.AT, word) || is(Word.AT_ATTACHED, word);
    }

    /** Whether the word names an official or a delegation (وزير، الوزير، وفد). */
    static boolean namesAnOfficial(String word) {
        return is(Word.OFFICIAL, word);
    }

    /** Whether the word names an envoy (السفير، سفيرة): a foreign state's, where he serves. */
    static boolean namesAnEnvoy(String word) {
        return is(Word.ENVOY, word);
    }

    /** Whether the word names someone's counterpart (نظيره، نظيرته، نظراءه). */
    static boolean namesACounterpart(String word) {
        return is(Word.COUNTERPART, word);
    }

    /** Whether the word says who came along or was present (مع، رفقة، بحضور): a phrase of its own, no object of a verb. */
    static boolean opensAPhrase(String word) {
        return is(Word.COMPANY, word);
    }

    /**
     * Whether {@code word} (folded) joins a second official to a first with و: ونظيرته، والوزير، ورئيس
     * (وزير الداخلية الفرنسي جيرالد دارمانان ونظيرته الألمانية).
     */
    static boolean joinsAnOfficial(String word) {
        if (word.length() < 2 || word.charAt(0) != 'و') {
            return false;
        }
        String rest = word.substring(1);
        return isWritten(Word.OFFICIAL, rest) || isWritten(Word.COUNTERPART, rest) || isWritten(Word.ENVOY, rest);
    }

    /** Whether a country so mentioned can take part in the act: not where a traveller came from, nor a topic. */
    boolean party() {
        return this != ORIGIN && this != TOPIC;
    }

    /** Whether the mention gives the nationality of an official or an envoy: a foreign country in national news. */
    boolean nationality() {
        return this == NATIONALITY || this == ENVOY;
    }

    /**
     * Where the subject is, or goes: the roles that name a place rather than a party. A dateline names where the
     * report was filed, which is the event's place only when the sentence names no other.
     */
    boolean place() {
        return this == VENUE || this == DESTINATION || this == DATELINE;
    }

    static MentionRole of(Match<Gazetteer.CountryForm> mention, String folded, int sentenceStart) {
        Before before = Before.read(folded, sentenceStart, mention.start());
        // a state by its name, or by a state word and its demonym (في الجمهورية اللبنانية), after an official's title
        boolean state = mention.value().kind() == Gazetteer.Kind.NAME || mention.value().kind() == Gazetteer.Kind.DEMONYM;
        boolean namedAsState = state && namedAsState(folded, mention, before);
        if (state && before.affiliation(namedAsState, Word.ENVOY)) {
            return ENVOY;
        }
        if (state && before.affiliation(namedAsState, Word.OFFICIAL)) {
            return NATIONALITY;
        }
        if (state && before.affiliation(namedAsState, Word.COUNTERPART)) {
            return COUNTERPART; // «نظيره في جمهورية جنوب السودان»: the state the counterpart serves
        }
        if (before.matterOf()) {
            return TOPIC;
        }
        if (state && before.delegationFrom()) {
            return NATIONALITY; // «زار وفد رسمي من ساحل العاج المديرية»: the delegation's country, no place it went to
        }
        if (mention.value().namesPlace()) {
            MentionRole role = dateline(folded, sentenceStart, mention) ? DATELINE : before.placeRole();
            if (role != null) {
                return role;
            }
            if (before.among(Word.VISITS)) {
                return DESTINATION; // «يزور الوزير اليمني القاهرة»: the place visited
            }
            if (before.namesAGathering()) {
                return VENUE; // «مؤتمر بغداد»، «قمة نواكشوط»: a gathering named after where it is held
            }
            if (before.visitTo(folded.startsWith(DEFINITE_AFTER_LI, mention.start()))) {
                return DESTINATION; // «خلال زيارة وزير الأمن الرواندي للقاهرة»: the place visited
            }
        } else if (mention.value().kind() == Gazetteer.Kind.BODY && before.atSeat()) {
            return VENUE;
        } else if (mention.value().kind() == Gazetteer.Kind.DEMONYM && before.afterCityWord()) {
            // «بالعاصمة النمساوية»، «إلى العاصمة الإسبانية»: the demonym qualifies a place
            MentionRole role = before.placeRole();
            if (role != null) {
                return role;
            }
        } else if (mention.value().kind() == Gazetteer.Kind.DEMONYM && before.stateWordFirst() && before.placeRole() == DESTINATION) {
            // «زيارة رسمية إلى المملكة الأردنية الهاشمية»: a state word and its demonym name the state gone to (in
            // one, «الديوان الوطني في الجمهورية التونسية», it may be whose body it is, not where anything happens)
            return DESTINATION;
        }
        if (before.cameFrom()) {
            return ORIGIN;
        }
        if ((mention.value().kind() == Gazetteer.Kind.DEMONYM || mention.value().kind() == Gazetteer.Kind.PLURAL) && before.hostileAct()) {
            return TOPIC;
        }
        if (before.officialOf(mention.value().kind(), Word.ENVOY)) {
            return ENVOY; // nearer than a counterpart word before it: «مع سفراء قطر»
        }
        if (before.counterpart()) {
            return COUNTERPART;
        }
        return before.officialOf(mention.value().kind(), Word.OFFICIAL) ? NATIONALITY : OTHER;
    }

    /** How a definite name reads after the preposition ل written onto it (للقاهرة): its ال is dropped. */
    private static final String DEFINITE_AFTER_LI = "لل";

    /**
     * Whether the mention names a state as such: its own words open with a state word (المملكة العربية السعودية،
     * دولة الإمارات), or one follows its name (روسيا الاتحادية) with none before it (بجمهورية الصومال الفيدرالية
     * is read by the one before).
     */
    private static boolean namedAsState(String folded, Match<?> mention, Before before) {
        int end = NormalizedText.wordEnd(folded, mention.start(), mention.end());
        if (end < mention.end() && is(Word.STATE, folded.substring(mention.start(), end))) {
            return true;
        }
        int next = mention.end();
        while (next < folded.length() && NormalizedText.isWhitespace(folded.charAt(next))) {
            next++;
        }
        return next > mention.end() && !before.stateWordFirst()
                && is(Word.STATE_AFTER, folded.substring(next, NormalizedText.wordEnd(folded, next, folded.length())));
    }

    /** A place that opens its sentence and is followed by a dash or colon: «مدريد – …». */
    private static boolean dateline(String folded, int sentenceStart, Match<?> mention) {
        for (int i = sentenceStart; i < mention.start(); i++) {
            if (!NormalizedText.isWhitespace(folded.charAt(i))) {
                return false;
            }
        }
        int i = mention.end();
        while (i < folded.length() && i < mention.end() + 3 && NormalizedText.isWhitespace(folded.charAt(i))) {
            i++;
        }
        return i < folded.length() && i < mention.end() + 3 && "-–—:".indexOf(folded.charAt(i)) >= 0;
    }

    /**
     * What stands before a mention in its sentence: the letters written onto it ({@code attached}: بـ in بالرباط)
     * and the words before it, nearest first, as long as only spaces separate them.
     */
    private record Before(String attached, List<String> words) {

        static Before read(String folded, int sentenceStart, int mentionStart) {
            int start = NormalizedText.wordStart(folded, mentionStart, sentenceStart);
            String attached = folded.substring(start, mentionStart);
            int[] bounds = new int[TITLE_WORDS_READ + 1]; // word i lies between bounds[i + 1] and bounds[i]
            bounds[0] = start;
            int count = 0;
            while (count < TITLE_WORDS_READ) {
                int wordStart = NormalizedText.previousWordStart(folded, bounds[count], sentenceStart);
                if (wordStart < 0) {
                    break; // no space before, or punctuation: the words read end here
                }
                bounds[++count] = wordStart;
            }
            return new Before(attached, new WordsBefore(folded, bounds, count));
        }

        /** The words before a mention, each cut from the text when first read: most checks read one or two. */
        private static final class WordsBefore extends AbstractList<String> {
            private final String folded;
            private final int[] bounds;
            private final String[] read;

            WordsBefore(String folded, int[] bounds, int count) {
                this.folded = folded;
                this.bounds = bounds;
                this.read = new String[count];
            }

            @Override
            public String get(int index) {
                if (read[index] == null) {
                    read[index] = folded.substring(bounds[index + 1], bounds[index]).strip();
                }
                return read[index];
            }

            @Override
            public int size() {
                return read.length;
            }
        }

        /**
         * A venue or destination when a preposition comes right before the place, or before «city / capital (X)»
         * before it; a city or capital named on its own is a venue too. Null when the words say neither.
         */
        MentionRole placeRole() {
            if (!attached.isEmpty()) {
                return is(Word.AT_ATTACHED, attached) && !boundTo() ? VENUE : null;
            }
            int city = cityWord();
            if (city >= 0 && withAttachedPreposition(words.get(city), Word.CITY)) {
                return VENUE;
            }
            // a state word stands where a city word would (في دولة الكويت، بمملكة البحرين), but names no place alone
            boolean state = city < 0 && stateWordFirst();
            if (state && !is(Word.STATE, words.getFirst())) {
                return VENUE;
            }
            int before = state ? 0 : city;
            String preposition = before + 1 < words.size() ? words.get(before + 1) : "";
            if (is(Word.AT, preposition)) {
                return VENUE;
            }
            if (is(Word.TO, preposition)) {
                return DESTINATION;
            }
            return city >= 0 ? VENUE : null;
        }

        /** Whether a word naming a state stands right before, a preposition written onto it or not (في دولة، بمملكة). */
        boolean stateWordFirst() {
            return !words.isEmpty() && (is(Word.STATE, words.getFirst()) || withAttachedPreposition(words.getFirst(), Word.STATE));
        }

        /**
         * Whether a verb of binding stands a few words before, the ties it binds named right before it: «العلاقات التي
         * تجمع دولة الكويت بالمملكة المتحدة» names the other side of a bond, not a place (and «اجتماع يجمع الوزراء
         * بالرباط» still a place).
         */
        private boolean boundTo() {
            for (int i = 0; i < Math.min(words.size(), BOUND_WORDS_READ); i++) {
                if (is(Word.BINDS, words.get(i))) {
                    for (int j = i + 1; j < Math.min(words.size(), i + 1 + TIES_BEFORE_VERB); j++) {
                        if (is(Word.TIES, words.get(j)) || withAttachedPreposition(words.get(j), Word.TIES)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * «city / capital» right before the mention, or before a place the gazetteer does not know: «بمدينة شتوتغارت
         * الألمانية» names a German place as surely as «بالعاصمة الألمانية».
         */
        boolean afterCityWord() {
            return attached.isEmpty() && cityWord() >= 0;
        }

        /** بمقر / في مقر right before a national body. */
        boolean atSeat() {
            return attached.isEmpty() && !words.isEmpty() && (withAttachedPreposition(words.getFirst(), Word.SEAT)
                    || is(Word.SEAT, words.getFirst()) && words.size() > 1 && is(Word.AT, words.get(1)));
        }

        /** «من» right before, and an official or a delegation one or two words before it: «وفد رسمي من ساحل العاج». */
        boolean delegationFrom() {
            return attached.isEmpty() && words.size() > 1 && is(Word.FROM, words.getFirst())
                    && words.subList(1, Math.min(3, words.size())).stream().anyMatch(word -> is(Word.OFFICIAL, word));
        }

        /** «قادما من» right before the mention: the place a traveller came from. */
        boolean cameFrom() {
            return attached.isEmpty() && words.size() > 1 && is(Word.FROM, words.getFirst()) && is(Word.ARRIVING, words.get(1));
        }

        /**
         * A noun of a hostile act right before the demonym, or one word before it, also with ب written onto it
         * (العدوان الإسرائيلي، بالغارات الجوية التركية), and no title of its own: «وزير الحرب» is an office.
         */
        boolean hostileAct() {
            if (!attached.isEmpty()) {
                return false;
            }
            for (int i = 0; i < Math.min(2, words.size()); i++) {
                if (withAttachedPreposition(words.get(i), Word.HOSTILITY)) {
                    return true;
                }
                if (is(Word.HOSTILITY, words.get(i))) {
                    return i + 1 >= words.size() || !is(Word.OFFICIAL, words.get(i + 1));
                }
            }
            return false;
        }

        /**
         * A matter named after the country right before it, or before «في» right before it, nothing written onto the
         * mention: الملف السوري، تطورات أفغانستان، الأوضاع في سوريا، الوضع الأمني في ليبيا.
         */
        boolean matterOf() {
            return attached.isEmpty() && !words.isEmpty()
                    && (is(Word.MATTER, words.getFirst()) || words.size() > 1 && is(Word.AT, words.getFirst()) && is(Word.MATTER, words.get(1))
                    // «الوضع الأمني في ليبيا»: the matter's adjective between it and «في»
                    || words.size() > 2 && is(Word.AT, words.getFirst()) && definite(words.get(1)) && is(Word.MATTER, words.get(2)));
        }

        /** A counterpart marker among the words before, with nothing written onto the mention. */
        boolean counterpart() {
            return among(Word.COUNTERPART);
        }

        /**
         * Whether the mention gives an official's nationality: a demonym after an official among the words before
         * (وزير الداخلية الإيطالي), or a country's name after an official without the article, one word apart at
         * most (سفير فرنسا، وزير داخلية العراق; «زار الوزير روما» names where he went).
         */
        boolean officialOf(Gazetteer.Kind kind, Word official) {
            if (kind == Gazetteer.Kind.DEMONYM || kind == Gazetteer.Kind.PLURAL) {
                return among(official);
            }
            if (kind != Gazetteer.Kind.NAME || !attached.isEmpty()) {
                return false;
            }
            for (int i = 0; i < Math.min(2, words.size()); i++) {
                if (!words.get(i).startsWith("ال") && is(official, words.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A state named with في or ب right after an official (وزير الداخلية في مملكة إسبانيا، وزير الداخلية
         * بالمملكة العربية السعودية): the country the official serves, not where the act is. The state word is
         * needed: «وزير الداخلية بالجزائر» may say either.
         *
         * @param namedAsState whether the mention itself opens with a state word (المملكة العربية السعودية)
         */
        boolean affiliation(boolean namedAsState, Word official) {
            boolean stateWordBefore = !namedAsState && attached.isEmpty() && stateWordFirst();
            if (!namedAsState && !stateWordBefore) {
                return false;
            }
            int officialAt;
            if (namedAsState) {
                officialAt = !attached.isEmpty() && is(Word.AT_ATTACHED, attached) ? 0
                        : !words.isEmpty() && is(Word.AT, words.getFirst()) ? 1 : -1;
            } else {
                officialAt = is(Word.STATE, words.getFirst()) ? words.size() > 1 && is(Word.AT, words.get(1)) ? 2 : -1 : 1;
            }
            if (officialAt < 0) {
                return false;
            }
            // the official at most two words before, or past a longer title read back from the preposition: definite
            // words, with portfolios joined by و or a word in construct (رئيس مجلس الوزراء، وزير الداخلية ومكافحة
            // المخدرات). A bare run of definite words is no title: «استقبل الوزير اليوم الاثنين في دولة الكويت».
            boolean longTitle = false;
            boolean construct = false;
            for (int i = officialAt; i < words.size(); i++) {
                String word = words.get(i);
                if (is(official, word) || withAttachedPreposition(word, official)) {
                    return i < officialAt + 2 || longTitle;
                }
                boolean joined = word.startsWith("وال");
                // a chain of words in construct ends in a definite one: رئيس لجنة رؤساء الأركان المشتركة
                construct = !definite(word) && i > officialAt && (definite(words.get(i - 1)) || construct);
                if (!definite(word) && !construct) {
                    return false;
                }
                longTitle |= joined || construct || is(Word.PORTFOLIO, word);
            }
            return false;
        }

        private static boolean definite(String word) {
            return word.startsWith("ال") || word.startsWith("وال");
        }

        /**
         * Whether the place has ل written onto it ({@code liInMention}: للقاهرة, else لبغداد) and a visit noun stands
         * among the {@value #TITLE_WORDS_READ} words before (في زيارة وزير الأمن الداخلي الرواندي لبغداد): the
         * place visited.
         */
        boolean visitTo(boolean liInMention) {
            return (liInMention || is(Word.TO_ATTACHED, attached)) && words.stream().anyMatch(word -> is(Word.VISIT_NOUN, word));
        }

        /** Whether a gathering's noun stands right before the place, nothing written onto it: «مؤتمر بغداد». */
        boolean namesAGathering() {
            return attached.isEmpty() && !words.isEmpty() && is(Word.GATHERING, words.getFirst());
        }

        boolean among(Word kind) {
            if (!attached.isEmpty()) {
                return false;
            }
            for (String word : words.subList(0, Math.min(WORDS_READ, words.size()))) {
                if (is(kind, word)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Which of the words before is «city / capital»: the first, or the second when the first is the name of a
         * place the gazetteer does not know (مدينة شتوتغارت); -1 for neither.
         */
        private int cityWord() {
            return cityWordAt(0) ? 0 : words.size() > 1 && isLetters(words.getFirst()) && cityWordAt(1) ? 1 : -1;
        }

        private boolean cityWordAt(int index) {
            return index < words.size() && (is(Word.CITY, words.get(index)) || withAttachedPreposition(words.get(index), Word.CITY));
        }

        private static boolean withAttachedPreposition(String word, Word kind) {
            for (String preposition : WORDS.get(Word.AT_ATTACHED)) {
                if (word.startsWith(preposition) && is(kind, word.substring(preposition.length()))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isLetters(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (!NormalizedText.isWordChar(word.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

    }

    /** Whether {@code word} is of the kind, also with the conjunction و written onto it (وفي، ومع). */
    private static boolean is(Word kind, String word) {
        return isWritten(kind, word) || word.length() > 1 && word.charAt(0) == 'و' && isWritten(kind, word.substring(1));
    }

    private static boolean isWritten(Word kind, String word) {
        if (WORDS.get(kind).contains(word)) {
            return true;
        }
        for (String stem : STEMS.get(kind)) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
