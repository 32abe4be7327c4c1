package org.rasd.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTableTest {

    @Test
    void firstColumnLeftOthersRightEachAsWideAsItsWidestCell() {
        String table = new TextTable(List.of("target/s", "accepted/s", "ack p99"))
                .add(List.of("50", "50", "3.2"))
                .add(List.of("max", "1234", "-"))
                .render();
        assertEquals("""
                target/s  accepted/s  ack p99
                --------  ----------  -------
                50                50      3.2
                max             1234        -
                """, table);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable(List.of("a", "b")).add(List.of("1")));
    }

    @Test
    void millisecondsKeepOneDecimalBelowAHundred() {
        assertEquals("0.4", TextTable.millis(0.44));
        assertEquals("99.9", TextTable.millis(99.94));
        assertEquals("1250", TextTable.millis(1249.6));
        assertEquals("870", TextTable.whole(869.5));
    }
}
