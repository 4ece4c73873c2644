package dev.switchboard.platform.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** n8n's expression syntax and built-ins, evaluated as n8n evaluates them. */
class ExpressionsTest {

    private final Expressions expressions = new Expressions(JavaScriptEngine.shared());
    private final FakeData data = new FakeData()
            .item("{\"name\": \"Ada\", \"total\": 10, \"customer\": {\"email\": \"ada@example.com\"}, \"tags\": [\"a\", \"b\"], \"first name\": \"A\"}")
            .item("{\"name\": \"Bob\", \"total\": 20}")
            .node("Lookup", "{\"email\": \"one@example.com\"}", "{\"email\": \"two@example.com\"}");

    @AfterEach
    void close() {
        expressions.close();
    }

    private Object eval(String expression) {
        return expressions.evaluate(expression, data);
    }

    @Test
    void aWholeExpressionKeepsItsType() {
        assertThat(eval("={{ $json.total * 1.2 }}")).isEqualTo(12L);
        assertThat(eval("={{ $json.total / 4 }}")).isEqualTo(2.5);
        assertThat(eval("={{ $json.tags }}")).isEqualTo(List.of("a", "b"));
        assertThat(eval("={{ $json.customer }}")).isEqualTo(Map.of("email", "ada@example.com"));
        assertThat(eval("={{ true }}")).isEqualTo(true);
        assertThat(eval("={{ null }}")).isNull();
        assertThat(eval("={{ undefined }}")).isNull();
    }

    @Test
    void textAroundExpressionsMakesAString() {
        assertThat(eval("=Hello {{ $json.name }}, you owe {{ $json.total }} EUR")).isEqualTo("Hello Ada, you owe 10 EUR");
        assertThat(eval("=no expression")).isEqualTo("no expression");
        assertThat(eval("=list: {{ $json.tags }}")).isEqualTo("list: [\"a\",\"b\"]");
        assertThat(eval("=missing: [{{ $json.nothing }}]")).isEqualTo("missing: []");
    }

    @Test
    void bracesInsideTheCodeDoNotEndTheExpression() {
        assertThat(eval("={{ {a: 1}.a + 1 }}")).isEqualTo(2L);
        assertThat(eval("={{ '}}' + $json.name }}")).isEqualTo("}}Ada");
    }

    @Test
    void plainPropertyPathsAreResolvedWithoutJavaScript() {
        assertThat(Template.parse("{{ $json.customer.email }}").segments().get(0))
                .isInstanceOfSatisfying(Template.Code.class, c -> assertThat(c.path()).isNotNull());
        assertThat(Template.parse("{{ $json.total * 2 }}").segments().get(0))
                .isInstanceOfSatisfying(Template.Code.class, c -> assertThat(c.path()).isNull());
        assertThat(eval("={{ $json.customer.email }}")).isEqualTo("ada@example.com");
        assertThat(eval("={{ $json[\"first name\"] }}")).isEqualTo("A");
        assertThat(eval("={{ $json.tags[1] }}")).isEqualTo("b");
        assertThat(eval("={{ $input.item.json.name }}")).isEqualTo("Ada");
        assertThat(eval("={{ $('Lookup').item.json.email }}")).isEqualTo("one@example.com");
        assertThat(eval("={{ $node[\"Lookup\"].json.email }}")).isEqualTo("one@example.com");
        assertThat(eval("={{ $json.nothing }}")).isNull();
        // what a path cannot answer, JavaScript does: length of a string, a missing link
        assertThat(eval("={{ $json.name.length }}")).isEqualTo(3L);
        assertThatThrownBy(() -> eval("={{ $json.nothing.deeper }}")).hasMessageContaining("Cannot read");
    }

    @Test
    void theCurrentItemFollowsTheItemIndex() {
        data.itemIndex = 1;
        assertThat(eval("={{ $json.name }}")).isEqualTo("Bob");
        assertThat(eval("={{ $itemIndex }}")).isEqualTo(1L);
        assertThat(eval("={{ $('Lookup').item.json.email }}")).isEqualTo("two@example.com");
        assertThat(eval("={{ $json.name + '!' }}")).isEqualTo("Bob!");
    }

