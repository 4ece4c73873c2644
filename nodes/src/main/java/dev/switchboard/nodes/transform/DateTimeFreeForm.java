package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.switchboard.nodes.transform.DateTimeInput.Parsed;

/**
 * The free forms JavaScript's {@code Date} reads when the text is not one of the fixed formats of
 * {@link DateTimeInput}: numbers, month and day names, times with am/pm, zone words and offsets,
 * scanned left to right and then sorted into year, month and day.
 */
final class DateTimeFreeForm {

    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private DateTimeFreeForm() {
    }

    /**
     * The free forms JavaScript's {@code Date} reads ("08/01/2022", "Aug 1, 2022 10:00 PM",
     * "2017-05-15 09:24:15", "Tue Aug 01 2022 10:00:00 GMT+0200"); null when it is none of them.
     */
    static Parsed parse(String text) {
        List<Integer> numbers = new ArrayList<>();
        List<Integer> numberDigits = new ArrayList<>();
        int month = -1;
        int hour = -1;
        int minute = 0;
        int second = 0;
        int millis = 0;
        Boolean pm = null;
        Integer offset = null;
        boolean seenNumber = false;
        String s = text.trim();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = s.indexOf(')', i);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (Character.isDigit(c)) {
                int start = i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                String digits = s.substring(start, i);
                if (digits.length() > 9) {
                    return null;
                }
                int value = Integer.parseInt(digits);
                seenNumber = true;
                if (i < n && s.charAt(i) == ':' && hour < 0) {
                    hour = value;
                    i++;
                    int[] read = readNumber(s, i);
                    if (read == null) {
                        return null;
                    }
                    minute = read[0];
                    i = read[1];
                    if (i < n && s.charAt(i) == ':') {
                        read = readNumber(s, i + 1);
                        if (read == null) {
                            return null;
                        }
                        second = read[0];
                        i = read[1];
                        if (i < n && s.charAt(i) == '.') {
                            int msStart = i + 1;
                            read = readNumber(s, msStart);
                            if (read != null) {
                                String frac = s.substring(msStart, read[1]);
                                millis = Integer.parseInt((frac + "00").substring(0, 3));
                                i = read[1];
                            }
                        }
                    }
                    continue;
                }
                if (numbers.size() >= 3) {
                    return null;
                }
                numbers.add(value);
                numberDigits.add(digits.length());
                continue;
            }
            if (c == '+' || c == '-') {
                boolean isOffset = hour >= 0 || offset != null && offset == 0 && i > 0;
                int[] read = readNumber(s, i + 1);
                if (read != null && isOffset) {
                    int digits = read[1] - (i + 1);
                    int minutes;
                    int end = read[1];
                    if (digits <= 2) {
                        minutes = read[0] * 60;
                        if (end < n && s.charAt(end) == ':') {
                            int[] mm = readNumber(s, end + 1);
                            if (mm != null) {
                                minutes += mm[0];
                                end = mm[1];
                            }
                        }
                    } else {
                        minutes = read[0] / 100 * 60 + read[0] % 100;
                    }
                    offset = c == '-' ? -minutes : minutes;
                    i = end;
                    continue;
                }
                i++;
                continue;
            }
            if (Character.isLetter(c)) {
                int start = i;
                while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String word = s.substring(start, i).replace(".", "").toLowerCase(Locale.ROOT);
                if (word.equals("am") || word.equals("a")) {
                    pm = false;
                } else if (word.equals("pm") || word.equals("p")) {
                    pm = true;
                } else if (DateTimeInput.ZONE_WORDS.containsKey(word)) {
                    offset = DateTimeInput.ZONE_WORDS.get(word);
                } else if (word.equals("t")) {
                    continue;
                } else if (word.length() >= 3 && DateTimeInput.monthIndex(word) >= 0) {
                    month = DateTimeInput.monthIndex(word);
                } else if (word.length() >= 3 && isDayName(word)) {
                    continue;
                } else if (seenNumber) {
                    return null;
                }
                continue;
            }
            i++;
        }
        if (numbers.isEmpty()) {
            return null;
        }
        int year;
        int monthValue;
        int day;
        int first = numbers.get(0);
        boolean firstIsYear = numberDigits.get(0) >= 3 || !(first >= 1 && first <= 31);
        if (month < 0) {
            if (numbers.size() == 3 && firstIsYear) {
                year = first;
                monthValue = numbers.get(1);
                day = numbers.get(2);
            } else if (numbers.size() >= 2) {
                monthValue = first;
                day = numbers.get(1);
                year = numbers.size() == 3 ? numbers.get(2) : 2001;
            } else {
                return null;
            }
        } else {
            monthValue = month + 1;
            if (numbers.size() == 1) {
                day = first;
                year = 2001;
            } else if (firstIsYear) {
                year = first;
                day = numbers.get(1);
            } else {
                day = first;
                year = numbers.get(1);
            }
        }
        if (year >= 0 && year <= 49 && numberDigitsOf(numbers, numberDigits, year) <= 2) {
            year += 2000;
        } else if (year >= 50 && year <= 99 && numberDigitsOf(numbers, numberDigits, year) <= 2) {
            year += 1900;
        }
        if (hour < 0) {
            hour = 0;
        }
        if (pm != null) {
            if (hour > 12) {
                return null;
            }
            if (pm && hour < 12) {
                hour += 12;
            } else if (!pm && hour == 12) {
                hour = 0;
            }
        }
        try {
            LocalDateTime local;
            if (hour == 24 && minute == 0 && second == 0 && millis == 0) {
                local = LocalDate.of(year, monthValue, day).plusDays(1).atStartOfDay();
            } else {
                local = LocalDateTime.of(LocalDate.of(year, monthValue, day), LocalTime.of(hour, minute, second,
                        millis * 1_000_000));
            }
            return new Parsed(local, offset == null ? null : ZoneOffset.ofTotalSeconds(offset * 60), false);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int numberDigitsOf(List<Integer> numbers, List<Integer> digits, int value) {
        for (int k = 0; k < numbers.size(); k++) {
            if (numbers.get(k) == value) {
                return digits.get(k);
            }
        }
        return 4;
    }

    private static int[] readNumber(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == from || i - from > 9) {
            return null;
        }
        return new int[] {Integer.parseInt(s.substring(from, i)), i};
    }

    private static boolean isDayName(String word) {
        for (String d : DAYS) {
            if (d.startsWith(word.substring(0, 3))) {
                return true;
            }
        }
        return false;
    }
}
