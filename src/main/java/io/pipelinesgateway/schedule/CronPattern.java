package io.pipelinesgateway.schedule;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pipelinesgateway.error.InvalidInputException;

/**
 * Checks a schedule's cron pattern before it reaches Bitbucket, whose schedules take Quartz's 7 fields (second,
 * minute, hour, day of month, month, day of week, year; e.g. {@code 0 0 12 * * ? *}): the field count, each field's
 * syntax and range, and Quartz's rule that one of the two day fields is {@code ?}.
 */
final class CronPattern {

    private static final Pattern ITEM = Pattern.compile("(\\*|([A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?)(?:/(\\d+))?");
    private static final Pattern LAST_DAY_OFFSET = Pattern.compile("L-(\\d{1,2})");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d{1,2})W");
    private static final Pattern LAST_WEEKDAY_OF_MONTH = Pattern.compile("([1-7])L");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([1-7])#([1-5])");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /** The fields in order, each with its range and the names it also accepts. */
    private enum Field {
        SECOND("second", 0, 59, List.of()),
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day of month", 1, 31, List.of()),
        MONTH("month", 1, 12, MONTHS),
        DAY_OF_WEEK("day of week", 1, 7, WEEKDAYS),
        YEAR("year", 1970, 2099, List.of());

        private final String label;
        private final int min;
        private final int max;
        private final List<String> names;

        Field(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }
    }

    private CronPattern() {
    }

    /** The pattern with its fields separated by single spaces, checked. */
    static String check(String pattern, String field) {
        String[] values = pattern == null ? new String[0] : pattern.trim().split("\\s+");
        if (values.length != Field.values().length || values[0].isEmpty()) {
            throw new InvalidInputException(field, "'" + field + "' must have 7 fields (second, minute, hour, day of "
                    + "month, month, day of week, year), e.g. '0 0 12 * * ? *'; it was '" + pattern + "'.");
        }
        for (Field part : Field.values()) {
            String value = values[part.ordinal()];
            boolean valid = value.equals("?")
                    ? part == Field.DAY_OF_MONTH || part == Field.DAY_OF_WEEK
                    : List.of(value.split(",", -1)).stream().allMatch(item -> validItem(part, item));
            if (!valid) {
                throw new InvalidInputException(field, "'" + field + "' has an invalid " + part.label + " field '"
                        + value + "': use *, a value from " + part.min + " to " + part.max
                        + (part.names.isEmpty() ? "" : " or a name such as " + part.names.get(0))
                        + ", a range a-b, a list a,b, or a step */n" + specials(part) + ".");
            }
        }
        boolean dayOfMonthUnset = values[Field.DAY_OF_MONTH.ordinal()].equals("?");
        boolean dayOfWeekUnset = values[Field.DAY_OF_WEEK.ordinal()].equals("?");
        if (dayOfMonthUnset == dayOfWeekUnset) {
            throw new InvalidInputException(field, "'" + field + "' must have '?' in exactly one of the day of month "
                    + "and day of week fields (e.g. '0 0 12 * * ? *' or '0 0 12 ? * MON-FRI *'); it was '" + pattern
                    + "'.");
        }
        return String.join(" ", values);
    }

    private static String specials(Field part) {
        return switch (part) {
            case DAY_OF_MONTH -> "; or ?, L, L-n, nW or LW";
            case DAY_OF_WEEK -> "; or ?, L, nL or n#m";
            default -> "";
        };
    }

    private static boolean validItem(Field part, String item) {
        String upper = item.toUpperCase(java.util.Locale.ROOT);
        if (part == Field.DAY_OF_MONTH && (upper.equals("L") || upper.equals("LW"))) {
            return true;
        }
        if (part == Field.DAY_OF_MONTH) {
            Matcher offset = LAST_DAY_OFFSET.matcher(upper);
            if (offset.matches()) {
                return Integer.parseInt(offset.group(1)) <= 30;
            }
            Matcher weekday = NEAREST_WEEKDAY.matcher(upper);
            if (weekday.matches()) {
                return inRange(part, Integer.parseInt(weekday.group(1)));
            }
        }
        if (part == Field.DAY_OF_WEEK && (upper.equals("L") || LAST_WEEKDAY_OF_MONTH.matcher(upper).matches()
                || NTH_WEEKDAY.matcher(upper).matches())) {
            return true;
        }
        Matcher matcher = ITEM.matcher(upper);
        if (!matcher.matches()) {
            return false;
        }
        boolean bounds = matcher.group(2) == null
                || (valid(part, matcher.group(2)) && (matcher.group(3) == null || valid(part, matcher.group(3))));
        String step = matcher.group(4);
        return bounds && (step == null || (step.length() <= 4 && Integer.parseInt(step) >= 1
                && Integer.parseInt(step) <= part.max - part.min + 1));
    }

    private static boolean valid(Field part, String value) {
        if (part.names.contains(value)) {
            return true;
        }
        return value.chars().allMatch(Character::isDigit) && value.length() <= 4
                && inRange(part, Integer.parseInt(value));
    }

    private static boolean inRange(Field part, int value) {
        return value >= part.min && value <= part.max;
    }
}
