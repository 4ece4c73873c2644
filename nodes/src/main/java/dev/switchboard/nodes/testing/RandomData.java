package dev.switchboard.nodes.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fake but plausible records for the Debug Helper: users, addresses, e-mails, cards, ids and
 * network addresses. The same seed gives the same records.
 */
final class RandomData {

    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Clara", "David", "Emma", "Felix", "Grace",
            "Hugo", "Ines", "Jonas", "Karin", "Liam", "Mila", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tara",
            "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe");
    private static final List<String> LAST_NAMES = List.of("Anderson", "Becker", "Clarke", "Dubois", "Evans", "Fischer",
            "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Lopez", "Martin", "Nakamura", "Olsen", "Peters", "Quinn",
            "Rossi", "Schmidt", "Taylor", "Ueda", "Vargas", "Weber", "Young", "Zimmer");
    private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net", "mail.example",
            "test.example");
    private static final List<String> STREETS = List.of("Oak Street", "Maple Avenue", "Pine Road", "Cedar Lane",
            "Elm Drive", "Birch Way", "Willow Court", "Lake View", "Hill Crest", "River Walk");
    private static final List<String> CITIES = List.of("Springfield", "Riverton", "Lakeside", "Fairview", "Greenville",
            "Bristol", "Franklin", "Clinton", "Georgetown", "Salem");
    private static final List<String> STATES = List.of("Alabama", "California", "Colorado", "Florida", "Georgia",
            "Illinois", "Maine", "Nevada", "Oregon", "Texas", "Utah", "Vermont");
    private static final List<String> COUNTRIES = List.of("Australia", "Brazil", "Canada", "Denmark", "France",
            "Germany", "India", "Japan", "Kenya", "Mexico", "Norway", "Spain", "United States");
    private static final List<String> TLDS = List.of("com", "org", "net", "io", "dev");
    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The kinds of record, by n8n's option values. */
    static final List<String> TYPES = List.of("address", "latLong", "creditCard", "email", "ipv4", "ipv6", "macAddress",
            "nanoid", "url", "user", "uuid", "semver");

    private final Random random;

    RandomData(String seed) {
        this.random = seed == null || seed.isEmpty() ? new Random() : new Random(hash(seed));
    }

    private static long hash(String seed) {
        long h = 1125899906842597L;
        for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }

    /** One record of the given type; {@code nanoidAlphabet} and {@code nanoidLength} apply to "nanoid". */
    Map<String, Object> next(String type, String nanoidAlphabet, int nanoidLength) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (type) {
            case "address" -> {
                out.put("firstname", pick(FIRST_NAMES));
                out.put("lastname", pick(LAST_NAMES));
                out.put("street", (1 + random.nextInt(999)) + " " + pick(STREETS));
                out.put("city", pick(CITIES));
                out.put("zip", String.format("%05d", random.nextInt(100_000)));
                out.put("state", pick(STATES));
                out.put("country", pick(COUNTRIES));
            }
            case "latLong" -> out.put("location", String.format(java.util.Locale.ROOT, "%.4f, %.4f",
                    random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180));
            case "creditCard" -> {
                boolean master = random.nextBoolean();
                out.put("type", master ? "MasterCard" : "Visa");
                out.put("number", cardNumber(master ? "5" + (1 + random.nextInt(5)) : "4"));
                out.put("ccv", String.format("%03d", random.nextInt(1000)));
                out.put("exp", String.format("%02d/%02d", 1 + random.nextInt(12), 1 + random.nextInt(40)));
                out.put("holder_name", pick(FIRST_NAMES) + " " + pick(LAST_NAMES));
            }
            case "email" -> {
                out.put("email", email());
                out.put("confirmed", random.nextBoolean());
            }
            case "ipv4" -> out.put("ip", random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                    + "." + random.nextInt(256));
            case "ipv6" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    sb.append(i == 0 ? "" : ":").append(Integer.toHexString(random.nextInt(0x10000)));
                }
                out.put("ipv6", sb.toString());
            }
            case "macAddress" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    sb.append(i == 0 ? "" : ":").append(String.format("%02x", random.nextInt(256)));
                }
                out.put("mac", sb.toString());
            }
            case "nanoid" -> {
                String alphabet = nanoidAlphabet == null || nanoidAlphabet.isEmpty() ? ALNUM : nanoidAlphabet;
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < nanoidLength; i++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                out.put("nanoId", sb.toString());
            }
            case "url" -> out.put("url", "https://" + word(6) + "." + pick(TLDS));
            case "uuid" -> out.put("uuid", uuid());
            case "semver" -> out.put("version", random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(50));
            default -> {
                out.put("uid", uuid());
                out.put("email", email());
                out.put("firstname", pick(FIRST_NAMES));
                out.put("lastname", pick(LAST_NAMES));
                out.put("password", word(12));
            }
        }
        return out;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String word(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALNUM.charAt(10 + random.nextInt(26)));
        }
        return sb.toString();
    }

    private String email() {
        return (pick(FIRST_NAMES) + "." + pick(LAST_NAMES)).toLowerCase(java.util.Locale.ROOT) + random.nextInt(100)
                + "@" + pick(DOMAINS);
    }

    private String uuid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new java.util.UUID(hi, lo).toString();
    }

    /** A 16-digit number with a valid Luhn check digit. */
    private String cardNumber(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < 15) {
            sb.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int d = sb.charAt(14 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        sb.append((10 - sum % 10) % 10);
        return sb.toString();
    }
}
