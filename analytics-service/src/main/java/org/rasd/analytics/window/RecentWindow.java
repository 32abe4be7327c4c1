package org.rasd.analytics.window;

import org.rasd.analytics.counting.Aggregates.CodeCount;

import java.util.List;
import java.util.Locale;

/**
 * The acts of the last days, with the reports of them, in all and by country and theme.
 *
 * @param basis     what places an act in the window
 * @param from      the window's first day (by the act's date) or instant (by first seen), inclusive
 * @param to        its last day, or the instant it was read at
 * @param incidents the acts in the window, each once
 * @param events    their reports: by the act's date those dated in the window, by first seen all of them
 */
public record RecentWindow(int days, String basis, String from, String to, long incidents, long events,
                           List<CodeCount> countries, List<CodeCount> themes) {

    /** What places an act in a window. */
    public enum Basis {
        /**
         * The day the act took place, as its reports date it: acts dated only to a month or a year are in no
         * rolling window, since which of its days they fall on is not known.
         */
        DATE,
        /** When Rasd accepted the first report of the act. */
        SEEN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
