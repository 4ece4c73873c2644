package dev.switchboard.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;

/** n8n's schedule rules as Quartz cron expressions. */
class ScheduleRulesTest {

    private static List<String> crons(String rulesJson) {
        return ScheduleRules.of(Json.parseObject("{\"rule\": {\"interval\": " + rulesJson + "}}")).stream()
                .map(ScheduleRules.Rule::cron).toList();
    }

    @Test
    void eachKindOfIntervalBecomesACronExpression() {
        assertThat(crons("""
                [{"field": "seconds", "secondsInterval": 10}, {"field": "minutes", "minutesInterval": 15},
                 {"field": "hours", "hoursInterval": 2, "triggerAtMinute": 30},
                 {"field": "days", "daysInterval": 1, "triggerAtHour": 9, "triggerAtMinute": 5},
                 {"field": "weeks", "weeksInterval": 1, "triggerAtDay": [1, 5], "triggerAtHour": 8},
                 {"field": "months", "monthsInterval": 3, "triggerAtDayOfMonth": 15, "triggerAtHour": 7}]"""))
                .containsExactly("*/10 * * * * ?", "0 */15 * * * ?", "0 30 */2 * * ?", "0 5 9 */1 * ?",
                        "0 0 8 ? * 2,6", "0 0 7 15 */3 ?");
    }

    @Test
    void n8nsDefaultsApplyWhenARuleSaysNothing() {
        assertThat(crons("[{}]")).containsExactly("0 0 0 */1 * ?");
        assertThat(ScheduleRules.of(Map.of())).hasSize(1);
    }

    @Test
    void unixCronExpressionsAreTranslated() {
        assertThat(ScheduleRules.quartz("*/5 * * * *")).isEqualTo("0 */5 * * * ?");
        assertThat(ScheduleRules.quartz("0 9 * * 1-5")).isEqualTo("0 0 9 ? * 2-6");
        assertThat(ScheduleRules.quartz("30 0 9 1 * *")).isEqualTo("30 0 9 1 * ?");
        assertThat(ScheduleRules.quartz("0 9 * * 0")).isEqualTo("0 0 9 ? * 1");
        assertThat(ScheduleRules.quartz("0 */2 * * MON")).isEqualTo("0 0 */2 ? * MON");
    }

    @Test
    void badRulesAreRefusedNamingTheRuleAndTheField() {
        assertThatThrownBy(() -> crons("[{}, {\"field\": \"minutes\", \"minutesInterval\": 0}]"))
                .hasMessage("rule 2: \"minutesInterval\" must be between 1 and 59, not 0");
        assertThatThrownBy(() -> crons("[{\"field\": \"cronExpression\", \"expression\": \"every tuesday\"}]"))
                .hasMessageContaining("rule 1: the cron expression \"every tuesday\" must have 5 or 6 fields");
        assertThatThrownBy(() -> crons("[{\"field\": \"fortnights\"}]")).hasMessage("rule 1: unknown field \"fortnights\"");
    }

    @Test
    void theTriggersItemDescribesTheMomentInTheWorkflowsZone() {
        Map<String, Object> item = ScheduleService.describe(Instant.parse("2024-05-01T08:05:09Z"), ZoneId.of("Europe/Berlin"));
        assertThat(item).containsEntry("timestamp", "2024-05-01T10:05:09+02:00").containsEntry("Day of week", "Wednesday")
                .containsEntry("Hour", "10").containsEntry("Minute", "05").containsEntry("Month", "May")
                .containsEntry("Timezone", "Europe/Berlin (UTC+02:00)");
    }
}