    @Test
    void inputAndOtherNodesAreReachable() {
        assertThat(eval("={{ $input.all().length }}")).isEqualTo(2L);
        assertThat(eval("={{ $input.first().json.name }}")).isEqualTo("Ada");
        assertThat(eval("={{ $input.last().json.name }}")).isEqualTo("Bob");
        assertThat(eval("={{ $('Lookup').all().map(i => i.json.email).join(',') }}")).isEqualTo("one@example.com,two@example.com");
        assertThat(eval("={{ $('Lookup').first().json.email }}")).isEqualTo("one@example.com");
        assertThat(eval("={{ $('Lookup').last().json.email }}")).isEqualTo("two@example.com");
        assertThat(eval("={{ $('Lookup').isExecuted }}")).isEqualTo(true);
        assertThat(eval("={{ $items('Lookup').length }}")).isEqualTo(2L);
        assertThat(eval("={{ $node['Lookup'].context.noItemsLeft }}")).isEqualTo(true);
        assertThatThrownBy(() -> eval("={{ $('Nope').item.json.x }}")).hasMessageContaining("Referenced node \"Nope\" doesn't exist");
        assertThatThrownBy(() -> eval("={{ $('Unexecuted').first() }}")).hasMessageContaining("hasn't been executed");
    }

    @Test
    void runAndWorkflowInformation() {
        assertThat(eval("={{ $workflow.name }}")).isEqualTo("Invoices");
        assertThat(eval("={{ $workflow.id }}")).isEqualTo("wf-1");
        assertThat(eval("={{ $execution.id }}")).isEqualTo("run-7");
        assertThat(eval("={{ $execution.mode }}")).isEqualTo("manual");
        assertThat(eval("={{ $vars.region }}")).isEqualTo("eu");
        assertThat(eval("={{ $runIndex }}")).isEqualTo(0L);
        assertThat(eval("={{ $prevNode.name }}")).isEqualTo("Before");
        assertThat(eval("={{ $parameter.field }}")).isEqualTo("value");
        assertThat(eval("={{ $('Lookup').params.of }}")).isEqualTo("Lookup");
    }

    @Test
    void conditionalHelpers() {
        assertThat(eval("={{ $if($json.total > 5, 'big', 'small') }}")).isEqualTo("big");
        assertThat(eval("={{ $ifEmpty($json.nothing, 'fallback') }}")).isEqualTo("fallback");
        assertThat(eval("={{ $ifEmpty('', 'fallback') }}")).isEqualTo("fallback");
        assertThat(eval("={{ $ifEmpty($json.name, 'fallback') }}")).isEqualTo("Ada");
        assertThat(eval("={{ $max(1, 5, 3) }}")).isEqualTo(5L);
        assertThat(eval("={{ $min(1, 5, 3) }}")).isEqualTo(1L);
    }

    @Test
    void datesUseTheRunsClockAndTheWorkflowsZone() {
        assertThat(eval("={{ $now.toISO() }}")).isEqualTo("2024-03-15T12:30:00.000Z");
        assertThat(eval("={{ $today.toISO() }}")).isEqualTo("2024-03-15T00:00:00.000Z");
        assertThat(eval("={{ $now }}")).isEqualTo("2024-03-15T12:30:00.000Z");
        data.zone = ZoneId.of("Europe/Berlin");
        assertThat(eval("={{ $now.toISO() }}")).isEqualTo("2024-03-15T13:30:00.000+01:00");
        assertThat(eval("={{ $now.toFormat('yyyy-MM-dd HH:mm') }}")).isEqualTo("2024-03-15 13:30");
        assertThat(eval("={{ DateTime.fromISO('2024-01-31').plus({months: 1}).toISODate() }}")).isEqualTo("2024-02-29");
        assertThat(eval("={{ $now.plus(1, 'day').toISODate() }}")).isEqualTo("2024-03-16");
        assertThat(eval("={{ $now.minus(2, 'hours').hour }}")).isEqualTo(11L);
        assertThat(eval("={{ Duration.fromObject({hours: 2}).as('minutes') }}")).isEqualTo(120L);
    }

