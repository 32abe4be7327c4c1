package org.rasd.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store holds, as the read API tells it: the totals, and the countries, themes, types, partner pairs
 * and years the query phase draws its parameters from, so that its requests ask for what is there.
 *
 * @param countries by incidents, most first
 * @param pairs     a country and one of its partners, each pair once
 * @param years     the years with dated acts, in order
 * @param firstDay  the first day of the first year with acts
 * @param lastDay   the last day of the last year with acts, or today when sooner
 */
record StoreShape(long incidents, long events, long articles, List<String> countries, List<String> themes,
                  List<String> types, List<Pair> pairs, List<Integer> years, LocalDate firstDay, LocalDate lastDay) {

    record Pair(String country, String partner) {
    }

    /** How many of the biggest countries the partner pairs are read for. */
    static final int PAIR_COUNTRIES = 12;

    StoreShape {
        if (countries.isEmpty() || themes.isEmpty() || types.isEmpty() || years.isEmpty()) {
            throw new IllegalStateException("the store holds too little to query: " + countries.size() + " countries, "
                    + themes.size() + " themes, " + types.size() + " types, " + years.size() + " years with acts");
        }
    }

    /**
     * @param countries       the answer of {@code GET /api/aggregates/countries}
     * @param themes          of {@code GET /api/aggregates/themes}
     * @param yearSeries      of {@code GET /api/series?interval=year} over the whole period
     * @param partnersByCountry of {@code GET /api/aggregates/countries/{code}/partners}, for some countries
     * @param today           the last day a period may reach
     */
    static StoreShape read(JsonNode countries, JsonNode themes, JsonNode yearSeries, Map<String, JsonNode> partnersByCountry,
                           LocalDate today) {
        JsonNode totals = countries.path("totals");
        List<String> countryCodes = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode row : countries.path("countries")) {
            countryCodes.add(row.path("code").asText());
            row.path("byType").fieldNames().forEachRemaining(types::add);
        }
        List<String> themeCodes = new ArrayList<>();
        themes.path("themes").forEach(row -> themeCodes.add(row.path("code").asText()));
        Set<Pair> pairs = new LinkedHashSet<>();
        partnersByCountry.forEach((country, partners) -> partners.forEach(partner -> {
            String code = partner.path("code").asText();
            if (!code.isEmpty() && !code.equals(country) && !pairs.contains(new Pair(code, country))) {
                pairs.add(new Pair(country, code));
            }
        }));
        List<Integer> years = new ArrayList<>();
        for (JsonNode bucket : yearSeries.path("buckets")) {
            if (bucket.path("incidents").asLong() > 0) {
                years.add(LocalDate.parse(bucket.path("start").asText()).getYear());
            }
        }
        LocalDate first = years.isEmpty() ? today : LocalDate.of(years.getFirst(), 1, 1);
        LocalDate last = years.isEmpty() ? today : LocalDate.of(years.getLast(), 12, 31);
        return new StoreShape(totals.path("incidents").asLong(), totals.path("events").asLong(), totals.path("articles").asLong(),
                List.copyOf(countryCodes), List.copyOf(themeCodes), List.copyOf(types), List.copyOf(pairs), List.copyOf(years),
                first, last.isAfter(today) ? today : last);
    }
}
