package org.rasd.stack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceMetricsTest {

    @Test
    void sumsTheSeriesOfACounterAndSkipsItsHelpAndOtherLabels() {
        String exposition = """
                # HELP rasd_ingest_articles_total
                # TYPE rasd_ingest_articles_total counter
                rasd_ingest_articles_total{outcome="accepted"} 1234.0
                rasd_ingest_articles_total{outcome="duplicate"} 7.0
                rasd_ingest_articles_total{outcome="refused"} 2.0
                """;
        assertEquals(1234, ServiceMetrics.sum(exposition, ServiceMetrics.INGEST_ACCEPTED));
        assertEquals(1243, ServiceMetrics.sum(exposition, "rasd_ingest_articles_total{"));
    }
}
