package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Article ids are what the catalog deduplicates on: they must not change with wrapping, nor between versions. */
class StableIdsTest {

    /** The definition of a text id: the first 8 bytes of SHA-256 over "text:" and the collapsed text in UTF-8. */
    private static String definedTextId(String collapsed) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("text:" + collapsed).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    @Test
    void aTextIdIgnoresHowTheTextWasWrapped() throws NoSuchAlgorithmException {
        String id = StableIds.article(null, "استقبل الوزير نظيره الإسباني.");
        assertEquals(id, StableIds.article(null, "  استقبل الوزير\n\nنظيره \t الإسباني.\n"));
        assertEquals(definedTextId("استقبل الوزير نظيره الإسباني."), id);
        assertNotEquals(id, StableIds.article(null, "استقبل الوزير نظيره المغربي."));
    }

    @Test
    void aTextIdEncodesEveryCharAsUtf8Does() throws NoSuchAlgorithmException {
        // one, two and three UTF-8 bytes, a surrogate pair (an emoji) and an unpaired surrogate
        String text = "Rasd رصد — 🔴 عاجل \ud83d";
        assertEquals(definedTextId(text), StableIds.article(null, text));
    }

    @Test
    void aLongTextIdEncodesSurrogatePairsWhereverTheyFall() throws NoSuchAlgorithmException {
        // pairs and unpaired halves at every offset of a long text
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            text.append("رصد").append("a".repeat(i % 5)).append(i % 7 == 0 ? "\ud83d" : "🔴").append(i % 11 == 0 ? "\udd34 " : " ");
        }
        String collapsed = text.toString().strip();
        assertEquals(definedTextId(collapsed), StableIds.article(null, collapsed));
    }

    @Test
    void idsAndRevisionsAreTheOnesEveryEarlierVersionMade() {
        // made by the hand-written UTF-8 digest that rasd-rules/0.10.4 and before used: stored articles keep their ids
        assertEquals("2560502267606614", StableIds.article(null, "استقبل الوزير نظيره الإسباني."));
        assertEquals("28360c038583b6ec", StableIds.article(null, "Rasd رصد — 🔴 عاجل \ud83d"));
        assertEquals("6534512d70cea81c", StableIds.article(null, "\ud83d \udd34 رصد"), "the halves of a pair apart");
        assertEquals("6db2b4cb8a95f9ee", StableIds.article(null, "نص\u0000مع صفر"));
        assertEquals("a5806177b8822782", StableIds.revision("rasd-rules/x", null, "استقبل الوزير نظيره الإسباني."));
        assertEquals("bc969b3b71f527d5", StableIds.revision("rasd-rules/x", null, "\ud83d \udd34 رصد"));
    }

    @Test
    void aUrlIdIgnoresTrackingAndTheWwwPrefix() {
        assertEquals(StableIds.article("https://www.example.ma/news/1?utm_source=x&id=7#top", "any"),
                StableIds.article("https://example.ma/news/1/?id=7", "other"));
    }

    @Test
    void aUrlThatNamesAPlaceGivesTheIdWhateverTheTextAndOneThatDoesNotLeavesItToTheText() {
        for (String url : new String[]{"https://هسبريس.com/أمن/1", "https://my_site.example/a", "https://example.ma/a b"}) {
            assertEquals(StableIds.article(url, "نص أول"), StableIds.article(url, "نص ثان"), url);
        }
        for (String url : new String[]{"javascript:alert(1)", "mailto:desk@example.ma", "urn:uuid:1", "", "not a url"}) {
            assertNotEquals(StableIds.article(url, "نص أول"), StableIds.article(url, "نص ثان"), url);
        }
    }
}