    @Test
    void n8nExtensionMethodsOnStrings() {
        assertThat(eval("={{ 'a@b.co and more'.extractEmail() }}")).isEqualTo("a@b.co");
        assertThat(eval("={{ ''.isEmpty() }}")).isEqualTo(true);
        assertThat(eval("={{ 'x'.isNotEmpty() }}")).isEqualTo(true);
        assertThat(eval("={{ 'hello world'.toTitleCase() }}")).isEqualTo("Hello World");
        assertThat(eval("={{ 'Hello World'.toSnakeCase() }}")).isEqualTo("hello_world");
        assertThat(eval("={{ '42'.toNumber() + 1 }}")).isEqualTo(43L);
        assertThat(eval("={{ 'ada@example.com'.isEmail() }}")).isEqualTo(true);
        assertThat(eval("={{ 'see https://x.io/a now'.extractUrl() }}")).isEqualTo("https://x.io/a");
        assertThat(eval("={{ '<b>bold</b>'.removeTags() }}")).isEqualTo("bold");
        assertThat(eval("={{ '2024-05-01'.toDateTime().toISODate() }}")).isEqualTo("2024-05-01");
        assertThat(eval("={{ 'true'.toBoolean() }}")).isEqualTo(true);
        assertThat(eval("={{ '{\"a\":1}'.parseJson().a }}")).isEqualTo(1L);
    }

    @Test
    void n8nExtensionMethodsOnNumbersArraysAndObjects() {
        assertThat(eval("={{ (1.256).round(2) }}")).isEqualTo(1.26);
        assertThat(eval("={{ (4).isEven() }}")).isEqualTo(true);
        assertThat(eval("={{ [3, 1, 2].sum() }}")).isEqualTo(6L);
        assertThat(eval("={{ [3, 1, 2].max() }}")).isEqualTo(3L);
        assertThat(eval("={{ [2, 4].average() }}")).isEqualTo(3L);
        assertThat(eval("={{ [1, 1, 2].unique() }}")).isEqualTo(List.of(1L, 2L));
        assertThat(eval("={{ [1, null, '', 2].compact() }}")).isEqualTo(List.of(1L, 2L));
        assertThat(eval("={{ [].isEmpty() }}")).isEqualTo(true);
        assertThat(eval("={{ [5, 6].first() + [5, 6].last() }}")).isEqualTo(11L);
        assertThat(eval("={{ [{a: 1}, {a: 2}].pluck('a') }}")).isEqualTo(List.of(1L, 2L));
        assertThat(eval("={{ [1, 2, 3, 4, 5].chunk(2).length }}")).isEqualTo(3L);
        assertThat(eval("={{ $json.customer.isEmpty() }}")).isEqualTo(false);
        assertThat(eval("={{ $json.customer.hasField('email') }}")).isEqualTo(true);
        assertThat(eval("={{ ({a: 1, b: null}).compact() }}")).isEqualTo(Map.of("a", 1L));
        assertThat(eval("={{ ({a: 1}).keys() }}")).isEqualTo(List.of("a"));
    }

    @Test
    void anExpressionCannotChangeTheItemsItReads() {
        eval("={{ $json.customer.email = 'changed' }}");
        data.itemIndex = 1;
        data.itemIndex = 0;
        assertThat(data.input.get(0).json().get("customer")).isEqualTo(Map.of("email", "ada@example.com"));
    }

    @Test
    void syntaxErrorsAreReportedWithoutRunningAnything() {
        assertThat(expressions.syntaxError("={{ $json.a + }}")).startsWith("invalid syntax");
        assertThat(expressions.syntaxError("={{ $json.a + 1 }}")).isNull();
        assertThatThrownBy(() -> Template.parse("{{ $json.a")).hasMessageContaining("without a matching");
    }
}
