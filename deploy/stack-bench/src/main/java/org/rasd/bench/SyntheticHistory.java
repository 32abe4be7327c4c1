package org.rasd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A long, made-up but realistic history of event messages, as the catalog publishes them on the {@code events}
 * topic: acts (incidents) reported once or many times by different articles, over many countries, partners,
 * themes and types, dated over several years at day, month or year precision (a few undated). Event {@code n}
 * is always the same message for the same seed and period, so a run can be repeated.
 *
 * <p>The shape: the acting country is Morocco in half the acts (the project's subject), otherwise a country
 * drawn with a Zipf-like weight from {@link #COUNTRIES}; an act has 0–5 partners (mostly one), drawn the same
 * way; 1–3 themes; a type weighted towards meetings. About 55% of the acts are reported once, the rest 2–30
 * times (a mean of about 2.6 reports an act). Dates are spread evenly over the period: 70% to the day, 18% to
 * the month, 8% to the year, 4% undated. The history runs in time order, as news comes: its acts are first
 * reported day after day across the period (act {@code n} of an expected {@code m} on the {@code n/m}th of it),
 * most about the last few days, some about the last two months, a few about any earlier day; each report is
 * accepted on its act's reporting day or a little later (never after now).
 */
final class SyntheticHistory {

    /** ISO 3166-1 alpha-2 codes, the likeliest partners first. */
    static final List<String> COUNTRIES = List.of(
            "MA", "ES", "FR", "US", "BE", "NL", "DE", "IT", "PT", "GB", "SN", "MR", "ML", "NE", "TN", "EG", "SA", "AE",
            "QA", "JO", "CI", "BF", "TD", "NG", "GA", "CM", "GN", "BJ", "TG", "GH", "CN", "RU", "JP", "KR", "IN", "TR",
            "BR", "CA", "MX", "AR", "CL", "CO", "PE", "AT", "CH", "SE", "NO", "DK", "FI", "PL", "CZ", "HU", "RO", "BG",
            "GR", "HR", "RS", "IE", "LU", "MT", "CY", "IL", "KW", "BH", "OM", "LB", "IQ", "PK", "ID", "MY", "SG", "TH",
            "VN", "PH", "AU", "NZ", "ZA", "KE", "ET", "RW", "TZ", "UG", "AO", "CD", "CG", "MG", "DJ", "KM", "LY", "DZ",
            "SD", "SO", "GM", "GW", "CV", "LR", "SL", "UA", "AZ", "KZ");
    static final List<String> TYPES = List.of("MEET", "VISIT", "HOST", "AGREEMENT", "CONFERENCE", "HONOR", "ELECTION",
            "INTEL_SHARING", "PRAISE");
    /** Weights of {@link #TYPES}, in per mille. */
    private static final int[] TYPE_WEIGHTS = {220, 160, 180, 150, 120, 40, 30, 60, 40};
    static final List<String> THEMES = List.of("POLICE_COOPERATION", "TERRORISM", "INTELLIGENCE_SHARING", "ILLEGAL_MIGRATION",
            "ORGANIZED_CRIME", "DRUG_TRAFFICKING", "TRAINING", "SECURITY_TECHNOLOGY", "EXTREMISM", "CYBERSECURITY",
            "REGIONAL_SECURITY", "MAJOR_EVENTS_SECURITY", "HUMAN_TRAFFICKING", "TERRORISM_FINANCING", "HUMAN_RIGHTS",
            "PEACEKEEPING");
    private static final String[] CAMEO = {"040", "042", "043", "057", "040", "—", "—", "064", "051"};

    /** One report (event) of an act: the act's number and which of its reports this is. */
    record Report(long event, long incident, int mention, Act act) {
    }

    /**
     * An act as all its reports give it.
     *
     * @param date      {@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}, or null when undated
     * @param location  the country it took place in, or null
     * @param reported  the day of its first report
     * @param mentions  how many reports of it the history holds (the last act of a history may be cut short)
     */
    record Act(String type, String actor, List<String> partners, String location, List<String> themes, String date,
               LocalDate reported, int mentions) {

        /** The countries the catalog lists for each report: the actor, the partners and the location, once each. */
        List<String> countries() {
            Set<String> countries = new LinkedHashSet<>();
            countries.add(actor);
            countries.addAll(partners);
            if (location != null) {
                countries.add(location);
            }
            return List.copyOf(countries);
        }
    }

    private static final double[] COUNTRY_WEIGHTS = zipf(COUNTRIES.size(), 1.0);
    private static final double[] THEME_WEIGHTS = zipf(THEMES.size(), 0.8);

    private final long seed;
    private final LocalDate first;
    private final int days;
    private final long expectedActs;
    private final Instant now;

    private long event;
    private long incident = -1;
    private int mention;
    private Act act;

    /**
     * A history of about {@code expectedActs} acts reported from {@code first} to {@code last}, whose reports are
     * accepted no later than {@code now}; acts past the expected ones are all reported on the last day.
     */
    SyntheticHistory(long seed, LocalDate first, LocalDate last, long expectedActs, Instant now) {
        if (last.isBefore(first) || expectedActs < 1) {
            throw new IllegalArgumentException("no period or no act");
        }
        this.expectedActs = expectedActs;
        this.seed = seed;
        this.first = first;
        this.days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        this.now = now;
    }

    /** The bench's: {@code events} reports over the six years up to today, and this year's days so far. */
    static SyntheticHistory upTo(Instant now, long events) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new SyntheticHistory(0x5261736448L, today.minusYears(6).withDayOfYear(1), today,
                Math.max(1, Math.round(events / meanMentions())), now);
    }

    /** The next report: the next of the current act's, or the first of a new act. */
    Report next() {
        if (act == null || mention + 1 >= act.mentions()) {
            incident++;
            mention = 0;
            act = act(incident);
        } else {
            mention++;
        }
        return new Report(event++, incident, mention, act);
    }

    /** Act {@code n} of the history: the same for the same seed and period. */
    Act act(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        String type = TYPES.get(pick(random, TYPE_WEIGHTS));
        String actor = random.nextInt(100) < 50 ? "MA" : COUNTRIES.get(draw(random, COUNTRY_WEIGHTS));
        int partnerCount = pick(random, new int[]{10, 65, 15, 5, 3, 2}); // 0..5 partners
        Set<String> partners = new LinkedHashSet<>();
        for (int tries = 0; partners.size() < partnerCount && tries < 50; tries++) {
            String partner = COUNTRIES.get(draw(random, COUNTRY_WEIGHTS));
            if (!partner.equals(actor)) {
                partners.add(partner);
            }
        }
        String location = switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> actor;
            case 4, 5, 6 -> partners.isEmpty() ? actor : partners.iterator().next();
            default -> null;
        };
        Set<String> themes = new LinkedHashSet<>();
        int themeCount = 1 + pick(random, new int[]{50, 35, 15});
        while (themes.size() < themeCount) {
            themes.add(THEMES.get(draw(random, THEME_WEIGHTS)));
        }
        int reported = (int) Math.min(days - 1, days * Math.min(n, expectedActs) / expectedActs);
        int lag = switch (pick(random, new int[]{75, 17, 8})) {
            case 0 -> random.nextInt(4);
            case 1 -> 4 + random.nextInt(57);
            default -> random.nextInt(reported + 1);
        };
        LocalDate day = first.plusDays(Math.max(0, reported - lag));
        String date = switch (pick(random, new int[]{70, 18, 8, 4})) {
            case 0 -> day.toString();
            case 1 -> day.toString().substring(0, 7);
            case 2 -> day.toString().substring(0, 4);
            default -> null;
        };
        int mentions = mentions(random);
        return new Act(type, actor, List.copyOf(partners), location, List.copyOf(themes), date, first.plusDays(reported), mentions);
    }

    /** Reports of one act: 55% once, 20% twice, 10% three times, then fewer and fewer up to 30. */
    private static int mentions(SplittableRandom random) {
        return switch (pick(random, new int[]{55, 20, 10, 7, 5, 3})) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 3;
            case 3 -> 4 + random.nextInt(2);
            case 4 -> 6 + random.nextInt(5);
            default -> 11 + random.nextInt(20);
        };
    }

    /** The message the catalog would publish for a report; {@code scope} makes the ids of one run unique. */
    ObjectNode message(Report report, String scope, ObjectMapper json) {
        Act act = report.act();
        SplittableRandom random = new SplittableRandom(seed ^ (report.incident() * 31 + report.mention()) * 0x9E3779B97F4A7C15L);
        ObjectNode message = json.createObjectNode();
        message.put("version", 1);
        message.put("id", scope + "-" + report.event());
        // reports of one act come from different articles; an article reports a few acts
        message.put("articleId", scope + "-article-" + report.mention() + "-" + report.incident() / 3);
        message.put("incidentId", scope + "-incident-" + report.incident());
        message.put("acceptedAt", acceptedAt(act, report.mention(), random).toString());
        message.put("type", act.type());
        message.put("cameo", CAMEO[TYPES.indexOf(act.type())]);
        ArrayNode countries = message.putArray("countries");
        act.countries().forEach(countries::add);
        message.putObject("subject").put("country", act.actor()).put("name", "official of " + act.actor());
        ArrayNode partners = message.putArray("partners");
        act.partners().forEach(partner -> partners.addObject().put("country", partner).put("name", "official of " + partner));
        message.putArray("organisations");
        if (act.date() == null) {
            message.putNull("date");
        } else {
            message.putObject("date").put("value", act.date()).put("precision", switch (act.date().length()) {
                case 10 -> "day";
                case 7 -> "month";
                default -> "year";
            });
        }
        if (act.location() == null) {
            message.putNull("location");
        } else {
            message.putObject("location").put("country", act.location());
        }
        ArrayNode themes = message.putArray("themes");
        act.themes().forEach(themes::add);
        // another outlet may name one more theme than the first did
        if (report.mention() > 0 && random.nextInt(10) < 3) {
            String extra = THEMES.get(draw(random, THEME_WEIGHTS));
            if (!act.themes().contains(extra)) {
                themes.add(extra);
            }
        }
        int start = random.nextInt(2000);
        message.putObject("evidence").put("start", start).put("end", start + 80 + random.nextInt(300));
        message.put("confidence", 0.6 + random.nextInt(40) / 100.0);
        return message;
    }

    /** On the act's reporting day, later reports up to a few days later; never after now. */
    private Instant acceptedAt(Act act, int mention, SplittableRandom random) {
        Instant accepted = act.reported().atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextLong(86_400L * (1 + Math.min(mention, 5))));
        return accepted.isAfter(now) ? now : accepted;
    }

    private static double[] zipf(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int draw(SplittableRandom random, double[] cumulative) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** An index drawn with the given (whole) weights. */
    private static int pick(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int u = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Expected reports per act, from {@link #mentions}: for sizing a history to a number of incidents. */
    static double meanMentions() {
        return 0.55 * 1 + 0.20 * 2 + 0.10 * 3 + 0.07 * 4.5 + 0.05 * 8 + 0.03 * 20.5;
    }
}
