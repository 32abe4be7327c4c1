package org.rasd.bench;

/** What a step aims at: a fixed number of articles a second, or as many as the stack takes ({@link #MAX}). */
public record TargetRate(int perSecond) {

    public static final TargetRate MAX = new TargetRate(0);

    public TargetRate {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a rate is a positive number of articles a second, or max");
        }
    }

    public static TargetRate parse(String text) {
        String value = text.strip();
        return value.equalsIgnoreCase("max") ? MAX : new TargetRate(Integer.parseInt(value));
    }

    public boolean isMax() {
        return perSecond == 0;
    }

    @Override
    public String toString() {
        return isMax() ? "max" : Integer.toString(perSecond);
    }
}
