package org.rasd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static SyntheticHistory history(long events) {
        return new SyntheticHistory(7, LocalDate.parse("2020-01-01"), LocalDate.parse("2026-11-30"),
                Math.max(1, Math.round(events / SyntheticHistory.meanMentions())), NOW);
    }

    private static List<ObjectNode> messages(int events) {
        SyntheticHistory history = history(events);
        List<ObjectNode> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(history.message(history.next(), "h", JSON));
        }
        return messages;
    }

    @Test
    void aMillionEventsMakeWellOverAHundredThousandIncidents() {
        // the store: 100,000 incidents; the bench sends 1,000,000 events
        SyntheticHistory history = history(1_000_000);
        SyntheticHistory.Report last = null;
        for (int i = 0; i < 1_000_000; i++) {
            last = history.next();
        }
        long incidents = last.incident() + 1;
        assertTrue(incidents > 300_000 && incidents < 500_000, incidents + " incidents");
        assertEquals(1_000_000 / SyntheticHistory.meanMentions(), incidents, 20_000);
    }

    @Test
    void someActsAreReportedManyTimesByDifferentArticlesAlike() {
        List<ObjectNode> messages = messages(20_000);
        Map<String, List<ObjectNode>> byIncident = new HashMap<>();
        messages.forEach(m -> byIncident.computeIfAbsent(m.path("incidentId").asText(), id -> new ArrayList<>()).add(m));
        long once = byIncident.values().stream().filter(reports -> reports.size() == 1).count();
        long many = byIncident.values().stream().filter(reports -> reports.size() >= 5).count();
        assertTrue(once > byIncident.size() * 0.45 && once < byIncident.size() * 0.65, once + " of " + byIncident.size());
        assertTrue(many > byIncident.size() * 0.05, many + " of " + byIncident.size());
        for (List<ObjectNode> reports : byIncident.values()) {
            ObjectNode first = reports.getFirst();
            Set<String> articles = new HashSet<>();
            for (ObjectNode report : reports) {
                assertEquals(first.path("type"), report.path("type"));
                assertEquals(first.path("subject").path("country"), report.path("subject").path("country"));
                assertEquals(first.path("partners"), report.path("partners"));
                assertEquals(first.path("date"), report.path("date"));
                assertTrue(articles.add(report.path("articleId").asText()), "each report from another article");
            }
        }
        assertEquals(20_000, messages.stream().map(m -> m.path("id").asText()).distinct().count(), "every event id is new");
    }

    @Test
    void spreadsOverCountriesPartnersThemesTypesAndYearsAtEachPrecision() {
        List<ObjectNode> messages = messages(20_000);
        Set<String> countries = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        Set<String> themes = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> years = new HashSet<>();
        Map<String, Integer> precisions = new HashMap<>();
        for (ObjectNode message : messages) {
            message.path("countries").forEach(c -> countries.add(c.asText()));
            String actor = message.path("subject").path("country").asText();
            message.path("partners").forEach(p -> pairs.add(actor + "-" + p.path("country").asText()));
            message.path("themes").forEach(t -> themes.add(t.asText()));
            types.add(message.path("type").asText());
            JsonNode date = message.path("date");
            precisions.merge(date.isNull() ? "none" : date.path("precision").asText(), 1, Integer::sum);
            if (!date.isNull()) {
                years.add(date.path("value").asText().substring(0, 4));
                assertEquals(date.path("value").asText().length(), switch (date.path("precision").asText()) {
                    case "day" -> 10;
                    case "month" -> 7;
                    default -> 4;
                });
            }
            assertFalse(message.path("partners").toString().contains("\"" + actor + "\""), "the actor is not its own partner");
            assertFalse(Instant.parse(message.path("acceptedAt").asText()).isAfter(NOW));
        }
        assertTrue(countries.size() >= 90, countries.size() + " countries");
        assertTrue(pairs.size() >= 500, pairs.size() + " pairs");
        assertEquals(Set.copyOf(SyntheticHistory.THEMES), themes);
        assertEquals(Set.copyOf(SyntheticHistory.TYPES), types);
        assertEquals(Set.of("2020", "2021", "2022", "2023", "2024", "2025", "2026"), years);
        assertEquals(Set.of("day", "month", "year", "none"), precisions.keySet());
        assertTrue(precisions.get("day") > messages.size() / 2);
    }

    @Test
    void runsInTimeOrderMostlyAboutTheLastDays() {
        List<ObjectNode> messages = messages(20_000);
        Instant previousTenth = Instant.MIN;
        for (int tenth = 0; tenth < 10; tenth++) {
            List<Instant> accepted = messages.subList(tenth * 2000, (tenth + 1) * 2000).stream()
                    .map(m -> Instant.parse(m.path("acceptedAt").asText())).sorted().toList();
            Instant median = accepted.get(1000);
            assertTrue(median.isAfter(previousTenth), "tenth " + tenth + " accepted after the one before");
            previousTenth = median;
        }
        assertTrue(Instant.parse(messages.getFirst().path("acceptedAt").asText()).isBefore(Instant.parse("2020-01-10T00:00:00Z")));
        assertTrue(Instant.parse(messages.getLast().path("acceptedAt").asText()).isAfter(Instant.parse("2026-11-20T00:00:00Z")));
        long recent = messages.stream().filter(m -> m.path("date").path("precision").asText().equals("day")).filter(m -> {
            LocalDate accepted = LocalDate.ofInstant(Instant.parse(m.path("acceptedAt").asText()), java.time.ZoneOffset.UTC);
            return !LocalDate.parse(m.path("date").path("value").asText()).isBefore(accepted.minusDays(10));
        }).count();
        long dayDated = messages.stream().filter(m -> m.path("date").path("precision").asText().equals("day")).count();
        assertTrue(recent > dayDated * 0.7, recent + " of " + dayDated + " reported within ten days");
    }

    @Test
    void aMessageHasWhatAnalyticsReads() {
        ObjectNode message = messages(1).getFirst();
        assertEquals("h-0", message.path("id").asText());
        assertEquals("h-incident-0", message.path("incidentId").asText());
        assertEquals(1, message.path("version").asInt());
        assertTrue(message.path("articleId").asText().startsWith("h-article-"));
        assertTrue(message.path("countries").isArray() && !message.path("countries").isEmpty());
        assertTrue(message.path("themes").isArray() && !message.path("themes").isEmpty());
        assertEquals(message.path("subject").path("country").asText(), message.path("countries").get(0).asText());
        assertNull(message.get("removed"));
    }

    @Test
    void theSameSeedMakesTheSameHistory() {
        assertEquals(messages(500), messages(500));
    }
}
