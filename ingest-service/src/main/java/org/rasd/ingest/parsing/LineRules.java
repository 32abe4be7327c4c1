package org.rasd.ingest.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Page-furniture rules of one kind ({@code boilerplate.tsv}), read so that a line is read few times: the rules
 * anchored at the line start are tried there only, and only those that can begin with the line's first char;
 * plain words are looked up as such; the other patterns run anywhere. Rules and lines are both folded (and so
 * lower case), a rule's escapes ({@code \S}, {@code \p{L}}) excepted. A line start is its first letter or
 * digit: the bullets and emoji that decorate furniture do not hide it.
 */
final class LineRules {

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} ©]+");
    /** ASCII up to the end of the Arabic block: the chars folded lines begin with, grouped ahead of time. */
    private static final int GROUPED_FIRST_CHARS = 0x0700;

    /** The line-start rules that can match a line beginning with each char (null: none). */
    private final Pattern[] atStartByFirstChar = new Pattern[GROUPED_FIRST_CHARS];
    /** Every line-start rule, for a line beginning with a char outside the grouped ones (null: no such rule). */
    private final Pattern atStart;
    private final List<String> words;
    private final Pattern anywhere;

    LineRules(List<String> regexes) {
        List<String> lineStart = regexes.stream().filter(r -> r.startsWith("^")).map(r -> folded(r.substring(1))).toList();
        atStart = combined(lineStart);
        groupByFirstChar(lineStart);
        words = regexes.stream().filter(r -> !r.startsWith("^") && PLAIN.matcher(r).matches()).map(NormalizedText::fold).toList();
        anywhere = combined(regexes.stream().filter(r -> !r.startsWith("^") && !PLAIN.matcher(r).matches())
                .map(LineRules::folded).toList());
    }

    /** A regex folded like the lines it reads, its escapes kept as written: folding would lower {@code \S} to {@code \s}. */
    private static String folded(String regex) {
        StringBuilder folded = new StringBuilder(regex.length());
        int literalStart = 0;
        for (int i = 0; i < regex.length(); i++) {
            if (regex.charAt(i) != '\\' || i + 1 == regex.length()) {
                continue;
            }
            folded.append(NormalizedText.fold(regex.substring(literalStart, i)));
            int escapeEnd = i + 2;
            char escaped = regex.charAt(i + 1);
            if ((escaped == 'p' || escaped == 'P') && escapeEnd < regex.length() && regex.charAt(escapeEnd) == '{') {
                escapeEnd = regex.indexOf('}', escapeEnd) + 1; // a class name: \p{L}
            }
            folded.append(regex, i, escapeEnd);
            literalStart = escapeEnd;
            i = escapeEnd - 1;
        }
        return folded.append(NormalizedText.fold(regex.substring(literalStart))).toString();
    }

    /**
     * A rule can begin with a char when, given that char alone, it matches or runs out of input: the regex
     * engine itself says so ({@link Matcher#hitEnd}), whatever the rule's syntax.
     */
    private void groupByFirstChar(List<String> lineStart) {
        List<Pattern> compiled = lineStart.stream().map(Pattern::compile).toList();
        Map<List<String>, Pattern> combinedOnce = new HashMap<>();
        for (char c = 0; c < GROUPED_FIRST_CHARS; c++) {
            String firstChar = String.valueOf(c);
            List<String> possible = new ArrayList<>();
            for (int i = 0; i < compiled.size(); i++) {
                Matcher matcher = compiled.get(i).matcher(firstChar);
                if (matcher.lookingAt() || matcher.hitEnd()) {
                    possible.add(lineStart.get(i));
                }
            }
            if (!possible.isEmpty()) {
                atStartByFirstChar[c] = combinedOnce.computeIfAbsent(possible, LineRules::combined);
            }
        }
    }

    private static Pattern combined(List<String> foldedRegexes) {
        String alternatives = foldedRegexes.stream().map(r -> "(?:" + r + ")").collect(Collectors.joining("|"));
        return alternatives.isEmpty() ? null : Pattern.compile(alternatives);
    }

    /** Whether a rule matches the folded, stripped, non-empty line. */
    boolean match(String foldedLine) {
        int start = firstLetterOrDigit(foldedLine);
        if (start < foldedLine.length()) {
            char first = foldedLine.charAt(start);
            Pattern lineStart = first < GROUPED_FIRST_CHARS ? atStartByFirstChar[first] : atStart;
            if (lineStart != null && lineStart.matcher(foldedLine).region(start, foldedLine.length()).lookingAt()) {
                return true;
            }
        }
        for (String word : words) {
            if (foldedLine.contains(word)) {
                return true;
            }
        }
        return anywhere != null && anywhere.matcher(foldedLine).find();
    }

    private static int firstLetterOrDigit(String line) {
        int i = 0;
        while (i < line.length() && !Character.isLetterOrDigit(line.codePointAt(i))) {
            i += Character.charCount(line.codePointAt(i));
        }
        return i;
    }
}
