package org.rasd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void readsWhatTheReadApiAnswers() throws Exception {
        JsonNode countries = json("""
                {"totals":{"incidents":388000,"events":1000000,"articles":420000},"countries":[
                 {"code":"MA","incidents":300000,"events":800000,"articles":400000,"byType":{"MEET":100,"VISIT":50}},
                 {"code":"ES","incidents":90000,"events":200000,"articles":90000,"byType":{"MEET":10,"HONOR":1}}]}""");
        JsonNode themes = json("""
                {"totals":{"incidents":388000,"events":1000000,"articles":420000},"themes":[
                 {"code":"TERRORISM","incidents":5,"events":9},{"code":"TRAINING","incidents":1,"events":1}]}""");
        JsonNode years = json("""
                {"interval":"year","buckets":[{"start":"2019-01-01","incidents":0,"events":0},
                 {"start":"2020-01-01","incidents":4,"events":9},{"start":"2021-01-01","incidents":0,"events":0},
                 {"start":"2026-01-01","incidents":3,"events":3}]}""");
        Map<String, JsonNode> partners = new LinkedHashMap<>();
        partners.put("MA", json("[{\"code\":\"ES\"},{\"code\":\"FR\"}]"));
        partners.put("ES", json("[{\"code\":\"MA\"},{\"code\":\"PT\"}]"));
        StoreShape store = StoreShape.read(countries, themes, years, partners, LocalDate.parse("2026-11-30"));
        assertEquals(388000, store.incidents());
        assertEquals(1000000, store.events());
        assertEquals(420000, store.articles());
        assertEquals(List.of("MA", "ES"), store.countries());
        assertEquals(List.of("TERRORISM", "TRAINING"), store.themes());
        assertEquals(List.of("MEET", "VISIT", "HONOR"), store.types());
        assertEquals(List.of(new StoreShape.Pair("MA", "ES"), new StoreShape.Pair("MA", "FR"), new StoreShape.Pair("ES", "PT")),
                store.pairs(), "each pair once");
        assertEquals(List.of(2020, 2026), store.years());
        assertEquals(LocalDate.parse("2020-01-01"), store.firstDay());
        assertEquals(LocalDate.parse("2026-11-30"), store.lastDay(), "no later than today");
    }

    @Test
    void anEmptyStoreCannotBeQueried() throws Exception {
        JsonNode empty = json("{\"totals\":{\"incidents\":0},\"countries\":[],\"themes\":[],\"buckets\":[]}");
        assertThrows(IllegalStateException.class, () -> StoreShape.read(empty, empty, empty, Map.of(), LocalDate.now()));
    }
}
