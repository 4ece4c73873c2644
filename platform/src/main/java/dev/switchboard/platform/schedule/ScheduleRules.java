package dev.switchboard.platform.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * n8n's schedule rules turned into Quartz cron expressions (seconds first, {@code ?} for the unused
 * day field, days of the week 1 = Sunday). Weeks with an interval over 1 fire weekly and are thinned
 * out by {@link Rule#weeksInterval()} when they fire.
 */
public final class ScheduleRules {

    /** One rule of a node: its cron expression, and the week interval to check at fire time. */
    public record Rule(int index, String cron, int weeksInterval) {
    }

    private ScheduleRules() {
    }

    /** The rules of a Schedule Trigger's parameters; throws IllegalArgumentException naming the rule. */
    @SuppressWarnings("unchecked")
    public static List<Rule> of(Map<String, Object> parameters) {
        List<Rule> out = new ArrayList<>();
        Object rule = parameters.get("rule");
        List<Object> intervals = rule instanceof Map<?, ?> m && m.get("interval") instanceof List<?> l
                ? (List<Object>) l : List.of(Map.of());
        for (int i = 0; i < intervals.size(); i++) {
            Map<String, Object> r = intervals.get(i) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            try {
                out.add(rule(i, r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Rule rule(int index, Map<String, Object> r) {
        String field = String.valueOf(r.getOrDefault("field", "days"));
        int minute = number(r, "triggerAtMinute", 0, 0, 59);
        int hour = number(r, "triggerAtHour", 0, 0, 23);
        return switch (field) {
            case "seconds" -> new Rule(index, "*/" + number(r, "secondsInterval", 30, 1, 59) + " * * * * ?", 1);
            case "minutes" -> new Rule(index, "0 */" + number(r, "minutesInterval", 5, 1, 59) + " * * * ?", 1);
            case "hours" -> new Rule(index, "0 " + minute + " */" + number(r, "hoursInterval", 1, 1, 23) + " * * ?", 1);
            case "days" -> new Rule(index, "0 " + minute + " " + hour + " */" + number(r, "daysInterval", 1, 1, 31) + " * ?", 1);
            case "weeks" -> new Rule(index, "0 " + minute + " " + hour + " ? * " + weekdays(r.get("triggerAtDay")),
                    number(r, "weeksInterval", 1, 1, 52));
            case "months" -> new Rule(index, "0 " + minute + " " + hour + " " + number(r, "triggerAtDayOfMonth", 1, 1, 31)
                    + " */" + number(r, "monthsInterval", 1, 1, 12) + " ?", 1);
            case "cronExpression" -> new Rule(index, quartz(String.valueOf(r.getOrDefault("expression", ""))), 1);
            default -> throw new IllegalArgumentException("unknown field \"" + field + "\"");
        };
    }

    private static int number(Map<String, Object> r, String key, int fallback, int min, int max) {
        Object v = r.get(key);
        int n;
        if (v == null || "".equals(v)) {
            n = fallback;
        } else if (v instanceof Number num) {
            n = num.intValue();
        } else {
            try {
                n = Integer.parseInt(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + key + "\" must be a whole number, not \"" + v + "\"");
            }
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("\"" + key + "\" must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** n8n's weekdays (0 = Sunday ... 6 = Saturday) as Quartz's (1 = Sunday ... 7 = Saturday). */
    private static String weekdays(Object days) {
        List<String> out = new ArrayList<>();
        if (days instanceof List<?> list) {
            for (Object d : list) {
                int n = d instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(d));
                out.add(String.valueOf(n % 7 + 1));
            }
        }
        return out.isEmpty() ? "1" : String.join(",", out);
    }

    /**
     * A Unix cron expression (5 fields, or 6 with seconds first) as Quartz's: seconds added when
     * missing, day-of-week numbers shifted (Quartz counts from 1 = Sunday), and {@code ?} in whichever
     * day field is left free.
     */
    static String quartz(String unix) {
        String[] f = unix.trim().split("\\s+");
        if (f.length == 5) {
            String[] withSeconds = new String[6];
            withSeconds[0] = "0";
            System.arraycopy(f, 0, withSeconds, 1, 5);
            f = withSeconds;
        }
        if (f.length != 6) {
            throw new IllegalArgumentException("the cron expression \"" + unix + "\" must have 5 or 6 fields");
        }
        String dom = f[3];
        String dow = shiftWeekdays(f[5]);
        if (dow.equals("*") || dow.equals("?")) {
            dow = "?";
            if (dom.equals("?")) {
                dom = "*";
            }
        } else if (dom.equals("*")) {
            dom = "?";
        }
        String cron = f[0] + " " + f[1] + " " + f[2] + " " + dom + " " + f[4] + " " + dow;
        if (!org.quartz.CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("the cron expression \"" + unix + "\" is not valid");
        }
        return cron;
    }

    private static String shiftWeekdays(String field) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(field.toUpperCase(Locale.ROOT));
        int last = 0;
        boolean afterSlash;
        while (m.find()) {
            afterSlash = m.start() > 0 && field.charAt(m.start() - 1) == '/';
            out.append(field, last, m.start());
            int n = Integer.parseInt(m.group());
            out.append(afterSlash ? n : n % 7 + 1);
            last = m.end();
        }
        out.append(field.substring(last));
        return out.toString();
    }
}
