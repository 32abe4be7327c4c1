package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.ArticleParser.ParsedArticle;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.record.Event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rule-based extraction from a posted article to its record, as a chain of stages, each its own class:
 * <ol>
 *     <li>page cleaning ({@link ArticleParser}): the article's text, title, publication date and dateline;</li>
 *     <li>recognisers ({@link Recognisers}): countries, themes, organisations, officials, event cues, discourse
 *     markers and dates, from the language data, in one pass over the folded text;</li>
 *     <li>sentences ({@link Sentences}) and clauses ({@link ClauseSplitter}): what each sentence reports, split
 *     into one clause per act, with the part each country plays in it ({@link MentionRole});</li>
 *     <li>protagonist ({@link Protagonist}): the country that acts in the article;</li>
 *     <li>event drafts ({@link EventDrafts}): kind, subject, partners, date ({@link EventDating}), place,
 *     officials ({@link NamedActors}), themes and evidence of each act;</li>
 *     <li>coreference and merging ({@link Merging}): an act reported twice is one event;</li>
 *     <li>record ({@link ArticleRecords}): countries, themes, events with stable ids, language.</li>
 * </ol>
 * Thread-safe once built; building it reads the language data, so build it once.
 */
public final class ArticleExtractor {

    public static final String NAME = "rasd-rules/0.10.23";

    private final Recognisers recognisers = new Recognisers();
    private final ArticleParser pageCleaner = recognisers.pageCleaner();

    public ArticleRecord extract(RawArticle raw, String postedLanguage) {
        ParsedArticle page = pageCleaner.parse(raw);
        NormalizedText text = page.text();
        String folded = text.folded();
        Recognised found = recognisers.recognise(text, page.publishedDate().orElse(null));

        List<Sentence> sentences = Sentences.split(folded, found.markers());
        List<Clause> clauses = ClauseSplitter.split(folded, sentences, found);
        String headline = page.title() == null ? null : NormalizedText.fold(page.title());
        Dateline dateline = new Dateline(page.datelinePlace() == null ? null : recognisers.countryOf(page.datelinePlace()).orElse(null),
                page.publishedDate().orElse(null));
        String protagonist = Protagonist.RULES.of(folded, headline, clauses, found, outletCountries(raw, page), dateline.country());
        EventDating dating = new EventDating(folded, sentences, found.dates(), found.durations());
        Optional<EventDating.LeadDay> leadDay = dating.leadDay(clauses, headline, page.publishedDate().orElse(null));
        List<Draft> drafts = EventDrafts.of(text, clauses, protagonist, dateline, found, dating, leadDay);
        Optional<Merging.Lead> lead = leadDay.map(day -> new Merging.Lead(text.originalStart(day.paragraph().start()),
                text.originalEnd(day.paragraph().end()), day.day()));
        List<Draft> acts = Merging.merged(drafts, dating.yearFrame(), lead, page.headlineEnd());

        String id = StableIds.article(raw.url(), page.textAsPosted().foldedForIds()); // not the headline read into it
        List<Event> events = acts.stream().map(act -> ArticleRecords.event(id, act)).toList();
        String source = raw.source() != null ? raw.source() : raw.url() != null ? StableIds.hostOf(raw.url()) : null;
        String language = postedLanguage != null && !postedLanguage.isBlank() ? postedLanguage : ArticleRecords.language(folded);
        return new ArticleRecord(id, raw.url(), source, page.title(), page.publishedAt(), language, text.original(),
                ArticleRecords.countries(found, acts), ArticleRecords.themes(found), events, NAME,
                StableIds.revision(NAME, source, page.title(), page.publishedAt(), language, text.original()));
    }

    /**
     * The countries the national outlet the article is from may be of (one, unless its name is common to several,
     * which the protagonist stage tells apart): by the source posted, the page's name, who filed it by its
     * dateline, else its national domain.
     */
    private List<String> outletCountries(RawArticle raw, ParsedArticle page) {
        return Stream.concat(Stream.of(raw.source(), page.siteName()), page.filedBy().stream()).filter(Objects::nonNull)
                .map(recognisers::outletCountries)
                .filter(named -> !named.isEmpty()).findFirst()
                .orElseGet(() -> Protagonist.countryOfDomain(raw.url() == null ? null : StableIds.hostOf(raw.url())).map(List::of).orElse(List.of()));
    }
}
